"""kramdown's typographic symbols and smart quotes, with its own rules (ASCII \\w and \\s)."""

import re

from markdown.inlinepatterns import InlineProcessor

LSQUO, RSQUO, LDQUO, RDQUO = "\u2018", "\u2019", "\u201c", "\u201d"

SYMBOLS = {
    "---": "\u2014",
    "--": "\u2013",
    "...": "\u2026",
    "<<": "\u00ab",
    ">>": "\u00bb",
}

# kramdown's TYPOGRAPHIC_SYMS_RE, in its order; HTML comments and tags are skipped, since
# this runs before Python-Markdown sets raw HTML aside (`<<x>>` is no tag for kramdown).
SYMBOLS_RE = r"(?P<html><!--.*?-->|</?[A-Za-z][^<>]*>|\{:[^}\n]*\})|---|--|\.\.\.|<< | >>|<<|>>"

# kramdown's smart_quotes.rb (a port of SmartyPants); Ruby's \w and \s are ASCII.
SQ_PUNCT = r"""[!"#$%'()*+,\-./:;<=>?@\[\\\]^_`{|}~]"""
SQ_CLOSE = r"[^ \\\t\r\n\[{(-]"
SQ_RULES = [
    (re.compile(r"""("|')(?=[_*]{1,2}\S)""", re.A), ["lquote1"]),
    (re.compile(rf"""("|')(?={SQ_PUNCT}(?!\.\.)\B)""", re.A), ["rquote1"]),
    (re.compile(r"""(\s?)"'(?=\w)""", re.A), [1, LDQUO, LSQUO]),
    (re.compile(r"""(\s?)'"(?=\w)""", re.A), [1, LSQUO, LDQUO]),
    (re.compile(r"(\s?)'(?=\d\ds)", re.A), [1, RSQUO]),
    (re.compile(r"""(\s)('|")(?=\w)""", re.A), [1, "lquote2"]),
    (re.compile(rf"""({SQ_CLOSE}\s*)('|")""", re.A), [1, "rquote2"]),
    (re.compile(r"""("|')(?=\s|s\b|$)""", re.A), ["rquote1"]),
    (re.compile(r"(.?)'", re.A | re.S), [1, LSQUO]),
    (re.compile(r'(.?)"', re.A | re.S), [1, LDQUO]),
]
QUOTES = {
    ("rquote1", '"'): RDQUO,
    ("rquote1", "'"): RSQUO,
    ("rquote2", '"'): RDQUO,
    ("rquote2", "'"): RSQUO,
    ("lquote1", '"'): LDQUO,
    ("lquote1", "'"): LSQUO,
    ("lquote2", '"'): LDQUO,
    ("lquote2", "'"): LSQUO,
}
# Attribute lists are skipped. kramdown scans from the character before a quote, unless
# another span (emphasis, code, link, escape) starts there; \x02 and \x03 bound
# Python-Markdown's placeholders.
QUOTE_START_RE = r"""(?P<ial>\{:[^}\n]*\})|(?:[^\\*_`\[\x02\x03])?["']"""


class SymbolProcessor(InlineProcessor):
    """`---` `--` `...` `<<` `>>` as kramdown writes them; `<< ` keeps a no-break space."""

    def __init__(self, md, space):
        super().__init__(SYMBOLS_RE, md)
        self.space = space

    def handleMatch(self, m, data):
        if m.group("html"):
            return None, m.start(), m.end()
        text = m.group(0)
        if text == "<< ":
            return SYMBOLS["<<"] + self.space, m.start(), m.end()
        if text == " >>":
            return self.space + SYMBOLS[">>"], m.start(), m.end()
        return SYMBOLS[text], m.start(), m.end()


class SmartQuoteProcessor(InlineProcessor):
    """Straight quotes turned as kramdown turns them, rule by rule."""

    def __init__(self, md):
        super().__init__(QUOTE_START_RE, md)

    def handleMatch(self, m, data):
        if m.group("ial"):  # an attribute list is kramdown's, not text
            return None, m.start(), m.end()
        start = m.start()
        # The last two rules match any quote: one rule always applies.
        found, substitutions = next(
            (hit, subst) for rule, subst in SQ_RULES if (hit := rule.match(data, start))
        )
        out, begin = [], None
        for subst in substitutions:
            if isinstance(subst, int):
                begin = found.end(subst)  # the character before stays in the text
                continue
            if begin is None:
                begin = found.start()
            if subst in (LSQUO, RSQUO, LDQUO, RDQUO):
                out.append(subst)
            else:
                group = found.group(2 if substitutions[0] == 1 else 1)
                out.append(QUOTES[(subst, group)])
        return "".join(out), begin, found.end()
