"""A rendered body's section headings, with ids that nothing else on the page takes."""

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

# A page has a few dozen headings; past this, renaming stops looking for a free id.
MAX_SUFFIX = 1000


@dataclass(frozen=True)
class Summary:
    """What a template prints: the summary's (id, label) entries and the body to print."""

    entries: tuple
    html: str


def _label(node):
    return " ".join(node.text(deep=True).split())


def headings(html, level):
    """(id, label) of every heading of `level` in `html`, in order, as a browser parses it;
    and every id of `html`."""
    tree = LexborHTMLParser(f"<body>{html}</body>")
    found = [(node.attributes.get("id") or "", _label(node)) for node in tree.css(f"h{level}")]
    return found, {node.attributes.get("id") for node in tree.css("[id]")}


def _free(anchor, taken):
    """`anchor-1`, `anchor-2`… the first that is not taken (None past MAX_SUFFIX)."""
    for suffix in range(1, MAX_SUFFIX):
        candidate = f"{anchor}-{suffix}"
        if candidate not in taken:
            return candidate
    return None


def _rename(html, old, new):
    """`html` with the heading id `old` (and the body's own links to it) now `new`."""
    attribute = re.compile(
        r"""(<h[1-6]\b[^>]*?\bid=)(["']?)""" + re.escape(old) + r"""\2(?=[\s/>])"""
    )
    html = attribute.sub(lambda m: f'{m.group(1)}"{new}"', html, count=1)
    link = re.compile(r"""(\bhref=)(["'])#""" + re.escape(old) + r"""\2""")
    return link.sub(lambda m: f'{m.group(1)}"#{new}"', html)


def summarise(html, level, reserved):
    """The headings of `level`, each with an id of its own (renamed off `reserved`)."""
    found, ids = headings(html, level)
    taken = set(reserved) | ids
    entries, renamed = [], False
    for anchor, label in found:
        if not anchor or not label:
            continue  # a heading without id or text is no entry of a list of links
        if anchor in reserved:
            new = _free(anchor, taken)
            if new is None:
                continue  # left out of the summary rather than linked to the template's id
            html = _rename(html, anchor, new)
            taken.add(new)
            anchor, renamed = new, True
        entries.append((anchor, label))
    if renamed:
        # Only ids the body really has are linked (a heading written in odd HTML keeps its id).
        present = {anchor for anchor, _ in headings(html, level)[0]}
        entries = [entry for entry in entries if entry[0] in present]
    return Summary(tuple(entries), html)
