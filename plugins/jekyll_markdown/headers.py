"""ATX headings as GFM has them: `#` then a space or a tab (`#hashtag` is text)."""

import re

from markdown.blockprocessors import HashHeaderProcessor


class KramdownHeaderProcessor(HashHeaderProcessor):
    """Python-Markdown's `#` heading, with the space GFM requires after the `#`s; closing
    `#`s are dropped only after a space, as kramdown drops them."""

    RE = re.compile(
        r"(?:^|\n)(?P<level>#{1,6})[ \t]+(?P<header>(?:\\.|[^\\\n])*?)(?:[ \t]+#+)?[ \t]*(?:\n|$)"
    )
