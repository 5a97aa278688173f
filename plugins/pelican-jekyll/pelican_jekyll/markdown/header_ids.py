"""Heading ids as kramdown's GFM parser makes them (Jekyll's `auto_ids: true`)."""

import html
import re
import unicodedata

from markdown.util import AMP_SUBSTITUTE, HTML_PLACEHOLDER_RE

KEPT_TAB = "\ue000"  # headers.py's stand-in for a tab in a heading's text

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# kramdown-parser-gfm's NON_WORD_RE, /[^\p{Word}\- \t]/: Ruby's \p{Word} also has marks
# (accents, emoji variation selectors), which Python's \w lacks; not the joiners U+200C and
# U+200D (Ruby 3.1's Onigmo drops them: Persian words lose their ZWNJ in Jekyll's ids).
NON_WORD_RE = re.compile(r"[^\w\- \t]")
# kramdown's converter's basic_generate_id, for headings the GFM parser leaves without an id
# (those inside an HTML element with markdown="1"): ASCII only, from the first letter.
LEADING_NON_LETTERS = re.compile(r"^[^a-zA-Z]+", re.M)
NON_ASCII_WORD = re.compile(r"[^a-zA-Z0-9 -]")
MARKS = frozenset({"Mn", "Mc", "Me"})


def _word_or_mark(match):
    return match.group(0) if unicodedata.category(match.group(0)) in MARKS else ""


def gfm_id(text, counter):
    """Lowercase, drop what is not a letter, digit, mark, `_`, `-` or space; spaces become `-`."""
    result = NON_WORD_RE.sub(_word_or_mark, text.lower()).replace(" ", "-").replace("\t", "-")
    counter[result] = counter.get(result, -1) + 1
    return f"{result}-{counter[result]}" if counter[result] else result


def converter_id(text, used):
    """kramdown's HTML converter's id: ASCII letters, digits and `-` from the first letter on,
    `section` when none; unique among the ids it made: -1, -2…"""
    result = NON_ASCII_WORD.sub("", LEADING_NON_LETTERS.sub("", text)).replace(" ", "-").lower()
    result = result or "section"
    if result in used:
        used[result] += 1
        return f"{result}-{used[result]}"
    used[result] = 0
    return result


def raw_text(element, md):
    """The heading's text as kramdown reads it for its id: raw HTML tags left out."""
    text = "".join(_texts(element)).replace(AMP_SUBSTITUTE, "&").replace(KEPT_TAB, "\t")
    # The no-break space of `<< ` is no word character: the id drops it, as kramdown's does.
    return HTML_PLACEHOLDER_RE.sub(lambda m: _stashed_text(md, m), text)


def _texts(element):
    """itertext(), with a code span's text unescaped (`<head>` is the id's `head`)."""
    if element.text:
        yield html.unescape(element.text) if element.tag == "code" else element.text
    for child in element:
        yield from _texts(child)
        if child.tail:
            yield child.tail


def _stashed_text(md, match):
    index = int(match.group(1))
    stashed = md.htmlStash.rawHtmlBlocks[index] if index < len(md.htmlStash.rawHtmlBlocks) else ""
    return html.unescape(re.sub(r"<[^>]*>", "", str(stashed)))  # an entity is its character
