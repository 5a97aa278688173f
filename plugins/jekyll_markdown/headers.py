"""ATX headings as GFM has them: `#` then a space or a tab (`#hashtag` is text)."""

import re

from markdown.blockprocessors import HashHeaderProcessor

from .attributes import IAL_LINE, mark
from .lists import LIST_START

# What a block starts with when its later lines are lazy lines of a list item or a quote.
CONTAINER_START = re.compile(rf"{LIST_START.pattern}| {{0,3}}>")


class KramdownHeaderProcessor(HashHeaderProcessor):
    """Python-Markdown's `#` heading, with the space GFM requires after the `#`s; closing
    `#`s are dropped only after a space, as kramdown drops them."""

    RE = re.compile(
        r"(?:^|\n)(?P<level>#{1,6})[ \t]+(?P<header>[^ \t\n][^\n]*?)(?:[ \t]+#+)?[ \t]*(?:\n|$)"
    )

    def test(self, parent, block):
        match = self.RE.search(block)
        # A heading line after a list item or a quote, without a blank line, is in it.
        return bool(match) and not (match.start() and CONTAINER_START.match(block))

    def run(self, parent, blocks):
        match = self.RE.search(blocks[0])
        after = blocks[0][match.end() :].split("\n", 1)
        super().run(parent, blocks)
        # Ruby's rstrip leaves a trailing no-break space, which the id then shows as `-`.
        parent[-1].text = match.group("header").strip(" \t")
        ial = IAL_LINE.match(after[0])
        if ial and blocks and blocks[0].startswith(after[0]):
            # `{: .class}` on the line after the heading is the heading's.
            blocks[0] = blocks[0][len(after[0]) :].lstrip("\n")
            if not blocks[0]:
                blocks.pop(0)
            mark(parent[-1], ial.group(1))
