"""The vendored DSFR in static/dsfr/ is complete and self-consistent; the script's helpers work.

No network: these tests read the committed output and feed small inline inputs to the
pure functions of scripts/dsfr_css.py, scripts/npm_package.py and scripts/vendor_dsfr.py.
"""

import io
import json
import re
import tarfile
from pathlib import Path

import dsfr_css
import npm_package
import pytest
import vendor_dsfr as vendor

ROOT = Path(__file__).resolve().parent.parent
DSFR = ROOT / "static" / "dsfr"


@pytest.fixture(scope="module")
def css():
    return (DSFR / "dsfr.min.css").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def version_info():
    lines = (DSFR / "VERSION").read_text(encoding="utf-8").splitlines()
    return dict(line.split(": ", 1) for line in lines if ": " in line)


# --- the committed output -------------------------------------------------------------


def test_version_file_names_a_1x_release_and_its_integrity(version_info):
    assert re.fullmatch(r"1\.\d+\.\d+", version_info["version"])
    assert version_info["package"] == "@gouvfr/dsfr"
    assert re.fullmatch(r"sha512-[A-Za-z0-9+/]{86}==", version_info["integrity"])
    assert "header" in version_info["components"].split()


def test_css_banner_matches_the_version_file(css, version_info):
    assert f"DSFR v{version_info['version']} " in css[:200]


def test_licence_is_shipped():
    assert "Etalab" in (DSFR / "LICENSE").read_text(encoding="utf-8")


def test_every_url_resolves_to_a_shipped_file(css):
    targets = dsfr_css.css_urls(css)
    assert targets, "the CSS should reference fonts and icons"
    assert dsfr_css.broken_urls(css, DSFR) == []
    assert all(not t.startswith(("/", "..")) and "://" not in t for t in targets)


def test_every_shipped_asset_is_referenced(css):
    # The script copies only what the CSS uses; a leftover means a stale or manual file.
    referenced = {re.split(r"[?#]", t)[0] for t in dsfr_css.css_urls(css)}
    assets = {
        p.relative_to(DSFR).as_posix()
        for folder in ("fonts", "icons", "img")
        for p in (DSFR / folder).rglob("*")
        if p.is_file()
    }
    assert assets == referenced


def test_css_has_no_data_uri(css):
    """The pages' Content-Security-Policy allows images from the site only."""
    assert "data:" not in css


def test_fonts_are_woff2_only(css):
    assert not re.search(r"""\.woff["')?#]""", css)
    assert 'format("woff")' not in css
    fonts = list((DSFR / "fonts").iterdir())
    assert fonts
    assert all(p.suffix == ".woff2" for p in fonts)


def test_no_javascript_nor_source_maps_shipped(css):
    shipped = [p.name for p in DSFR.rglob("*") if p.suffix in (".js", ".mjs", ".map")]
    assert shipped == []
    assert "sourceMappingURL" not in css


@pytest.mark.parametrize(
    "selector",
    [
        ".fr-header",
        ".fr-footer",
        ".fr-skiplinks",
        ".fr-breadcrumb",
        ".fr-card",
        ".fr-tag",
        ".fr-btn",
        ".fr-callout",
        ".fr-container",
    ],
)
def test_css_has_the_components_we_use(css, selector):
    assert selector[1:] in dsfr_css.defined_classes(css)


def test_version_file_says_the_css_is_purged(version_info):
    # The layout helpers are checked by the script before the purge; after it, only the
    # classes the pages use remain (tests/test_css_purge.py).
    assert "purged" in version_info["css"]


def test_favicons_and_manifest_icons_exist():
    favicon = DSFR / "favicon"
    for name in ("apple-touch-icon.png", "favicon.svg", "favicon.ico"):
        assert (favicon / name).is_file()
    manifest = favicon / "manifest.webmanifest"
    if manifest.exists():
        for icon in json.loads(manifest.read_text(encoding="utf-8"))["icons"]:
            assert (favicon / icon["src"]).is_file()


# --- pure helpers ---------------------------------------------------------------------


def test_rewrite_urls_rebases_component_paths():
    css = '.a{mask-image:url(../../icons/system/x.svg)}.b{background:url("../../icons/y z.svg")}'
    out, assets = dsfr_css.rewrite_urls(css, "component/header")
    assert out == '.a{mask-image:url(icons/system/x.svg)}.b{background:url("icons/y z.svg")}'
    assert assets == {"icons/system/x.svg", "icons/y z.svg"}


def test_rewrite_urls_keeps_fragments_and_data_uris():
    data = "url(\"data:image/svg+xml;charset=utf8,%3Csvg d='M1 (2)'%3E\")"
    css = f".a{{src:url(../fonts/F.woff2#x)}}.b{{background:{data}}}"
    out, assets = dsfr_css.rewrite_urls(css, "core")
    assert out == f".a{{src:url(fonts/F.woff2#x)}}.b{{background:{data}}}"
    assert assets == {"fonts/F.woff2"}


def test_externalize_data_uris_writes_each_image_once_under_a_content_name():
    svg = "url(\"data:image/svg+xml;charset=utf8,%3Csvg d='M1 (2)'%3E\")"
    png = "url(data:image/png;base64,iVBORw0KGgo=)"
    css = f".a{{background:{svg}}}.b{{background:{svg}}}.c{{background:{png}}}.d{{x:url(a.svg)}}"
    out, files = dsfr_css.externalize_data_uris(css)
    assert "data:" not in out
    assert sorted(files.values()) == [b"<svg d='M1 (2)'>", b"\x89PNG\r\n\x1a\n"]
    svg_path = next(p for p, data in files.items() if data.startswith(b"<svg"))
    assert re.fullmatch(r"img/inline/[0-9a-f]{12}\.svg", svg_path)
    assert out.count(f"url({svg_path})") == 2
    assert out.endswith(".d{x:url(a.svg)}")


def test_externalize_data_uris_refuses_other_kinds():
    with pytest.raises(dsfr_css.VendorError, match="unexpected data: URI"):
        dsfr_css.externalize_data_uris(".a{src:url(data:font/woff2;base64,AAAA)}")


@pytest.mark.parametrize(
    "target", ["../../../secret.svg", "https://cdn.example/x.svg", "//cdn/x.svg", "/x.svg"]
)
def test_rewrite_urls_refuses_urls_outside_the_package(target):
    with pytest.raises(dsfr_css.VendorError):
        dsfr_css.rewrite_urls(f".a{{background:url({target})}}", "component/card")


def test_strip_non_woff2_keeps_only_woff2_and_local():
    css = (
        '@font-face{font-family:M;src:local(M),url(a.woff2) format("woff2"),'
        'url(a.woff) format("woff"),url(a.ttf)}.x{background:url(a.woff)}'
    )
    assert dsfr_css.strip_non_woff2(css) == (
        '@font-face{font-family:M;src:local(M),url(a.woff2) format("woff2")}'
        ".x{background:url(a.woff)}"
    )


def test_strip_non_woff2_fails_without_a_woff2_source():
    with pytest.raises(dsfr_css.VendorError):
        dsfr_css.strip_non_woff2('@font-face{font-family:M;src:url(a.woff) format("woff")}')


def test_minify_drops_comments_markers_and_charset_but_not_strings():
    css = (
        '@charset "UTF-8";/*!\n * banner\n */.a{content:"/* kept */"}\n'
        "@media (min-width:36em){\n  /*! media sm */}@media (min-width:48em){.b{color:red}\n}"
    )
    assert dsfr_css.minify(css) == '.a{content:"/* kept */"}@media (min-width:48em){.b{color:red}}'


def test_split_top_level_ignores_nested_separators():
    assert dsfr_css.split_top_level('a,f(b,c),"d,e"', ",") == ["a", "f(b,c)", '"d,e"']
    # Selector lists: attribute brackets and escaped commas do not separate either.
    assert dsfr_css.split_top_level(r"[x='a,b'],.c\,d,:is(e,f)", ",") == [
        "[x='a,b']",
        r".c\,d",
        ":is(e,f)",
    ]


def test_defined_classes_reads_selectors_only():
    css = '@media (min-width:61.5em){.fr-a .fr-b:not(.c),[class*=" fr-d"]{background:url(x.svg)}}'
    assert dsfr_css.defined_classes(css) == {"fr-a", "fr-b", "c"}


def test_component_order_follows_the_dsfr_bundle():
    scss = "@import 'badge/main';\n@import 'button/main';\n@import 'header/main';\n"
    assert dsfr_css.component_order(scss, ["header", "extra", "button", "badge"]) == [
        "badge",
        "button",
        "header",
        "extra",
    ]


def _tar_member(name, kind=tarfile.REGTYPE):
    info = tarfile.TarInfo(name)
    info.type = kind
    return info


@pytest.mark.parametrize(
    "member",
    [
        _tar_member("../evil.css"),
        _tar_member("/etc/evil"),
        _tar_member("package/../../evil"),
        _tar_member("package/link", tarfile.SYMTYPE),
    ],
)
def test_check_member_refuses_unsafe_entries(member):
    with pytest.raises(npm_package.PackageError):
        npm_package.check_member(member)


def test_extract_reads_only_the_needed_files(tmp_path):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name in (
            "package/dist/core/core.min.css",
            "package/dist/core/core.module.min.js",
            "package/LICENSE.md",
            "package/README.md",
        ):
            data = b"x"
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    tarball = tmp_path / "p.tgz"
    tarball.write_bytes(buffer.getvalue())
    package = vendor.extract(tarball, tmp_path / "x")
    files = sorted(p.relative_to(package).as_posix() for p in package.rglob("*") if p.is_file())
    assert files == ["LICENSE.md", "dist/core/core.min.css"]


def test_sri_sha512_matches_npm_format():
    assert npm_package.sri_sha512(b"") == (
        "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+"
        "DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg=="
    )


def test_add_unicode_range_completes_font_faces_without_one():
    css = "@font-face{font-family:M;src:url(a.woff2)}@font-face{font-family:N;unicode-range:U+41}"
    assert dsfr_css.add_unicode_range(css, "U+0000-00FF") == (
        "@font-face{font-family:M;src:url(a.woff2);unicode-range:U+0000-00FF}"
        "@font-face{font-family:N;unicode-range:U+41}"
    )


def test_unicode_ranges_reads_ranges_single_points_and_wildcards():
    assert dsfr_css.unicode_ranges("U+0000-00FF, U+0131,u+04??") == [
        (0, 0xFF),
        (0x131, 0x131),
        (0x400, 0x4FF),
    ]


def test_fonts_are_subset_to_the_declared_range(css):
    # The subset keeps ~220 characters: far below the 58 KB of a full Marianne face.
    assert "unicode-range:" + vendor.FONT_UNICODE_RANGE in css
    fonts = list((DSFR / "fonts").glob("*.woff2"))
    assert fonts
    assert all(font.stat().st_size < 30_000 for font in fonts), fonts
