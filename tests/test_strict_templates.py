"""A name no setting defines fails the build; a missing attribute stays blank."""

import pytest
from conftest import build_real_site_with
from jinja2 import Environment, UndefinedError
from strict_templates.plugin import NamesStrictUndefined

ENV = Environment(undefined=NamesStrictUndefined)


@pytest.mark.parametrize(
    "source",
    [
        "{{ NOPE }}",
        "{% if NOPE %}x{% endif %}",
        "{% for x in NOPE %}{% endfor %}",
        "{{ NOPE|length }}",
    ],
)
def test_an_undefined_name_raises(source):
    with pytest.raises(UndefinedError, match="'NOPE' is undefined"):
        ENV.from_string(source).render()


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("[{{ article.lieu }}]", "[]"),
        ("{% if article.lieu %}x{% else %}y{% endif %}", "y"),
        ("{{ 'yes' if NOPE is defined else 'no' }}", "no"),
        ("{{ NOPE | default('d') }}", "d"),
    ],
)
def test_missing_attributes_and_guarded_names_stay_lenient(source, expected):
    assert ENV.from_string(source).render(article=object()) == expected


def test_a_setting_the_templates_need_is_missing(tmp_path):
    result = build_real_site_with(tmp_path, "del SITE_TAGLINE\n")
    assert result.returncode == 1
    assert result.log.splitlines()[0] == "UndefinedError: 'SITE_TAGLINE' is undefined"
