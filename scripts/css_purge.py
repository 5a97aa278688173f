"""The purge of DSFR's CSS: drop the rules that no element of the built pages can match.

Pure functions on text, used by scripts/vendor_dsfr.py and unit-tested on small inputs
(tests/test_css_purge.py).
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from dsfr_css import declarations, split_top_level

#
# The site has no JavaScript, so the classes, ids and attributes of the built HTML are
# all an element will ever carry: a rule whose selector needs one that no element has
# can never apply. Pseudo-classes (:hover, :focus-visible, :popover-open…) depend on
# what the visitor does, so they are always assumed to match.

# Elements a browser adds to the tree when the markup leaves them out.
IMPLIED_ELEMENTS = ("html", "head", "body", "tbody")
# Selector arguments that must match the element itself (the others never narrow it).
MATCHES_ANY_PSEUDO = frozenset({"is", "where", "matches", "any", "-webkit-any", "-moz-any"})
# At-rules whose block holds rules, purged recursively and dropped once empty.
GROUPING_AT_RULES = frozenset({"media", "supports", "layer", "container", "scope", "-moz-document"})
IDENT_CHAR_RE = re.compile(r"[\w-]|[^\x00-\x7f]")
VAR_RE = re.compile(r"var\(\s*(--[\w-]+)")


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


def _skip_string(text, i):
    """Index just past the string literal opening at text[i]."""
    quote, i = text[i], i + 1
    while i < len(text) and text[i] != quote:
        i += 2 if text[i] == "\\" else 1
    return i + 1


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
            i = _skip_string(text, i)
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


# -- the CSS tree


@dataclass
class CssRule:
    """A rule: `prelude { body }`, where body is declarations (str) or rules (list)."""

    prelude: str
    body: object  # str, list[CssRule | str], or None for a statement such as @import …;

    def to_css(self):
        if self.body is None:
            return self.prelude + ";"
        inner = self.body if isinstance(self.body, str) else serialize(self.body)
        return f"{self.prelude}{{{inner}}}"


def _block_end(css, i):
    """Index of the `}` closing the block whose `{` is at css[i]."""
    depth = 0
    while i < len(css):
        char = css[i]
        if char in "\"'":
            i = _skip_string(css, i)
            continue
        if char == "\\":
            i += 2
            continue
        if css.startswith("/*", i):
            end = css.find("*/", i + 2)
            i = len(css) if end < 0 else end + 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError("unbalanced braces in CSS")


def _at_name(prelude):
    match = re.match(r"@([\w-]+)", prelude)
    return match.group(1).lower() if match else None


def parse_css(css):
    """Parse (minified, comment-free) CSS into a list of CssRule."""
    rules, i = [], 0
    while i < len(css):
        while i < len(css) and (css[i].isspace() or css[i] == ";" or css.startswith("/*", i)):
            if css.startswith("/*", i):
                end = css.find("*/", i + 2)
                i = len(css) if end < 0 else end + 2
            else:
                i += 1
        if i >= len(css):
            break
        j = i
        while j < len(css) and css[j] not in "{;":
            j = _skip_string(css, j) if css[j] in "\"'" else j + (2 if css[j] == "\\" else 1)
        prelude = css[i:j].strip()
        if j >= len(css) or css[j] == ";":
            rules.append(CssRule(prelude, None))
            i = j + 1
            continue
        end = _block_end(css, j)
        inner = css[j + 1 : end]
        if _at_name(prelude) in GROUPING_AT_RULES:
            rules.append(CssRule(prelude, parse_css(inner)))
        else:
            rules.append(CssRule(prelude, inner))
        i = end + 1
    return rules


def serialize(rules):
    return "".join(rule.to_css() for rule in rules)


def _purge_rules(rules, usage):
    kept = []
    for rule in rules:
        name = _at_name(rule.prelude)
        if isinstance(rule.body, list):
            inner = _purge_rules(rule.body, usage)
            if inner:
                kept.append(CssRule(rule.prelude, inner))
        elif name is not None or rule.body is None:
            kept.append(rule)  # @font-face, @keyframes, @page…: decided afterwards
        else:
            selectors = [
                s for s in split_selector_list(rule.prelude) if usage.selector_may_match(s)
            ]
            if selectors:
                kept.append(CssRule(",".join(selectors), rule.body))
    return kept


def _walk(rules):
    for rule in rules:
        yield rule
        if isinstance(rule.body, list):
            yield from _walk(rule.body)


def _style_rules(rules):
    return [r for r in _walk(rules) if isinstance(r.body, str) and _at_name(r.prelude) is None]


def _used_custom_properties(rules, extra_css):
    """Custom properties reachable from ordinary declarations (and from `extra_css`)."""
    defined = {}
    roots = set(VAR_RE.findall(extra_css))
    for rule in _walk(rules):
        if not isinstance(rule.body, str):
            continue
        for name, value in declarations(rule.body):
            refs = set(VAR_RE.findall(value))
            if name.startswith("--"):
                defined.setdefault(name, set()).update(refs)
            else:
                roots |= refs
    used, todo = set(), list(roots)
    while todo:
        name = todo.pop()
        if name not in used:
            used.add(name)
            todo.extend(defined.get(name, ()))
    return used


def _drop_custom_properties(rules, used):
    kept = []
    for rule in rules:
        if isinstance(rule.body, list):
            inner = _drop_custom_properties(rule.body, used)
            if inner:
                kept.append(CssRule(rule.prelude, inner))
        elif isinstance(rule.body, str) and _at_name(rule.prelude) is None:
            body = ";".join(
                item
                for item in split_top_level(rule.body, ";")
                if not item.strip().startswith("--") or item.partition(":")[0].strip() in used
            )
            if body.strip():
                kept.append(CssRule(rule.prelude, body))
        else:
            kept.append(rule)
    return kept


FONT_WEIGHT_WORDS = {"normal": "400", "bold": "700"}
# Elements a browser shows bold or italic by itself (its default style sheet).
UA_BOLD = frozenset({"b", "strong", "h1", "h2", "h3", "h4", "h5", "h6", "th", "optgroup"})
UA_ITALIC = frozenset({"i", "em", "cite", "var", "dfn", "address"})


def _requested_faces(rules, extra_css, usage):
    """Font weights and styles the kept rules, the site's CSS and the elements ask for."""
    weights, styles = {"400"}, {"normal"}
    tags = {e.tag for e in usage.elements}
    if tags & UA_BOLD:
        weights.add("700")
    if tags & UA_ITALIC:
        styles.add("italic")
    values = [
        (name, value)
        for rule in _style_rules(rules)
        for name, value in declarations(rule.body)
        if not name.startswith("--")
    ]
    values += [
        (m.group(1).lower(), m.group(2)) for m in re.finditer(r"(font-\w+)\s*:([^;}]*)", extra_css)
    ]
    for name, value in values:
        value = value.replace("!important", "").strip().lower()
        if name == "font-weight":
            if value in ("bolder", "lighter"):
                weights.update({"100", "200", "300", "400", "500", "600", "700", "800", "900"})
            weights.add(FONT_WEIGHT_WORDS.get(value, value))
        elif name == "font-style":
            styles.add(value)
        elif name == "font":
            words = value.split()
            weights.update(FONT_WEIGHT_WORDS.get(w, w) for w in words if w.isdigit() or w == "bold")
            styles.update(w for w in words if w in ("italic", "oblique"))
    return weights, styles


def _used_families(rules, extra_css):
    text = (
        "".join(
            value
            for rule in _style_rules(rules)
            for name, value in declarations(rule.body)
            if name in ("font-family", "font") or name.startswith("--")
        )
        + extra_css
    )
    return {w.strip("\"' ").lower() for w in re.split(r"[,:;{}()]|!important", text)}


def _purge_fonts(rules, extra_css, usage):
    """Keep the @font-face rules of a used family, weight and style."""
    weights, styles = _requested_faces(rules, extra_css, usage)
    families = _used_families(rules, extra_css)

    def keep(rule):
        if _at_name(rule.prelude) != "font-face":
            return True
        face = dict(declarations(rule.body))
        family = face.get("font-family", "").strip("\"' ").lower()
        weight = FONT_WEIGHT_WORDS.get(face.get("font-weight", "400"), face.get("font-weight"))
        style = face.get("font-style", "normal")
        return family in families and weight in weights and style in styles

    return _filter_tree(rules, keep)


def _purge_keyframes(rules):
    names = set()
    for rule in _style_rules(rules):
        for name, value in declarations(rule.body):
            if name in ("animation", "animation-name"):
                names.update(re.findall(r"[\w-]+", value))

    def keep(rule):
        if _at_name(rule.prelude) not in ("keyframes", "-webkit-keyframes"):
            return True
        return rule.prelude.split(None, 1)[-1].strip() in names

    return _filter_tree(rules, keep)


def _filter_tree(rules, keep):
    kept = []
    for rule in rules:
        if isinstance(rule.body, list):
            inner = _filter_tree(rule.body, keep)
            if inner:
                kept.append(CssRule(rule.prelude, inner))
        elif keep(rule):
            kept.append(rule)
    return kept


def purge_css(css, elements, extra_css=""):
    """Drop what no element of `elements` can use: rules, selectors, variables, fonts.

    `extra_css` is the site's own CSS, served beside this one: the custom properties and
    fonts it names are kept. Deterministic: the output depends on the inputs only.
    """
    # The @charset and licence banner at the top stay as they are.
    head = re.match(r'\s*(?:@charset\s+"[^"]*";\s*)?(?:/\*!.*?\*/\s*)?', css, re.S).group(0)
    usage = Usage(elements)
    rules = _purge_rules(parse_css(css[len(head) :]), usage)
    rules = _drop_custom_properties(rules, _used_custom_properties(rules, extra_css))
    rules = _purge_keyframes(rules)
    rules = _purge_fonts(rules, extra_css, usage)
    return head + serialize(rules) + "\n"
