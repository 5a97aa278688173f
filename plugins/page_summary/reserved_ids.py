"""The ids that the theme's templates write themselves, which a heading must not take."""

import re
from pathlib import Path

# id="x" as an attribute or a macro's argument (`callout(..., id="candidater")`); an id
# computed at render time ({{ … }}) is the template's business, not found here.
LITERAL_ID = re.compile(r"""\bid=["']([^"'{}\s]+)["']""")
# Bounds the walk: the theme is a few dozen files.
MAX_TEMPLATES = 1000


def theme_ids(theme):
    """Every literal id in the theme's templates (THEME/templates/**/*.html)."""
    found = set()
    folder = Path(theme) / "templates"
    if not folder.is_dir():
        return frozenset()
    for count, path in enumerate(sorted(folder.rglob("*.html"))):
        if count >= MAX_TEMPLATES:
            break
        if path.is_file() and not path.is_symlink():
            found.update(LITERAL_ID.findall(path.read_text(encoding="utf-8", errors="replace")))
    return frozenset(found)
