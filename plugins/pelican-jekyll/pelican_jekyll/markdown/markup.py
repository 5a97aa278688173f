"""Jekyll's markup on the finished tree, in one pass: heading ids, code classes and wrappers,
footnotes as kramdown writes them."""

from markdown.treeprocessors import Treeprocessor

from .code import wrap_indented
from .footnotes import TAGS as FOOTNOTE_TAGS
from .footnotes import kramdown_footnote
from .header_ids import HEADINGS, converter_id, gfm_id, raw_text
from .html_blocks import HTML_MARK

CODE_SPAN_CLASS = "language-plaintext highlighter-rouge"


class JekyllMarkupProcessor(Treeprocessor):
    """Runs last (after unescaping), once over the tree."""

    def run(self, root):
        counter, used, indented, in_html = {}, {}, [], set()
        for element in root.iter():
            element.attrib.pop("markdown", None)  # kramdown drops it from every HTML tag
            if element.attrib.pop(HTML_MARK, None) is not None:
                in_html.update(map(id, element.iter()))
        for parent in root.iter():
            for child in parent:
                tag = child.tag
                if tag in HEADINGS:
                    if "id" in child.attrib:
                        pass
                    elif id(child) in in_html:  # kramdown's converter gives the id there
                        child.set("id", converter_id(raw_text(child, self.md), used))
                    else:  # unique in the document: -1, -2…
                        child.set("id", gfm_id(raw_text(child, self.md), counter))
                elif tag == "code":
                    if parent.tag != "pre" and "class" not in child.attrib:
                        child.set("class", CODE_SPAN_CLASS)
                elif tag == "pre":
                    if len(child) == 1 and child[0].tag == "code" and not child.get("class"):
                        indented.append((parent, child))
                elif tag in FOOTNOTE_TAGS:
                    kramdown_footnote(child)
                if tag in ("p", "li") and len(child):
                    _drop_final_break(child)
        for parent, pre in indented:
            wrap_indented(parent, pre)


def _drop_final_break(element):
    """kramdown strips a paragraph's last spaces: `text  ` ending it is no line break."""
    last = element[-1]
    if last.tag == "br" and not (last.tail or "").strip():
        element.remove(last)
        if len(element):
            element[-1].tail = (element[-1].tail or "").rstrip() + (last.tail or "")
        else:
            element.text = (element.text or "").rstrip() + (last.tail or "")
