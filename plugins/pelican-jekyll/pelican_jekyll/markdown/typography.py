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
    # Ruby's \b and \B, unlike its \w, know non-ASCII letters: `""த` is no rquote1.
    (re.compile(rf"""("|')(?={SQ_PUNCT}(?!\.\.)\B)"""), ["rquote1"]),
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
# TYPOGRAPHIC_SYMS_RE (`<< ` and ` >>` are told by their neighbours, so that every branch
# starts with a rare character, which the regex engine finds fast), and quotes.
TYPOGRAPHY_RE = (
    r"(?P<skip><!--.*?-->|</?[A-Za-z][^<>]*>|\{:[^}\n]*\})|(?P<br>\\\n)"
    r"""|(?P<symbol>---|--|\.\.\.|<<|>>)|["']"""
)
# kramdown scans from the character before a quote, unless another span (emphasis, code,
# link, escape, HTML, attribute list) starts or ends there; \x02 and \x03 bound
# Python-Markdown's placeholders.
NOT_BEFORE = frozenset("\\*_`[\x02\x03>}")
# Characters before a quote that let a rule before rule 7 apply, or that rule 7 refuses.
NOT_CLOSING = frozenset(" \t\r\n\f\v\\[{(-\"'")
# An entity just before a quote is a span of its own (Python-Markdown reads it later).
ENTITY_BEFORE = re.compile(r"&(?:[\w:][\-\w.:]*|#\d+|#x[0-9a-fA-F]+);\Z")


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
        start, end = m.start(), m.end()
        if symbol == "<<" and data[end : end + 1] == " ":
            return SYMBOLS["<<"] + self.space, start, end + 1
        if symbol == ">>" and start and data[start - 1] == " ":
            return self.space + SYMBOLS[">>"], start - 1, end
        if symbol:
            return SYMBOLS[symbol], start, end
        return self.quote(m, data)

    @staticmethod
    def quote(m, data):
        """The first of kramdown's rules that matches where the scan stands."""
        start = m.start()
        after_entity = data[start - 1 : start] == ";" and ENTITY_BEFORE.search(
            data, max(0, start - 40), start
        )
        if start and data[start - 1] not in NOT_BEFORE and not after_entity:
            if data[start - 1] not in NOT_CLOSING:
                # A letter (or another closing character) before: only rule 7 can apply.
                return QUOTES[("rquote2", m.group(0))], start, m.end()
            start -= 1
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
