"""Static assets carry a hash of their content in their names; pages and CSS use those names."""

import hashlib
import re

import pytest
from asset_fingerprints.fingerprints import AssetError, Assets, build_manifest, fingerprinted_name
from conftest import ROOT, build_real_site_with

HASHED = re.compile(r"\.([0-9a-f]{12})\.[a-z0-9]+$")
CSS_URL = re.compile(r"url\(([^)]+)\)")


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


# -- the helper's rules, on small inputs -------------------------------------------


def test_hash_goes_before_the_last_extension():
    name = fingerprinted_name("static/dsfr.min.css", b"body{}", 12)
    assert name == f"static/dsfr.min.{hashlib.sha256(b'body{}').hexdigest()[:12]}.css"


def _manifest(files):
    return build_manifest(set(files), files.__getitem__, [".css", ".woff2"], 12)


def test_css_points_to_the_fingerprinted_font_and_icon():
    files = {
        "s/a.css": b"@font-face{src:url(f/x.woff2)}.i{mask:url('../i/y.svg')}",
        "s/f/x.woff2": b"font",
        "i/y.svg": b"<svg/>",
    }
    manifest = _manifest(files)
    font, icon = manifest.names["s/f/x.woff2"], manifest.names["i/y.svg"]
    css = manifest.names["s/a.css"]
    text = manifest.rewritten[css].decode()
    assert text == f"@font-face{{src:url(f/{font.rsplit('/', 1)[1]})}}.i{{mask:url(../{icon})}}"
    assert css == fingerprinted_name("s/a.css", manifest.rewritten[css], 12)


def test_a_changed_font_renames_the_css_that_uses_it():
    files = {"a.css": b"@font-face{src:url(x.woff2)}", "x.woff2": b"one"}
    before = _manifest(files).names["a.css"]
    after = _manifest({**files, "x.woff2": b"two"}).names["a.css"]
    assert before != after


def test_a_css_url_to_a_missing_file_stops_the_build():
    with pytest.raises(AssetError, match=r"a\.css renvoie à gone\.woff2, qui n'existe pas"):
        _manifest({"a.css": b"@font-face{src:url(gone.woff2)}"})


def test_absolute_and_data_urls_are_left_alone():
    css = b"a{background:url(data:image/png;base64,AA)}b{background:url(/x.png)}"
    manifest = _manifest({"a.css": css})
    assert manifest.rewritten == {}
    assert manifest.names == {"a.css": fingerprinted_name("a.css", css, 12)}


def test_helper_refuses_a_file_the_site_does_not_have():
    assets = Assets("", {"static/a.css"}, _manifest({"static/a.css": b"a{}"}))
    assert HASHED.search(assets.url("static/a.css"))
    with pytest.raises(AssetError, match=r"aucun fichier statique « static/b\.css »"):
        assets.url("static/b.css")


# -- the real site -------------------------------------------------------------------


def test_pages_link_fingerprinted_stylesheets_whose_hash_matches(real_site):
    links = real_site.html("index.html").select('link[rel="stylesheet"]')
    assert len(links) == 3
    for link in links:
        path = real_site.output / link["href"].lstrip("/")
        assert HASHED.search(path.name).group(1) == _digest(path), path


def test_every_css_url_is_a_fingerprinted_file_that_exists(real_site):
    stylesheets = sorted((real_site.output / "static").rglob("*.css"))
    urls = 0
    for css in stylesheets:
        for url in CSS_URL.findall(css.read_text(encoding="utf-8")):
            target = (css.parent / url).resolve()
            assert target.is_file(), (css, url)
            assert HASHED.search(target.name).group(1) == _digest(target), (css, url)
            urls += 1
    # As many as the sources have: every font and icon of the CSS was rewritten.
    sources = [ROOT / "static" / "dsfr" / "dsfr.min.css", *(ROOT / "static" / "css").glob("*.css")]
    assert urls == sum(len(CSS_URL.findall(p.read_text(encoding="utf-8"))) for p in sources) > 0


def test_no_unfingerprinted_stylesheet_or_font_is_published(real_site):
    # Decap CMS keeps its names: plugins/decap_admin links it (tests/test_admin.py).
    vendored = real_site.output / "static" / "decap"
    for pattern in ("*.css", "*.woff2", "*.js"):
        for path in (real_site.output / "static").rglob(pattern):
            assert HASHED.search(path.name) or path.parent == vendored, path


def test_vendored_dsfr_in_the_repository_keeps_its_names(real_site):
    from conftest import ROOT

    source = (ROOT / "static" / "dsfr" / "dsfr.min.css").read_text(encoding="utf-8")
    assert "url(fonts/Marianne-Regular.woff2)" in source


def test_a_bad_setting_stops_the_build_without_traceback(tmp_path):
    result = build_real_site_with(tmp_path, 'ASSET_FINGERPRINTS = {"hash_length": 3}\n')
    assert result.returncode == 1
    assert "Traceback" not in result.log
    assert 'ASSET_FINGERPRINTS["hash_length"] doit être un entier de 8 à 64' in result.log
