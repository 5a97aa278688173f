"""Linkable sections: long pages open with a DSFR summary of their headings, whose
anchors are stable and never take an id of the template's."""

import shutil

import pytest
import site_content
from conftest import ROOT, at_moment, build_real_site, copy_real_site, module_folder
from page_summary.headings import summarise
from page_summary.reserved_ids import theme_ids

SETTINGS = site_content.settings()
OPTIONS = SETTINGS["PAGE_SUMMARY"]
LEVEL = f"h{OPTIONS['level']}"
PAGES = site_content.pages()
STATES = ["upcoming", "open", "closed"]


def site_in(request, state):
    return request.getfixturevalue("real_site" if state == "open" else f"{state}_site")


def sections(html):
    """The headings of the page's text that a summary lists, as (id, text)."""
    article = html.select_one("main article")
    if article is None:
        return []
    return [(h.get("id"), " ".join(h.get_text().split())) for h in article.select(LEVEL)]


def summary_links(html):
    return [
        (a["href"], " ".join(a.get_text().split()))
        for a in html.select("main nav.fr-summary a.fr-summary__link")
    ]


def wants_summary(page, html):
    """What the front matter and PAGE_SUMMARY say of this page."""
    asked = site_content.front_matter(site_content.SITE_ROOT / page.source).get("sommaire")
    if asked is not None:
        return asked
    threshold = OPTIONS.get("min_headings")
    return threshold is not None and len(sections(html)) >= threshold


# -- the real site ------------------------------------------------------------------


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.source)
def test_a_page_has_the_summary_its_settings_say_and_each_link_finds_its_section(
    request, state, page
):
    html = site_in(request, state).html(page.save_as)
    links = summary_links(html)
    # Pages of other layouts (candidater, defis…) have no <article> and print none.
    if html.select_one("main article") is None or not wants_summary(page, html):
        assert links == []
        assert html.select("main nav.fr-summary") == []
        return
    assert links == [(f"#{anchor}", text) for anchor, text in sections(html)]
    for href, _ in links:
        targets = html.find_all(id=href[1:])
        assert len(targets) == 1, href
        assert targets[0].name == LEVEL


@pytest.mark.parametrize("state", STATES)
def test_every_built_page_has_unique_ids(request, state):
    site = site_in(request, state)
    for save_as in sorted(f for f in site.files() if f.endswith(".html")):
        ids = [tag.attributes["id"] for tag in site.tree(save_as).css("[id]")]
        assert len(ids) == len(set(ids)), (save_as, sorted(i for i in ids if ids.count(i) > 1))


def test_faq_opens_with_the_list_of_its_questions(real_site):
    faq = next(p for p in PAGES if p.source == "pages/faq.md")
    html = real_site.html(faq.save_as)
    article = html.select_one("main article")
    nav = article.select_one("nav.fr-summary")
    assert nav is not None
    # Right after the page's title, before the first question.
    assert nav.find_previous_sibling().name == "h1"
    questions = sections(html)
    assert questions and len(summary_links(html)) == len(questions)
    title = nav.select_one(".fr-summary__title")
    assert nav["aria-labelledby"] == title["id"]


def test_faq_questions_keep_the_anchors_their_file_gives(real_site):
    # `## Question {#anchor}`: an anchor that rewording the question leaves alone.
    source = (site_content.SITE_ROOT / "pages/faq.md").read_text(encoding="utf-8")
    given = [line.rsplit("{#", 1)[1].rstrip("} ") for line in source.splitlines() if "{#" in line]
    faq = next(p for p in PAGES if p.source == "pages/faq.md")
    assert given == [anchor for anchor, _ in sections(real_site.html(faq.save_as))]


# -- a copy of the real site, with pages of its own ------------------------------------

TEMPLATE_IDS = sorted(theme_ids(ROOT))
LONG = "\n".join(f"## Section {n}\n\nTexte {n}.\n" for n in range(1, 8))


@pytest.fixture(scope="module")
def own_pages(request):
    """The real site with pages whose headings are the template's ids, and others."""
    with module_folder(request, "summary") as folder:
        site = copy_real_site(folder, plugins=False)
        headings = "\n".join(f"## {name}\n\n[Retour](#{name})\n" for name in TEMPLATE_IDS)
        files = {
            "pages/ids.md": f"---\ntitle: Ids\nsommaire: true\n---\n{headings}",
            "pages/longue.md": f"---\ntitle: Longue\n---\n{LONG}",
            "pages/refus.md": f"---\ntitle: Refus\nsommaire: false\n---\n{LONG}",
            "pages/courte.md": "---\ntitle: Courte\n---\n## Une\n\n## Deux\n",
            "pages/fixee.md": "---\ntitle: Fixée\nsommaire: true\n---\n## Une question ? {#q}\n",
        }
        for rel, text in files.items():
            (site / rel).write_text(text, encoding="utf-8")
        result = build_real_site(site, env=at_moment("open"))
        assert result.returncode == 0, result.log
        yield result


def test_template_ids_are_found(own_pages):
    # The ids the template writes on every page, whatever the content.
    for name in ("contenu", "navigation", "pied-de-page", "menu", "sommaire", "candidater"):
        assert name in TEMPLATE_IDS


def test_a_heading_never_takes_an_id_of_the_template(own_pages):
    html = own_pages.html("ids/index.html")
    ids = [tag["id"] for tag in html.find_all(id=True)]
    assert len(ids) == len(set(ids))
    links = summary_links(html)
    assert [text for _, text in links] == TEMPLATE_IDS
    for (href, _), name in zip(links, TEMPLATE_IDS, strict=True):
        assert href == f"#{name}-1"
        assert html.find(id=href[1:]).name == "h2"


def test_the_texts_own_links_follow_a_renamed_heading(own_pages):
    html = own_pages.html("ids/index.html")
    for heading in html.select("main article h2"):
        back = heading.find_next_sibling("p").find("a")
        assert back["href"] == f"#{heading['id']}"


def test_many_sections_bring_a_summary_unless_refused(own_pages):
    assert len(summary_links(own_pages.html("longue/index.html"))) == 7
    assert summary_links(own_pages.html("refus/index.html")) == []
    assert summary_links(own_pages.html("courte/index.html")) == []


def test_an_anchor_given_in_the_text_is_kept(own_pages):
    assert summary_links(own_pages.html("fixee/index.html")) == [("#q", "Une question ?")]


# -- the summary's ids alone --------------------------------------------------------


def test_anchors_stay_when_other_headings_change():
    before = "<h2 id='a'>A</h2><p>x</p><h2 id='b'>B</h2><h2 id='menu'>Menu</h2>"
    after = "<h2 id='a2'>A bis</h2><p>y</p><h2 id='b'>B</h2><h2 id='menu'>Menu</h2>"
    reserved = {"menu"}
    first = dict((t, a) for a, t in summarise(before, 2, reserved).entries)
    second = dict((t, a) for a, t in summarise(after, 2, reserved).entries)
    assert first["B"] == second["B"] == "b"
    assert first["Menu"] == second["Menu"] == "menu-1"


def test_a_renamed_id_skips_ids_already_taken():
    html = '<h2 id="menu">Menu</h2><h2 id="menu-1">Menu 1</h2>'
    summary = summarise(html, 2, {"menu"})
    assert summary.entries == (("menu-2", "Menu"), ("menu-1", "Menu 1"))
    assert '<h2 id="menu-2">Menu</h2>' in summary.html


def test_headings_without_text_or_id_are_no_entries():
    html = '<h2 id="vide"></h2><h2>Sans id</h2><h2 id="ok">Avec <em>id</em></h2>'
    assert summarise(html, 2, set()).entries == (("ok", "Avec id"),)


def test_a_body_with_no_reserved_id_is_left_as_it_is():
    html = '<h2 id="a">A</h2>\n<p>Texte &amp; lien <a href="#a">a</a></p>'
    assert summarise(html, 2, {"menu"}).html == html


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"min_headings": 0}, 'PAGE_SUMMARY["min_headings"]'),
        ({"level": 1}, 'PAGE_SUMMARY["level"]'),
        ({"niveau": 2}, "clé inconnue dans PAGE_SUMMARY : niveau"),
    ],
)
def test_a_wrong_setting_stops_the_build_in_french(tmp_path, value, message):
    site = copy_real_site(tmp_path / "site", plugins=False)
    conf = site / "pelicanconf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8") + f"\nPAGE_SUMMARY = {value!r}\n", encoding="utf-8"
    )
    result = build_real_site(site, env=at_moment("open"))
    assert result.returncode != 0
    assert "Traceback" not in result.log
    assert f"page_summary: {message}" in result.log, result.log
    assert result.files() == set()
    shutil.rmtree(site)


def test_a_heading_with_no_free_id_is_left_out_rather_than_linked_to_the_template():
    taken = "".join(f'<h3 id="menu-{n}">x</h3>' for n in range(1, 1000))
    summary = summarise(f'<h2 id="menu">Menu</h2>{taken}<h2 id="b">B</h2>', 2, {"menu"})
    assert summary.entries == (("b", "B"),)
