"""The allow-list's verdict on one rendered text, kept by digest between builds of one process.

A build process that stays up (scripts/build_worker.py) checks every page at every build,
though one changed: the verdict on a text already seen (same bytes, same SITEURL) is
taken from here instead of parsing it again. A verdict holds no parsed tree, only what a
later build needs: whether anything is refused (then the page is checked in full, to tell
each problem at its line) and the addresses still to check against that build's pages.
"""

import hashlib
from collections import OrderedDict
from dataclasses import dataclass

from . import allow_list, html_tree, refusals

# Verdicts kept, at most: more than the pages of the largest site measured (bench/),
# few enough to keep a long session's memory flat (the oldest go first).
MAX_KEPT = 1 << 15


@dataclass(frozen=True)
class Verdict:
    refused: bool  # an element, attribute or address refused, or the text left open
    without_alt: bool  # an image without a text alternative
    addresses: tuple  # (element, address) of each allowed element's link or image, in order


_KEPT = OrderedDict()


def _key(html, siteurl):
    data = f"{siteurl}\0{html}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).digest()


def _judge(html, siteurl):
    tree = html_tree.fragment(html)
    refused = tree.unclosed is not None
    without_alt = False
    addresses = []
    for node in tree.nodes:
        if next(refusals.refusals(node, siteurl), None) is not None:
            refused = True
            continue
        if node.name not in allow_list.ELEMENTS:
            continue
        if node.name == "img" and not node.attrs.get("alt", "").strip():
            without_alt = True
        attribute = allow_list.ADDRESS_ATTRIBUTES.get(node.name)
        if attribute in node.attrs:
            addresses.append((node.name, node.attrs[attribute]))
    return Verdict(refused, without_alt, tuple(addresses))


def verdict(html, siteurl=""):
    """The allow-list's verdict on `html` as a page's text, under `siteurl`."""
    key = _key(html, siteurl)
    found = _KEPT.get(key)
    if found is not None:
        _KEPT.move_to_end(key)
        return found
    found = _KEPT[key] = _judge(html, siteurl)
    if len(_KEPT) > MAX_KEPT:
        _KEPT.popitem(last=False)
    return found
