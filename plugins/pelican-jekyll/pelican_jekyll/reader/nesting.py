"""How deeply a Markdown text nests lists and quotes, measured before Python-Markdown runs.

Python-Markdown parses nested blocks recursively, each level again over the
lines below it: 1,000 levels take minutes, or end in a RecursionError. One pass
over the lines' prefixes (indentation, `>`, list markers) finds the depth first.
"""

import re

from liquid.exceptions import ResourceLimitError

from .errors import EditorError
from .limits import MARKDOWN_NESTING
from .messages import say

TAB = 4  # Python-Markdown's tab_length: four columns make one level
# One level at the start of a line, after its indentation: a quote or a list marker.
MARKER = re.compile(r"(?:>|[-*+](?=\s)|\d{1,9}[.)](?=\s))[ \t]?")
INDENT = re.compile(r"[ \t]*")
# Each level takes one character at least (a tab, ">"): a line nested deeper than the
# limit starts with more than that many of these. Found in one scan, in C (a pattern that
# starts with "\n" is searched for fast; `^` with MULTILINE is 15 times slower).
# What of a line can hold that many levels (a level is 16 characters at most: "123. ",
# then spaces); a long line's rest is never copied.
PREFIX = 16 * (MARKDOWN_NESTING + 1)
CANDIDATE = re.compile(rf"\n[ \t>*+\-0-9.)]{{{MARKDOWN_NESTING + 1}}}")


def line_depth(line):
    """The levels a line opens (its indentation in tabs, then each quote or list marker),
    counted up to one past the limit."""
    depth, position = 0, 0
    while depth <= MARKDOWN_NESTING:
        indent = INDENT.match(line, position).group()
        depth += len(indent.expandtabs(TAB)) // TAB
        position += len(indent)
        marker = MARKER.match(line, position)
        if marker is None:
            return depth
        depth += 1
        position = marker.end()
    return depth


def too_deep(text):
    """The index (from 0) of the first line nested deeper than allowed, or None."""
    for start in (0, *(m.start() + 1 for m in CANDIDATE.finditer(text))):
        end = text.find("\n", start, start + PREFIX)
        if line_depth(text[start : end if end >= 0 else start + PREFIX]) > MARKDOWN_NESTING:
            return text.count("\n", 0, start)
    return None


def check(text, path, first_line):
    """An EditorError if `text` (starting at line `first_line` of `path`) nests too deep."""
    index = too_deep(text)
    if index is None:
        return None
    return EditorError(
        path,
        first_line + index,
        say(
            f"lists or quotes nest more than {MARKDOWN_NESTING} levels deep",
            f"les listes ou citations s'imbriquent sur plus de {MARKDOWN_NESTING} niveaux",
        ),
        say(
            "flatten these lines: less indentation, fewer “>” or “-” at their start",
            "remettez ces lignes à plat : moins de retrait, moins de « > » ou de « - » en tête",
        ),
    )


class IncludeTooDeep(ResourceLimitError):
    """An include file that nests too deep, raised while Liquid loads it."""

    def __init__(self, error):
        super().__init__(str(error), token=None)
        self.error = error
