"""Settings that are addresses are refused at start unless they are plain https addresses."""

import pytest
from conftest import build_real_site_with
from eig_common.options import URL, Invalid

HOSTILE_FORM = 'https://x.example/"><script>alert(1)</script>'


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (HOSTILE_FORM, 'elle contient « " », « < », « > »'),
        ("https://x.example/a b", "elle contient une espace"),
        ("https://x.example/\x07", "elle contient le caractère de contrôle U+0007"),
        ("javascript:alert(1)", "elle ne commence pas par https://"),
        ("https:///chemin", "elle n'a pas de nom d'hôte"),
        ("https://moi@x.example/", "elle contient un identifiant (« @ »)"),
        ("https://x.example:port/", "son hôte ou son port est illisible"),
        ("", "ce n'est pas un texte"),
    ],
)
def test_a_bad_address_is_refused_with_what_is_wrong(value, problem):
    with pytest.raises(Invalid) as raised:
        URL().validate(value, "RÉGLAGE")
    assert str(raised.value) == (
        f"RÉGLAGE = {value!r} n'est pas une adresse https:// utilisable ({problem}) ; "
        "donnez l'adresse complète, en https://, sans guillemets, chevrons ni espaces "
        "(une espace s'écrit %20)"
    )


@pytest.mark.parametrize(
    "value", ["https://x.example", "https://x.example:8443/a/b?c=1&d=%20#e", "https://[::1]/"]
)
def test_a_plain_https_address_is_kept(value):
    assert URL().validate(value, "RÉGLAGE") == value


def test_a_site_address_takes_no_final_slash_and_http_only_on_this_machine():
    site = URL(bare=True, loopback_http=True)
    assert site.validate("http://127.0.0.1:8000", "SITEURL")
    with pytest.raises(Invalid, match="ne commence pas par https://"):
        site.validate("http://eig.example", "SITEURL")
    with pytest.raises(Invalid, match="finit par « / »"):
        URL(bare=True).validate("https://eig.example/", "SITEURL")


def _refused(result, line):
    assert result.returncode == 1, result.log
    assert "Traceback" not in result.log
    assert result.error_lines() == [line]
    assert result.files() == set()


def test_a_hostile_form_address_stops_the_build_at_start(tmp_path):
    result = build_real_site_with(tmp_path, f"APPLICATION_FORM_URL = {HOSTILE_FORM!r}\n")
    _refused(
        result,
        f"SettingsError: application_call: APPLICATION_FORM_URL = {HOSTILE_FORM!r} n'est pas "
        'une adresse https:// utilisable (elle contient « " », « < », « > ») ; donnez '
        "l'adresse complète, en https://, sans guillemets, chevrons ni espaces (une espace "
        "s'écrit %20)",
    )


@pytest.mark.parametrize(
    ("lines", "setting"),
    [
        ("LICENCE = ('licence', 'https://x.example/\"onmouseover=\"a')\n", "setting_urls: LICENCE"),
        ("STATE_SITES = [('x', 'http://x.example')]\n", "setting_urls: STATE_SITES[0]"),
        ("SITEURL = 'https://eig.example/\"'\n", "setting_urls: SITEURL"),
        (
            "DECAP_CMS = {**DECAP_CMS, 'backend': {**DECAP_CMS['backend'], "
            "'base_url': 'https://a.example/<x>'}}\n",
            'decap_admin: DECAP_CMS["backend"]["base_url"]',
        ),
    ],
)
def test_each_address_setting_is_checked(tmp_path, lines, setting):
    result = build_real_site_with(tmp_path, lines)
    assert result.returncode == 1, result.log
    assert "Traceback" not in result.log
    assert result.error_lines()[0].startswith(f"SettingsError: {setting} = ")
    assert result.files() == set()
