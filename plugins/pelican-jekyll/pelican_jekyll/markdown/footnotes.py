"""Python-Markdown's footnotes in kramdown's markup (classes, roles, no rule)."""

from markdown.extensions.footnotes import NBSP_PLACEHOLDER

TAGS = frozenset({"sup", "a", "div", "li"})


def kramdown_footnote(element):
    """Rename what the footnotes extension wrote on `element` into what kramdown writes."""
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
        for inner in element.iter():  # kramdown puts a plain space before the backlink
            for name in ("text", "tail"):
                value = getattr(inner, name)
                if value and NBSP_PLACEHOLDER in value:
                    setattr(inner, name, value.replace(NBSP_PLACEHOLDER, " "))
    elif element.tag == "li" and element.get("id", "").startswith("fn"):
        element.set("role", "doc-endnote")
