"""Rows as JSON and as CSV (RFC 4180), byte for byte the same at each build."""

import csv
import io
import json

# What a spreadsheet would read as a formula at the start of a cell (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Prefixed to such a cell: a spreadsheet shows it as text, and hides the apostrophe.
FORMULA_GUARD = "'"


def to_json(value):
    """Indented UTF-8 JSON, keys in the schema's order, a final newline."""
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def to_json_rows(rows):
    """A UTF-8 JSON array of objects, one per line: json's fast encoder (not used with
    `indent`) writes each, and a diff of two versions shows the challenges that changed."""
    lines = ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows)
    return (f"[\n{lines}\n]\n" if rows else "[]\n").encode("utf-8")


def cell(value):
    """A CSV cell: text as it is (formulas neutralised), lists as JSON arrays, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    text = str(value)
    return FORMULA_GUARD + text if text.startswith(FORMULA_STARTS) else text


def to_csv(names, rows):
    """UTF-8 CSV without BOM: a header line, commas, CRLF, quotes where needed (RFC 4180)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(names)
    for row in rows:
        writer.writerow([cell(row[name]) for name in names])
    return out.getvalue().encode("utf-8")
