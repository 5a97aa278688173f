"""The English version as a candidate meets it: its pages, their language, the selector.

Expectations come from the content (tests/english_content.py): pages/en/, every
challenge file and its English keys, the French pages without an English version.
"""

import re

import english_content
import pytest
import site_content
from conftest import at_moment, build_real_site, copy_real_site, module_folder
from english_content import english_call_texts, english_challenges, english_pages, fallbacks
from strict_content.site_paths import is_built

SETTINGS = site_content.settings()
ENGLISH = english_pages()
CHALLENGES = english_challenges()
FALLBACKS = fallbacks()
PAIRS = english_content.pairs()
HOME = next(p for p in ENGLISH if p.french_url == "/")
APPLY = next(p for p in ENGLISH if p.layout == "candidater")
FORM = site_content.form_url()
ENGLISH_FILES = sorted(english_content.english_files())


def selector_links(page):
    """{lang: href} of the header's language selector."""
    links = page.select("header nav.fr-translate a.fr-translate__language")
    return {a["hreflang"]: a["href"] for a in links}


def built(result, href):
    return is_built(href, set(result.files()))


def test_the_english_version_has_the_pages_a_candidate_needs():
    layouts = {p.layout for p in ENGLISH}
    assert {"page", "defis", "candidater"} <= layouts
    french = {p.french_url for p in ENGLISH}
    for item in ("/", "/reglement/", "/faq/", "/candidater/", "/defis/"):
        assert item in french, item
    for item in ("accessibilite/", "mentions-legales/", "donnees-personnelles/"):
        assert "/" + item in french, item


@pytest.mark.parametrize("save_as", ENGLISH_FILES)
def test_english_page_is_in_english_with_one_h1(real_site, save_as):
    page = real_site.html(save_as)
    assert page.html["lang"] == "en"
    assert len(page.select("h1")) == 1
    assert page.select_one('meta[property="og:locale"]')["content"].startswith("en")
    assert (
        page.select_one("header .fr-header__service-tagline").get_text()
        == SETTINGS["SITE_TAGLINE_EN"]
    )
    nav = [a.get_text() for a in page.select("#navigation a")]
    assert nav == [label for label, _ in SETTINGS["NAVIGATION_EN"]]
    footer = [a.get_text() for a in page.select(".fr-footer__bottom-link")]
    assert footer == [label for label, _ in SETTINGS["FOOTER_LINKS_EN"]]


@pytest.mark.parametrize("french, english, translated", PAIRS, ids=lambda v: str(v))
def test_each_page_links_to_its_other_language_and_back(real_site, french, english, translated):
    english_href = selector_links(real_site.html(french))["en"]
    assert english_href == "/" + english.removesuffix("index.html")
    back = selector_links(real_site.html(english))["fr"]
    assert back == "/" + french.removesuffix("index.html")
    assert built(real_site, english_href) and built(real_site, back)


@pytest.mark.parametrize("french, english, translated", PAIRS, ids=lambda v: str(v))
def test_hreflang_alternates_name_only_real_translations(real_site, french, english, translated):
    for save_as in (french, english):
        links = real_site.html(save_as).select('head link[rel="alternate"][hreflang]')
        found = {link["hreflang"]: link["href"] for link in links}
        if translated:
            assert found == {
                "fr": "/" + french.removesuffix("index.html"),
                "en": "/" + english.removesuffix("index.html"),
            }
        else:
            assert found == {}


@pytest.mark.parametrize("fallback", FALLBACKS, ids=lambda f: f.save_as)
def test_a_french_only_page_says_so_in_english_and_links_to_it(real_site, fallback):
    page = real_site.html(fallback.save_as)
    assert "only available in French" in page.h1.get_text()
    french = page.select_one(f'main a[href="{fallback.french_url}"]')
    assert french is not None and french["lang"] == "fr"


def test_the_sitemap_names_each_pages_translation(published_site):
    xml = (published_site.output / "sitemap.xml").read_text(encoding="utf-8")
    base = site_content.settings("publishconf.py")["SITEURL"]
    entries = dict(re.findall(r"<loc>(.*?)</loc>(.*?)</url>", xml, re.S))
    for french, english, translated in PAIRS:
        french_url = f"{base}/{french.removesuffix('index.html')}"
        english_url = f"{base}/{english.removesuffix('index.html')}"
        if french_url not in entries:  # hidden: not in the sitemap at all
            continue
        if not translated:
            assert english_url not in entries
            assert "hreflang" not in entries[french_url]
            continue
        for url in (french_url, english_url):
            links = re.findall(r'hreflang="(\w+)" href="([^"]+)"', entries[url])
            assert sorted(links) == [("en", english_url), ("fr", french_url)], url


@pytest.mark.parametrize("challenge", CHALLENGES, ids=lambda c: c.french.slug)
def test_english_challenge_page_gives_its_facts(real_site, challenge):
    page = real_site.html(challenge.save_as)
    h1 = page.h1
    if challenge.title_en:
        assert h1.get_text() == challenge.title_en and h1.get("lang") is None
    else:
        assert h1.get_text() == challenge.french.title and h1["lang"] == "fr"
    facts = {dt.get_text(): dt.find_next_sibling("dd") for dt in page.select("dl.eig-facts dt")}
    assert facts["Administration"].get_text() == challenge.french.administration
    assert facts["Administration"]["lang"] == "fr"
    if challenge.french.place:
        assert facts["Place"].get_text() == challenge.french.place
    lead = page.select_one("main .fr-text--lead")
    assert (lead.get_text() if lead else None) == challenge.resume_en
    if challenge.profils_en:
        items = [li.get_text() for li in page.select("main h2 + ul li")]
        assert list(challenge.profils_en) == items[: len(challenge.profils_en)]
    description = page.find("h2", string="Description").find_next_sibling("p")
    assert "in French" in description.get_text()
    assert description.a["href"] == challenge.french.url and description.a["lang"] == "fr"
    tags = [t.get_text() for t in page.select("main .fr-tags-group .fr-tag")]
    names = SETTINGS["SKILLS_EN"]
    assert tags == [names.get(s, s) for s in challenge.french.skills]


def test_english_lists_show_every_listed_challenge(real_site):
    listed = [c.url for c in CHALLENGES if c.french.listed]
    lists = next(p for p in ENGLISH if p.layout == "defis")
    for save_as in (HOME.save_as, lists.save_as):
        cards = real_site.html(save_as).select(".fr-card__title a")
        assert [a["href"] for a in cards] == listed, save_as


# -- the call's three states, in English ----------------------------------------------


def test_open_english_pages_lead_to_the_form_and_say_it_is_french(real_site):
    _, closes = english_call_texts()
    home = real_site.html(HOME.save_as).select_one("main .fr-callout")
    assert home.select_one(".fr-callout__title").get_text() == f"Applications open until {closes}"
    assert home.select_one("a.fr-btn")["href"].startswith(FORM)
    apply = real_site.html(APPLY.save_as)
    frames = [frame["src"] for frame in apply.select("iframe")]
    assert frames == ([FORM] if site_content.form_embedded() else [])
    section = apply.select_one("#formulaire").parent
    assert "in French" in section.get_text()
    assert section.select_one(f'a[href^="{FORM}"]') is not None
    header = real_site.html(HOME.save_as).select("header .fr-btns-group a")
    assert [a["href"] for a in header] == [FORM]


def test_upcoming_english_pages_say_when_the_call_opens(upcoming_site):
    opens, closes = english_call_texts()
    for save_as in (HOME.save_as, CHALLENGES[0].save_as, APPLY.save_as):
        box = upcoming_site.html(save_as).select_one("main .fr-callout")
        assert box.select_one(".fr-callout__title").get_text() == (
            f"The call for applications opens on {opens}"
        )
        assert closes in box.get_text()
        if save_as != APPLY.save_as:  # "Prepare your application": the English apply page
            assert box.select_one("a.fr-btn")["href"] == APPLY.url, save_as
    assert upcoming_site.html(APPLY.save_as).select("iframe") == []


def test_closed_english_pages_say_the_call_is_closed(closed_site):
    _, closes = english_call_texts()
    for save_as in (HOME.save_as, CHALLENGES[0].save_as, APPLY.save_as):
        box = closed_site.html(save_as).select_one("main .fr-callout")
        assert box.select_one(".fr-callout__title").get_text() == (
            "The call for applications is closed"
        )
        assert f"It closed on {closes}" in box.get_text()
        assert box.select_one("a.fr-btn") is None


def test_english_rules_give_the_calls_dates_in_english(real_site):
    rules = next(p for p in ENGLISH if p.french_url == "/reglement/")
    text = real_site.html(rules.save_as).select_one("main").get_text(" ")
    opens, _ = english_call_texts()
    closes_day = english_content.english_day(site_content.call_dates()[1])
    assert opens in " ".join(text.split()) and closes_day in " ".join(text.split())


def test_english_pages_link_the_one_calendar(real_site):
    calendar = "/" + SETTINGS["APPLICATION_CALL"]["calendar_save_as"]
    for save_as in (HOME.save_as, APPLY.save_as):
        link = real_site.html(save_as).select_one('head link[type="text/calendar"]')
        assert link["href"] == calendar


# -- content the editors may write ---------------------------------------------------

NEW_CHALLENGE = """---
title: Défi ajouté sans anglais
numero: 99
administration: Ministère de l'Essai
lieu: Lyon (69)
profils: ["Développement : réaliser l'outil"]
competences: [développement]
---
Le texte du défi, en français.
"""


# Another challenge, whose English keys are markup.
HOSTILE_CHALLENGE = NEW_CHALLENGE.replace(
    "numero: 99\n",
    'numero: 98\ntitle_en: "<script>alert(1)</script>"\n'
    'resume_en: "<img src=x onerror=alert(1)>"\n',
)


@pytest.fixture(scope="module")
def added_challenges(request):
    """One build of a copy with two challenges added: one without English text, one whose
    English keys are markup (each read on its own page)."""
    with module_folder(request, "english-added") as folder:
        site = copy_real_site(folder, plugins=False)
        challenges = site / "content/defis"
        (challenges / "2017-09-27-ajoute.md").write_text(NEW_CHALLENGE, encoding="utf-8")
        (challenges / "2017-09-27-hostile.md").write_text(HOSTILE_CHALLENGE, encoding="utf-8")
        yield build_real_site(site, env=at_moment("open"))


def test_a_challenge_without_english_text_still_gets_its_english_page(added_challenges):
    result = added_challenges
    assert result.returncode == 0, result.log
    page = result.html("en/defis/ajoute/index.html")
    assert page.h1.get_text() == "Défi ajouté sans anglais" and page.h1["lang"] == "fr"
    assert "Ministère de l'Essai" in page.select_one("dl.eig-facts").get_text()
    assert "in French" in page.find("h2", string="Description").find_next_sibling("p").get_text()
    assert page.select_one(".fr-text--lead") is None


def test_english_keys_are_text_never_markup(added_challenges):
    result = added_challenges
    assert result.returncode == 0, result.log
    page = result.html("en/defis/hostile/index.html")
    assert page.select("script") == [] and page.select("main img") == []
    assert page.h1.get_text() == "<script>alert(1)</script>"


def test_an_english_page_meets_the_same_allow_list(tmp_path):
    site = copy_real_site(tmp_path, plugins=False)
    (site / "pages/en/faq.md").write_text(
        "---\ntitle: FAQ\n---\n<script>alert(1)</script>\n", encoding="utf-8"
    )
    result = build_real_site(site, env=at_moment("open"))
    assert result.returncode != 0
    assert "pages/en/faq.md:" in result.log
    assert not (result.output / "en/faq/index.html").exists()


def test_an_english_page_whose_layout_has_no_english_template_is_named(tmp_path):
    site = copy_real_site(tmp_path, plugins=False)
    (site / "pages/en/plan-du-site.md").write_text(
        "---\nlayout: plan-du-site\ntitle: Sitemap\n---\n", encoding="utf-8"
    )
    assert not (site / "templates/en/plan-du-site.html").exists()
    result = build_real_site(site, env=at_moment("open"))
    assert result.returncode != 0
    assert "pages/en/plan-du-site.md" in result.log
    assert "templates/en/plan-du-site.html, qui n'existe pas" in result.log
    assert "Traceback" not in result.log
