"""Every relative link of the docs leads to a file of the repository, its anchor to a heading."""

import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

DOCUMENTS = sorted(
    [
        ROOT / "README.md",
        ROOT / "CONTRIBUTING.md",
        ROOT / "bench" / "RESULTS.md",
        *(ROOT / "docs").rglob("*.md"),
    ]
)


@cache
def rendered(path):
    """A Markdown file as GitHub shows it: links in code spans and code blocks are not links."""
    html = markdown.markdown(path.read_text(encoding="utf-8"), extensions=["tables", "fenced_code"])
    return BeautifulSoup(html, "html.parser")


def slug(text):
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")


@cache
def anchors(path):
    """The anchors of a Markdown file's headings, numbered on repeats as GitHub does."""
    seen, found = {}, set()
    for heading in rendered(path).find_all(re.compile(r"^h[1-6]$")):
        base = slug(heading.get_text())
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return found


def dead_links(document, root=ROOT):
    """Each relative link or image of `document` that leads nowhere, and why."""
    soup = rendered(document)
    targets = [a["href"] for a in soup.find_all("a", href=True)]
    targets += [img["src"] for img in soup.find_all("img", src=True)]
    dead = []
    for target in targets:
        parts = urlsplit(target)
        if parts.scheme or parts.netloc:
            continue  # another site: not the repository's business
        path = Path(unquote(parts.path))
        file = (document.parent / path).resolve() if parts.path else document
        if not file.is_relative_to(root):
            dead.append(f"{target}: hors du dépôt")
        elif not file.exists():
            dead.append(f"{target}: {file.relative_to(root)} n'existe pas")
        elif (
            parts.fragment and file.suffix == ".md" and unquote(parts.fragment) not in anchors(file)
        ):
            dead.append(f"{target}: pas de titre « #{unquote(parts.fragment)} »")
    return dead


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_relative_link_leads_to_a_file(document):
    assert dead_links(document) == []


def test_a_dead_link_and_a_dead_anchor_are_found(tmp_path):
    (tmp_path / "cible.md").write_text("# Un titre : le bon\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(
        "[bon](cible.md#un-titre--le-bon) [mort](absent.md) [ancre](cible.md#autre) "
        "[dehors](../ailleurs.md) `[code](absent.md)` [site](https://example.org/absent.md)\n",
        encoding="utf-8",
    )
    found = dead_links(page, root=tmp_path)
    assert [line.split(":")[0] for line in found] == [
        "absent.md",
        "cible.md#autre",
        "../ailleurs.md",
    ]


def test_the_readme_is_short():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) < 150


OURS = sorted(p.parent.name for p in (ROOT / "plugins").glob("*/__init__.py"))
SCRIPTS = sorted(p.name for p in (ROOT / "scripts").iterdir() if p.suffix in (".py", ".js"))
ARCHITECTURE = ROOT / "docs" / "architecture" / "README.md"


@pytest.mark.parametrize("plugin", OURS)
def test_the_architecture_page_names_every_plugin(plugin):
    assert f"| `{plugin}` |" in ARCHITECTURE.read_text(encoding="utf-8")


@pytest.mark.parametrize("script", SCRIPTS)
def test_the_architecture_page_names_every_script(script):
    assert f"| `scripts/{script}` |" in ARCHITECTURE.read_text(encoding="utf-8")
