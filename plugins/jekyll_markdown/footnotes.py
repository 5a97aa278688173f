"""Python-Markdown's footnotes in kramdown's markup (classes, roles, no rule)."""

from markdown.extensions.footnotes import NBSP_PLACEHOLDER
from markdown.treeprocessors import Treeprocessor


class FootnoteMarkupProcessor(Treeprocessor):
    """Renames what the footnotes extension wrote into what kramdown writes."""

    def run(self, root):
        for element in root.iter():
            classes = element.get("class")
            if element.tag == "sup" and element.get("id", "").startswith("fnref"):
                element.set("role", "doc-noteref")
            elif element.tag == "a" and classes == "footnote-ref":
                element.set("class", "footnote")
                element.set("rel", "footnote")
            elif element.tag == "a" and classes == "footnote-backref":
                element.attrib.pop("title", None)
                element.set("class", "reversefootnote")
                element.set("role", "doc-backlink")
            elif element.tag == "div" and classes == "footnote":
                element.set("class", "footnotes")
                element.set("role", "doc-endnotes")
                for rule in element.findall("hr"):
                    element.remove(rule)
            elif element.tag == "li" and element.get("id", "").startswith("fn"):
                element.set("role", "doc-endnote")
            for name in ("text", "tail"):
                value = getattr(element, name)
                if value and NBSP_PLACEHOLDER in value:
                    setattr(element, name, value.replace(NBSP_PLACEHOLDER, " "))
