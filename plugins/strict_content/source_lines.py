"""Where in a source file a problem found in its rendered HTML was written."""

import functools
import html
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """Lines `first` to `last` (1-based, inclusive) of a file."""

    first: int
    last: int


class SourceLines:
    """A source file's lines, its front matter's span, and the nth line a pattern matches."""

    def __init__(self, lines):
        self.lines = lines
        self.front_end = _front_matter_end(lines)  # line of the closing `---`, or 0
        self.seen = {}  # (pattern, span) -> matches already told

    @classmethod
    def read(cls, path):
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                return cls(handle.read().splitlines())
        except OSError:
            return cls([])

    @property
    def whole(self):
        return Span(1, len(self.lines))

    @property
    def body(self):
        return Span(self.front_end + 1, len(self.lines))

    def field(self, key):
        """The span of a front-matter key, from its line to the front matter's end."""
        start = re.compile(rf"^{re.escape(key)}\s*:")
        for number in range(1, self.front_end):
            if start.match(self.lines[number - 1]):
                return Span(number, self.front_end - 1)
        return Span(1, max(self.front_end - 1, 0))

    @functools.cached_property
    def unescaped(self):
        """The lines with their character references read (`&#x09;` as a tab), as the
        parser read them."""
        return [html.unescape(line) for line in self.lines]

    def find(self, patterns, span, last=False, elsewhere=True):
        """The line of the next match (each call moves on) of the first pattern that
        matches in `span`, else (if `elsewhere`) in the whole file, as written or with its
        character references read; None if none does."""
        spans = (span, self.whole) if elsewhere else (span,)
        for pattern in patterns:
            for lines in (self.lines, self.unescaped):
                for where in spans:
                    line = self._next(pattern, where, last, lines)
                    if line is not None:
                        return line
        return None

    def _next(self, pattern, span, last, lines):
        matches = [
            number
            for number in range(max(span.first, 1), min(span.last, len(lines)) + 1)
            for _ in pattern.finditer(lines[number - 1])
        ]
        if not matches:
            return None
        if last:
            return matches[-1]
        key = (pattern.pattern, span, lines is self.lines)
        told = self.seen.get(key, 0)
        self.seen[key] = told + 1
        return matches[min(told, len(matches) - 1)]


def _front_matter_end(lines):
    if not lines or lines[0].rstrip() != "---":
        return 0
    for number, text in enumerate(lines[1:], 2):
        if text.rstrip() in ("---", "..."):
            return number
    return 0
