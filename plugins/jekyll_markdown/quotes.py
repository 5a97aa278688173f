"""Blockquotes as kramdown ends them: a blank line ends a quote, the next `>` starts another."""

from markdown.blockprocessors import BlockQuoteProcessor


class KramdownQuoteProcessor(BlockQuoteProcessor):
    """Python-Markdown's blockquote, never merged into the quote before a blank line."""

    def lastChild(self, parent):
        """No earlier quote to continue: kramdown starts a new one after a blank line."""
        return None
