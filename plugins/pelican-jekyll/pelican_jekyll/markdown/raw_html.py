"""HTML in Markdown as kramdown reads it: which tags start an HTML block, which elements keep
their content as written (no Markdown, no typography), and the `markdown` attribute."""

import re

from markdown.inlinepatterns import InlineProcessor
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

# kramdown's parser/html.rb lists.
SPAN_ELEMENTS = frozenset(
    str.split(
        "a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark "
        "option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var"
    )
)
KNOWN_ELEMENTS = SPAN_ELEMENTS | frozenset(
    str.split(
        "address article aside applet body blockquote caption col colgroup dd div dl dt fieldset "
        "figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend menu li "
        "main map nav ol optgroup p pre section summary table tbody td th thead tfoot tr ul area "
        "base command embed keygen link meta param source track wbr details figure noscript object "
        "script style math textarea"
    )
)
# Elements that cannot be in a paragraph: their tags after text on a line are text.
BLOCK_ELEMENTS = frozenset(
    str.split(
        "address article aside applet body blockquote caption col colgroup dd div dl dt "
        "fieldset figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe "
        "legend menu li main map nav ol optgroup p pre section summary table tbody td th thead "
        "tfoot tr ul"
    )
)
# Elements whose content kramdown keeps raw in a paragraph: its HTML_CONTENT_MODEL_RAW, and
# any element it does not know (`<External href="…">l'API</External>`).
RAW_ELEMENTS = frozenset(str.split("script style math option textarea pre code kbd samp var"))

# REXML's UNAME_STR, roughly: kramdown's tag names.
TAG_NAME = r"[A-Za-z_][\w:.-]*"
BLOCK_TAG_LINE = re.compile(rf"^ {{0,3}}<({TAG_NAME})(?=[\s>]|/>)", re.M)
TAG = rf"<(/?)({TAG_NAME})((?:\s+{TAG_NAME}(?:\s*=\s*(?:\w+|\"[^\"]*\"|'[^']*'))?)*)\s*(/?)>"
MARKDOWN_ATTRIBUTE = re.compile(r"""\s+markdown(?:\s*=\s*(?:\w+|"[^"]*"|'[^']*'))?""")


def raw_content(name):
    """True when kramdown keeps the element's content as written, in a paragraph."""
    lower = name.lower()
    return lower in RAW_ELEMENTS or lower not in KNOWN_ELEMENTS


class BlockTagsPreprocessor(Preprocessor):
    """A line that starts with any tag but a span element's starts an HTML block in kramdown,
    `<Quote>` or `<NextSteps />` included: those names become block-level for this text."""

    def __init__(self, md):
        super().__init__(md)
        self.known = list(md.block_level_elements)

    def run(self, lines):
        text = "\n".join(lines)
        names = (
            {m.group(1).lower() for m in BLOCK_TAG_LINE.finditer(text)} if "<" in text else set()
        )
        extra = sorted(names - SPAN_ELEMENTS - set(self.known))
        self.md.block_level_elements[:] = [*self.known, *extra]
        return lines


class RawSpanProcessor(InlineProcessor):
    """An element kramdown keeps raw, set aside whole; a block element's tag after text on
    its line stays text; other tags lose `markdown="…"`."""

    def __init__(self, md):
        super().__init__(TAG, md)

    def handleMatch(self, m, data):
        slash, name, attributes, closed = m.groups()
        opening = m.group(0)
        if name.lower() in BLOCK_ELEMENTS and data[: m.start()].rpartition("\n")[2].strip():
            return opening, m.start(), m.end()  # kramdown: "block HTML tag in span-level text"
        if slash:
            return None, m.start(), m.end()
        if "markdown" in attributes.lower():
            opening = f"<{name}{MARKDOWN_ATTRIBUTE.sub('', attributes)}{' /' if closed else ''}>"
        end = m.end()
        if not closed and raw_content(name):
            flags = re.I if name.lower() in KNOWN_ELEMENTS else 0
            closing = re.compile(rf"</{re.escape(name)}\s*>", flags).search(data, end)
            if closing is None or "\x02" in data[end : closing.start()]:
                # No end tag, or a code span inside (already set aside): left as it was.
                return None, m.start(), m.end()
            end = closing.end()
        elif opening == m.group(0):
            return None, m.start(), m.end()
        return self.md.htmlStash.store(opening + data[m.end() : end]), m.start(), end


MARKDOWN_IN_TAG = re.compile(
    r"""(<[A-Za-z][^<>]*?)\s+markdown(?:\s*=\s*(?:"[^"]*"|'[^']*'|\w+))?"""
)


class MarkdownAttributePostprocessor(Postprocessor):
    """kramdown drops `markdown="…"` from every tag it reads, in raw HTML blocks too."""

    def run(self, text):
        stash = self.md.htmlStash.rawHtmlBlocks
        for index, block in enumerate(stash):
            if isinstance(block, str) and "markdown" in block:
                stash[index] = MARKDOWN_IN_TAG.sub(r"\1", block)
        return text
