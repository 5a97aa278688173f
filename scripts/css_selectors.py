"""Which CSS selectors can match an element of the built pages: the pages' elements, the
selectors' parsing, and the matching (for scripts/css_purge.py)."""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from dsfr_css import skip_string, split_top_level

# The site has no JavaScript, so the classes, ids and attributes of the built HTML are
# all an element will ever carry: a rule whose selector needs one that no element has
# can never apply. Pseudo-classes (:hover, :focus-visible, :popover-open…) depend on
# what the visitor does, so they are always assumed to match.

# Elements a browser adds to the tree when the markup leaves them out.
IMPLIED_ELEMENTS = ("html", "head", "body", "tbody")
# Selector arguments that must match the element itself (the others never narrow it).
MATCHES_ANY_PSEUDO = frozenset({"is", "where", "matches", "any", "-webkit-any", "-moz-any"})
IDENT_CHAR_RE = re.compile(r"[\w-]|[^\x00-\x7f]")


@dataclass(frozen=True)
class Element:
    """What a selector can see of one element of a built page."""

    tag: str
    attrs: tuple  # (name, value) pairs, names lower-cased

    @property
    def classes(self):
        return set(self.attr("class", "").split())

    def attr(self, name, default=None):
        return next((value for key, value in self.attrs if key == name), default)


class _ElementCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = set()

    def handle_starttag(self, tag, attrs):
        pairs = tuple(sorted((name.lower(), value or "") for name, value in attrs))
        self.elements.add(Element(tag.lower(), pairs))


def html_elements(html):
    """The distinct elements (tag and attributes) of an HTML text, implied ones included."""
    collector = _ElementCollector()
    collector.feed(html)
    collector.close()
    return collector.elements | {Element(tag, ()) for tag in IMPLIED_ELEMENTS}


# -- selector parsing


def _read_ident(text, i):
    """(unescaped identifier, index after it) starting at text[i]."""
    out = []
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            hex_digits = re.match(r"[0-9a-fA-F]{1,6}\s?", text[i + 1 :])
            if hex_digits:
                out.append(chr(int(hex_digits.group(0).strip(), 16)))
                i += 1 + len(hex_digits.group(0))
            else:
                out.append(text[i + 1])
                i += 2
        elif IDENT_CHAR_RE.match(char):
            out.append(char)
            i += 1
        else:
            break
    return "".join(out), i


def _read_group(text, i, close):
    """(inside text, index after the closing bracket) for a bracket opening at text[i]."""
    depth, start = 0, i
    while i < len(text):
        char = text[i]
        if char in "\"'":
            i = skip_string(text, i)
            continue
        if char == "\\":
            i += 2
            continue
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
            if depth == 0:
                return text[start + 1 : i], i + 1
        i += 1
    raise ValueError(f"unbalanced {close!r} in selector: {text!r}")


def split_selector_list(text):
    """Split a selector list on its top-level commas (not inside (), [] or strings)."""
    return [part.strip() for part in split_top_level(text, ",") if part.strip()]


ATTR_RE = re.compile(
    r"""\s*([\w-]+|\*?\|?[\w-]+)\s*(?:([~|^$*]?=)\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s\]]+)"""
    r"""\s*([iIsS])?)?\s*""",
    re.S,
)


def _parse_attr(inside):
    match = ATTR_RE.fullmatch(inside)
    if not match:
        raise ValueError(f"unreadable attribute selector: [{inside}]")
    name, op, value, flag = match.groups()
    if value and value[0] in "\"'":
        value = re.sub(r"\\(.)", r"\1", value[1:-1])
    return ("attr", name.split("|")[-1].lower(), op, value, (flag or "").lower())


def parse_complex(selector):
    """A complex selector as its compounds, each a list of simple selectors.

    Simple selectors: ("type", name), ("class", name), ("id", name),
    ("attr", name, operator, value, flag), ("pseudo", name, argument or None).
    Combinators are left out: the purge only asks whether each compound can match.
    """
    compounds, current, i = [], [], 0
    text = selector.strip()
    while i < len(text):
        char = text[i]
        if char.isspace() or char in ">+~":
            if current:
                compounds.append(current)
                current = []
            i += 1
        elif char == ".":
            name, i = _read_ident(text, i + 1)
            current.append(("class", name))
        elif char == "#":
            name, i = _read_ident(text, i + 1)
            current.append(("id", name))
        elif char == "[":
            inside, i = _read_group(text, i, "]")
            current.append(_parse_attr(inside))
        elif char == ":":
            i += 2 if text.startswith("::", i) else 1
            name, i = _read_ident(text, i)
            argument = None
            if i < len(text) and text[i] == "(":
                argument, i = _read_group(text, i, ")")
            current.append(("pseudo", name.lower(), argument))
        elif char == "*" or char == "|" or IDENT_CHAR_RE.match(char) or char == "\\":
            if char == "*":
                name, i = "*", i + 1
            else:
                name, i = _read_ident(text, i)
            if i < len(text) and text[i] == "|" and not text.startswith("|=", i):
                i += 1  # namespace prefix: the name follows
                continue
            current.append(("type", name.lower()))
        else:
            raise ValueError(f"unexpected {char!r} in selector: {selector!r}")
    if current:
        compounds.append(current)
    return compounds


# -- selector matching


def _attr_matches(element, name, op, value, flag):
    actual = element.attr(name)
    if actual is None:
        return False
    if op is None:
        return True
    # HTML compares some attribute values case-insensitively; assume it for all (keeps more).
    actual, value = actual.lower(), value.lower()
    if op == "=":
        return actual == value
    if op == "~=":
        return value in actual.split()
    if op == "|=":
        return actual == value or actual.startswith(value + "-")
    if op == "^=":
        return bool(value) and actual.startswith(value)
    if op == "$=":
        return bool(value) and actual.endswith(value)
    if op == "*=":
        return bool(value) and value in actual
    raise ValueError(f"unknown attribute operator {op!r}")


class Usage:
    """The elements of every built page, and the questions the purge asks of them."""

    def __init__(self, elements):
        self.elements = frozenset(elements)
        self._cache = {}

    def compound_matches(self, compound, element):
        for simple in compound:
            kind = simple[0]
            if kind == "type":
                if simple[1] != "*" and simple[1] != element.tag:
                    return False
            elif kind == "class":
                if simple[1] not in element.classes:
                    return False
            elif kind == "id":
                if element.attr("id") != simple[1]:
                    return False
            elif kind == "attr":
                if not _attr_matches(element, *simple[1:]):
                    return False
            elif kind == "pseudo":
                name, argument = simple[1], simple[2]
                if name in MATCHES_ANY_PSEUDO and argument is not None:
                    options = split_selector_list(argument)
                    if not any(self._subject_matches(o, element) for o in options):
                        return False
                elif name == "has" and argument is not None:
                    options = split_selector_list(argument.lstrip(" >+~"))
                    if not any(self.selector_may_match(o) for o in options):
                        return False
                # Any other pseudo-class or pseudo-element: user state, structure or a
                # part of the element; :not() too (proving it never matches is not worth it).
        return True

    def _subject_matches(self, selector, element):
        """Whether `selector` may match with `element` as its subject (its last compound)."""
        compounds = parse_complex(selector)
        if not compounds:
            return True
        *ancestors, subject = compounds
        return self.compound_matches(subject, element) and all(
            self.compound_exists(c) for c in ancestors
        )

    def compound_exists(self, compound):
        key = repr(compound)
        if key not in self._cache:
            self._cache[key] = any(self.compound_matches(compound, e) for e in self.elements)
        return self._cache[key]

    def selector_may_match(self, selector):
        """Whether every compound of a complex selector matches some element of the pages."""
        return all(self.compound_exists(c) for c in parse_complex(selector))
