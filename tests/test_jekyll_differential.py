"""Every case of tests/fixtures/jekyll_corpus renders as Jekyll 4.3 (kramdown, GFM) renders it.

Jekyll builds the corpus once; Pelican builds it once with pelican_jekyll.markdown and
jekyll_compat; each case compares the two bodies as trees (an HTML5 parser's).
"""

import difflib
import shutil

import pytest
from conftest import FIXTURE_SETTINGS, FIXTURES, build_fixture
from pelican_jekyll.markdown import parity

CORPUS = FIXTURES / "jekyll_corpus"
PAGES = sorted(p.relative_to(CORPUS).as_posix() for p in (CORPUS / "pages").glob("*.md"))
INCLUDES = FIXTURE_SETTINGS["JEKYLL_COMPAT"]["includes"]
# What the fixture settings give the reader: the site's title, pretty URLs.
JEKYLL_CONFIG = f"title: {FIXTURE_SETTINGS['SITENAME']}\npermalink: pretty\n"


def _pretty(rel):
    """The page's address folder: its permalink, or its name (the reader's pretty URLs)."""
    text = (CORPUS / rel).read_text(encoding="utf-8")
    found = parity.PERMALINK.search(text.split("\n---", 1)[0])
    return found.group(1).strip("/") if found else rel.removeprefix("pages/")[: -len(".md")]


@pytest.fixture(scope="session")
def jekyll(tmp_path_factory):
    """The corpus as the real Jekyll renders it, pages at the site's root as the reader has them."""
    if shutil.which("jekyll") is None:
        pytest.fail("jekyll est absent : `make test` l'installe (paquet Debian jekyll)")
    documents = {}
    for rel in PAGES:
        text = (CORPUS / rel).read_text(encoding="utf-8")
        documents[rel.removeprefix("pages/")] = text
        documents[rel] = text  # where `{% link pages/… %}` finds it
    for path in (CORPUS / INCLUDES).glob("*"):
        documents[f"_includes/{path.name}"] = path.read_text(encoding="utf-8")
    rendered = parity.jekyll_render(
        documents, tmp_path_factory.mktemp("jekyll"), config=JEKYLL_CONFIG
    )
    return {rel: rendered[rel.removeprefix("pages/")] for rel in PAGES}


@pytest.fixture(scope="session")
def ours(tmp_path_factory):
    """The corpus built by Pelican with the site's Markdown and Jekyll plugins."""
    site = tmp_path_factory.mktemp("corpus")
    shutil.copytree(CORPUS, site, dirs_exist_ok=True)
    result = build_fixture(
        site, PLUGINS=["pelican_jekyll.markdown", "jekyll_compat", "templated_only"]
    )
    assert result.returncode == 0, result.log
    return result


def test_corpus_covers_every_page():
    assert len(PAGES) >= 50


@pytest.mark.parametrize("rel", PAGES)
def test_renders_as_jekyll(rel, jekyll, ours):
    main = ours.html(f"{_pretty(rel)}/index.html").select_one("main")
    mine = main.decode_contents()
    reference = jekyll[rel]
    expected, actual = parity.normalise(reference), parity.normalise(mine)
    diff = "\n".join(
        difflib.unified_diff(
            expected.split("\n"), actual.split("\n"), "jekyll", "pelican", lineterm=""
        )
    )
    assert actual == expected, (
        f"{rel} ne rend pas comme Jekyll.\n--- Jekyll :\n{reference}\n--- Pelican :\n{mine}\n{diff}"
    )
