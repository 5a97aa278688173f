"""Built pages parsed once per file and kept for the tests that read them.

Hundreds of tests read the same pages of the session's builds: each file is parsed once
while it is unchanged, by the parser asked for, and the tree kept, the most recent
last. Read the trees, never change them.
"""

import os
from collections import OrderedDict
from pathlib import Path

from bs4 import BeautifulSoup
from selectolax.lexbor import LexborHTMLParser

# Pages parsed, by file, its state on disk and the parser.
# Some 0.7 MB a BeautifulSoup tree: at most 350 MB a worker. Lexbor's trees are smaller
# (0.2 MB, outside Python's heap) and would push the soups out: they are kept apart.
PARSED = {"soups": OrderedDict(), "lexbor": OrderedDict()}
PARSED_KEPT = {"soups": 500, "lexbor": 1000}


def parse_file(path, parser="html.parser"):
    """The file's HTML as `parser` reads it, parsed once while the file is unchanged:
    BeautifulSoup's tree, or, for "lexbor", selectolax's (Lexbor's HTML5 parsing, as
    browsers do, a hundred times faster than html5lib: for tests that read a few tags)."""
    path = Path(path)
    state = path.stat()
    key = (str(path), state.st_ino, state.st_mtime_ns, state.st_ctime_ns, state.st_size, parser)
    kind = "lexbor" if parser == "lexbor" else "soups"
    parsed = PARSED[kind]
    if key in parsed:
        parsed.move_to_end(key)
    else:
        text = path.read_text(encoding="utf-8")
        parsed[key] = LexborHTMLParser(text) if kind == "lexbor" else BeautifulSoup(text, parser)
        while len(parsed) > PARSED_KEPT[kind]:
            parsed.popitem(last=False)
    return parsed[key]


def forget_removed_pages():
    """Drop the parsed pages whose file is gone (a module's or a test's folder, removed
    as it ended): dead weight that every full garbage collection would walk again."""
    for parsed in PARSED.values():
        for key in [key for key in parsed if not os.path.exists(key[0])]:
            del parsed[key]


def attribute_text(node, name):
    """A Lexbor node's attribute as text: "" when bare (Lexbor gives None) or absent."""
    return node.attributes.get(name) or ""
