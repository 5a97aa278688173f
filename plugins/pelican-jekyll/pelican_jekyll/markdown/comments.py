"""HTML comments on a line of their own right after a paragraph's or a list item's line: a lazy
line for kramdown (`<!--more-->` stays in the paragraph), a block for Python-Markdown."""

import re

from markdown.preprocessors import Preprocessor

COMMENT_LINE = re.compile(r"^ {0,3}<!--.*?-->[ \t]*$")
# Lines after which a comment line starts a block of its own, in kramdown too: blank lines,
# headings, setext underlines, rules, HTML, tables, attribute lists, code, fences (set aside).
NOT_PARAGRAPH = re.compile(
    r"^\s*$|^ {0,3}(?:#{1,6}[ \t]|=+\s*$|-+\s*$|[*_-](?:[ \t]*[*_-]){2,}\s*$|<|\{:|\x02)"
    r"|^(?: {4}|\t)|\|"
)


class CommentLineProcessor(Preprocessor):
    """Such a comment is moved four spaces in: md_in_html's block extractor then leaves it in
    the text, where Python-Markdown's inline HTML keeps it (the line count stays the same)."""

    def run(self, lines):
        moved = set()
        for number, line in enumerate(lines):
            if "<!--" not in line or not COMMENT_LINE.match(line):
                continue
            before = number - 1
            while before in moved:  # comment lines in a row continue the same text
                before -= 1
            if before >= 0 and not NOT_PARAGRAPH.search(lines[before]):
                lines[number] = "    " + line.lstrip(" ")
                moved.add(number)
        return lines
