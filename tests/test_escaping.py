"""Front-matter values reach every built page as text: hostile values run nothing."""

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, at_moment, build_real_site, copy_real_site, module_folder
from parsed_pages import parse_file

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
def hostile_site(request):
    with module_folder(request, "hostile") as folder:
        site = copy_real_site(folder, plugins=False)
        (site / "static" / "js").mkdir(parents=True, exist_ok=True)
        (site / "static" / "js" / "x.js").write_text("document.title = 'pwned';\n")
        _poison(_challenge_files(site)[0])
        result = build_real_site(site, env=at_moment("open"))
        assert result.returncode == 0, result.log
        yield result


def _pages(output):
    return sorted(p for p in Path(output).rglob("*.html") if "admin" not in p.parts)


def _soup(path):
    return parse_file(path)


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
    assert soup.find("meta", attrs={"property": "og:description"})["content"] == RESUME
    assert PROFIL in [li.get_text() for li in soup.select("article ul li")]
    assert soup.find("img") is None
    facts = [dd.get_text() for dd in soup.select(".eig-facts dd")]
    assert OWNER in facts and PLACE in facts
    assert soup.select_one(".fr-breadcrumb [aria-current=page]").get_text() == TITLE


def test_sitemap_page_lists_the_title_as_text(hostile_site):
    soup = hostile_site.html("plan-du-site/index.html")
    assert TITLE in [a.get_text() for a in soup.select(".eig-sitemap a")]
    assert soup.find("script") is None


JINJA = re.compile(r"\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}", re.S)
ATTRIBUTE = re.compile(r'\s*([^\s=>/"]+)(\s*=\s*)?')


def _unquoted_attributes(text):
    """(line, attribute) of each attribute of a template's tags whose value is not in "…"."""
    # Jinja's tags become blanks of their size: "<h1" in {% if "<h1" in x %} is no tag.
    text = JINJA.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    found = []
    for tag in re.finditer(r"<[a-zA-Z][\w-]*", text):
        position = tag.end()
        while position < len(text):
            if text[position].isspace():
                position += 1
                continue
            if text.startswith((">", "/>"), position):
                break
            attribute = ATTRIBUTE.match(text, position)
            position = attribute.end()
            if attribute.group(2):
                if text[position] != '"':
                    found.append((text.count("\n", 0, position) + 1, attribute.group(1)))
                    break
                position = text.index('"', position + 1) + 1
    return found


def test_every_template_attribute_is_double_quoted():
    # Printed values escape " but keep ' (safe_html.as_text): a value inside a
    # single-quoted or unquoted attribute could end it.
    for path in sorted((ROOT / "templates").rglob("*.html")):
        assert _unquoted_attributes(path.read_text(encoding="utf-8")) == [], path


def test_the_attribute_scan_finds_single_quotes_and_bare_values():
    assert _unquoted_attributes("<a\n class='x' href=\"{{ u }}\">") == [(2, "class")]
    assert _unquoted_attributes('<p title="{{ "<b" }}">{% if "<h1" %}') == []
    assert _unquoted_attributes('<p {% if a %}id="b"{% endif %} title={{ t }}>') == [(1, "title")]
    assert _unquoted_attributes('<input hidden data-x="a=b">') == []


def test_a_printed_value_escapes_what_ends_a_tag_or_an_attribute():
    from strict_content.safe_html import as_text

    assert as_text("a\"<b>&'") == "a&#34;&lt;b&gt;&amp;'"


def test_a_front_matter_value_printed_by_liquid_in_a_body_is_text(build):
    result = build(
        {"pages/x.md": f"---\nlayout: page\ntitle: '{TITLE}'\n---\nTitre : {{{{ page.title }}}}\n"}
    )
    assert result.returncode == 0, result.log
    body = (result.output / "x/index.html").read_text(encoding="utf-8")
    # The body alone: the fixture theme has no autoescape (the real site's templates do).
    main = BeautifulSoup(body, "html.parser").main
    assert main.find("script") is None
    assert main.get_text() == f"Titre : {TITLE}"
