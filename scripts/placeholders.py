"""Text that `make defi` leaves for the editor to replace: a warning, or a refusal to publish.

`make defi` (scripts/new_defi.py) writes « À compléter » in the body and in each example
value. `make html` and `make serve` warn about every one left; with the setting
REFUSE_PLACEHOLDERS (publishconf.py: `make publish`, hence the deploy job) the build
stops before Pelican runs, naming each file and line, and output/ stays as it was.
"""

import sys
from dataclasses import dataclass
from pathlib import Path

from pelican.settings import read_settings

MARK = "À compléter"
SETTING = "REFUSE_PLACEHOLDERS"
FIX = "remplacez-le par le vrai texte"
MAX_FILE_BYTES = 1_000_000  # content files are a few kB: a bigger one is not an editor's


@dataclass(frozen=True)
class Placeholder:
    path: str  # from the site's root
    line: int

    def __str__(self):
        return f"{self.path}:{self.line}: « {MARK} » est encore là, laissé par `make defi` — {FIX}"


def _lines_outside_comments(text):
    """(number, line) of the lines a reader sees: the front matter's # comments are not."""
    lines = text.splitlines()
    in_front = bool(lines) and lines[0].strip() == "---"
    for number, line in enumerate(lines, start=1):
        if in_front and number > 1 and line.strip() == "---":
            in_front = False
        elif not (in_front and line.lstrip().startswith("#")):
            yield number, line


def find(root, folders):
    """Every placeholder in the Markdown files of `folders` (paths from `root`)."""
    root = Path(root).resolve()
    found = []
    for folder in folders:
        base = (root / folder).resolve()
        if not base.is_dir() or not base.is_relative_to(root):
            continue
        for path in sorted(base.rglob("*.md")):
            if not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            rel = path.relative_to(root).as_posix()
            lines = _lines_outside_comments(text)
            found += [Placeholder(rel, number) for number, line in lines if MARK in line]
    return found


def content_folders(settings):
    return [*settings["ARTICLE_PATHS"], *settings["PAGE_PATHS"]]


def report(settings_file, out=sys.stderr):
    """Tell every placeholder; True when the settings refuse them (the build must stop)."""
    settings = read_settings(str(settings_file))
    found = find(settings["PATH"], content_folders(settings))
    if not found:
        return False
    refuse = bool(settings.get(SETTING))
    count = len(found)
    plural = "s" if count > 1 else ""
    for placeholder in found:
        print(placeholder if refuse else f"attention : {placeholder}", file=out)
    if refuse:
        print(
            f"publication refusée : {count} texte{plural} à compléter, détaillé{plural} "
            "ci-dessus. Rien n'a été écrit dans le dossier de sortie.",
            file=out,
        )
    else:
        print(
            f"attention : {count} texte{plural} à compléter : `make publish` refusera "
            "de publier le site tant qu'il en reste.",
            file=out,
        )
    return refuse
