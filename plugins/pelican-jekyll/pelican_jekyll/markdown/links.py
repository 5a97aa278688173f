"""Link and image titles as kramdown keeps them: as written, backslashes and spaces included."""

import re

from markdown.inlinepatterns import (
    IMAGE_LINK_RE,
    LINK_RE,
    ImageInlineProcessor,
    LinkInlineProcessor,
)
from markdown.util import ETX, STX

# kramdown's LINK_INLINE_TITLE_RE, at the end of what is between the parentheses.
TITLE_RE = re.compile(r"""\s(["'])(.+?)\1\s*\)\Z""", re.S)
ESCAPED = re.compile(f"{STX}(\\d+){ETX}")


class KramdownTitle:
    """A title is not unescaped nor trimmed: `"mailto\\:x"` stays, `" "` stays a space."""

    def getLink(self, data, index):
        href, title, end, handled = super().getLink(data, index)
        if title is not None and handled:
            found = TITLE_RE.search(data, index, end)
            if found:
                raw = self.unescape(found.group(2))
                title = ESCAPED.sub(lambda m: "\\" + chr(int(m.group(1))), raw)
        return href, title, end, handled


class KramdownLinkProcessor(KramdownTitle, LinkInlineProcessor):
    """`[text](url "title")`."""


class KramdownImageProcessor(KramdownTitle, ImageInlineProcessor):
    """`![alt](url "title")`."""


def register_links(md):
    """Replace Python-Markdown's inline link and image patterns, at their priorities."""
    md.inlinePatterns.register(KramdownLinkProcessor(LINK_RE, md), "link", 160)
    md.inlinePatterns.register(KramdownImageProcessor(IMAGE_LINK_RE, md), "image_link", 150)
