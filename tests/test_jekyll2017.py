"""The 2017 site's challenge files, dropped unchanged into content/defis/, build and show."""

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import skill_aliases_doc
import yaml
from conftest import build_real_site, module_folder
from content_schema.schema import SKILLS
from jekyll2017_helpers import posts, site_with_2017_files
from parsed_pages import parse_file

# The skills each 2017 file's `misc:` names, as the call's reference facts word them
# (shared/reference/challenges.yml); Prévisecours's file names only data science,
# where the reference adds the developer its team also sought.
REFERENCE_SKILLS = {
    "2018-01-01-archifiltre.md": {"développement", "data science"},
    "2018-01-01-balisenav.md": {"géomatique", "développement", "data science"},
    "2018-01-01-brigadenumerique.md": {"développement", "design"},
    "2018-01-01-coacheleves.md": {"data science"},
    "2018-01-01-dataesr.md": {"développement", "data science"},
    "2018-01-01-donneesauvetagemaritime.md": {"data science", "design", "datavisualisation"},
    "2018-01-01-eiglink.md": {"développement"},
    "2018-01-01-gobelins.md": {"design", "développement"},
    "2018-01-01-hopkins.md": {"data science", "développement"},
    "2018-01-01-labsante.md": {"data science", "datavisualisation", "design"},
    "2018-01-01-previsecours.md": {"data science"},
    "2018-01-01-signauxfaibles.md": {"data science", "développement"},
    "2018-01-01-socialconnect.md": {"design", "développement"},
}


def front_of(post):
    return yaml.safe_load(post.read_text(encoding="utf-8").split("---\n")[1])


@pytest.fixture(scope="module")
def built(request):
    """The real site with the 2017 files, built once: (build, {file name: image paths})."""
    with module_folder(request, "jekyll2017") as folder:
        site, linked = site_with_2017_files(folder)
        yield build_real_site(site), linked


def page_of(result, post):
    """The built page whose title is the 2017 file's `modal-id`."""
    title = front_of(post)["modal-id"]
    found = []
    for path in result.output.glob("defis/*/index.html"):
        soup = parse_file(path)
        h1 = soup.find("h1")
        if h1 is not None and h1.get_text(" ", strip=True) == title:
            found.append(soup)
    assert len(found) == 1, f"{post.name}: {len(found)} pages titled {title!r}"
    return found[0]


def test_there_are_13_files():
    assert len(posts()) == 13 == len(REFERENCE_SKILLS)
    assert {p.name for p in posts()} == set(REFERENCE_SKILLS)


def test_the_2017_files_replace_the_sites_own_challenges(built):
    # A challenge of today's, renamed with its old address kept (`redirect_from`), would
    # claim an address of a 2017 file of the same name and stop this build: none is kept.
    challenges = built[0].output.parent / "content" / "defis"
    assert sorted(p.name for p in challenges.glob("*.md")) == [p.name for p in posts()]


def test_the_13_files_build(built):
    result, _ = built
    assert result.returncode == 0, result.log
    assert "ERROR" not in result.log and "WARNING" not in result.log


@pytest.mark.parametrize("post", posts(), ids=lambda p: p.name)
def test_each_file_has_its_page(built, post):
    assert page_of(built[0], post) is not None


@pytest.mark.parametrize("post", posts(), ids=lambda p: p.name)
def test_each_image_shows_at_its_2017_address(built, post):
    result, linked = built
    soup = page_of(result, post)
    body = soup.find("main") or soup
    shown = {}
    for img in body.find_all("img"):
        src = urlsplit(img["src"]).path
        assert src.startswith("/"), src
        target = Path(result.output, unquote(src).lstrip("/"))
        assert target.is_file(), f"{post.name}: {src} is not a built file"
        assert img.get("alt", "").strip(), f"{post.name}: {src} has no alt"
        shown[unquote(src)] = img
    # Every image of the file's text shows, at the address the file wrote (/img/…).
    in_text = {p for p in linked[post.name] if f"({p}" in unquote(post.read_text("utf-8"))}
    assert in_text <= set(shown), in_text - set(shown)
    assert all(src.startswith("/img/") for src in in_text)


def test_images_of_static_img_are_published_at_img(built):
    result, linked = built
    every = {path for paths in linked.values() for path in paths}
    assert every and all((result.output / path.lstrip("/")).is_file() for path in every)
    assert not (result.output / "static" / "img").exists()


@pytest.mark.parametrize("post", posts(), ids=lambda p: p.name)
def test_skills_show_as_the_call_named_them(built, post):
    soup = page_of(built[0], post)
    tags = {a.get_text(strip=True) for a in soup.select('a[href*="/defis/competence/"]')}
    assert tags == REFERENCE_SKILLS[post.name]
    assert tags <= set(SKILLS)


def test_skill_pages_list_the_2017_files(built):
    result, _ = built
    written = {p.parent.name for p in result.output.glob("defis/competence/*/index.html")}
    # One page per allowed skill the files seek, whatever the file's spelling.
    assert written == {"data-science", "datavisualisation", "design", "developpement", "geomatique"}


def test_the_editors_alias_table_follows_the_schema():
    document = skill_aliases_doc.DOCUMENT.read_text(encoding="utf-8")
    assert skill_aliases_doc.render(document) == document, "run: scripts/skill_aliases_doc.py"
    assert "| `design` | « design ux »" in document
