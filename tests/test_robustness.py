"""Generated front matter and Markdown thrown at the build: a site or an editor's message.

Never a traceback, never a line that is not `path:line: what — what to do`, and
nothing written outside the output folder.
"""

import hashlib
import re
import tempfile
from pathlib import Path

import yaml
from conftest import STRICT_PLUGINS, build_fixture, write_files
from content_schema.schema import SCHEMAS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# One line per problem, naming a source file (or the build itself, for a
# warning about no file), then the final count.
EDITOR_LINE = re.compile(r"^(construction|(pages|content)/[^:]+)(:\d+)?: \S.* — \S.*$")
FINAL_LINE = "BuildFailed: site non construit : "
SETTINGS_FILE = "test_settings.py"  # written by conftest.build_fixture

# Strings that have broken builds elsewhere: addresses, Liquid, fences, huge text.
TRICKY = [
    "http://ailleurs.example/",
    "javascript:alert(1)",
    "/../../../etc/passwd",
    "/:inconnu/",
    "{{ page.inexistant }}",
    "{% link pages/absent.md %}",
    "{% include ../../pelicanconf.py %}",
    "---",
    "...",
    "!!python/object/apply:os.system ['true']",
    "AAAA-MM-JJ",
    "2017-02-30",
    "x" * 100_000,
    "é" * 5_000,
    "\u202e\u200b\ufeff",
    "🧪" * 50,
]
KEYS = sorted({key for kind in SCHEMAS.values() for f in kind.fields for key in f.keys})
MARKDOWN_PIECES = [
    "```python\nnon fermé",
    "~~~\n",
    "{% raw %}",
    "{% endraw %}",
    "{% if %}",
    "{{",
    "}}",
    "[lien](/absent/)",
    "[lien]({filename}absent.md)",
    "[ok](/ok/)",
    "![](image.png)",
    "![Une image](/static/absente.png)",
    '<img src="x.png" alt="x">',
    "<script>alert(1)</script>",
    '<a href="#" onmouseover="x()">a</a>',
    "<!-- commentaire non fermé",
    "<div>",
    "| a | b |\n|---|",
    "    code indenté",
    "> citation\n>",
    "\r\n",
    "\t",
]

text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.dates(),
    text,
    st.sampled_from(TRICKY),
)
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(text, children, max_size=3),
    max_leaves=12,
)


# As on the real site: a layout by default in each folder.
JEKYLL_COMPAT = {
    "defaults": [
        {"scope": {"path": "pages"}, "values": {"layout": "page"}},
        {"scope": {"path": "content/defis"}, "values": {"layout": "post"}},
    ]
}
FILES = {"pages/genere.md": SCHEMAS["page"], "content/defis/2017-09-27-genere.md": SCHEMAS["defi"]}


@st.composite
def front_matters(draw, kind):
    """A front matter: a valid one with random keys added, random keys, broken or deep YAML."""
    shape = draw(st.sampled_from(["valid"] * 4 + ["keys", "raw", "deep"]))
    if shape == "raw":
        return draw(text) + "\n"
    if shape == "deep":
        depth = draw(st.integers(min_value=50, max_value=3_000))
        return "title: Profond\nk: " + "[" * depth + "]" * depth + "\n"
    data = {f.name: f.example for f in kind.fields if f.required} if shape == "valid" else {}
    keys = st.one_of(st.sampled_from(KEYS), text.filter(lambda k: k.strip()))
    data.update(draw(st.dictionaries(keys, values, max_size=3 if shape == "valid" else 8)))
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


@st.composite
def content_files(draw):
    """(path, bytes): a challenge or a page, its front matter and Markdown body."""
    path = draw(st.sampled_from(sorted(FILES)))
    if draw(st.integers(min_value=0, max_value=9)) == 0:
        return path, draw(st.binary(max_size=200))  # not even UTF-8, perhaps
    pieces = draw(st.lists(st.one_of(text, st.sampled_from(MARKDOWN_PIECES + TRICKY)), max_size=8))
    fence = draw(st.sampled_from(["---\n", "---\n", "---\n", "", "--- \n"]))
    closer = draw(st.sampled_from(["---\n", "---\n", "---\n", "...\n", ""]))
    source = fence + draw(front_matters(FILES[path])) + closer + "\n".join(pieces) + "\n"
    return path, source.encode("utf-8")


def snapshot(folder, output):
    """Every file under `folder` but in `output`, with a digest of its bytes; Python's own
    bytecode cache of the settings file (when bytecode is written) is not the build's."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in folder.rglob("*")
        if path.is_file() and output not in path.parents and "__pycache__" not in path.parts
    }


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(content_files())
def test_any_content_builds_or_gets_an_editors_message(generated):
    path, data = generated
    with tempfile.TemporaryDirectory() as parent:
        site = Path(parent) / "site"
        ok = "---\nlayout: page\ntitle: OK\n---\nUne page valide.\n"
        files = {"pages/ok.md": ok, path: data}
        output = site / "output"
        write_files(site, files)
        before = snapshot(Path(parent), output)
        result = build_fixture(site, {}, PLUGINS=STRICT_PLUGINS, JEKYLL_COMPAT=JEKYLL_COMPAT)
        assert result.returncode in (0, 1), result.log
        assert "Traceback" not in result.log
        if result.returncode == 1:
            lines = result.error_lines()
            assert lines[-1].startswith(FINAL_LINE), result.log
            for line in lines[:-1]:
                assert EDITOR_LINE.match(line), line
        else:
            assert "ok/index.html" in result.files()
        after = snapshot(Path(parent), output)
        # Nothing but the settings file, which build_fixture writes, beside the output.
        assert after.pop("site/" + SETTINGS_FILE) and after == before
