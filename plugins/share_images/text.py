"""Text made safe to draw and fitted to a box: cleaned, wrapped, shrunk, cut with "…"."""

import unicodedata

# A title is drawn, never interpreted: more than this is never shown anyway (4 lines).
MAX_CHARS = 300
ELLIPSIS = "…"
# Control and format characters (bidirectional overrides, zero-width joiners),
# surrogates, private use and unassigned code points: nothing to draw.
NOT_DRAWN = {"Cc", "Cf", "Cs", "Co", "Cn"}


def clean(text, has_glyph):
    """`text` as one line of characters the font has: spaces folded, the rest dropped.

    A character the font lacks is replaced by its decomposition's base letters when the
    font has them (ő -> o), else dropped: the image never shows a missing-glyph box.
    """
    kept = []
    for char in unicodedata.normalize("NFC", str(text))[: MAX_CHARS * 2]:
        if char.isspace() or unicodedata.category(char) in ("Zs", "Zl", "Zp"):
            kept.append(" ")
        elif unicodedata.category(char) in NOT_DRAWN:
            continue
        elif has_glyph(char):
            kept.append(char)
        else:
            kept.extend(
                c
                for c in unicodedata.normalize("NFKD", char)
                if not unicodedata.combining(c) and has_glyph(c) and not c.isspace()
            )
    return " ".join("".join(kept).split())[:MAX_CHARS].strip()


def wrap(text, measure, width, max_lines):
    """Lines of at most `width` (as `measure` tells), or None past `max_lines`.

    Words are kept whole unless one alone is wider than the box: it is then cut.
    """
    lines, line = [], ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if measure(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for piece in _cut(word, measure, width):
            if line:
                lines.append(line)
            line = piece
        if len(lines) >= max_lines:
            return None
    if line:
        lines.append(line)
    return lines if len(lines) <= max_lines else None


def _cut(word, measure, width):
    """A word too wide for one line, in pieces that each fit (at least one character)."""
    piece = ""
    for char in word:
        if piece and measure(piece + char) > width:
            yield piece
            piece = ""
        piece += char
    if piece:
        yield piece


def ellipsize(lines, measure, width, max_lines):
    """The first `max_lines` lines, the last ending with "…" when text was left out."""
    if len(lines) <= max_lines:
        return lines
    last = lines[max_lines - 1]
    while last and measure(last.rstrip() + ELLIPSIS) > width:
        last = last[:-1]
    return [*lines[: max_lines - 1], last.rstrip() + ELLIPSIS]


def fit(text, fonts, width, max_lines):
    """(font, lines): the largest of `fonts` (largest first) at which `text` fits in
    `max_lines` lines of `width`; else the smallest, its text cut with "…"."""
    for font in fonts:
        lines = wrap(text, font.getlength, width, max_lines)
        if lines is not None:
            return font, lines
    font = fonts[-1]
    lines = wrap(text, font.getlength, width, MAX_CHARS) or []
    return font, ellipsize(lines, font.getlength, width, max_lines)
