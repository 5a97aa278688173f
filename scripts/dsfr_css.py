"""Pure helpers on DSFR's CSS: URLs, fonts, minifying, the classes it defines, the purge.

Kept apart from scripts/vendor_dsfr.py, which fetches the package and writes files;
these only turn text into text, and are unit-tested on small inputs.
"""

import base64
import hashlib
import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import unquote_to_bytes


class VendorError(Exception):
    """A check failed: the output would be broken, so nothing is written."""


# url(...) in its three spellings; quoted forms may hold ")" (data URIs) so match them whole.
URL_RE = re.compile(
    r"""url\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^"'()\s]*))\s*\)""",
    re.IGNORECASE,
)
STRING_OR_COMMENT_RE = re.compile(r"""("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|/\*.*?\*/""", re.S)
BANNER_RE = re.compile(r"/\*!.*?\*/", re.S)
CHARSET_RE = re.compile(r"""@charset\s+(?:"[^"]*"|'[^']*')\s*;""", re.IGNORECASE)
# Breakpoint markers such as `@media (min-width:36em){/*! media sm */}` are empty once
# comments are gone; the build tool needs them, browsers do not.
EMPTY_AT_RULE_RE = re.compile(r"@media[^{};]*\{\s*\}")
FONT_FACE_RE = re.compile(r"@font-face\s*\{([^{}]*)\}", re.IGNORECASE)
SAFE_URL_RE = re.compile(r"[A-Za-z0-9._/~#?=&-]+")


def split_top_level(text, sep):
    """Split `text` on `sep`, ignoring separators inside quotes or parentheses."""
    parts, depth, quote, start = [], 0, None, 0
    i = 0
    while i < len(text):
        char = text[i]
        if quote:
            if char == "\\":
                i += 1
            elif char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif char == sep and depth == 0:
            parts.append(text[start:i])
            start = i + 1
        i += 1
    parts.append(text[start:])
    return parts


def url_target(match):
    """Return the target of a URL_RE match as written (quotes removed, escapes kept)."""
    return next(group for group in match.groups() if group is not None)


def is_data_uri(target):
    return target.strip().lower().startswith("data:")


def resolve_asset(css_dir, target):
    """Map a url() target of a CSS file at `css_dir` (relative to dist/) to a dist/ path.

    Returns (path, suffix) where suffix is a `?query`/`#fragment` kept for the browser.
    Raises VendorError for remote or absolute URLs and for paths leaving dist/.
    """
    if re.match(r"^[a-z][a-z0-9+.-]*:|^/", target, re.IGNORECASE):
        raise VendorError(f"non-relative url() in {css_dir}: {target}")
    cut = min((i for i in (target.find("?"), target.find("#")) if i >= 0), default=len(target))
    path, suffix = target[:cut], target[cut:]
    resolved = posixpath.normpath(posixpath.join(css_dir, path))
    if resolved.startswith("../") or resolved in ("..", ".") or resolved.startswith("/"):
        raise VendorError(f"url() leaves the package dist/ folder in {css_dir}: {target}")
    return resolved, suffix


def format_url(target):
    """Write url() unquoted when that is unambiguous, quoted otherwise."""
    if SAFE_URL_RE.fullmatch(target):
        return f"url({target})"
    escaped = target.replace("\\", "\\\\").replace('"', '\\"')
    return f'url("{escaped}")'


def rewrite_urls(css, css_dir):
    """Rebase relative url()s of a CSS file at `css_dir` so they resolve from dist/'s root.

    The output CSS sits where dist/ was (static/dsfr/ mirrors dist/), so a dist/ path is
    the new relative URL. data: URIs are left untouched. Returns (css, set of dist paths).
    """
    assets = set()

    def replace(match):
        target = url_target(match)
        if is_data_uri(target):
            return match.group(0)
        path, suffix = resolve_asset(css_dir, target)
        assets.add(path)
        return format_url(path + suffix)

    return URL_RE.sub(replace, css), assets


DATA_URI_RE = re.compile(r"data:([\w.+/-]+)((?:;[\w=.-]+)*),(.*)", re.S | re.IGNORECASE)
# Files the pages' Content-Security-Policy allows ('self'): images only, no data: URIs.
DATA_URI_TYPES = {"image/svg+xml": ".svg", "image/png": ".png"}


def _decode_data_uri(target):
    """(suffix, bytes) of an image data: URI; VendorError for anything else."""
    match = DATA_URI_RE.fullmatch(target.strip())
    kind = match.group(1).lower() if match else None
    if kind not in DATA_URI_TYPES:
        raise VendorError(f"unexpected data: URI in the CSS: {target[:60]}…")
    params = [p.lower() for p in match.group(2).split(";") if p]
    # CSS-escaped quotes inside a quoted url() are part of the CSS, not of the data.
    payload = re.sub(r"\\(.)", r"\1", match.group(3))
    data = base64.b64decode(payload) if "base64" in params else unquote_to_bytes(payload)
    return DATA_URI_TYPES[kind], data


def externalize_data_uris(css, folder="img/inline"):
    """Move image data: URIs into files, so a CSP without `data:` still shows them.

    Each file is named by a hash of its bytes: the same image is written once and the
    names are the same on every run. Returns (css, {path: bytes}).
    """
    files = {}

    def replace(match):
        target = url_target(match)
        if not is_data_uri(target):
            return match.group(0)
        suffix, data = _decode_data_uri(target)
        path = f"{folder}/{hashlib.sha256(data).hexdigest()[:12]}{suffix}"
        files[path] = data
        return format_url(path)

    return URL_RE.sub(replace, css), files


def _is_woff2_source(item):
    """Keep `local()` and woff2 entries of an @font-face src list, drop everything else."""
    item = item.strip()
    if item.lower().startswith("local("):
        return True
    match = URL_RE.search(item)
    if not match:
        return False
    target = url_target(match)
    if is_data_uri(target):
        return "woff2" in target[:40].lower()
    return re.split(r"[?#]", target)[0].lower().endswith(".woff2")


def strip_non_woff2(css):
    """Drop woff (and other non-woff2) alternatives from every @font-face src list."""

    def fix_block(match):
        declarations = split_top_level(match.group(1), ";")
        kept = []
        for declaration in declarations:
            name, _, value = declaration.partition(":")
            if name.strip().lower() == "src":
                sources = [s.strip() for s in split_top_level(value, ",") if _is_woff2_source(s)]
                if not sources:
                    raise VendorError(f"@font-face without a woff2 source: {match.group(0)}")
                declaration = f"{name.strip()}:{','.join(sources)}"
            kept.append(declaration)
        return "@font-face{" + ";".join(kept) + "}"

    return FONT_FACE_RE.sub(fix_block, css)


def add_unicode_range(css, unicode_range):
    """Give every @font-face that has none the `unicode-range` its subset font covers."""

    def fix_block(match):
        body = match.group(1)
        names = [d.partition(":")[0].strip().lower() for d in split_top_level(body, ";")]
        if "unicode-range" in names:
            return match.group(0)
        return "@font-face{" + body.rstrip(";") + f";unicode-range:{unicode_range}}}"

    return FONT_FACE_RE.sub(fix_block, css)


def unicode_ranges(value):
    """The (first, last) code points of a unicode-range value such as `U+0000-00FF,U+0131`."""
    ranges = []
    for item in value.split(","):
        first, _, last = item.strip().upper().removeprefix("U+").partition("-")
        if "?" in first:
            first, last = first.replace("?", "0"), first.replace("?", "F")
        ranges.append((int(first, 16), int(last or first, 16)))
    return ranges


def minify(css):
    """Drop comments, @charset, empty breakpoint markers and whitespace around braces.

    The DSFR files are minified already; this only removes what concatenation repeats.
    """

    def keep_strings(match):
        return match.group(1) or ""

    css = STRING_OR_COMMENT_RE.sub(keep_strings, css)
    css = CHARSET_RE.sub("", css)
    previous = None
    while previous != css:
        previous, css = css, EMPTY_AT_RULE_RE.sub("", css)
    # Whitespace next to braces and semicolons never matters outside strings.
    pieces = re.split(r"""("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')""", css)
    for i in range(0, len(pieces), 2):
        pieces[i] = re.sub(r"\s*([{};])\s*", r"\1", pieces[i])
    return "".join(pieces).strip()


def defined_classes(css):
    """Class names used in selectors (declaration blocks, hence url()s, are ignored)."""
    # Strings first (they may hold braces), then the innermost blocks: what remains is
    # selectors and at-rule preludes, at any nesting depth.
    selectors = re.sub(r"""("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')""", "", css)
    selectors = re.sub(r"\{[^{}]*\}", "{}", selectors)
    return set(re.findall(r"\.(-?[_a-zA-Z][\w-]*)", selectors))


def component_order(main_scss, wanted):
    """Order `wanted` components like DSFR's own bundle (dependencies first).

    The cascade matters (header overrides button, for instance), so follow the @import
    order of src/dsfr/component/main.scss; components it does not list keep their order.
    """
    imported = re.findall(r"""@(?:import|use|forward)\s+['"]([\w-]+)/main['"]""", main_scss)
    rank = {name: i for i, name in enumerate(imported)}
    return sorted(wanted, key=lambda name: (rank.get(name, len(rank)), wanted.index(name)))


def css_urls(css):
    """The non-data url() targets of a CSS text."""
    return [t for t in (url_target(m) for m in URL_RE.finditer(css)) if not is_data_uri(t)]


def broken_urls(css, base_dir):
    """url() targets that do not resolve to a file inside `base_dir`."""
    base = base_dir.resolve()
    broken = []
    for target in css_urls(css):
        path = re.split(r"[?#]", target)[0]
        resolved = (base / path).resolve()
        if base not in resolved.parents or not resolved.is_file():
            broken.append(target)
    return broken


# --- purge: drop the rules no page can match --------------------------------------------
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
    parts, depth, start, i = [], 0, 0, 0
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
        elif char == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
        i += 1
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


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


def declarations(body):
    """(property, value) pairs of a declaration block."""
    pairs = []
    for item in split_top_level(body, ";"):
        name, colon, value = item.partition(":")
        if colon and name.strip():
            pairs.append((name.strip().lower(), value.strip()))
    return pairs


VAR_RE = re.compile(r"var\(\s*(--[\w-]+)")


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
