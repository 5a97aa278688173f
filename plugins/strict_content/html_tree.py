"""A rendered body parsed as a browser parses it (HTML5, by Lexbor), flattened in order."""

import functools
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

# Appended to a fragment: unless a browser reads it as this element, last in the body,
# the text ends inside a tag, an attribute, a comment or an element left open, and
# would swallow what the template writes after it.
END_ID = "strict-content-end"
END = f'<b id="{END_ID}"></b>'
# Foreign content: its root is what an editor wrote; what it holds is not walked.
FOREIGN = ("svg", "math")
COMMENT = "-comment"


@dataclass(frozen=True)
class Node:
    name: str  # an element's name (lowercase in HTML, SVG's own case), or COMMENT
    attrs: dict  # attribute name -> value ("" when given without one)
    parent: str  # the parent element's name
    text: str = ""  # a comment's text


@dataclass(frozen=True)
class Tree:
    nodes: tuple  # every element and comment, in document order
    unclosed: str | None  # None if the text ends closed; the element left open, or ""


def _walk(top):
    """`top` and every element and comment below it, in document order."""
    found = []
    pending = [top]
    while pending:
        node = pending.pop()
        if node is None:
            continue
        if node is not top:
            pending.append(node.next)
        parent = node.parent.tag if node is not top and node.parent is not None else ""
        if node.is_element_node:
            attrs = {name: value or "" for name, value in node.attributes.items()}
            found.append(Node(node.tag, attrs, parent))
            if node.tag not in FOREIGN:
                pending.append(node.child)
        elif node.is_comment_node:
            found.append(Node(COMMENT, {}, parent, node.comment_content or ""))
    return found


def _is_end(node):
    return node.name == "b" and node.attrs == {"id": END_ID}


# A text with a problem is parsed twice (verdicts.py, then for each problem's line); a
# build process that stays up keeps verdicts, not trees (a tree weighs more than its text).
@functools.lru_cache(maxsize=64)
def fragment(html):
    """`html` as the body of a page: its nodes, and what it leaves open at its end."""
    # From <html>: a text's own <html> or <body> tag adds its attributes to those.
    nodes = _walk(LexborHTMLParser("<body>" + html + END).root)
    if nodes and _is_end(nodes[-1]):
        end = nodes.pop()
        return Tree(tuple(nodes), None if end.parent == "body" else end.parent)
    if nodes:  # what swallowed the end holds pieces of it: they are not the editor's
        last = nodes[-1]
        attrs = {k: v for k, v in last.attrs.items() if END_ID not in k and END_ID not in v}
        nodes[-1] = Node(last.name, attrs, last.parent, last.text)
    return Tree(tuple(nodes), "")


def document(html):
    """A whole HTML file's nodes."""
    return Tree(tuple(_walk(LexborHTMLParser(html).root)), None)
