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
WIDTH_IN = WIDTH - 2 * MARGIN
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
RED_BAR = (MARGIN, 118, MARGIN + 96, 125)  # the red accent under the header
BAND_TOP = 540
FOOTER_SIZES = (30, 26, 22)
LINE_HEIGHT = 1.2
# zlib level 3: level 6 costs 15 % more time per image for files a quarter smaller
COMPRESS_LEVEL = 3


@dataclass(frozen=True)
class Card:
    """The texts of one image: small header, title, subtitle, and the band's line."""

    header: str
    title: str
    subtitle: str
    footer: str


@dataclass(frozen=True)
class Fonts:
    """The font files (bytes) of titles and of the other texts, and the characters both
    draw."""

    bold: bytes
    medium: bytes
    characters: frozenset

    def has_glyph(self, char):
        return ord(char) in self.characters


@lru_cache(maxsize=64)
def _font(data, size):
    # BASIC layout: the same glyph positions wherever Pillow runs (no system libraqm).
    return ImageFont.truetype(io.BytesIO(data), size, layout_engine=ImageFont.Layout.BASIC)


def _sizes(data, sizes):
    return [_font(data, size) for size in sizes]


def _step(font):
    return round(font.size * LINE_HEIGHT)


def _draw(draw, placed):
    for top, font, lines, ink in placed:
        for number, line in enumerate(lines):
            draw.text((MARGIN, top + number * _step(font)), line, font=font, fill=ink, anchor="la")


def frame_layout(header, footer, fonts):
    """The texts every image of a site shares: the header, and the band's line."""
    placed = []
    header = text_layout.clean(header, fonts.has_glyph)
    if header:
        font, lines = text_layout.fit(header, _sizes(fonts.bold, HEADER[1]), WIDTH_IN, HEADER[2])
        placed.append((HEADER[0], font, lines, BLUE))
    footer = text_layout.clean(footer, fonts.has_glyph)
    if footer:
        font, lines = text_layout.fit(footer, _sizes(fonts.medium, FOOTER_SIZES), WIDTH_IN, 1)
        top = BAND_TOP + (HEIGHT - BAND_TOP - _step(font)) // 2
        placed.append((top, font, lines, 0))  # white on the band
    return placed


def content_layout(title, subtitle, fonts):
    """The title, as large as the room left by the subtitle allows, then the subtitle."""
    subtitle = text_layout.clean(subtitle, fonts.has_glyph)
    sub_font, sub_lines = text_layout.fit(
        subtitle, _sizes(fonts.medium, SUBTITLE_SIZES), WIDTH_IN, SUBTITLE_LINES
    )
    room = (
        CONTENT_BOTTOM - CONTENT_TOP - (_step(sub_font) * len(sub_lines) + GAP if sub_lines else 0)
    )
    title = text_layout.clean(title, fonts.has_glyph)
    for size in TITLE_SIZES:
        font = _font(fonts.bold, size)
        most = min(TITLE_LINES, room // _step(font))
        lines = text_layout.wrap(title, font.getlength, WIDTH_IN, most) if most else None
        if lines is not None:
            break
    else:
        most = max(1, min(TITLE_LINES, room // _step(font)))
        every = text_layout.wrap(title, font.getlength, WIDTH_IN, text_layout.MAX_CHARS)
        lines = text_layout.ellipsize(every or [], font.getlength, WIDTH_IN, most)
    placed = [(CONTENT_TOP, font, lines, BLUE)]
    if sub_lines:
        placed.append((CONTENT_TOP + _step(font) * len(lines) + GAP, sub_font, sub_lines, BLUE))
    return placed


def layout(card, fonts):
    """Each text's (top, font, lines, palette index), fitted: nothing leaves its box."""
    return [
        *frame_layout(card.header, card.footer, fonts),
        *content_layout(card.title, card.subtitle, fonts),
    ]


@lru_cache(maxsize=4)
def _frame(header, footer, fonts):
    """What images with this header and band line share, drawn once per build process."""
    # Drawn as grey levels, each one a palette index: text blends between white (0)
    # and blue (BLUE), in both directions.
    canvas = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, BAND_TOP, WIDTH, HEIGHT), fill=BLUE)
    draw.rectangle(RED_BAR, fill=RED)
    _draw(draw, frame_layout(header, footer, fonts))
    return canvas


def render(card, fonts):
    """The PNG bytes of `card`."""
    canvas = _frame(card.header, card.footer, fonts).copy()
    _draw(ImageDraw.Draw(canvas), content_layout(card.title, card.subtitle, fonts))
    image = Image.frombytes("P", canvas.size, canvas.tobytes())
    image.putpalette(PALETTE)
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=COMPRESS_LEVEL)
    return out.getvalue()
