"""Link definitions as kramdown reads them: only where a block starts."""

from markdown.blockprocessors import ReferenceProcessor


class KramdownReferenceProcessor(ReferenceProcessor):
    """`[id]: url` on a paragraph's later line is text for kramdown, not a definition."""

    def test(self, parent, block):
        return bool(self.RE.match(block))
