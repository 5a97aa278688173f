"""Pipe tables as kramdown reads them: any block whose lines all hold a `|` is a table,
with a header only when a separator line follows its first rows."""

import re
import xml.etree.ElementTree as etree

from markdown.blockprocessors import BlockProcessor

TABLE_SEP_LINE = re.compile(r"^([+|: \t-]*?-[+|: \t-]*?)[ \t]*$")
TABLE_HSEP_ALIGN = re.compile(r"[ \t]?(:?)-+(:?)[ \t]?")
TABLE_FSEP_LINE = re.compile(r"^[+|: \t=]*?=[+|: \t=]*?[ \t]*$")
TABLE_PIPE_CHECK = re.compile(r"^(?:\||.*?[^\\\n]\|)")
TABLE_START = re.compile(r"^ {0,3}\S")
CODE_SPAN_RE = re.compile(r"(`+).*?(?<!`)\1(?!`)")
CELL_RE = re.compile(r"(`+).*?(?<!`)\1(?!`)|\\\||\|")


def split_cells(row, leading_pipe):
    """The cells of a row: split at each `|` that is neither escaped nor in code."""
    cells, position = [""], 0
    for match in CELL_RE.finditer(row):
        cells[-1] += row[position : match.start()]
        if match.group(0) == "|":
            cells.append("")
        elif match.group(0) == "\\|":
            cells[-1] += "|"
        else:
            cells[-1] += match.group(0)
        position = match.end()
    cells[-1] += row[position:]
    if leading_pipe and not cells[0].strip():
        cells.pop(0)
    if cells and not cells[-1].strip():
        cells.pop()
    return [cell.strip() for cell in cells]


def _alignment(separator):
    aligns = []
    for left, right in TABLE_HSEP_ALIGN.findall(separator):
        if not left and not right:
            aligns.append(None)
        elif not right:
            aligns.append("left")
        elif not left:
            aligns.append("right")
        else:
            aligns.append("center")
    return aligns


class KramdownTableProcessor(BlockProcessor):
    """A block of lines that each hold an unescaped pipe."""

    def test(self, parent, block):
        if "|" not in block:
            return False
        lines = block.split("\n")
        # Each line needs a pipe outside code spans.
        return bool(TABLE_START.match(lines[0])) and all(
            TABLE_PIPE_CHECK.match(CODE_SPAN_RE.sub("", line)) for line in lines
        )

    def run(self, parent, blocks):
        lines = blocks.pop(0).split("\n")
        leading_pipe = lines[0].lstrip().startswith("|")
        groups, rows, aligns, footer = [], [], None, False

        def close(kind, force=False):
            nonlocal rows
            if not footer or kind != "tbody" or force:
                groups.append((kind, rows))
                rows = []

        for line in lines:
            separator = TABLE_SEP_LINE.match(line)
            if separator:
                if rows and aligns is None and not footer:
                    close("thead")
                    aligns = _alignment(separator.group(1))
                elif rows:
                    close("tbody")
            elif TABLE_FSEP_LINE.match(line):
                if rows:
                    close("tbody", force=True)
                footer = True
            else:
                rows.append(split_cells(line, leading_pipe))
        if rows:
            close("tfoot" if footer else "tbody")
        if not any(kind == "tbody" for kind, _ in groups):
            # kramdown ignores a table without a body: the lines stay a paragraph.
            etree.SubElement(parent, "p").text = "\n".join(lines)
            return
        columns = max(len(row) for _, rows in groups for row in rows)
        aligns = (aligns or [])[:columns] + [None] * (columns - len(aligns or []))
        table = etree.SubElement(parent, "table")
        for kind, rows in groups:
            container = etree.SubElement(table, kind)
            for row in rows:
                tr = etree.SubElement(container, "tr")
                for index in range(columns):
                    cell = etree.SubElement(tr, "th" if kind == "thead" else "td")
                    if aligns[index]:
                        cell.set("style", f"text-align: {aligns[index]}")
                    if index < len(row):
                        cell.text = row[index]
