"""kramdown's typographic symbols and smart quotes, with its own rules (ASCII \\w and \\s)."""

import re
import xml.etree.ElementTree as etree

from markdown.inlinepatterns import InlineProcessor

LSQUO, RSQUO, LDQUO, RDQUO = "\u2018", "\u2019", "\u201c", "\u201d"

SYMBOLS = {
    "---": "\u2014",
    "--": "\u2013",
    "...": "\u2026",
    "<<": "\u00ab",
    ">>": "\u00bb",
}

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
# One pattern for all of kramdown's typography (Python-Markdown runs every pattern on every
# text, so one is cheaper than three), before Python-Markdown sets raw HTML aside: HTML
# comments and tags are skipped, as are attribute lists (`<<x>>` is no tag for kramdown).
# Then GFM's hard line break (a backslash at the end of a line), kramdown's
# TYPOGRAPHIC_SYMS_RE in its order, and a quote with the character before it: kramdown scans
# from there, unless another span (emphasis, code, link, escape) starts there; \x02 and \x03
# bound Python-Markdown's placeholders.
TYPOGRAPHY_RE = (
    r"(?P<skip><!--.*?-->|</?[A-Za-z][^<>]*>|\{:[^}\n]*\})|(?P<br>\\\n)"
    r"|(?P<symbol>---|--|\.\.\.|<< | >>|<<|>>)"
    r"""|(?:[^\\*_`\[\x02\x03])?["']"""
)

# Characters before a quote that let an earlier rule than rule 7 apply, or that rule 7's
# SQ_CLOSE refuses.
FAST_NOT = frozenset(" \t\r\n\f\v\\[{(-\"'")


class TypographyProcessor(InlineProcessor):
    """Quotes, `---` `--` `...` `<<` `>>` and `\\` line breaks as kramdown writes them;
    `<< ` and ` >>` keep their space as a no-break space (or the one set)."""

    def __init__(self, md, space):
        super().__init__(TYPOGRAPHY_RE, md)
        self.space = space

    def handleMatch(self, m, data):
        if m.group("skip"):
            return None, m.start(), m.end()
        if m.group("br"):
            line_break = etree.Element("br")
            line_break.tail = "\n"
            return line_break, m.start(), m.end()
        symbol = m.group("symbol")
        if symbol == "<< ":
            return SYMBOLS["<<"] + self.space, m.start(), m.end()
        if symbol == " >>":
            return self.space + SYMBOLS[">>"], m.start(), m.end()
        if symbol:
            return SYMBOLS[symbol], m.start(), m.end()
        return self.quote(m, data)

    @staticmethod
    def quote(m, data):
        """The first of kramdown's rules that matches where the scan stands."""
        start = m.start()
        if m.end() - start == 2 and data[start] not in FAST_NOT:
            # A letter (or any closing character) before the quote: only rule 7 can apply.
            return QUOTES[("rquote2", data[start + 1])], start + 1, m.end()
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
