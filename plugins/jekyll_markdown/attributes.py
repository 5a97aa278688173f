"""kramdown's inline attribute lists (`{: .class #id key="value"}`), kept to a safe set."""

import re
import xml.etree.ElementTree as etree

from markdown.extensions.attr_list import AttrListTreeprocessor

# No event handler, no style, no address: an attribute list never brings script or a link.
SAFE_ATTRIBUTES = frozenset({"class", "id", "title", "target", "rel", "lang"})


class SafeAttrListProcessor(AttrListTreeprocessor):
    """Python-Markdown's attr_list, keeping only the allowed attributes; notes the others."""

    # kramdown's header id, `## Title {#id}`, is the only list a heading line may end with.
    HEADER_RE = re.compile(r"[ \t]+\{(#[A-Za-z][\w:-]*)\}[ ]*$")

    def __init__(self, md, allowed):
        super().__init__(md)
        self.allowed = allowed
        self.refused = []  # (attribute, element tag), for the caller to report

    def run(self, root):
        self.refused = []
        super().run(root)

    def assign_attrs(self, elem, attrs_string, *, strict=False):
        scratch = etree.Element(elem.tag)
        remainder = super().assign_attrs(scratch, attrs_string, strict=strict)
        for name, value in scratch.attrib.items():
            if name.lower() not in self.allowed:
                self.refused.append((name, elem.tag))
            elif name == "class" and elem.get("class"):
                elem.set("class", f"{elem.get('class')} {value}")
            else:
                elem.set(name, value)
        return remainder
