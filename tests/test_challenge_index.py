"""Ordering the challenges and grouping them by skill (plugins/challenge_index)."""

from types import SimpleNamespace

import pytest
from challenge_index import plugin

SLUG_SUBS = [(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")]


def generator(*challenges, **options):
    settings = {"SLUG_REGEX_SUBSTITUTIONS": SLUG_SUBS, "CHALLENGE_INDEX": options}
    return SimpleNamespace(articles=list(challenges), settings=settings, context={})


def challenge(title, numero=None, competences=None):
    return SimpleNamespace(title=title, numero=numero, competences=competences)


def test_challenges_follow_their_number_then_unnumbered_ones_by_title():
    gen = generator(challenge("Zèbre"), challenge("b", 2), challenge("Écureuil"), challenge("a", 1))
    plugin.index(gen)
    assert [c.title for c in gen.context["challenges"]] == ["a", "b", "Écureuil", "Zèbre"]


def test_skills_group_challenges_with_slugs_urls_and_french_order():
    first = challenge("A", 1, ["développement", "data science"])
    second = challenge("B", 2, ["data science"])
    gen = generator(first, second)
    plugin.index(gen)
    skills = gen.context["skills"]
    assert [(s.name, s.slug, s.url) for s in skills] == [
        ("data science", "data-science", "defis/competence/data-science/"),
        ("développement", "developpement", "defis/competence/developpement/"),
    ]
    assert [c.title for c in skills[0].challenges] == ["A", "B"]
    assert [s.name for s in first.skills] == ["développement", "data science"]


def test_skills_may_be_written_as_a_comma_separated_line():
    one = challenge("A", 1, "design, géomatique")
    gen = generator(one)
    plugin.index(gen)
    assert [s.slug for s in gen.context["skills"]] == ["design", "geomatique"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"colour": "blue"}, "clé inconnue dans CHALLENGE_INDEX : colour"),
        ({"skill_url": "defis/"}, "CHALLENGE_INDEX['skill_url'] doit contenir {slug}"),
    ],
)
def test_bad_settings_are_named(options, message):
    with pytest.raises(plugin.SettingsError, match=message.replace("[", r"\[")):
        plugin.load({"CHALLENGE_INDEX": options})
