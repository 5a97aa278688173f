"""Every page of the built site, as a candidate meets it (parsed HTML, by selector)."""

import re

import pytest
import yaml
from conftest import FIXTURES, ROOT
from jekyll_compat.permalinks import output_path
from old_urls_2017 import MOVED_CHALLENGES

SITENAME = "Entrepreneurs d'intérêt général"
# Every page the site has, with its title (the <h1>'s text unless said otherwise).
PAGES = {
    "index.html": None,
    "defis/index.html": "Les défis",
    "reglement/index.html": "Règlement de l'appel à candidatures",
    "cgu/index.html": "Conditions générales d'utilisation",
    "donnees-personnelles/index.html": "Données personnelles et cookies",
    "mentions-legales/index.html": "Mentions légales",
    "accessibilite/index.html": "Déclaration d'accessibilité",
    "plan-du-site/index.html": "Plan du site",
    "faq/index.html": "Questions fréquentes",
    "candidater/index.html": "Candidater",
    "404.html": "Page non trouvée",
}
CHALLENGE_SLUGS = [
    "predisauvetage", "lab-sante", "gobelins", "previsecours", "balisenav",
    "signaux-faibles", "hopkins", "socialconnect", "archifiltre", "brigade-numerique",
    "outils-numeriques-collaboratifs", "plateforme-de-consultation", "eig-link",
    "coacheleve-assistprof", "dataesr",
]  # fmt: skip
SKILLS = {
    "data-science": "data science",
    "datavisualisation": "datavisualisation",
    "design": "design",
    "developpement": "développement",
    "geomatique": "géomatique",
}
CHALLENGE_PAGES = [f"defis/{slug}/index.html" for slug in CHALLENGE_SLUGS]
SKILL_PAGES = [f"defis/competence/{slug}/index.html" for slug in SKILLS]
ALL_PAGES = [*PAGES, *CHALLENGE_PAGES, *SKILL_PAGES]


def test_the_site_is_these_pages_and_files(real_site):
    html = {f for f in real_site.files() if not f.startswith("static/")}
    redirects = {output_path(old)[1] for old in MOVED_CHALLENGES}  # the 2017 addresses
    servers = {"_headers", "_redirects", "_nginx/http.conf", "_nginx/server.conf"}
    admin = {"admin/index.html", "admin/config.yml"}  # the back office (tests/test_admin.py)
    expected = {
        *ALL_PAGES,
        *redirects,
        *servers,
        *admin,
        "sitemap.xml",
        "robots.txt",
        "calendrier.ics",
    }
    assert html == expected


@pytest.mark.parametrize("save_as", ALL_PAGES)
def test_page_has_one_h1_a_french_lang_and_a_titled_head(real_site, save_as):
    page = real_site.html(save_as)
    assert page.html["lang"] == "fr"
    assert len(page.select("h1")) == 1
    h1 = page.h1.get_text(" ", strip=True)
    title = page.title.get_text()
    if save_as == "index.html":
        assert title == f"{SITENAME} – Appel à candidatures de la deuxième promotion"
    elif save_as.startswith("defis/") and save_as not in PAGES:
        assert title.endswith(f" – {SITENAME}")
    else:
        assert h1 == PAGES[save_as]
        assert title == f"{h1} – {SITENAME}"
    assert page.select_one('meta[name="description"]')["content"].strip()
    assert page.select_one('meta[property="og:title"]')["content"] == title


@pytest.mark.parametrize("save_as", ALL_PAGES)
def test_page_has_skip_links_header_navigation_and_footer(real_site, save_as):
    page = real_site.html(save_as)
    skips = [a["href"] for a in page.select(".fr-skiplinks a")]
    assert skips == ["#contenu", "#navigation", "#pied-de-page"]
    for anchor in skips:
        assert page.select_one(anchor) is not None, anchor
    nav = [a.get_text() for a in page.select("header nav#navigation a")]
    assert nav == ["Accueil", "Défis", "Règlement", "FAQ", "Candidater"]
    assert page.select_one("header .fr-logo").get_text("|") == "République|Française"
    footer = {a.get_text(): a["href"] for a in page.select("footer .fr-footer__bottom-list a")}
    assert footer == {
        "Plan du site": "/plan-du-site/",
        "Accessibilité : non conforme": "/accessibilite/",
        "Mentions légales": "/mentions-legales/",
        "Données personnelles": "/donnees-personnelles/",
        "Conditions générales d'utilisation": "/cgu/",
    }
    sites = [a.get_text() for a in page.select("footer .fr-footer__content-list a")]
    assert sites == ["info.gouv.fr", "service-public.fr", "legifrance.gouv.fr", "data.gouv.fr"]
    assert "licence etalab-2.0" in page.select_one(".fr-footer__bottom-copy").get_text()


@pytest.mark.parametrize("save_as", ALL_PAGES)
def test_page_loads_only_the_sites_own_styles_and_icons(real_site, save_as):
    page = real_site.html(save_as)
    assets = [tag.get("href") or tag.get("src") for tag in page.select("link[href], script, img")]
    stylesheets = [link["href"] for link in page.select('link[rel="stylesheet"]')]
    # Fingerprinted names (plugins/asset_fingerprints): a 12-digit hash before ".css".
    assert [re.sub(r"\.[0-9a-f]{12}\.css$", ".css", href) for href in stylesheets] == [
        "/static/dsfr/dsfr.min.css",
        "/static/css/site.css",
        "/static/css/print.css",
    ]
    assert page.select('link[rel="stylesheet"]')[-1]["media"] == "print"
    assert page.select("script") == []
    for url in assets:
        assert url.startswith("/"), url
        assert (real_site.output / url.lstrip("/")).is_file(), url


@pytest.mark.parametrize("save_as", [p for p in ALL_PAGES if p != "index.html"])
def test_inner_page_has_a_breadcrumb_from_home_to_itself(real_site, save_as):
    page = real_site.html(save_as)
    crumbs = page.select(".fr-breadcrumb li")
    assert crumbs[0].a["href"] == "/"
    assert crumbs[-1].span["aria-current"] == "page"
    assert crumbs[-1].a is None


def test_home_has_no_breadcrumb(real_site):
    assert real_site.html("index.html").select(".fr-breadcrumb") == []


@pytest.mark.parametrize(
    ("save_as", "current"),
    [
        ("index.html", "Accueil"),
        ("defis/index.html", "Défis"),
        ("defis/gobelins/index.html", "Défis"),
        ("reglement/index.html", "Règlement"),
        ("cgu/index.html", None),
    ],
)
def test_navigation_marks_the_current_section(real_site, save_as, current):
    marked = real_site.html(save_as).select('header nav a[aria-current="page"]')
    assert [a.get_text() for a in marked] == ([current] if current else [])


def test_favicon_and_calendar_are_linked_from_the_head(real_site):
    head = real_site.html("index.html").head
    assert head.select_one('link[rel="icon"]')["href"] == "/static/dsfr/favicon/favicon.svg"
    assert head.select_one('link[rel="alternate"][type="text/calendar"]')["href"] == (
        "/calendrier.ics"
    )


# -- home ------------------------------------------------------------------------------


def test_home_lists_the_challenges_after_the_welcome_text_then_the_call_to_action(real_site):
    main = real_site.html("index.html").select_one("main")
    blocks = [tag.name for tag in main.select("article, section, .fr-callout")]
    assert blocks == ["article", "section", "div"]
    section = main.select_one("section")
    assert section.h2.get_text() == "Les défis"
    titles = [a.get_text() for a in section.select(".fr-card__title a")]
    assert len(titles) == 15
    assert titles[0] == "PrédiSauvetage"


# -- challenges ------------------------------------------------------------------------


def reference():
    """The challenges' facts: our copy of ../shared/reference/challenges.yml (test_site.py)."""
    facts = FIXTURES / "reference" / "challenges.yml"
    return yaml.safe_load(facts.read_text(encoding="utf-8"))


def test_challenge_list_has_a_card_per_challenge_in_order(real_site):
    cards = real_site.html("defis/index.html").select("main .fr-card")
    hrefs = [card.select_one(".fr-card__title a")["href"] for card in cards]
    assert hrefs == [f"/defis/{slug}/" for slug in CHALLENGE_SLUGS]


def test_challenge_card_shows_name_administration_skills_team_and_place(real_site):
    card = real_site.html("defis/index.html").select("main .fr-card")[4]
    assert card.select_one(".fr-card__title").get_text() == "b@liseNAV"
    details = [p.get_text() for p in card.select(".fr-card__detail")]
    assert details == ["Ministère des Armées", "Équipe : 2 entrepreneurs", "Lieu : Brest (29)"]
    tags = {a.get_text(): a["href"] for a in card.select("a.fr-tag")}
    assert tags == {
        "géomatique": "/defis/competence/geomatique/",
        "développement": "/defis/competence/developpement/",
        "data science": "/defis/competence/data-science/",
    }


def test_each_challenge_page_carries_its_reference_facts(real_site):
    for slug, facts in zip(CHALLENGE_SLUGS, reference(), strict=True):
        page = real_site.html(f"defis/{slug}/index.html")
        main = page.select_one("main")
        assert page.h1.get_text() == facts.get("name", facts.get("seed_title")), slug
        pairs = zip(main.select("dt"), main.select("dd"), strict=True)
        facts_list = {dt.get_text(): dd.get_text() for dt, dd in pairs}
        assert facts_list["Administration"] == facts["administration"].split(" (")[0], slug
        assert facts_list.get("Lieu") == facts.get("location"), slug
        team = main.find("h2", string="Les profils recherchés")
        profiles = team.find_next_sibling("ul").select("li") if team else []
        assert len(profiles) == len(facts.get("team", [])), slug
        skills = [a.get_text() for a in main.select(".eig-challenge a.fr-tag")]
        assert skills == facts.get("skills", []), slug


def test_challenge_page_describes_problem_goal_and_impact(real_site):
    main = real_site.html("defis/predisauvetage/index.html").select_one("main article")
    headings = [h.get_text() for h in main.select("h2")]
    assert headings == [
        "Les profils recherchés",
        "Les compétences",
        "Le problème",
        "L’objectif",
        "L’impact attendu",
    ]
    assert main.select_one("dd").get_text() == "Ministère de la Transition écologique et solidaire"


@pytest.mark.parametrize(("slug", "name"), SKILLS.items())
def test_skill_page_lists_exactly_the_challenges_that_seek_it(real_site, slug, name):
    page = real_site.html(f"defis/competence/{slug}/index.html")
    assert page.h1.get_text() == f"Défis qui recherchent la compétence « {name} »"
    listed = [a["href"] for a in page.select("main .fr-card__title a")]
    seeking = [
        f"/defis/{s}/"
        for s in CHALLENGE_SLUGS
        if name
        in [
            a.get_text()
            for a in real_site.html(f"defis/{s}/index.html").select(".eig-challenge a.fr-tag")
        ]
    ]
    assert listed == seeking
    assert listed


def test_challenge_list_links_every_skill_page(real_site):
    links = real_site.html("defis/index.html").select("main nav a.fr-tag")
    assert [a["href"] for a in links] == [f"/defis/competence/{slug}/" for slug in SKILLS]


# -- rules, terms and legal pages ---------------------------------------------------


def headings(real_site, save_as):
    """The page's h2 texts; an apostrophe written ' shows as ’, as Jekyll's typography has it."""
    return [h.get_text() for h in real_site.html(save_as).select("main h2")]


def test_rules_cover_eligibility_selection_criteria_calendar_and_contract(real_site):
    assert {
        "Qui peut candidater",
        "La sélection",
        "Les critères",
        "Le calendrier",
        "Le contrat et l’accompagnement",
    } <= set(headings(real_site, "reglement/index.html"))
    text = real_site.html("reglement/index.html").select_one("main").get_text()
    assert "4 000 €" in text
    assert "14 et 15 novembre 2017" in text


def test_accessibility_statement_follows_the_rgaa_model(real_site):
    main = real_site.html("accessibilite/index.html").select_one("main")
    assert {
        "État de conformité",
        "Contenus non accessibles",
        "Établissement de cette déclaration",
        "Retour d’information et contact",
        "Voies de recours",
    } <= set(headings(real_site, "accessibilite/index.html"))
    text = " ".join(main.get_text().split())
    assert "Ce site est non conforme au référentiel général" in text
    assert "établie le 28 novembre 2026" in text
    assert "Défenseur des droits" in text
    assert main.select_one('a[href="mailto:eig@data.gouv.fr"]') is not None


def test_personal_data_page_says_there_is_no_cookie(real_site):
    text = real_site.html("donnees-personnelles/index.html").select_one("main").get_text()
    assert re.search(r"aucun cookie", text)


@pytest.mark.parametrize(
    "question",
    [
        "Qui peut candidater ?",
        "Quel est le contrat et quelle est la rémunération ?",
        "Où travaille-t-on ?",
        "Puis-je candidater avec d’autres personnes ?",
        "Que se passe-t-il après la clôture de l’appel ?",
    ],
)
def test_faq_answers_a_candidates_questions(real_site, question):
    assert question in headings(real_site, "faq/index.html")


def test_site_map_links_every_page(real_site):
    links = {a["href"] for a in real_site.html("plan-du-site/index.html").select("main a[href]")}
    for save_as in ALL_PAGES:
        if save_as != "404.html":
            assert "/" + save_as.removesuffix("index.html") in links, save_as
    assert "/404.html" not in links


def test_site_map_follows_the_menu_then_the_footer(real_site):
    top = real_site.html("plan-du-site/index.html").select("main .eig-sitemap > li > a")
    assert [a.get_text() for a in top][:5] == [
        "Accueil",
        "Les défis",
        "Règlement de l'appel à candidatures",
        "Questions fréquentes",
        "Candidater",
    ]


def test_not_found_page_links_home_with_absolute_urls(real_site):
    links = [a["href"] for a in real_site.html("404.html").select("main a[href]")]
    assert "/" in links
    assert all(link.startswith(("/", "mailto:")) for link in links)


# -- machine-readable files ----------------------------------------------------------


def test_sitemap_lists_every_page_but_404_and_redirects(published_site):
    xml = (published_site.output / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>(.*?)</loc>", xml)
    base = "https://entrepreneur-interet-general.etalab.gouv.fr/"
    assert sorted(locs) == sorted(
        base + p.removesuffix("index.html") for p in ALL_PAGES if p != "404.html"
    )


def test_robots_names_the_sitemap(published_site):
    robots = (published_site.output / "robots.txt").read_text(encoding="utf-8")
    assert robots.splitlines() == [
        "User-agent: *",
        "Allow: /",
        "Disallow: /admin/",
        "Sitemap: https://entrepreneur-interet-general.etalab.gouv.fr/sitemap.xml",
    ]


def test_published_pages_have_absolute_canonical_and_open_graph_urls(published_site):
    page = published_site.html("defis/gobelins/index.html")
    url = "https://entrepreneur-interet-general.etalab.gouv.fr/defis/gobelins/"
    assert page.select_one('link[rel="canonical"]')["href"] == url
    assert page.select_one('meta[property="og:url"]')["content"] == url


def test_calendar_has_the_calls_key_dates(real_site):
    text = (real_site.output / "calendrier.ics").read_bytes().decode("utf-8")
    unfolded = text.replace("\r\n ", "")
    summaries = re.findall(r"^SUMMARY:(.*)$", unfolded, flags=re.M)
    assert [s.strip() for s in summaries] == [
        "Ouverture de l'appel à candidatures",
        "Clôture de l'appel à candidatures",
        "Auditions des candidats présélectionnés",
        "Début du programme (janvier 2018)",
    ]
    assert "DTSTART;VALUE=DATE:20171114\r\n" in unfolded


def test_no_content_file_is_missing_from_the_site(real_site):
    """Each challenge file of content/defis is one of the 15 pages."""
    files = sorted(p.name for p in (ROOT / "content" / "defis").glob("*.md"))
    assert [f.removeprefix("2017-09-27-").removesuffix(".md") for f in files] == sorted(
        CHALLENGE_SLUGS
    )
