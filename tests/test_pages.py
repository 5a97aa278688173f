"""Every page of the built site, as a candidate meets it (parsed HTML, by selector).

What each page must show comes from the content and the settings (tests/site_content.py):
a challenge added, removed or renamed changes the expectations, never the verdict.
"""

import re

import english_content
import pytest
import site_content
import site_links
from jekyll_compat.permalinks import output_path
from site_content import challenges, pages, settings, skills

CHALLENGES = challenges()
LISTED = [c for c in CHALLENGES if c.listed]
SKILLS = skills()
PAGES = pages()
HOME = next(p for p in PAGES if p.url == "/")
GROUPS = [*SKILLS, *site_content.administrations(), *site_content.places()]
ALL_PAGES = (
    [p.save_as for p in PAGES] + [c.save_as for c in CHALLENGES] + [g.save_as for g in GROUPS]
)


def _url(path):
    path, hash_, fragment = path.partition("#")
    return "/" + path.strip("/") + ("/" if path.strip("/") else "") + hash_ + fragment


def test_the_site_is_these_pages_and_files(real_site):
    html = {f for f in real_site.files() if not f.startswith("static/")}
    redirects = {output_path(old)[1] for old in site_content.redirect_urls()}
    servers = {"_headers", "_redirects", "_nginx/http.conf", "_nginx/server.conf"}
    admin = {"admin/index.html", "admin/config.yml"}  # the back office (tests/test_admin.py)
    calendar = settings()["APPLICATION_CALL"]["calendar_save_as"]
    data = settings().get("OPEN_DATA") or {}  # plugins/open_data (tests/test_open_data.py)
    open_data = {data[key] for key in ("json_save_as", "csv_save_as", "schema_save_as")}
    english = english_content.english_files()  # tests/test_english.py
    expected = {*ALL_PAGES, *english, *redirects, *servers, *admin, "sitemap.xml", "robots.txt"}
    expected |= {calendar, *open_data}
    assert html == expected


def test_the_expectations_cover_every_content_file():
    """A content file the build accepts is a page here, unless it is a draft."""
    sources = {p.source for p in PAGES} | {c.source for c in CHALLENGES}
    for folder in (site_content.PAGES, site_content.CHALLENGES):
        for path in (site_content.SITE_ROOT / folder).glob("*.md"):
            front = site_content.front_matter(path)
            draft = front.get("published") is False or front.get("status") == "draft"
            rel = path.relative_to(site_content.SITE_ROOT).as_posix()
            assert (rel in sources) != draft, rel


def _title_of(save_as):
    """The <h1> a page must have, from its front matter (None: the home page's own)."""
    for page in PAGES:
        if page.save_as == save_as:
            return None if page is HOME else page.title
    for challenge in CHALLENGES:
        if challenge.save_as == save_as:
            return challenge.title
    for skill in SKILLS:
        if skill.save_as == save_as:
            return f"Défis qui recherchent la compétence « {skill.name} »"
    for group in site_content.administrations():
        if group.save_as == save_as:
            return f"Défis portés par « {group.name} »"
    place = next(p for p in site_content.places() if p.save_as == save_as)
    if place.name == site_content.unknown_place():
        return "Défis dont le lieu est à préciser"
    return f"Défis à « {place.name} »"


@pytest.mark.parametrize("save_as", ALL_PAGES)
def test_page_has_one_h1_a_french_lang_and_a_titled_head(real_site, save_as):
    page = real_site.html(save_as)
    sitename = settings()["SITENAME"]
    assert page.html["lang"] == "fr"
    assert len(page.select("h1")) == 1
    h1 = page.h1.get_text(" ", strip=True)
    title = page.title.get_text()
    expected = _title_of(save_as)
    if expected is None:
        assert title == f"{sitename} – {settings()['SITE_TAGLINE']}"
    else:
        assert h1 == expected
        assert title.endswith(f" – {sitename}")
    assert page.select_one('meta[name="description"]')["content"].strip()
    assert page.select_one('meta[property="og:title"]')["content"] == title


@pytest.mark.parametrize("save_as", ALL_PAGES)
def test_page_has_skip_links_header_navigation_and_footer(real_site, save_as):
    conf = settings()
    page = real_site.html(save_as)
    skips = [a["href"] for a in page.select(".fr-skiplinks a")]
    assert skips == [href for _, href in conf["SKIP_LINKS"]]
    for anchor in skips:
        assert page.select_one(anchor) is not None, anchor
    nav = [a.get_text() for a in page.select("header nav#navigation a")]
    assert nav == [name for name, _ in conf["NAVIGATION"]]
    assert page.select_one("header .fr-logo").get_text("|") == "République|Française"
    footer = {a.get_text(): a["href"] for a in page.select("footer .fr-footer__bottom-list a")}
    assert footer == {name: _url(path) for name, path in conf["FOOTER_LINKS"]}
    sites = [a.get_text() for a in page.select("footer .fr-footer__content-list a")]
    assert sites == [name for name, _ in conf["STATE_SITES"]]
    assert conf["LICENCE"][0] in page.select_one(".fr-footer__bottom-copy").get_text()


@pytest.mark.parametrize("save_as", ALL_PAGES)
def test_page_loads_only_the_sites_own_styles_and_icons(real_site, save_as):
    page = real_site.html(save_as)
    # hreflang alternates lead to pages (the other language's), not to assets.
    assets = [
        tag.get("href") or tag.get("src")
        for tag in page.select("link[href]:not([hreflang]), script[src], img")
    ]
    stylesheets = [link["href"] for link in page.select('link[rel="stylesheet"]')]
    # Fingerprinted names (plugins/asset_fingerprints): a 12-digit hash before ".css".
    assert [re.sub(r"\.[0-9a-f]{12}\.css$", ".css", href) for href in stylesheets] == [
        "/static/dsfr/dsfr.min.css",
        "/static/css/site.css",
        "/static/css/print.css",
    ]
    assert page.select('link[rel="stylesheet"]')[-1]["media"] == "print"
    # JSON-LD (plugins/job_postings) is a data block: it runs nothing.
    assert page.select('script:not([type="application/ld+json"])') == []
    for url in assets:
        assert url.startswith("/"), url
        assert (real_site.output / url.lstrip("/")).is_file(), url


@pytest.mark.parametrize("save_as", ALL_PAGES)
def test_page_links_and_anchors_resolve(real_site, save_as):
    """No dead link nor missing anchor, checked on the built files (no browser needed)."""
    url = "/" + save_as.removesuffix("index.html")
    assert site_links.dead_links(real_site.output, url) == []


@pytest.mark.parametrize("save_as", [p for p in ALL_PAGES if p != HOME.save_as])
def test_inner_page_has_a_breadcrumb_from_home_to_itself(real_site, save_as):
    page = real_site.html(save_as)
    crumbs = page.select(".fr-breadcrumb li")
    assert crumbs[0].a["href"] == "/"
    assert crumbs[-1].span["aria-current"] == "page"
    assert crumbs[-1].a is None


def test_home_has_no_breadcrumb(real_site):
    assert real_site.html(HOME.save_as).select(".fr-breadcrumb") == []


def _section_of(url):
    """The menu entry a page belongs to: the longest menu path that starts its URL."""
    entries = [(name, _url(path)) for name, path in settings()["NAVIGATION"]]
    inside = [(len(path), name) for name, path in entries if path != "/" and url.startswith(path)]
    if url == "/":
        return entries[0][0]
    return max(inside)[1] if inside else None


# Skill pages are left out: they mark "Accueil" today (see the report of issue 15).
@pytest.mark.parametrize("save_as", [p.save_as for p in PAGES] + [c.save_as for c in CHALLENGES])
def test_navigation_marks_the_current_section(real_site, save_as):
    url = "/" + save_as.removesuffix("index.html")
    current = _section_of(url)
    marked = real_site.html(save_as).select('header nav a[aria-current="page"]')
    assert [a.get_text() for a in marked] == ([current] if current else [])


def test_favicon_and_calendar_are_linked_from_the_head(real_site):
    head = real_site.html(HOME.save_as).head
    calendar = settings()["APPLICATION_CALL"]["calendar_save_as"]
    assert head.select_one('link[rel="icon"]')["href"] == "/static/dsfr/favicon/favicon.svg"
    assert head.select_one('link[rel="alternate"][type="text/calendar"]')["href"] == (
        "/" + calendar
    )


# -- home and the challenge list ----------------------------------------------------


def card_hrefs(page):
    return [a["href"] for a in page.select("main .fr-card .fr-card__title a")]


def test_home_opens_with_the_call_then_the_welcome_text_then_the_challenges(real_site):
    main = real_site.html(HOME.save_as).select_one("main")
    blocks = [tag.name for tag in main.select("article, section, .fr-callout")]
    assert blocks == ["div", "article", "section"]
    section = main.select_one("section")
    assert section.h2.get_text() == "Les défis"
    cards = [(a.get_text(), a["href"]) for a in section.select(".fr-card__title a")]
    assert cards == [(c.title, c.url) for c in LISTED]


def test_challenge_list_has_a_card_per_challenge_in_order(real_site):
    assert card_hrefs(real_site.html("defis/index.html")) == [c.url for c in LISTED]


@pytest.mark.parametrize("challenge", LISTED, ids=lambda c: c.slug)
def test_challenge_card_shows_name_administration_skills_team_and_place(real_site, challenge):
    cards = real_site.html("defis/index.html").select("main .fr-card")
    card = next(c for c in cards if c.select_one(".fr-card__title a")["href"] == challenge.url)
    assert card.select_one(".fr-card__title").get_text() == challenge.title
    details = [p.get_text() for p in card.select(".fr-card__detail")]
    team = len(site_content.front_matter(site_content.SITE_ROOT / challenge.source)["profils"])
    expected = [challenge.administration]
    if team:
        expected.append(f"Équipe : {team} entrepreneur{'s' * (team > 1)}")
    expected.append(f"Lieu : {challenge.place or site_content.unknown_place()}")
    assert details == expected
    tags = [(a.get_text(), a["href"]) for a in card.select("a.fr-tag")]
    by_name = {s.name: s.url for s in SKILLS}
    assert tags == [(name, by_name[name]) for name in challenge.skills]


# -- challenges ------------------------------------------------------------------------


def _body_headings(challenge):
    text = (site_content.SITE_ROOT / challenge.source).read_text(encoding="utf-8")
    body = site_content.FRONT_MATTER.sub("", text, count=1)
    return [line[3:].strip() for line in body.splitlines() if line.startswith("## ")]


@pytest.mark.parametrize("challenge", CHALLENGES, ids=lambda c: c.slug)
def test_challenge_page_shows_its_facts_profiles_skills_and_text(real_site, challenge):
    page = real_site.html(challenge.save_as)
    main = page.select_one("main")
    front = site_content.front_matter(site_content.SITE_ROOT / challenge.source)
    assert page.h1.get_text() == challenge.title
    pairs = zip(main.select("dt"), main.select("dd"), strict=True)
    facts = {dt.get_text(): dd.get_text() for dt, dd in pairs}
    assert facts["Administration"] == challenge.administration
    # A listed challenge without a place links to the « lieu à préciser » page.
    unknown = site_content.unknown_place() if challenge.listed else None
    assert facts.get("Lieu") == (challenge.place or unknown)
    team = main.find("h2", string="Les profils recherchés")
    profiles = team.find_next_sibling("ul").select("li") if team else []
    assert [li.get_text() for li in profiles] == list(front["profils"])
    skills_shown = [a.get_text() for a in main.select(".eig-challenge a.fr-tag")]
    assert skills_shown == list(challenge.skills)
    # Typography is the Markdown's (tests/test_jekyll_differential.py): ’ for '.
    headings = [h.get_text().replace("’", "'") for h in main.select("article h2")]
    lists = ["Les profils recherchés"] * bool(profiles) + ["Les compétences"] * bool(skills_shown)
    assert headings == [*lists, *_body_headings(challenge)]


@pytest.mark.parametrize("skill", SKILLS, ids=lambda s: s.url)
def test_skill_page_lists_exactly_the_challenges_that_seek_it(real_site, skill):
    page = real_site.html(skill.save_as)
    assert card_hrefs(page) == list(skill.challenges)
    assert skill.challenges


def test_challenge_list_links_every_skill_page(real_site):
    links = real_site.html("defis/index.html").select("main nav[aria-labelledby=par-competence] a")
    shown = [(a.get_text(), a["href"]) for a in links]
    assert shown == [(f"{s.name} ({len(s.challenges)})", s.url) for s in SKILLS]


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
    opens, closes = site_content.call_dates()
    assert site_content.french_day(opens) in text
    assert site_content.french_day(closes) in text


def test_accessibility_statement_follows_the_rgaa_model(real_site):
    conf = settings()
    main = real_site.html("accessibilite/index.html").select_one("main")
    assert {
        "État de conformité",
        "Contenus non accessibles",
        "Établissement de cette déclaration",
        "Retour d’information et contact",
        "Voies de recours",
    } <= set(headings(real_site, "accessibilite/index.html"))
    text = " ".join(main.get_text().split())
    assert f"Ce site est {conf['ACCESSIBILITY_STATUS']} au référentiel général" in text
    assert f"établie le {conf['ACCESSIBILITY_DATE']}" in text
    assert "Défenseur des droits" in text
    assert main.select_one(f'a[href="mailto:{conf["CONTACT_EMAIL"]}"]') is not None


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
    listed = [*(p.url for p in PAGES if p.listed), *(c.url for c in LISTED)]
    assert set(listed) | {g.url for g in GROUPS} <= links
    assert not {p.url for p in PAGES if not p.listed} & links


def test_site_map_follows_the_menu_then_the_footer(real_site):
    top = real_site.html("plan-du-site/index.html").select("main .eig-sitemap > li > a")
    menu = [_url(path) for _, path in settings()["NAVIGATION"]]
    assert [a["href"] for a in top][: len(menu)] == menu


def test_not_found_page_links_home_with_absolute_urls(real_site):
    links = [a["href"] for a in real_site.html("404.html").select("main a[href]")]
    assert "/" in links
    assert all(link.startswith(("/", "mailto:")) for link in links)


# -- machine-readable files ----------------------------------------------------------


def _public_base():
    return site_content.settings("publishconf.py")["SITEURL"].rstrip("/")


def test_sitemap_lists_every_page_but_hidden_ones_and_redirects(published_site):
    xml = (published_site.output / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>(.*?)</loc>", xml)
    listed = [
        *(p.url for p in PAGES if p.listed),
        *(c.url for c in LISTED),
        *(g.url for g in GROUPS),
        # The English pages; not those that only say a page is in French (hidden).
        *(p.url for p in english_content.english_pages()),
        *(c.url for c in english_content.english_challenges() if c.french.listed),
    ]
    assert sorted(locs) == sorted(_public_base() + url for url in listed)


def test_robots_names_the_sitemap(published_site):
    robots = (published_site.output / "robots.txt").read_text(encoding="utf-8")
    assert robots.splitlines() == [
        "User-agent: *",
        "Allow: /",
        f"Disallow: /{settings()['DECAP_CMS']['path']}",
        f"Sitemap: {_public_base()}/sitemap.xml",
    ]


@pytest.mark.parametrize("challenge", CHALLENGES[:1], ids=lambda c: c.slug)
def test_published_pages_have_absolute_canonical_and_open_graph_urls(published_site, challenge):
    page = published_site.html(challenge.save_as)
    url = _public_base() + challenge.url
    assert page.select_one('link[rel="canonical"]')["href"] == url
    assert page.select_one('meta[property="og:url"]')["content"] == url


def test_calendar_has_the_calls_key_dates(real_site):
    call = settings()["APPLICATION_CALL"]
    text = (real_site.output / call["calendar_save_as"]).read_bytes().decode("utf-8")
    unfolded = text.replace("\r\n ", "")
    summaries = re.findall(r"^SUMMARY:(.*)$", unfolded, flags=re.M)
    # In the order of their first day (the settings' dates are Paris time: the day is
    # written first), the opening and closing before key dates of the same day.
    events = [
        (settings()["CALL_OPENS"][:10], "Ouverture de l'appel à candidatures"),
        (settings()["CALL_CLOSES"][:10], "Clôture de l'appel à candidatures"),
        *((key["start"], key["summary"]) for key in call["key_dates"]),
    ]
    expected = [summary for _, summary in sorted(events, key=lambda event: event[0])]
    assert [s.strip() for s in summaries] == expected
    for key in call["key_dates"]:
        assert f"DTSTART;VALUE=DATE:{key['start'].replace('-', '')}\r\n" in unfolded
