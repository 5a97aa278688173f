"""The site's Marianne fonts, as FreeType opens them, and which characters they draw."""

import io
from dataclasses import dataclass

from fontTools.ttLib import TTFont
from PIL import ImageFont


@dataclass(frozen=True)
class Font:
    data: bytes  # what FreeType opens: the vendored WOFF2, or its TrueType equivalent
    characters: frozenset  # code points of its character map


def _freetype_opens(data):
    try:
        ImageFont.truetype(io.BytesIO(data), 12)
    except OSError:
        return False
    return True


def as_truetype(data):
    """A WOFF2 file's font as plain TrueType/OpenType bytes (fontTools, with brotli)."""
    font = TTFont(io.BytesIO(data), recalcTimestamp=False)
    font.flavor = None
    out = io.BytesIO()
    font.save(out, reorderTables=True)
    return out.getvalue()


def load(path):
    """The font at `path`; WOFF2 is unpacked when this FreeType cannot read it itself."""
    with open(path, "rb") as file:
        data = file.read()
    characters = frozenset(TTFont(io.BytesIO(data), lazy=True).getBestCmap())
    if not _freetype_opens(data):
        data = as_truetype(data)
    return Font(data, characters)
