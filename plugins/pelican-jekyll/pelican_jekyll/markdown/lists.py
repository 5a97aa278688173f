"""Lists as kramdown parses them: an item goes on while lines are indented to its text,
a list may follow a paragraph line directly, and kramdown's rule for `<p>` in items."""

import re
import xml.etree.ElementTree as etree

from markdown.blockprocessors import BlockProcessor

from .attributes import IAL_LINE, mark

PATTERN_TAIL = r"[\t| ].*?\n"
LIST_START_UL = re.compile(rf"^( {{0,3}}[+*-])({PATTERN_TAIL})")
LIST_START_OL = re.compile(rf"^( {{0,3}}\d+\.)({PATTERN_TAIL})")
LIST_START = re.compile(rf"^( {{0,3}}[+*-]| {{0,3}}\d+\.)({PATTERN_TAIL})")
HR_START = re.compile(r"^ {0,3}([*\-_])[ \t]*\1[ \t]*\1(\1|[ \t])*\n")
TASK_RE = re.compile(r"\A\s*\[([ xX])\]\s+")
BLANK_LINE = re.compile(r"^\s*\n", re.A)  # Ruby's \s: a no-break space is no blank
IAL_CHECK = re.compile(r"^\s*\{:(?!(?:[A-Za-z0-9_-]+)?:|/)[^}]+\}\s*\n")
# Block HTML and IAL lines end a lazy line (kramdown's lazy_re); span elements do not.
SPAN_ELEMENTS = (
    "a|abbr|acronym|b|big|bdo|br|button|cite|code|del|dfn|em|i|img|input|ins|kbd|label|"
    "mark|option|q|rb|rbc|rp|rt|rtc|ruby|samp|select|small|span|strike|strong|sub|sup|"
    "textarea|tt|u|var|script"
)
LAZY_STOP = rf"(?:\{{:|</?(?!(?:{SPAN_ELEMENTS})\b)[A-Za-z])"
# kramdown-parser-gfm's PARAGRAPH_END_GFM: list starts and fences, which code.py has made
# placeholder lines (Python-Markdown already ends a paragraph at a heading or a quote).
PARAGRAPH_END = re.compile(rf"{LIST_START.pattern}|^[ ]{{0,3}}(?:[~`]{{3,}}|\x02wzxhzdk:\d+\x03$)")


def _patterns(indentation):
    """kramdown's content, lazy and indent patterns for an item whose text is at `indentation`."""
    quot, rest = divmod(indentation, 4)
    tabs = r"(?:\t| {4})"
    content = re.compile(rf"^(?:{tabs}{{{quot}}} {{{rest}}}|{tabs}{{{quot + 1}}}).*\S.*\n", re.A)
    lazy = re.compile(rf"(?! {{0,{min(indentation, 3)}}}{LAZY_STOP}).*\S.*\n", re.A)
    return content, lazy, re.compile(rf"^ {{{indentation}}}")


def _sibling_start(kind, indentation):
    spaces = max(0, min(indentation, 4) - 1)
    marker = r"[+*-]" if kind == "ul" else r"\d+\."
    return re.compile(rf"^( {{0,{spaces}}}{marker})({PATTERN_TAIL})")


def _first_line(indentation, content):
    if IAL_CHECK.match(content):
        indentation = 4
    else:
        content = content.expandtabs(4)
        indentation += len(content) - len(content.lstrip(" "))
    return content.lstrip(), indentation


class Lines:
    """The lines of the blocks ahead, with the blank line that separated two blocks."""

    def __init__(self, blocks):
        self.blocks = blocks
        self.pending = []  # lines of the current block not yet taken
        self.started = False

    def peek(self):
        if not self.pending:
            if not self.blocks:
                return None
            block = self.blocks.pop(0)
            self.pending = [line + "\n" for line in block.split("\n")]
            if self.started:
                self.pending.insert(0, "\n")
            self.started = True
        return self.pending[0]

    def take(self):
        return self.pending.pop(0)

    def give_back(self):
        rest = "".join(self.pending).rstrip("\n")
        if self.pending and self.pending[0] == "\n":
            rest = rest.lstrip("\n")
        if rest:
            self.blocks.insert(0, rest)


class KramdownListProcessor(BlockProcessor):
    """kramdown's parse_list, over Python-Markdown's blocks."""

    def test(self, parent, block):
        return bool(LIST_START.match(block + "\n"))

    def run(self, parent, blocks):
        first = blocks[0] + "\n"
        kind = "ul" if LIST_START_UL.match(first) else "ol"
        start = LIST_START_UL if kind == "ul" else LIST_START_OL
        lines = Lines(blocks)
        items = []  # [text chunks]
        content_re = lazy_re = indent_re = None
        nested = last_blank = False
        indentation = 0
        while (line := lines.peek()) is not None:
            if last_blank and HR_START.match(line):
                break
            match = start.match(line)
            if match:
                lines.take()
                text, indentation = _first_line(len(match.group(1)), match.group(2))
                content_re, lazy_re, indent_re = _patterns(indentation)
                start = _sibling_start(kind, indentation)
                nested = bool(LIST_START.match(text))
                last_blank = False
                items.append([text])
            elif content_re.match(line) or (not last_blank and lazy_re.match(line)):
                lines.take()
                result = re.sub(r"^\t+", lambda m: "    " * len(m.group(0)), line)
                found = indent_re.match(result)
                if found:
                    result = result[found.end() :]
                if not nested and found and LIST_START.match(result):
                    items[-1].append("")
                    nested = True
                elif nested and not found and LIST_START.match(result):
                    result = " " * (indentation + 4) + result
                items[-1][-1] += result
                last_blank = False
            elif BLANK_LINE.match(line):
                lines.take()
                nested = last_blank = True
                items[-1][-1] += line
            else:
                break
        ial = None
        if not last_blank and line is not None and IAL_LINE.match(line.rstrip("\n")):
            ial = IAL_LINE.match(lines.take().rstrip("\n")).group(1)
        lines.give_back()
        self._build(parent, kind, items)
        if ial:
            mark(parent[-1], ial)

    def _build(self, parent, kind, items):
        element = etree.SubElement(parent, kind)
        transparent = []
        tasks = False  # GFM task list: from the first item that starts with [ ] or [x]
        for index, chunks in enumerate(items):
            li = etree.SubElement(element, "li")
            for chunk in chunks:
                if chunk.strip():
                    self.parser.parseChunk(li, chunk.rstrip("\n"))
            last = index == len(items) - 1
            follows = _after_first_paragraph("".join(chunks))
            bare = (
                len(li)
                and li[0].tag == "p"
                and not (li.text or "").strip()
                and (follows in ("nothing", "block") or (last and follows == "blank only"))
                and (not last or len(items) == 1 or any(t is not False for t in transparent))
            )
            transparent.append(bool(bare) if len(li) and li[0].tag == "p" else None)
            if len(li) and li[0].tag == "p" and not (li.text or "").strip():
                tasks = _task_box(li[0]) or tasks
                if tasks:
                    li.set("class", "task-list-item")
            if bare:
                _unwrap_first(li)
        if tasks:
            element.set("class", "task-list")


def _after_first_paragraph(text):
    """What follows the item's first paragraph: nothing, a blank line only, a blank line and
    more, or another block directly."""
    lines = (text[:-1] if text.endswith("\n") else text).split("\n")
    for number, line in enumerate(lines[1:], 1):
        if not line.strip():
            rest = "".join(lines[number:]).strip()
            return "blank and more" if rest else "blank only"
        if PARAGRAPH_END.match(line + "\n"):
            return "block"
        if line.lstrip().startswith(("#", ">")):
            return "block"
    return "nothing"


def _task_box(paragraph):
    """`[ ]` or `[x]` at the start of an item's text as a disabled checkbox (GFM)."""
    match = TASK_RE.match(paragraph.text or "")
    if not match:
        return False
    box = etree.Element("input", {"type": "checkbox", "class": "task-list-item-checkbox"})
    box.set("disabled", "disabled")
    if match.group(1) != " ":
        box.set("checked", "checked")
    box.tail = paragraph.text[match.end() :]
    paragraph.text = ""
    paragraph.insert(0, box)
    return True


def _unwrap_first(li):
    paragraph = li[0]
    li.text = paragraph.text
    li.remove(paragraph)
    for position, child in enumerate(list(paragraph)):
        li.insert(position, child)
    tail = paragraph.tail
    if len(paragraph):
        last = li[len(paragraph) - 1]
        last.tail = (last.tail or "") + (tail or "")
    elif tail:
        li.text = (li.text or "") + tail


# Where a paragraph's next line starts a list or a fence (PARAGRAPH_END, in one search),
# and a fence's placeholder line, after which a paragraph starts anew.
NEXT_BLOCK = re.compile(
    r"\n(?= {0,3}(?:[+*-]|\d+\.)[\t| ].*$| {0,3}(?:[~`]{3,}|\x02wzxhzdk:\d+\x03$))", re.M
)
PLACEHOLDER_LINE = re.compile(r" {0,3}\x02wzxhzdk:\d+\x03\n")


class ParagraphEndProcessor(BlockProcessor):
    """A list or a fence that starts on a paragraph's next line ends that paragraph (GFM),
    and so does the end of a fence."""

    def test(self, parent, block):
        return self._cut(block) is not None

    @staticmethod
    def _cut(block):
        """Where the block is cut: the index of the newline that ends its first part."""
        first = PLACEHOLDER_LINE.match(block)
        if first:
            return first.end() - 1
        found = NEXT_BLOCK.search(block)
        return found.start() if found else None

    def run(self, parent, blocks):
        cut = self._cut(blocks[0])
        blocks[0:1] = [blocks[0][:cut], blocks[0][cut + 1 :]]
        return False  # the next processors now take the first part
