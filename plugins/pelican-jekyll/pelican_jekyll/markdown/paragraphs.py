"""Paragraphs as kramdown finds them: Ruby's whitespace is ASCII, so a line holding only a
no-break space is a paragraph."""

import xml.etree.ElementTree as etree

from markdown.blockprocessors import ParagraphProcessor

ASCII_SPACE = " \t\n\r\f\v"


class KramdownParagraphProcessor(ParagraphProcessor):
    """Python-Markdown's paragraph, kept for a block that is blank only in Unicode's sense."""

    def run(self, parent, blocks):
        block = blocks[0]
        if block.strip() or not block.strip(ASCII_SPACE):
            return super().run(parent, blocks)
        blocks.pop(0)
        etree.SubElement(parent, "p").text = block.lstrip(ASCII_SPACE)
        return None
