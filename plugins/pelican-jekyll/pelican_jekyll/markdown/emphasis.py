"""Emphasis as kramdown parses it: the first opener looks for the first closer that may end
it, from left to right (kramdown's parse_emphasis), instead of CommonMark-like delimiter runs."""

import re
import xml.etree.ElementTree as etree

from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.util import ETX, INLINE_PLACEHOLDER_PREFIX, STX

EMPHASIS_START = r"\*\*?|__?"
LITERAL = re.compile(r"[*_]")
BREAK_BEFORE = re.compile(f"{INLINE_PLACEHOLDER_PREFIX}(\\d+){ETX}\\Z")
RUBY_SPACE = frozenset(" \t\n\r\f\v")  # Ruby's \s is ASCII: a no-break space is not one
# Bounds: beyond them, the delimiters stay text (a paragraph of a thousand unclosed `*`).
MAX_DEPTH = 20
MAX_STEPS = 1_000_000  # characters scanned in one document


class KramdownEmphasisProcessor(InlineProcessor):
    """`*em*`, `**strong**`, `_em_`, `__strong__` by kramdown's rules."""

    def __init__(self, md):
        super().__init__(EMPHASIS_START, md)
        self.steps = 0  # reset for each document by EmphasisBudget

    def handleMatch(self, m, data):
        found = self.emphasis(data, m.start(), ())
        if found is None:
            return m.group(0), m.start(), m.end()  # kramdown adds the delimiter as text
        element, end = found
        return element, m.start(), end

    def emphasis(self, data, pos, stack):
        """(element, end) for the emphasis opened at `pos`, or None when it is text."""
        delim = data[pos : pos + 2] if data[pos : pos + 2] in ("**", "__") else data[pos]
        tag = "strong" if len(delim) == 2 else "em"
        after = data[pos + len(delim) : pos + len(delim) + 1]
        if (
            (delim[0] == "_" and _after_letter(data, pos))
            or after in RUBY_SPACE
            or tag in stack
            or len(stack) >= MAX_DEPTH
        ):
            return None
        found = self.content(data, pos + len(delim), delim, tag, stack)
        if found is None and tag == "strong" and (not stack or stack[-1] != "em"):
            # kramdown tries an `em` from the first delimiter; the second is then its text.
            found = self.content(data, pos + 1, delim[0], "em", stack)
            tag = "em"
        if found is None:
            return None
        nodes, end = found
        return _element(tag, nodes), end

    def content(self, data, start, delim, tag, stack):
        """([text or element], end) up to the closing `delim`, or None if none closes it."""
        nodes, text_from, index = [], start, start
        inner = (*stack, tag)
        while index < len(data):
            self.steps += 1
            if self.steps > MAX_STEPS:
                return None
            if data.startswith(delim, index) and self._closes(data, index, start, delim, tag):
                nodes.append(data[text_from:index])
                return nodes, index + len(delim)
            if data[index] in "*_":
                nested = self.emphasis(data, index, inner)
                if nested is not None:
                    nodes.append(data[text_from:index])
                    nodes.append(nested[0])
                    index = text_from = nested[1]
                    continue
                index += 2 if data[index : index + 2] in ("**", "__") else 1
                continue
            index += 1
        return None

    def _closes(self, data, index, start, delim, tag):
        """kramdown's stop condition for a closing delimiter at `index`."""
        if index == start or data[index - 1] in RUBY_SPACE or self._after_break(data, index):
            return False
        double = delim[0] * 2
        if tag == "em" and data.startswith(double, index) and data[index + 2 : index + 3] != delim:
            return False
        following = data[index + len(delim) : index + len(delim) + 1]
        return not (delim[0] == "_" and following.isalnum())

    def _after_break(self, data, index):
        """True after a line break set aside: kramdown sees the newline it ends with."""
        if data[index - 1] != ETX:
            return False
        found = BREAK_BEFORE.search(data, max(0, index - 24), index)
        stashed = found and self.md.treeprocessors["inline"].stashed_nodes.get(found.group(1))
        return getattr(stashed, "tag", None) == "br"


class EmphasisBudget(Preprocessor):
    """Each document starts with the whole scanning budget."""

    def __init__(self, md, emphasis):
        super().__init__(md)
        self.emphasis = emphasis

    def run(self, lines):
        self.emphasis.steps = 0
        return lines


def _after_letter(data, pos):
    """kramdown's /[[:alpha:]]-?[[:alpha:]]*\\z/ before an `_`: a letter, or a letter and `-`."""
    before = data[max(0, pos - 2) : pos]
    return bool(before) and (
        before[-1].isalpha() or (before == before[:1] + "-" and before[0].isalpha())
    )


def _element(tag, nodes):
    """The element, its literal `*` and `_` escaped: Python-Markdown reads the text of nested
    elements again, where kramdown's context (inside an `em`…) would be lost."""
    element = etree.Element(tag)
    last = None
    for node in nodes:
        if isinstance(node, str):
            node = LITERAL.sub(lambda m: f"{STX}{ord(m.group(0))}{ETX}", node)
            if last is None:
                element.text = (element.text or "") + node
            else:
                last.tail = (last.tail or "") + node
        else:
            element.append(node)
            last = node
    return element
