"""HTML blocks with `markdown="1"`, marked for what kramdown does differently inside them."""

import re

from markdown.extensions.md_in_html import MarkdownInHtmlProcessor
from markdown.preprocessors import Preprocessor

# Set on an HTML element whose content was read as Markdown; taken off by markup.py.
HTML_MARK = "data-jekyll-html"


class MarkedMarkdownInHtmlProcessor(MarkdownInHtmlProcessor):
    """md_in_html's processor, marking each HTML element it adds: kramdown's GFM parser gives
    no id to the headings inside (its HTML converter does, by another rule)."""

    def run(self, parent, blocks):
        count = len(parent)
        found = super().run(parent, blocks)
        if found and len(parent) > count:
            parent[-1].set(HTML_MARK, "")
        return found


MARKDOWN_OPENING = re.compile(r"<([A-Za-z][\w:.-]*)\b[^<>]*?\smarkdown\s*=", re.I)


class UnclosedBlocksPreprocessor(Preprocessor):
    """An element with `markdown="1"` left open is closed at the end of the text, where kramdown
    closes it; md_in_html would drop all that follows two of them."""

    def run(self, lines):
        text = "\n".join(lines)
        if "markdown" not in text:
            return lines
        closing = []
        for name in {m.group(1).lower() for m in MARKDOWN_OPENING.finditer(text)}:
            opened = len(re.findall(rf"<{re.escape(name)}\b(?![^<>]*/>)", text, re.I))
            closed = len(re.findall(rf"</{re.escape(name)}\s*>", text, re.I))
            closing += [f"</{name}>"] * max(0, opened - closed)
        return [*lines, "", *closing] if closing else lines
