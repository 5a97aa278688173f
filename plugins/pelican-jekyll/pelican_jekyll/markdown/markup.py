"""Jekyll's markup on the finished tree, in one pass: heading ids, code classes and wrappers,
footnotes as kramdown writes them."""

from markdown.treeprocessors import Treeprocessor

from .code import wrap_indented
from .footnotes import TAGS as FOOTNOTE_TAGS
from .footnotes import kramdown_footnote
from .header_ids import HEADINGS, gfm_id, raw_text

CODE_SPAN_CLASS = "language-plaintext highlighter-rouge"


class JekyllMarkupProcessor(Treeprocessor):
    """Runs last (after unescaping), once over the tree."""

    def run(self, root):
        counter, indented = {}, []
        for parent in root.iter():
            for child in parent:
                tag = child.tag
                if tag in HEADINGS:
                    if "id" not in child.attrib:  # unique in the document: -1, -2…
                        child.set("id", gfm_id(raw_text(child, self.md), counter))
                elif tag == "code":
                    if parent.tag != "pre" and "class" not in child.attrib:
                        child.set("class", CODE_SPAN_CLASS)
                elif tag == "pre":
                    if len(child) == 1 and child[0].tag == "code" and not child.get("class"):
                        indented.append((parent, child))
                elif tag in FOOTNOTE_TAGS:
                    kramdown_footnote(child)
        for parent, pre in indented:
            wrap_indented(parent, pre)
