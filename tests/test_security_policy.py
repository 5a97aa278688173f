"""The Content-Security-Policy: built from the settings, strict, on every built page."""

import pytest
import site_content
from browser import is_back_office
from conftest import build_real_site_with
from parsed_pages import parse_file
from security_policy import policy

FORM = {"APPLICATION_FORM_URL": "https://form.example:8443/apply?x=1", "FORM_EMBED": True}


def test_default_policy_allows_the_site_and_the_embedded_forms_origin_only():
    csp = policy.load(FORM)
    assert csp.meta == (
        "default-src 'self'; base-uri 'self'; form-action 'self'; object-src 'none'; "
        "frame-src https://form.example:8443"
    )


def test_without_an_embedded_form_no_frame_is_allowed():
    assert policy.load({**FORM, "FORM_EMBED": False}).directives["frame-src"] == ["'none'"]
    settings = {**FORM, "CONTENT_SECURITY_POLICY": {"frame_form": False}}
    assert policy.load(settings).directives["frame-src"] == ["'none'"]


def test_header_adds_what_a_meta_tag_cannot_carry():
    csp = policy.load(FORM)
    assert csp.header == csp.meta + "; frame-ancestors 'none'"
    assert "frame-ancestors" not in csp.meta


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        (
            {"directives": {"default-src": ["'self'", "'unsafe-inline'"]}},
            "contient 'unsafe-inline'",
        ),
        ({"directives": {"default-src": ["'self'"], "img-src": ["data:"]}}, "contient data:"),
        ({"directives": {"script-src": ["'self'"]}}, 'doit contenir "default-src"'),
        (
            {"directives": {"default-src": ["'self'"], "frame-ancestors": ["'none'"]}},
            "frame-ancestors ne peut pas figurer dans une balise <meta>",
        ),
        ({"directives": {"default-src": "'self'"}}, "doit être une liste de textes"),
        ({"frame": True}, "clé inconnue dans CONTENT_SECURITY_POLICY : frame"),
        ({"frame_form": "oui"}, "doit valoir True ou False"),
    ],
)
def test_a_loose_or_malformed_policy_is_refused(setting, message):
    with pytest.raises(policy.SettingsError, match=message):
        policy.load({**FORM, "CONTENT_SECURITY_POLICY": setting})


def test_every_built_page_carries_the_policy_first_in_its_head(real_site):
    # The back office has a policy of its own: tests/test_admin.py.
    pages = sorted(p for p in real_site.output.rglob("*.html") if not is_back_office(p))
    assert len(pages) > 20
    for path in pages:
        head = parse_file(path).head
        metas = head.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert len(metas) == 1, path
        # Before any stylesheet or script, so that it governs every fetch of the page.
        first_fetch = head.find(["link", "script", "style"])
        assert first_fetch is None or metas[0].sourceline < first_fetch.sourceline, path
        assert metas[0]["content"].startswith("default-src 'self';"), path
        assert f"frame-src {site_content.frame_source()}" in metas[0]["content"], path


def test_a_loose_policy_stops_the_build_with_the_setting_named(tmp_path):
    line = 'CONTENT_SECURITY_POLICY = {"directives": {"default-src": ["*"]}}\n'
    result = build_real_site_with(tmp_path, line)
    assert result.returncode == 1
    assert "Traceback" not in result.log
    assert result.error_lines() == [
        'SettingsError: security_policy: CONTENT_SECURITY_POLICY["directives"]["default-src"] '
        "contient * : le site promet une politique stricte ; servez la ressource depuis le "
        "site lui-même"
    ]
    assert result.files() == set()
