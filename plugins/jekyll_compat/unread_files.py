"""Markdown files that Pelican would silently skip (`x.MD`, `x.mkd`) are errors, not losses."""

import fnmatch
import os
from pathlib import PurePosixPath

from .errors import EditorError

# Jekyll's markdown_ext: every one of these is a page for an editor used to Jekyll.
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mkdown", ".mkdn", ".mkd"}


def _ignored(name, patterns):
    return any(fnmatch.fnmatch(name, pattern) for pattern in patterns)


def _files(root, folder, patterns):
    """Files under `folder` (from `root`), as Pelican walks them: no ignored name."""
    top = os.path.join(root, folder)
    for current, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not _ignored(d, patterns))
        for name in sorted(files):
            if not _ignored(name, patterns):
                yield PurePosixPath(
                    os.path.relpath(os.path.join(current, name), root).replace(os.sep, "/")
                )


def check(settings, read_suffixes):
    """An EditorError for each Markdown file whose name the reader does not take."""
    root = settings["PATH"]
    patterns = settings.get("IGNORE_FILES") or ()
    folders = dict.fromkeys([*settings["PAGE_PATHS"], *settings["ARTICLE_PATHS"]])
    seen = set()
    for folder in folders:
        for rel in _files(root, folder, patterns):
            suffix = rel.suffix
            if rel in seen or suffix.lower() not in MARKDOWN_SUFFIXES or suffix in read_suffixes:
                continue
            seen.add(rel)
            yield EditorError(
                str(rel),
                None,
                f"l'extension « {suffix} » n'est pas lue : ce fichier ne serait pas publié",
                f"renommez-le en {rel.stem}.md",
            )
