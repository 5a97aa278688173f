"""Front-matter values reach every built page as text: hostile values run nothing."""

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import at_moment, build_real_site, copy_real_site

# What an editor (or a stolen back-office account) could commit, as issue 14 tried it.
SCRIPT = "/static/js/x.js"
TITLE = f'Défi <script src="{SCRIPT}"></script>'
RESUME = 'x"><meta http-equiv="refresh" content="0;url=https://attaquant.example/">'
PROFIL = '<img src=x onerror="alert(1)">Design'
PLACE = "Paris <b onmouseover=alert(1)>ici</b>"
OWNER = "Ministère ' onfocus='alert(1)"


def _challenge_files(site):
    return sorted((site / "content" / "defis").glob("*.md"))


def _poison(path):
    """Give one challenge file hostile values in every field a page shows."""
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    data = yaml.safe_load(front)
    data.update(
        title=TITLE,
        resume=RESUME,
        profils=[PROFIL, "Science des données"],
        lieu=PLACE,
        administration=OWNER,
    )
    data.pop("redirect_from", None)
    path.write_text("---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n" + body, "utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    site = copy_real_site(tmp_path_factory.mktemp("hostile"))
    (site / "static" / "js").mkdir(parents=True, exist_ok=True)
    (site / "static" / "js" / "x.js").write_text("document.title = 'pwned';\n")
    _poison(_challenge_files(site)[0])
    result = build_real_site(site, env=at_moment("open"))
    assert result.returncode == 0, result.log
    return result


def _pages(output):
    return sorted(p for p in Path(output).rglob("*.html") if "admin" not in p.parts)


def _soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_no_page_loads_the_committed_script(hostile_site):
    for path in _pages(hostile_site.output):
        sources = [s.get("src", "") for s in _soup(path).find_all("script")]
        assert not any("x" in Path(src).stem for src in sources), path


def test_no_page_gains_an_event_handler(hostile_site):
    for path in _pages(hostile_site.output):
        for tag in _soup(path).find_all(True):
            handlers = [name for name in tag.attrs if name.lower().startswith("on")]
            assert not handlers, (path, tag)


def test_no_page_but_redirects_refreshes(hostile_site):
    for path in _pages(hostile_site.output):
        refresh = _soup(path).find_all("meta", attrs={"http-equiv": "refresh"})
        for meta in refresh:
            assert "attaquant" not in meta.get("content", ""), path


def test_home_description_keeps_the_resume_as_text(hostile_site):
    home = hostile_site.html("index.html")
    description = home.find("meta", attrs={"name": "description"})
    assert description is not None
    assert len(home.find_all("meta", attrs={"http-equiv": "refresh"})) == 0
    card = next(c for c in home.select(".fr-card") if TITLE in c.get_text())
    assert card.select_one(".fr-card__desc").get_text() == RESUME


def test_challenge_page_shows_each_value_as_written(hostile_site):
    page = next(p for p in _pages(hostile_site.output / "defis") if TITLE in _soup(p).h1.get_text())
    soup = _soup(page)
    assert soup.h1.get_text() == TITLE
    assert soup.title.get_text().startswith(TITLE + " – ")
    assert soup.find("meta", attrs={"name": "description"})["content"] == RESUME
    assert soup.find("meta", attrs={"property": "og:title"})["content"].startswith(TITLE)
    assert PROFIL in [li.get_text() for li in soup.select("article ul li")]
    assert soup.find("img") is None
    facts = [dd.get_text() for dd in soup.select(".eig-facts dd")]
    assert OWNER in facts and PLACE in facts
    assert soup.select_one(".fr-breadcrumb [aria-current=page]").get_text() == TITLE


def test_sitemap_page_lists_the_title_as_text(hostile_site):
    soup = hostile_site.html("plan-du-site/index.html")
    assert TITLE in [a.get_text() for a in soup.select(".eig-sitemap a")]
    assert soup.find("script") is None
