"""kramdown's inline attribute lists (`{: .class #id key="value"}`), kept to a safe set."""

import re

from markdown.blockprocessors import BlockProcessor
from markdown.extensions.attr_list import AttrListTreeprocessor, isheader

# kramdown's block IAL: a line of its own, before or after the block it applies to.
IAL_LINE = re.compile(r"^ {0,3}\{:(?!:|/)([^}\n]+)\}[ \t]*$")
PENDING = "data-jekyll-ial"  # set while parsing blocks, applied (or refused) below


def mark(element, attrs):
    """Give `element` the attribute list `attrs`, once attribute lists are read."""
    element.set(PENDING, f"{element.get(PENDING, '')} {attrs}".strip())


# REXML's NAME_START_CHAR and NAME_CHAR: what kramdown's HEADER_ID takes (`{#عربي}` too).
XML_NAME_START = (
    ":A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
XML_NAME = rf"[{XML_NAME_START}][{XML_NAME_START}\-.0-9\u00b7\u0300-\u036f\u203f-\u2040]*"
HEADER_ID = re.compile(rf"#({XML_NAME})")
# kramdown's ALD_TYPE_ANY (extensions.rb): `key="value"`, a reference, or ids and classes
# written together (`.a.b#c`: classes a and b, id c).
ALD_ID_NAME = r"\w[\w-]*"
ALD_TYPE_ANY = re.compile(
    rf"(?:\A|\s)(?:({ALD_ID_NAME})=(\"|')((?:\\\}}|\\\2|[^\}}\2])*?)\2|({ALD_ID_NAME})"
    r"|((?:#[A-Za-z][\w:-]*|\.[^\s.#]+)+))(?=\s|\Z)"
)
ALD_ID_OR_CLASS = re.compile(r"#([A-Za-z][\w:-]*)|\.([^\s.#]+)")


def kramdown_attributes(text):
    """[(name, value)] of an attribute list as kramdown's parse_attribute_list reads it."""
    found = []
    for key, quote, value, _reference, ids_and_classes in ALD_TYPE_ANY.findall(text):
        if ids_and_classes:
            for id_name, class_name in ALD_ID_OR_CLASS.findall(ids_and_classes):
                found.append(("class", class_name) if class_name else ("id", id_name))
        elif key:
            found.append((key, re.sub(r"\\(\}|" + re.escape(quote) + ")", r"\1", value)))
    return found


# No event handler, no style, no address: an attribute list never brings script or a link.
SAFE_ATTRIBUTES = frozenset({"class", "id", "title", "target", "rel", "lang"})


class SafeAttrListProcessor(AttrListTreeprocessor):
    """Python-Markdown's attr_list, keeping only the allowed attributes; notes the others."""

    # kramdown's header id, `## Title {#id}`, is the only list a heading line may end with;
    # elsewhere a list starts with `{:` (`{.class}` and `{% tag %}` are text).
    HEADER_RE = re.compile(rf"[ \t]+\{{(#{XML_NAME})\}}[ ]*$")
    BLOCK_RE = re.compile(r"\n[ ]*\{:[ ]*([^\}\n ][^\n]*)\}[ ]*$")
    INLINE_RE = re.compile(r"^\{:[ ]*([^\}\n ][^\n]*)\}")

    def __init__(self, md, allowed, block_ials):
        super().__init__(md)
        self.allowed = allowed
        self.block_ials = block_ials
        self.refused = []  # (attribute, element tag), for the caller to report

    def run(self, root):
        self.refused = []
        self.block_ials.mark_pending()
        for element in list(root.iter()):
            attrs = element.attrib.pop(PENDING, None)
            if attrs is not None:
                self.assign_attrs(element, attrs)
        super().run(root)

    def assign_attrs(self, elem, attrs_string, *, strict=False):
        """Set the attributes as kramdown reads them (classes add up, the last id wins)."""
        if strict and "}" in attrs_string:
            return attrs_string  # as Python-Markdown: a stray `}` leaves the text as it is
        text, _, remainder = attrs_string.partition("}")
        header_id = HEADER_ID.fullmatch(text) if isheader(elem) else None
        found = [("id", header_id.group(1))] if header_id else kramdown_attributes(text)
        for name, value in found:
            if name.lower() not in self.allowed:
                self.refused.append((name, elem.tag))
            elif name == "class" and elem.get("class"):
                elem.set("class", f"{elem.get('class')} {value}")
            else:
                elem.set(name, value)
        return f"}}{remainder}" if remainder else ""


class BlockIalProcessor(BlockProcessor):
    """`{: .class}` on the line before a block applies to that block; alone on its lines, to
    the next block, unless nothing comes before it (as kramdown does)."""

    def __init__(self, parser):
        super().__init__(parser)
        self.pending = []  # (parent, index of the next child, attribute list)

    def test(self, parent, block):
        return block.lstrip(" ").startswith("{:") and bool(IAL_LINE.match(block.split("\n", 1)[0]))

    def run(self, parent, blocks):
        first, _, rest = blocks.pop(0).partition("\n")
        if rest.strip() or len(parent):
            self.pending.append((parent, len(parent), IAL_LINE.match(first).group(1)))
        if not rest.strip():
            return None  # the line itself is never printed
        blocks.insert(0, rest)
        return False  # the other processors read the block; its element is marked later

    def mark_pending(self):
        """Mark the element each attribute line came before, now that blocks are parsed."""
        for parent, index, attrs in self.pending:
            if index < len(parent):
                mark(parent[index], attrs)
        self.pending = []


def refused_attributes(md):
    """(allowed attribute names, [(attribute, element tag)] refused by the last convert) of
    a Markdown instance; nothing refused when it does not use this extension."""
    if "attr_list" not in md.treeprocessors:  # Python-Markdown's Registry has no get()
        return (), []
    processor = md.treeprocessors["attr_list"]
    if not isinstance(processor, SafeAttrListProcessor):
        return (), []
    return tuple(processor.allowed), list(processor.refused)
