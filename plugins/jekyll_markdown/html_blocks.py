"""HTML blocks with `markdown="1"`, marked for what kramdown does differently inside them."""

from markdown.extensions.md_in_html import MarkdownInHtmlProcessor

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
