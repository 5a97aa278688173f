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
        lazy = False  # the previous line is text a comment line would continue
        for number, line in enumerate(lines):
            if lazy and COMMENT_LINE.match(line):
                lines[number] = "    " + line.lstrip(" ")
            else:
                lazy = not NOT_PARAGRAPH.search(line)
        return lines
