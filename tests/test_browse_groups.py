"""Browsing the challenges by administration and by place, without JavaScript
(plugins/challenge_index): one static page per group, linked from the cards and /defis/."""

from types import SimpleNamespace

import pytest
import site_content
from challenge_index import plugin
from challenge_index.groups import Grouping
from conftest import at_moment, build_fixture, build_real_site, copy_real_site, module_folder
from pelican.utils import slugify

ADMINISTRATIONS = site_content.administrations()
PLACES = site_content.places()
LISTED = [c for c in site_content.challenges() if c.listed]
CHALLENGES_PAGE = "defis/index.html"
SLUG_SUBS = site_content.settings()["SLUG_REGEX_SUBSTITUTIONS"]


def card_hrefs(page):
    return [a["href"] for a in page.select("main .fr-card .fr-card__title a")]


def _card(page, challenge):
    cards = page.select("main .fr-card")
    return next(c for c in cards if c.select_one(".fr-card__title a")["href"] == challenge.url)


def _group_of(groups, challenge):
    return next(g for g in groups if challenge.url in g.challenges)


# -- the real site ----------------------------------------------------------------------


@pytest.mark.parametrize("group", ADMINISTRATIONS, ids=lambda g: g.url)
def test_administration_page_lists_exactly_its_challenges(real_site, group):
    page = real_site.html(group.save_as)
    assert card_hrefs(page) == list(group.challenges)
    assert group.name in page.h1.get_text()
    assert page.select_one(".fr-breadcrumb [aria-current=page]").get_text(strip=True) == (
        f"Administration : {group.name}"
    )


@pytest.mark.parametrize("group", PLACES, ids=lambda g: g.url)
def test_place_page_lists_exactly_its_challenges(real_site, group):
    page = real_site.html(group.save_as)
    assert card_hrefs(page) == list(group.challenges)
    assert page.select_one(".fr-breadcrumb [aria-current=page]").get_text(strip=True) == (
        f"Lieu : {group.name}"
    )


def test_challenges_without_a_place_are_under_lieu_a_preciser(real_site):
    without = [c.url for c in LISTED if not c.place]
    unknown = [g for g in PLACES if g.name == site_content.unknown_place()]
    if not without:
        assert unknown == []
        return
    (group,) = unknown
    page = real_site.html(group.save_as)
    assert card_hrefs(page) == without
    assert "lieu est à préciser" in page.h1.get_text()
    assert PLACES[-1] == group  # after every known place


def test_every_challenge_is_on_one_administration_page_and_one_place_page():
    for groups in (ADMINISTRATIONS, PLACES):
        listed = sorted(url for g in groups for url in g.challenges)
        assert listed == sorted(c.url for c in LISTED)


@pytest.mark.parametrize(
    ("heading_id", "groups"),
    [("par-administration", ADMINISTRATIONS), ("par-lieu", PLACES)],
)
def test_the_challenges_page_links_every_group_page_with_its_count(real_site, heading_id, groups):
    nav = real_site.html(CHALLENGES_PAGE).select_one(f"nav[aria-labelledby={heading_id}]")
    links = [(a.get_text(), a["href"]) for a in nav.select("a.fr-tag")]
    assert links == [(f"{g.name} ({len(g.challenges)})", g.url) for g in groups]


@pytest.mark.parametrize("challenge", LISTED, ids=lambda c: c.slug)
def test_each_card_links_its_administration_and_place(real_site, challenge):
    card = _card(real_site.html(CHALLENGES_PAGE), challenge)
    links = {a.get_text(): a["href"] for a in card.select(".fr-card__detail a")}
    assert links[challenge.administration] == _group_of(ADMINISTRATIONS, challenge).url
    place = challenge.place or site_content.unknown_place()
    assert links[place] == _group_of(PLACES, challenge).url


@pytest.mark.parametrize("challenge", LISTED, ids=lambda c: c.slug)
def test_each_challenge_page_links_its_administration_and_place(real_site, challenge):
    main = real_site.html(challenge.save_as).select_one("main")
    facts = {dt.get_text(): dd for dt, dd in zip(main.select("dt"), main.select("dd"), strict=True)}
    assert facts["Administration"].a["href"] == _group_of(ADMINISTRATIONS, challenge).url
    assert facts["Lieu"].a["href"] == _group_of(PLACES, challenge).url


# -- names and slugs ------------------------------------------------------------------


def _slug(name):
    return slugify(name, regex_subs=SLUG_SUBS)


def _grouping(unknown=None):
    return Grouping(_slug, "lieu/{slug}/", "lieu/{slug}/index.html", unknown=unknown)


def _challenge(source):
    return SimpleNamespace(relative_source_path=source, title=source)


def test_names_differing_only_by_case_accents_and_spacing_share_one_page():
    grouping = _grouping()
    one, two = _challenge("a.md"), _challenge("b.md")
    (first,) = grouping.add(one, ["Ministère de l'Économie"])
    (second,) = grouping.add(two, ["ministere  de l'ECONOMIE"])
    assert first is second
    assert first.name == "Ministère de l'Économie"  # the first challenge's spelling
    assert first.challenges == [one, two]
    assert grouping.clashes == []


def test_other_names_with_one_slug_are_a_clash_not_one_page():
    grouping = _grouping()
    grouping.add(_challenge("a.md"), ["Ministère de l'Intérieur"])
    assert grouping.add(_challenge("b.md"), ["Ministère de l’Intérieur"]) == []
    (clash,) = grouping.clashes
    assert clash.url == "lieu/ministere-de-linterieur/"


def test_no_place_gives_the_unknown_group_last():
    grouping = _grouping(unknown="lieu à préciser")
    grouping.add(_challenge("a.md"), [])
    grouping.add(_challenge("b.md"), ["Brest"])
    assert [(g.name, g.unknown) for g in grouping.sorted()] == [
        ("Brest", False),
        ("lieu à préciser", True),
    ]


def _defi(front):
    return f"---\ntitle: Défi\nnumero: 1\nprofils: []\ncompetences: []\n{front}---\nTexte.\n"


def test_a_clash_and_a_name_without_letters_stop_the_build_with_their_lines(tmp_path):
    result = build_fixture(
        tmp_path / "site",
        {
            "content/defis/2020-01-01-a.md": _defi("administration: Ministère de l'Intérieur\n"),
            "content/defis/2020-01-01-b.md": _defi("administration: Ministère de l’Intérieur\n"),
            "content/defis/2020-01-01-c.md": _defi('administration: "!!!"\n'),
        },
        PLUGINS=["jekyll_compat", "templated_only", "challenge_index"],
    )
    assert result.returncode == 1, result.log
    assert "Traceback" not in result.log
    lines = result.error_lines()
    assert (
        "content/defis/2020-01-01-b.md:6: « Ministère de l’Intérieur » (administration) et "
        "« Ministère de l'Intérieur » (content/defis/2020-01-01-a.md) auraient la même page "
        "d'administration (/defis/administration/ministere-de-linterieur/) — écrivez-les de la "
        "même façon s'il s'agit du même nom, sinon distinguez-les par une lettre ou un chiffre"
    ) in lines
    assert (
        "content/defis/2020-01-01-c.md:6: « !!! » (administration) ne contient ni lettre ni "
        "chiffre : sa page d'administration n'aurait pas d'adresse — écrivez le nom en "
        "toutes lettres"
    ) in lines
    assert result.files() == set()


def test_settings_without_slug_are_named():
    with pytest.raises(plugin.SettingsError, match=r"CHALLENGE_INDEX\['place_url'\]"):
        plugin.load({"CHALLENGE_INDEX": {"place_url": "defis/lieu/"}})


# -- hostile values, on the real theme ------------------------------------------------

HOSTILE = '<script>alert(1)</script> & "Tour" ../../etc'


@pytest.fixture(scope="module")
def hostile_site(request):
    with module_folder(request, "hostile-groups") as folder:
        site = copy_real_site(folder, plugins=False)
        first = LISTED[0]
        # A second spelling of an existing administration (case and accents changed).
        shouted = first.administration.upper().replace("É", "E")
        for name, front in {
            "hostile": f"administration: {HOSTILE!r}\nlieu: {HOSTILE!r}\n",
            "shouted": f"administration: {shouted!r}\n",
        }.items():
            path = site / "content/defis" / f"2017-09-27-zz-{name}.md"
            path.write_text(
                f"---\ntitle: Zz {name}\nnumero: 99\nprofils: []\ncompetences: []\n{front}---\n"
                "Texte.\n",
                encoding="utf-8",
            )
        result = build_real_site(site, env=at_moment("open"))
        assert result.returncode == 0, result.log
        yield result, first


def test_hostile_names_are_text_in_pages_inside_their_folder(hostile_site):
    result, _ = hostile_site
    slug = _slug(HOSTILE)
    assert "/" not in slug and "." not in slug
    for folder in ("administration", "lieu"):
        page = result.html(f"defis/{folder}/{slug}/index.html")
        assert HOSTILE in page.h1.get_text()
        assert page.select("main script") == []
    card = _card(result.html(CHALLENGES_PAGE), SimpleNamespace(url="/defis/zz-hostile/"))
    assert [a.get_text() for a in card.select(".fr-card__detail a")] == [HOSTILE, HOSTILE]


def test_a_second_spelling_of_an_administration_joins_its_page(hostile_site):
    result, first = hostile_site
    group = _group_of(ADMINISTRATIONS, first)
    page = result.html(group.save_as)
    assert card_hrefs(page) == [*group.challenges, "/defis/zz-shouted/"]
    # One page more than the content's: the hostile administration's, none for the spelling.
    folders = list((result.output / "defis/administration").iterdir())
    assert len(folders) == len(ADMINISTRATIONS) + 1
