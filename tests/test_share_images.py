"""Every page names a share image (Open Graph, Twitter card): one per challenge, one for
the site, 1200×630 PNGs drawn at build time, the same bytes at each build."""

import io
import re
import struct
import sys
from pathlib import Path

import english_content
import pytest
import site_content
from conftest import (
    ROOT,
    at_moment,
    build_real_site,
    build_real_site_with,
    copy_real_site,
    module_folder,
)
from parsed_pages import attribute_text, parse_file
from PIL import Image
from selectolax.lexbor import LexborHTMLParser

sys.path.insert(0, str(ROOT / "plugins"))
from share_images import fonts, render, text  # plugins/ is not on the path

SETTINGS = site_content.settings()
PUBLISHED = site_content.settings("publishconf.py")
SIZE = (1200, 630)
CHALLENGES = site_content.challenges()
FONTS_DIR = ROOT / "static" / "dsfr" / "fonts"


def public_pages(build, kept=False):
    """(path, parsed HTML) of every page a visitor can open: not redirects, not /admin/.
    `kept`: a session build, whose pages several tests read (parsed once, read only).
    Lexbor's HTML5 parsing (selectolax), as a browser reads the <head>: only tags are read."""
    for path in sorted(build.output.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text or 'rel="cms-config-url"' in text:
            continue
        html = parse_file(path, "lexbor") if kept else LexborHTMLParser(text)
        yield path.relative_to(build.output).as_posix(), html


def page_tree(build, save_as):
    """One built page as Lexbor reads it (parsed once while the file is unchanged)."""
    return parse_file(build.output / save_as, "lexbor")


def meta(html, key):
    """The content of the one <meta property|name=key> of a Lexbor tree."""
    found = [
        tag
        for tag in html.css("meta")
        if key in (tag.attributes.get("property"), tag.attributes.get("name"))
    ]
    assert len(found) == 1, (key, [tag.html for tag in found])
    return attribute_text(found[0], "content")


def image_file(build, address, siteurl=""):
    """The built file an image address leads to."""
    assert address.startswith(siteurl + "/"), address
    path = build.output / address[len(siteurl) + 1 :]
    assert path.is_file(), address
    return path


def chunks(data):
    """The PNG's chunk types, in order."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    types, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        types.append(data[at + 4 : at + 8].decode("ascii"))
        at += 12 + length
    return types


def contrast(one, two):
    """WCAG's contrast ratio of two sRGB colours."""

    def luminance(rgb):
        def channel(c):
            c /= 255
            return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(c) for c in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# -- on every page of the built site ---------------------------------------------------


BUILDS = {
    "upcoming_site": "",
    "real_site": "",
    "closed_site": "",
    "published_site": PUBLISHED["SITEURL"],
}


@pytest.fixture(params=sorted(BUILDS))
def any_build(request):
    """The site in each state of the call, and its public build."""
    return request.getfixturevalue(request.param)


@pytest.fixture(params=sorted(BUILDS))
def build_and_siteurl(request):
    return request.getfixturevalue(request.param), BUILDS[request.param]


def test_every_page_names_its_share_image_and_its_alternative_text(any_build):
    pages = list(public_pages(any_build, kept=True))
    assert len(pages) >= len(CHALLENGES)
    for rel, html in pages:
        for key in ("og:title", "og:description", "og:type", "og:image:alt"):
            assert meta(html, key).strip(), (rel, key)
        assert meta(html, "og:image:type") == "image/png", rel
        assert meta(html, "twitter:card") == "summary_large_image", rel
        assert meta(html, "twitter:image") == meta(html, "og:image"), rel
        assert meta(html, "twitter:image:alt") == meta(html, "og:image:alt"), rel


def test_each_named_image_is_a_1200_by_630_png_as_the_page_says(build_and_siteurl):
    build, siteurl = build_and_siteurl
    for rel, html in public_pages(build, kept=True):
        with Image.open(image_file(build, meta(html, "og:image"), siteurl)) as image:
            assert image.format == "PNG", rel
            assert image.size == SIZE, rel
            assert image.mode == "P", rel
            declared = (int(meta(html, "og:image:width")), int(meta(html, "og:image:height")))
            assert declared == image.size, rel


def test_each_challenge_has_an_image_of_its_own_and_other_pages_the_sites(real_site):
    site_image = meta(page_tree(real_site, "index.html"), "og:image")
    own = {}
    for challenge in CHALLENGES:
        html = page_tree(real_site, challenge.save_as)
        own[challenge.source] = meta(html, "og:image")
        alt = meta(html, "og:image:alt")
        assert " ".join(challenge.title.split()) in alt
        assert " ".join(challenge.administration.split()) in alt
    assert site_image not in own.values()
    assert len(set(own.values())) == len(CHALLENGES)
    challenge_pages = {c.save_as for c in CHALLENGES}
    # A challenge's English page shares its French page's image (tests/test_english.py).
    for english in english_content.english_challenges():
        html = page_tree(real_site, english.save_as)
        assert meta(html, "og:image") == own[english.french.source], english.save_as
        challenge_pages.add(english.save_as)
    for rel, html in public_pages(real_site, kept=True):
        if rel not in challenge_pages:
            assert meta(html, "og:image") == site_image, rel
            assert SETTINGS["SITENAME"] in meta(html, "og:image:alt"), rel


def test_the_public_build_gives_absolute_addresses_and_development_root_ones(
    published_site, real_site
):
    siteurl = PUBLISHED["SITEURL"]
    assert siteurl.startswith("https://")
    for rel, html in public_pages(published_site, kept=True):
        assert meta(html, "og:image").startswith(siteurl + "/static/"), rel
        assert meta(html, "og:url").startswith(siteurl + "/"), rel
    # Development: SITEURL is empty; the image is named from the site's root, as every
    # other file is (a preview is never shared, and the address still opens the image).
    assert SETTINGS["SITEURL"] == ""
    for _, html in public_pages(real_site, kept=True):
        assert re.fullmatch(
            r"/static/partage/[a-z0-9-]+\.[0-9a-f]{12}\.png", meta(html, "og:image")
        )


def test_the_images_carry_nothing_but_their_pixels(real_site):
    for path in sorted((real_site.output / "static" / "partage").glob("*.png")):
        assert chunks(path.read_bytes()) == ["IHDR", "PLTE", "IDAT", "IEND"], path.name


def test_the_text_is_readable_on_its_background(real_site):
    """Blue France on white and white on blue France: WCAG AA (4.5:1) and more."""
    for path in sorted((real_site.output / "static" / "partage").glob("*.png")):
        with Image.open(path) as image:
            colours = sorted(image.convert("RGB").getcolors(maxcolors=4096), reverse=True)
        background, band = colours[0][1], colours[1][1]
        assert background == (255, 255, 255), path.name
        assert contrast(background, band) >= 4.5, path.name
        # The text's full colour is the band's: the first two colours are its two sides.
        drawn = {rgb for _, rgb in colours}
        assert band == min(drawn, key=sum), path.name


def test_servers_let_browsers_keep_the_images_a_year(real_site):
    text = (real_site.output / "_headers").read_text(encoding="utf-8")
    blocks = dict(re.findall(r"^(/\S*)\n((?:  .*\n)+)", text, flags=re.MULTILINE))
    images = sorted((real_site.output / "static" / "partage").glob("*.png"))
    assert images
    for path in images:
        address = "/" + path.relative_to(real_site.output).as_posix()
        assert blocks[address] == "  Cache-Control: public, max-age=31536000, immutable\n"
    nginx = (real_site.output / "_nginx" / "http.conf").read_text(encoding="utf-8")
    assert all(f'"/static/partage/{p.name}" "public' in nginx for p in images)


# -- builds: reproducible, cached ------------------------------------------------------


@pytest.fixture(scope="module")
def second_build(request):
    """Another copy of the site, built elsewhere with an empty cache of its own."""
    with module_folder(request, "share-second") as folder:
        site = copy_real_site(folder, drawn_images=False, plugins=False)
        assert not (site / ".cache").exists()
        result = build_real_site(site, env={**at_moment("open"), "PYTHONHASHSEED": "7"})
        assert result.returncode == 0, result.log
        yield site, result


def _images(build):
    folder = build.output / "static" / "partage"
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.png"))}


def test_two_builds_draw_the_same_bytes(real_site, second_build):
    _, again = second_build
    first, second = _images(real_site), _images(again)
    assert len(first) == len(CHALLENGES) + 1
    assert first == second


def test_the_cache_keeps_each_image_outside_the_output_by_its_digest(second_build):
    site, result = second_build
    cached = {p.name[:12]: p.read_bytes() for p in (site / ".cache" / "share-images").iterdir()}
    for name, data in _images(result).items():
        digest = name.rsplit(".", 2)[-2]
        assert cached[digest] == data, name


def test_a_warm_build_copies_its_images_from_the_cache(real_site, tmp_path):
    # The copy's cache holds what real_site's build drew (the same site, at the same moment).
    site = copy_real_site(tmp_path / "site", plugins=False)
    cache = site / ".cache" / "share-images"
    assert len(list(cache.glob("*.png"))) >= len(_images(real_site)), "no warm cache"
    # Mark every cached file: the next build writes the marked bytes, so it drew none.
    for path in cache.glob("*.png"):
        path.write_bytes(path.read_bytes() + b"cached")
    second = build_real_site(site, env=at_moment("open"))
    assert second.returncode == 0, second.log
    images = _images(second)
    assert images and all(data.endswith(b"cached") for data in images.values())
    # Copies: a change to output/ never reaches the cache.
    kept = {p.stat().st_ino for p in cache.glob("*.png")}
    assert not [
        p for p in (second.output / "static" / "partage").iterdir() if p.stat().st_ino in kept
    ]


def test_a_new_title_makes_a_new_image_with_a_new_name(real_site, tmp_path):
    site = copy_real_site(tmp_path / "site", plugins=False)
    challenge = CHALLENGES[0]
    path = site / challenge.source
    text_before = path.read_text(encoding="utf-8")
    path.write_text(
        re.sub(r"(?m)^title: .*$", "title: Un tout autre titre", text_before, count=1),
        encoding="utf-8",
    )
    result = build_real_site(site, env=at_moment("open"))
    assert result.returncode == 0, result.log
    html = page_tree(result, challenge.save_as)
    assert "Un tout autre titre" in meta(html, "og:image:alt")
    name = meta(html, "og:image").rsplit("/", 1)[1]
    assert name not in _images(real_site)  # the same site, built at the same moment
    assert name in _images(result)


# -- settings ---------------------------------------------------------------------------


def test_with_challenges_off_every_page_shows_the_sites_image(tmp_path):
    result = build_real_site_with(
        tmp_path / "site",
        'SHARE_IMAGES = {**SHARE_IMAGES, "challenges": False}\n',
        env=at_moment("open"),
    )
    assert result.returncode == 0, result.log
    assert len(_images(result)) == 1
    addresses = {meta(html, "og:image") for _, html in public_pages(result)}
    assert len(addresses) == 1


def test_a_wrong_setting_is_told_in_french(tmp_path):
    result = build_real_site_with(
        tmp_path / "site",
        'SHARE_IMAGES = {"challenges": "oui", "cache_path": "../ailleurs", "couleur": 1}\n',
        env=at_moment("open"),
    )
    assert result.returncode == 1
    assert "Traceback" not in result.log
    assert 'share_images: SHARE_IMAGES["challenges"] doit valoir True ou False' in result.log
    assert 'SHARE_IMAGES["cache_path"] doit être un chemin relatif au dossier du projet' in (
        result.log
    )
    assert "clé inconnue dans SHARE_IMAGES : couleur" in result.log


# -- drawing: text fitted, never interpreted ------------------------------------------


@pytest.fixture(scope="module")
def site_fonts():
    bold = fonts.load(FONTS_DIR / "Marianne-Bold.woff2")
    medium = fonts.load(FONTS_DIR / "Marianne-Medium.woff2")
    return render.Fonts(bold.data, medium.data, bold.characters & medium.characters)


LONG_TITLE = (
    "Mettre en œuvre des techniques d'intelligence artificielle pour détecter au plus tôt "
    "les entreprises en difficulté et accompagner leur redressement dans tous les "
    "territoires de la République, y compris outre-mer, avec les acteurs publics et privés"
)
HOSTILE_TITLE = (
    "<script>alert(1)</script> {{ site.url }} {% raw %} %s %n \x00\x1b[31m\u202e"
    "\u200b ${HOME} &amp; " + "W" * 400
)


def _card(title, subtitle="Ministère de l'Économie et des Finances"):
    return render.Card(
        SETTINGS["SITENAME"], title, subtitle, "Appel à candidatures de la deuxième promotion"
    )


@pytest.mark.parametrize("title", [LONG_TITLE, HOSTILE_TITLE, "Court"])
def test_every_line_fits_its_box(site_fonts, title):
    header, footer, title_block, subtitle = render.layout(_card(title, subtitle=title), site_fonts)
    for _, font, lines, _ink in (header, footer, title_block, subtitle):
        assert lines
        for line in lines:
            assert font.getlength(line) <= render.WIDTH_IN, line
    assert len(title_block[2]) <= render.TITLE_LINES
    assert len(header[2]) == len(footer[2]) == 1
    top, font, lines, _ = subtitle
    assert top + round(font.size * render.LINE_HEIGHT) * len(lines) <= render.CONTENT_BOTTOM


def test_a_long_title_shrinks_and_ends_with_an_ellipsis(site_fonts):
    short = render.layout(_card("Court"), site_fonts)[2]
    long = render.layout(_card(LONG_TITLE), site_fonts)[2]
    assert long[1].size < short[1].size
    assert long[2][-1].endswith("…")


def test_a_hostile_title_is_drawn_as_text(site_fonts):
    lines = render.layout(_card(HOSTILE_TITLE), site_fonts)[2][2]
    drawn = " ".join(lines)
    assert drawn.startswith("<script>alert(1)</script> {{ site.url }} {% raw %} %s %n [31m")
    assert not re.search(r"[\x00-\x1f\u202e\u200b]", drawn)


def test_nothing_is_drawn_in_the_margins(site_fonts):
    data = render.render(_card(HOSTILE_TITLE, subtitle=HOSTILE_TITLE), site_fonts)
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == SIZE
        indices = image.load()
        for y in range(render.CONTENT_TOP, render.BAND_TOP):
            for x in (*range(0, render.MARGIN - 4), *range(SIZE[0] - render.MARGIN + 4, SIZE[0])):
                assert indices[x, y] == 0, (x, y)


def test_characters_the_font_lacks_are_folded_or_left_out(site_fonts):
    assert text.clean("Ωmega ő Łódź 日本 e\u0301té", site_fonts.has_glyph) == "mega o ódz été"


def test_a_font_freetype_cannot_open_as_woff2_is_unpacked_to_the_same_glyphs(site_fonts):
    unpacked = fonts.as_truetype((FONTS_DIR / "Marianne-Bold.woff2").read_bytes())
    assert unpacked[:4] in (b"\x00\x01\x00\x00", b"OTTO", b"true")
    as_woff2 = render.Fonts(site_fonts.bold, site_fonts.medium, site_fonts.characters)
    as_ttf = render.Fonts(unpacked, site_fonts.medium, site_fonts.characters)
    card = _card(LONG_TITLE)
    assert [p[2] for p in render.layout(card, as_ttf)] == [
        p[2] for p in render.layout(card, as_woff2)
    ]


def test_the_code_version_follows_the_drawing_code(tmp_path, monkeypatch):
    from share_images import cache

    before = cache.code_version()
    changed = tmp_path / "render.py"
    changed.write_bytes(Path(render.__file__).read_bytes() + b"\n# one more line\n")
    monkeypatch.setattr(render, "__file__", str(changed))
    assert cache.code_version() != before


def test_the_key_follows_every_input():
    from share_images import cache

    card = _card("Titre")
    fonts_ab = cache.fonts_digest(render.Fonts(b"a", b"b", frozenset()))
    fonts_ac = cache.fonts_digest(render.Fonts(b"a", b"c", frozenset()))
    key = cache.digest(card, fonts_ab, "v1")
    assert key == cache.digest(_card("Titre"), fonts_ab, "v1")
    assert key != cache.digest(card, fonts_ab, "v2")
    assert key != cache.digest(card, fonts_ac, "v1")
    assert key != cache.digest(_card("Titre", "Autre"), fonts_ab, "v1")


def test_a_missing_font_is_told_in_french(tmp_path):
    result = build_real_site_with(
        tmp_path / "site",
        'SHARE_IMAGES = {**SHARE_IMAGES, "title_font": "static/absente.woff2"}\n',
        env=at_moment("open"),
    )
    assert result.returncode == 1
    assert "Traceback" not in result.log
    assert (
        'share_images: SHARE_IMAGES["title_font"] : aucune police lisible à '
        "« static/absente.woff2 »"
    ) in result.log


HOSTILE_FRONT = (
    "title: '\"><script>alert(1)</script> &amp; ${HOME} %s "
    + "Interminable " * 40
    + "'\nadministration: '<b>Agence</b> \"de\" l''Essai'\n"
)


def test_a_hostile_challenge_builds_its_image_and_tags_as_text(tmp_path):
    site = copy_real_site(tmp_path / "site", plugins=False)
    challenge = CHALLENGES[0]
    path = site / challenge.source
    front, body = path.read_text(encoding="utf-8").split("\n---\n", 1)
    kept = [
        line
        for line in front.splitlines()
        if not line.startswith(("title:", "administration:", "owner:", "modal-id:"))
    ]
    path.write_text("\n".join(kept) + "\n" + HOSTILE_FRONT + "---\n" + body, encoding="utf-8")
    result = build_real_site(site, env=at_moment("open"))
    assert result.returncode == 0, result.log
    # The job posting's JSON-LD is a data block (tests/test_job_postings.py checks its escaping).
    head = result.html(challenge.save_as).head
    assert not head.select('script:not([type="application/ld+json"]), b')
    html = page_tree(result, challenge.save_as)
    alt = meta(html, "og:image:alt")
    assert alt.startswith('Défi « "><script>alert(1)</script> &amp; ${HOME} %s Interminable')
    assert '<b>Agence</b> "de" l\'Essai' in alt
    assert len(alt) <= 420
    with Image.open(image_file(result, meta(html, "og:image"))) as image:
        assert image.size == SIZE


def test_no_page_can_take_the_address_of_a_share_image(real_site, tmp_path):
    address = meta(page_tree(real_site, "index.html"), "og:image")
    site = copy_real_site(tmp_path / "site", plugins=False)
    page = site / "pages" / "prise.md"
    page.write_text(f"---\ntitle: Prise\npermalink: {address}\n---\nTexte.\n", encoding="utf-8")
    result = build_real_site(site, env=at_moment("open"))
    assert result.returncode == 1
    assert "Traceback" not in result.log
    claim = f"image de partage {address.lstrip('/')} (SHARE_IMAGES)"
    assert f"pages/prise.md: 2 fichiers donnent la même adresse {address} : " in result.log
    assert f"cette adresse est déjà celle de {claim}, que le site écrit" in result.log
