"""ATX headings as GFM has them: `#` then a space or a tab (`#hashtag` is text)."""

import re

from markdown.blockprocessors import HashHeaderProcessor
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from .attributes import IAL_LINE, mark
from .header_ids import KEPT_TAB
from .lists import LIST_START

# Lines that end a paragraph before a later heading line: a list item or a quote (whose lazy
# line the heading is), or a code fence (whose code it is).
CONTAINER_START = re.compile(rf"{LIST_START.pattern}| {{0,3}}>| {{0,3}}(?:`{{3,}}|~{{3,}})")


class KramdownHeaderProcessor(HashHeaderProcessor):
    """Python-Markdown's `#` heading, with the space GFM requires after the `#`s; closing
    `#`s are dropped only after a space, as kramdown drops them."""

    RE = re.compile(
        r"(?:^|\n)(?P<level>#{1,6})[ \t]+(?P<header>[^ \t\n][^\n]*?)(?:[ \t]+#+)?[ \t]*(?:\n|$)"
    )

    def test(self, parent, block):
        if "#" not in block:  # most blocks: no need to search
            return False
        match = self.RE.search(block)
        if not match:
            return False
        # A heading line after a list item, a quote or a fence, without a blank line, is in it
        # (ParagraphEndProcessor cuts the lines before it off).
        before = block[: match.start()].split("\n")
        return not any(CONTAINER_START.match(line + "\n") for line in before)

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


# A tab inside a heading's text, kept from Python-Markdown's tab expansion: kramdown's id
# makes one `-` of it (`### 3.1.<tab>Rôle` → `31-rôle`), not four.
HEADING_WITH_TAB = re.compile(r"^(#{1,6}[ \t]+)(\S.*\t.*)$")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


class HeadingTabsPreprocessor(Preprocessor):
    """Tabs in ATX headings (outside fences) set aside before tabs become spaces."""

    def run(self, lines):
        fence = None
        for number, line in enumerate(lines):
            found = FENCE.match(line)
            if found and (fence is None or found.group(1).startswith(fence)):
                fence = found.group(1)[:3] if fence is None else None
            elif fence is None and "\t" in line:
                heading = HEADING_WITH_TAB.match(line)
                if heading:
                    text = heading.group(2).rstrip(" \t")  # kramdown strips the last ones
                    kept = text.replace("\t", KEPT_TAB)
                    lines[number] = heading.group(1) + kept + heading.group(2)[len(text) :]
        return lines


class HeadingTabsPostprocessor(Postprocessor):
    """The tabs set aside, back in the text."""

    def run(self, text):
        return text.replace(KEPT_TAB, "\t") if KEPT_TAB in text else text
