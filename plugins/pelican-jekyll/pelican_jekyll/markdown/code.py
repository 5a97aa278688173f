"""Code blocks as Jekyll writes them with Rouge: two `div`s around `pre.highlight`.

Rouge's colouring spans are not reproduced: the code is plain text.
"""

import html
import re
import xml.etree.ElementTree as etree

from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor
from markdown.util import AtomicString

# kramdown-parser-gfm's FENCED_CODEBLOCK_MATCH (Ruby's /m is Python's DOTALL).
# The preprocessor takes fences at the margin; an indented one is in a list item or a quote,
# whose text NestedFenceProcessor reads without the indentation.
MARGIN_FENCED_RE = re.compile(
    r"^(([~`]){3,})[ \t]*((\S+?)(?:\?\S*)?)?[ \t]*\n(.*?)^\1\2*[ \t]*(?:\n|\Z)",
    re.M | re.S,
)
FENCED_RE = re.compile(
    r"^[ ]{0,3}(([~`]){3,})[ \t]*((\S+?)(?:\?\S*)?)?[ \t]*\n(.*?)^[ ]{0,3}\1\2*[ \t]*(?:\n|\Z)",
    re.M | re.S,
)


FENCE_START = re.compile(r"^[ ]{0,3}[~`]{3,}")


def wrapped(code, lang):
    """Jekyll's markup for a block of code in `lang` (plaintext when none)."""
    lang = lang or "plaintext"
    if not code.endswith("\n"):
        code += "\n"
    return (
        f'<div class="language-{html.escape(lang)} highlighter-rouge">'
        f'<div class="highlight"><pre class="highlight"><code>{html.escape(code, quote=False)}'
        "</code></pre></div></div>"
    )


class FencedCodePreprocessor(Preprocessor):
    """```lang fences at the margin, set aside as raw HTML before any other parsing: each
    becomes one line, so that it stays in the list item it was written in."""

    def run(self, lines):
        text = "\n".join(lines)
        out, position = [], 0
        for match in MARGIN_FENCED_RE.finditer(text):
            out.append(text[position : match.start()])
            placeholder = self.md.htmlStash.store(wrapped(match.group(5), match.group(4)))
            out.append(f"{placeholder}\n")
            position = match.end()
        out.append(text[position:])
        return "".join(out).split("\n")


class NestedFenceProcessor(BlockProcessor):
    """Fences inside a quote or a list item, which the preprocessor cannot see."""

    def test(self, parent, block):
        return bool(FENCE_START.match(block))

    def run(self, parent, blocks):
        text = "\n\n".join(blocks) + "\n"
        match = FENCED_RE.match(text)
        if not match:
            return False  # no closing fence: not code (kramdown makes it a paragraph)
        outer = etree.SubElement(parent, "div")
        outer.set("class", f"language-{match.group(4) or 'plaintext'} highlighter-rouge")
        pre = etree.SubElement(etree.SubElement(outer, "div", {"class": "highlight"}), "pre")
        pre.set("class", "highlight")
        code = match.group(5)
        etree.SubElement(pre, "code").text = AtomicString(
            code if code.endswith("\n") else code + "\n"
        )
        rest = text[match.end() :].rstrip("\n")
        blocks[:] = rest.split("\n\n") if rest.strip() else []
        return None


def wrap_indented(parent, pre):
    """An indented code block (`pre > code`) in Jekyll's two `div`s."""
    index = list(parent).index(pre)
    outer = etree.Element("div", {"class": "language-plaintext highlighter-rouge"})
    inner = etree.SubElement(outer, "div", {"class": "highlight"})
    pre.set("class", "highlight")
    inner.append(pre)
    outer.tail, pre.tail = pre.tail, None
    parent.remove(pre)
    parent.insert(index, outer)
