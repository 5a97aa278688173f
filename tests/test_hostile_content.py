"""Hostile content: whatever an editor, a pull request or a stolen back-office account
commits either builds into pages with nothing unsafe in them (read by an HTML5 parser,
as a browser reads them), or stops the build with an editor's message, output/ untouched.

A copy of the real site is rebuilt by one kept build process (scripts/build_worker.py,
as `make serve` does): for each generated example, and once for all the known vectors,
each in a challenge of its own (then once more without the refused ones).
"""

from dataclasses import dataclass
from pathlib import Path

import pytest
import site_content
from conftest import at_moment, module_folder, tree
from hostile_helpers import (
    BODIES,
    HTML_FILES,
    MESSAGE,
    SVG_FILES,
    VALUES,
    VECTORS,
    HostileSite,
    form_origin,
    readings,
    unsafe_in_html,
    unsafe_in_readings,
    unsafe_in_svg,
)
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from pelican.settings import read_settings

EXAMPLES = settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
    # A failing example is told as found: shrinking one rebuilds the site hundreds of times.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
CHALLENGE = "content/defis/2017-09-27-hostile.md"


@pytest.fixture(scope="module")
def site(request):
    with module_folder(request, "hostile") as folder:
        # The call open: /candidater/ embeds the form, the one frame allowed.
        env = at_moment("open")
        hostile = HostileSite(folder / "site", env)
        hostile.form_origin = form_origin(
            read_settings(str(hostile.root / "pelicanconf.py"))["APPLICATION_FORM_URL"]
        )
        yield hostile
        hostile.close()


def challenge(body, **front):
    """A challenge file with the schema's keys, `front` over them."""
    values = {
        "title": "Défi hostile",
        "numero": 99,
        "resume": "Un résumé.",
        "administration": "Ministère de l'Exemple",
        "direction": "Direction des essais",
        "profils": ["Développement : un profil"],
        "competences": ["développement"],
        **front,
    }
    lines = ["---"]
    for key, value in values.items():
        if isinstance(value, list):
            lines.append(f"{key}:")
            lines.extend(f"  - {quoted(item)}" for item in value)
        else:
            lines.append(f"{key}: {quoted(value) if isinstance(value, str) else value}")
    return "\n".join([*lines, "---", body, ""])


def quoted(text):
    """A YAML double-quoted string: any text, as the back office would write it."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in escaped) + '"'


def assert_safe_or_refused(site, files, links=None):
    """Build with `files` (and `links`: path -> symlink target); then nothing unsafe in
    any page that changed, or a refusal told as `path:line:`, with output/ as it was."""
    before = tree(site.output)
    try:
        site.write(files)
        for rel, target in (links or {}).items():
            site.link(rel, target)
        status, log = site.build()
        assert "Traceback" not in log, log
        if status == 0:
            for rel, text in site.changed_pages().items():
                found = (
                    unsafe_in_svg(text.encode())
                    if rel.endswith(".svg")
                    else unsafe_in_html(text, rel, site.form_origin)
                )
                assert found == [], f"{rel}: {found}"
        else:
            assert status == 1, log
            assert MESSAGE.search(log), log
            assert tree(site.output) == before, "a refused build changed output/"
        return status, log
    finally:
        site.undo()


# The check itself, on markup as it would reach a page: what it must find, and where.
FORM = "https://formulaire.example/"
CHECKED = [
    ("<p>Texte <em>sûr</em>, <a href='/defis/'>un lien</a>.</p>", []),
    ('<script type="application/ld+json">{}</script>', []),
    ("<script>alert(1)</script>", ["<script> <script> alert(1)"]),
    ("<img src=x alt=a onerror=alert(1)>", ["handler onerror on <img>"]),
    (
        "<details open ontoggle=alert(1)><summary>x</summary></details>",
        ["handler ontoggle on <details>"],
    ),
    (
        '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
        ["xlink:href=javascript:alert(1) on <a>"],
    ),
    ('<a href=" &#1;JaVaScRiPt:alert(1)">x</a>', ["href= \x01JaVaScRiPt:alert(1) on <a>"]),
    ('<p style="color:red">x</p>', ["style= on <p>"]),
    ("<style>p{}</style>", ["<style>"]),
    (
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        ["refresh to https://evil.example/"],
    ),
    ('<meta http-equiv="refresh" content="0;url=/defis/">', []),
    (f'<iframe src="{FORM}candidature"></iframe>', []),
    (
        '<iframe src="https://evil.example/"></iframe>',
        ['foreign <iframe> <iframe src="https://evil.example/">'],
    ),
    # A template's content is outside the document, yet a script may put it in.
    ("<template><template><b onclick=x>y</b></template></template>", ["handler onclick on <b>"]),
    # With scripts off, a <noscript>'s content is markup: its frame loads.
    (
        "<noscript><iframe src=https://evil.example/></iframe></noscript>",
        ['foreign <iframe> <iframe src="https://evil.example/">'],
    ),
    # With scripts on, a <noscript>'s content is text: "</noscript>" in a title ends it.
    (
        '<noscript><p title="</noscript><img src=x alt=a onerror=alert(1)>">',
        ["handler onerror on <img>"],
    ),
]


@pytest.mark.parametrize(("markup", "expected"), CHECKED)
def test_the_check_finds_what_a_browser_would_run_or_load(markup, expected):
    page = f"<!doctype html><html lang=fr><title>x</title><body>{markup}</body></html>"
    assert unsafe_in_html(page, "page/index.html", FORM) == expected


def test_the_real_site_has_nothing_unsafe(site):
    frames = []
    for rel, data in site.baseline.items():
        if rel.endswith(".html"):
            trees = readings(data.decode("utf-8"))
            assert unsafe_in_readings(trees, rel, site.form_origin) == [], rel
            frames += [frame.get("src", "") for frame in trees[0].iter("iframe")]
    if not site_content.form_embedded():  # FORM_EMBED = False: no frame at all
        assert frames == []
        return
    assert any(src.startswith(site.form_origin) for src in frames), (
        "the form's frame, the one the check lets through, is not in the site: open the call"
    )


# Each known vector in a challenge of its own, all built together (two builds, not one a
# vector): a refusal names its file, and each challenge's page is checked on its own.
VECTOR_FILES = {
    vector: f"content/defis/2017-09-27-hostile-{n:02d}.md" for n, vector in enumerate(VECTORS)
}


@dataclass
class VectorBuilds:
    """The known vectors built at once: the refused ones told, then the others built."""

    refusal: tuple  # (status, log, output/ unchanged?) of the build with every vector
    refused: dict  # vector -> the message lines naming its file
    status: int  # of the build with the vectors not refused
    log: str
    unsafe: dict  # save_as -> what a browser would find unsafe there, for each changed page


@pytest.fixture(scope="module")
def vector_builds(site):
    files = {
        rel: challenge(f"Avant.\n\n{vector}\n\nAprès.", title=f"Défi hostile {n}", numero=100 + n)
        for n, (vector, rel) in enumerate(VECTOR_FILES.items())
    }
    before = tree(site.output)
    try:
        site.write(files)
        status, log = site.build()
        unchanged = tree(site.output) == before
    finally:
        site.undo()
    lines = log.splitlines()
    refused = {
        vector: [line for line in lines if line.startswith(f"{rel}:") and MESSAGE.match(line)]
        for vector, rel in VECTOR_FILES.items()
    }
    refused = {vector: told for vector, told in refused.items() if told}
    try:
        site.write(
            {
                rel: text
                for rel, text in files.items()
                if rel not in {VECTOR_FILES[v] for v in refused}
            }
        )
        built, built_log = site.build()
        unsafe = {}
        if built == 0:
            for rel, text in site.changed_pages().items():
                unsafe[rel] = (
                    unsafe_in_svg(text.encode())
                    if rel.endswith(".svg")
                    else unsafe_in_html(text, rel, site.form_origin)
                )
    finally:
        site.undo()
    return VectorBuilds((status, log, unchanged), refused, built, built_log, unsafe)


@pytest.mark.parametrize("vector", VECTORS)
def test_each_known_vector_in_a_body_is_refused_or_harmless(vector_builds, vector):
    status, log, unchanged = vector_builds.refusal
    assert "Traceback" not in log, log
    if vector in vector_builds.refused:
        assert status == 1, log
        assert unchanged, "a refused build changed output/"
        return
    assert "Traceback" not in vector_builds.log, vector_builds.log
    assert vector_builds.status == 0, vector_builds.log
    slug = Path(VECTOR_FILES[vector]).stem.partition("-hostile-")[2]
    own = [rel for rel in vector_builds.unsafe if f"hostile-{slug}/" in rel]
    assert own, f"no page of {VECTOR_FILES[vector]} was written"
    # The pages that list every challenge changed too: each vector's test checks them.
    for rel, found in vector_builds.unsafe.items():
        if rel in own or "hostile-" not in rel:
            assert found == [], f"{rel}: {found}"


@EXAMPLES
@pytest.mark.slow
@given(body=BODIES, description=BODIES)
def test_hostile_bodies_and_markdown_fields(site, body, description):
    page = f"---\nlayout: page\ntitle: Hostile\ndescription: {quoted(description)}\n---\n"
    assert_safe_or_refused(site, {CHALLENGE: challenge(body), "pages/hostile.md": page})


@EXAMPLES
@pytest.mark.slow
@given(svg=SVG_FILES, html=HTML_FILES, include=BODIES)
def test_hostile_static_files_and_includes(site, svg, html, include):
    uses = "---\nlayout: page\ntitle: Inclus\n---\nAvant.\n\n{% include hostile.html %}\n"
    assert_safe_or_refused(
        site,
        {
            "static/hostile.svg": svg,
            "static/hostile.html": html,
            "pages/_includes/hostile.html": include,
            "pages/inclus.md": uses,
        },
    )


def _has_text(path):
    try:
        return bool(Path(path).read_bytes().strip())
    except OSError:
        return False


# -- needs the other parts of issue 14 (autoescape; the repository as a boundary) ---------


@EXAMPLES
@pytest.mark.slow
@given(
    title=VALUES,
    resume=VALUES,
    administration=VALUES,
    profils=st.lists(VALUES, min_size=1, max_size=2),
)
def test_hostile_front_matter_values(site, title, resume, administration, profils):
    # `competences` is checked against a list of skills (content_schema): no room there.
    text = challenge(
        "Un texte sans piège.",
        title=title,
        resume=resume,
        administration=administration,
        direction=resume,
        profils=profils,
    )
    assert_safe_or_refused(site, {CHALLENGE: text})


# Files of the build machine, with something in them to look for in output/.
HOST_FILES = [p for p in ("/etc/passwd", "/etc/os-release", "/etc/hosts") if _has_text(p)]


@pytest.mark.slow
@settings(EXAMPLES, max_examples=8)
@given(
    target=st.sampled_from(HOST_FILES),
    where=st.sampled_from(
        ["static/hote.txt", "static/hote/fichier.css", "pages/_includes/hote.html", CHALLENGE]
    ),
)
def test_no_host_file_is_published(site, target, where):
    uses = "---\nlayout: page\ntitle: Inclus\n---\n{% include hote.html %}\n"
    files = {"pages/inclus.md": uses} if where.startswith("pages/_includes/") else {}
    status, _ = assert_safe_or_refused(site, files, links={where: target})
    if status == 0:
        secret = Path(target).read_bytes().strip()
        published = [rel for rel, data in tree(site.output).items() if secret in data]
        assert published == [], f"{target} published as {published}"
