"""The purge of DSFR's CSS: drop the rules that no element of the built pages can match.

Pure functions on text, used by scripts/vendor_dsfr.py and unit-tested on small inputs
(tests/test_css_purge.py).
"""

import re
from dataclasses import dataclass

from css_selectors import Usage, split_selector_list
from dsfr_css import declarations, skip_string, split_top_level

# At-rules whose block holds rules, purged recursively and dropped once empty.
GROUPING_AT_RULES = frozenset({"media", "supports", "layer", "container", "scope", "-moz-document"})
VAR_RE = re.compile(r"var\(\s*(--[\w-]+)")

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
            i = skip_string(css, i)
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
            j = skip_string(css, j) if css[j] in "\"'" else j + (2 if css[j] == "\\" else 1)
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
