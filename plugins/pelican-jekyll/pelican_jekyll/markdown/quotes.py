"""Blockquotes as kramdown ends them: a blank line ends a quote, the next `>` starts another."""

import xml.etree.ElementTree as etree

from markdown.blockprocessors import BlockQuoteProcessor


class KramdownQuoteProcessor(BlockQuoteProcessor):
    """Python-Markdown's blockquote, never merged into the quote before a blank line; the
    lines before a `>` that ends a paragraph (GFM) are that paragraph."""

    def lastChild(self, parent):
        """No earlier quote to continue: kramdown starts a new one after a blank line."""
        return None

    def run(self, parent, blocks):
        match = self.RE.search(blocks[0])
        if match and match.start() > 0:
            before = blocks[0][: match.start()].strip("\n")
            etree.SubElement(parent, "p").text = before.strip()
            blocks[0] = blocks[0][match.start() :].lstrip("\n")
        return super().run(parent, blocks)
