"""A share image drawn in the site's look: 1200×630 PNG, the same bytes for the same text.

The picture has two colours and white, so it is drawn as palette indices: white to
blue France in 128 steps (the text's smooth edges, on white or on blue), and red. A
palette PNG is a third of an RGB one to compress, and smaller. Pillow writes no date
nor text chunk unless asked: the bytes depend only on the text, fonts and this code.
"""

import io
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from . import text as text_layout

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
BLUE_FRANCE = (0x00, 0x00, 0x91)
RED_MARIANNE = (0xE1, 0x00, 0x0F)
WHITE = (0xFF, 0xFF, 0xFF)
# Palette indices: 0 white ... BLUE blue France, then red.
BLUE = 127
RED = 128
PALETTE = [
    round(white + (blue - white) * step / BLUE)
    for step in range(BLUE + 1)
    for white, blue in zip(WHITE, BLUE_FRANCE, strict=True)
] + list(RED_MARIANNE)
# Where each text goes: (top, font sizes largest first, most lines).
HEADER = (56, (36, 30, 24), 1)
TITLE_SIZES = (72, 64, 56, 48, 40)
TITLE_LINES = 4
SUBTITLE_SIZES = (34, 30, 26)
SUBTITLE_LINES = 3
CONTENT_TOP, CONTENT_BOTTOM = 160, 500
GAP = 24
BAND_TOP = 540
FOOTER_SIZES = (30, 26, 22)
LINE_HEIGHT = 1.2
# Compression level 6: zlib's default; 9 takes twice as long for 10 % fewer bytes.
COMPRESS_LEVEL = 6


@dataclass(frozen=True)
class Card:
    """The texts of one image: small header, title, subtitle, and the band's line."""

    header: str
    title: str
    subtitle: str
    footer: str


@dataclass(frozen=True)
class Fonts:
    """The font files (bytes) of titles and of the other texts."""

    bold: bytes
    medium: bytes


@lru_cache(maxsize=64)
def _font(data, size):
    # BASIC layout: the same glyph positions wherever Pillow runs (no system libraqm).
    return ImageFont.truetype(io.BytesIO(data), size, layout_engine=ImageFont.Layout.BASIC)


def _sizes(data, sizes):
    return [_font(data, size) for size in sizes]


def _height(font, lines):
    return round(font.size * LINE_HEIGHT) * len(lines)


def _draw_lines(draw, top, font, lines, ink):
    step = round(font.size * LINE_HEIGHT)
    for number, line in enumerate(lines):
        draw.text((MARGIN, top + number * step), line, font=font, fill=ink, anchor="la")


def layout(card, fonts, has_glyph):
    """Each text's (top, font, lines, ink), fitted: nothing leaves its box."""
    width = WIDTH - 2 * MARGIN
    bold, medium = fonts.bold, fonts.medium
    placed = []
    header = text_layout.clean(card.header, has_glyph)
    if header:
        font, lines = text_layout.fit(header, _sizes(bold, HEADER[1]), width, HEADER[2])
        placed.append((HEADER[0], font, lines, BLUE))
    subtitle = text_layout.clean(card.subtitle, has_glyph)
    sub_font, sub_lines = text_layout.fit(
        subtitle, _sizes(medium, SUBTITLE_SIZES), width, SUBTITLE_LINES
    )
    room = CONTENT_BOTTOM - CONTENT_TOP - (_height(sub_font, sub_lines) + GAP if sub_lines else 0)
    title = text_layout.clean(card.title, has_glyph)
    title_font, title_lines = None, []
    for size in TITLE_SIZES:
        font = _font(bold, size)
        most = min(TITLE_LINES, room // round(size * LINE_HEIGHT))
        lines = text_layout.wrap(title, font.getlength, width, most) if most else None
        if lines is not None:
            title_font, title_lines = font, lines
            break
    if title_font is None:
        title_font = _font(bold, TITLE_SIZES[-1])
        most = max(1, min(TITLE_LINES, room // round(title_font.size * LINE_HEIGHT)))
        every = text_layout.wrap(title, title_font.getlength, width, text_layout.MAX_CHARS)
        title_lines = text_layout.ellipsize(every or [], title_font.getlength, width, most)
    placed.append((CONTENT_TOP, title_font, title_lines, BLUE))
    if sub_lines:
        top = CONTENT_TOP + _height(title_font, title_lines) + GAP
        placed.append((top, sub_font, sub_lines, BLUE))
    footer = text_layout.clean(card.footer, has_glyph)
    if footer:
        font, lines = text_layout.fit(footer, _sizes(medium, FOOTER_SIZES), width, 1)
        top = BAND_TOP + (HEIGHT - BAND_TOP - round(font.size * LINE_HEIGHT)) // 2
        placed.append((top, font, lines, 0))  # white on the band
    return placed


def render(card, fonts, has_glyph):
    """The PNG bytes of `card`."""
    # Drawn as grey levels, each one a palette index: text blends between white (0)
    # and blue (BLUE), in both directions.
    canvas = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, BAND_TOP, WIDTH, HEIGHT), fill=BLUE)
    draw.rectangle((MARGIN, 118, MARGIN + 96, 125), fill=RED)
    for top, font, lines, ink in layout(card, fonts, has_glyph):
        _draw_lines(draw, top, font, lines, ink)
    image = Image.frombytes("P", canvas.size, canvas.tobytes())
    image.putpalette(PALETTE)
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=COMPRESS_LEVEL)
    return out.getvalue()
