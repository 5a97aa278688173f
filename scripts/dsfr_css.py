"""Pure helpers on DSFR's CSS: URLs, fonts, minifying, the classes it defines.

Kept apart from scripts/vendor_dsfr.py, which fetches the package and writes files;
these only turn text into text, and are unit-tested on small inputs.
"""

import base64
import hashlib
import posixpath
import re
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


def skip_string(text, i):
    """Index just past the string literal opening at text[i]."""
    quote, i = text[i], i + 1
    while i < len(text) and text[i] != quote:
        i += 2 if text[i] == "\\" else 1
    return i + 1


def split_top_level(text, sep):
    """Split `text` on `sep`, ignoring separators inside quotes, brackets or parentheses,
    and escaped ones (`\\,`)."""
    parts, depth, quote, start = [], 0, None, 0
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if quote:
            if char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
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


def declarations(body):
    """(property, value) pairs of a declaration block."""
    pairs = []
    for item in split_top_level(body, ";"):
        name, colon, value = item.partition(":")
        if colon and name.strip():
            pairs.append((name.strip().lower(), value.strip()))
    return pairs
