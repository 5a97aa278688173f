"""What Jekyll reads in a file's name: drafts, and dates such as 17-09-26-slug.md."""

import datetime
import re

from .errors import EditorError

DATED_NAME = re.compile(r"^(\d{4}|\d{2})-(\d{1,2})-(\d{1,2})-(.+)$")


def is_draft(rel_path):
    """Jekyll builds nothing whose name, or whose folder's name, starts with _."""
    return any(part.startswith("_") for part in rel_path.split("/"))


def split_dated_name(stem, path):
    """(date or None, title part) of a file name without its extension."""
    match = DATED_NAME.match(stem)
    if not match:
        return None, stem
    year, month, day, title = match.groups()
    # Two-digit years are this century's: 17-09-26 is 2017, never 1917 or 2026.
    full_year = int(year) + 2000 if len(year) == 2 else int(year)
    try:
        return datetime.date(full_year, int(month), int(day)), title
    except ValueError:
        raise EditorError(
            path,
            None,
            f"la date du nom de fichier « {year}-{month}-{day} » n'existe pas",
            "renommez le fichier en AAAA-MM-JJ-titre.md avec une date réelle",
        ) from None
