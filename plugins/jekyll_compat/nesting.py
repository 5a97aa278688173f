"""How deeply a Markdown text nests lists and quotes, measured before Python-Markdown runs.

Python-Markdown parses nested blocks recursively, each level again over the
lines below it: 1,000 levels take minutes, or end in a RecursionError. One pass
over the lines' prefixes (indentation, `>`, list markers) finds the depth first.
"""

import re

from liquid.exceptions import ResourceLimitError

from .errors import EditorError
from .limits import MARKDOWN_NESTING

TAB = 4  # Python-Markdown's tab_length: four columns make one level
# One level at the start of a line, after its indentation: a quote or a list marker.
MARKER = re.compile(r"(?:>|[-*+](?=\s)|\d{1,9}[.)](?=\s))[ \t]?")
INDENT = re.compile(r"[ \t]*")


def line_depth(line):
    """The levels a line opens: its indentation (in tabs), then each quote or list marker."""
    depth, position = 0, 0
    while True:
        indent = INDENT.match(line, position).group()
        depth += len(indent.expandtabs(TAB)) // TAB
        position += len(indent)
        marker = MARKER.match(line, position)
        if marker is None:
            return depth
        depth += 1
        position = marker.end()


def too_deep(text):
    """The index (from 0) of the first line nested deeper than allowed, or None."""
    if len(text) < MARKDOWN_NESTING:  # not enough characters for as many levels
        return None
    for index, line in enumerate(text.split("\n")):
        if len(line) > MARKDOWN_NESTING and line_depth(line) > MARKDOWN_NESTING:
            return index
    return None


def check(text, path, first_line):
    """An EditorError if `text` (starting at line `first_line` of `path`) nests too deep."""
    index = too_deep(text)
    if index is None:
        return None
    return EditorError(
        path,
        first_line + index,
        f"les listes ou citations s'imbriquent sur plus de {MARKDOWN_NESTING} niveaux",
        "remettez ces lignes à plat : moins de retrait, moins de « > » ou de « - » en tête",
    )


class IncludeTooDeep(ResourceLimitError):
    """An include file that nests too deep, raised while Liquid loads it."""

    def __init__(self, error):
        super().__init__(str(error), token=None)
        self.error = error
