"""Horizontal rules as kramdown finds them: only where a block may start."""

import re

from markdown.blockprocessors import HRProcessor

from .lists import LIST_START

# kramdown's HR_START, on any line of a block.
HR_LINE = re.compile(r"^ {0,3}([*\-_])[ \t]*\1[ \t]*\1(?:\1|[ \t])*$", re.M)


class KramdownRuleProcessor(HRProcessor):
    """A rule ends a paragraph only on a line that would also start a list (`* * *`)."""

    SEARCH_RE = HR_LINE

    def test(self, parent, block):
        for match in HR_LINE.finditer(block):
            if match.start() == 0 or LIST_START.match(match.group(0) + "\n"):
                self.match = match
                return True
        return False
