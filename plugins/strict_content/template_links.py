"""Links that templates take from the settings (menu, footer) lead to built pages, as links
in text do: deleting a page fails the build, naming the setting that still links to it."""

import os
import re

from jekyll_compat.errors import EditorError

from . import site_paths

SETTINGS_FILE = "pelicanconf.py"


def _pairs(value):
    """(label, url) pairs of a setting: one pair, or a list of them; others are skipped."""
    if (
        isinstance(value, (list, tuple))
        and len(value) == 2
        and all(isinstance(v, str) for v in value)
    ):
        return [tuple(value)]
    if isinstance(value, (list, tuple)):
        return [tuple(p) for p in value if isinstance(p, (list, tuple)) and len(p) == 2]
    return []


def _line(root, name):
    """The line of pelicanconf.py where `name` is set, or None."""
    try:
        with open(os.path.join(root, SETTINGS_FILE), encoding="utf-8") as file:
            lines = file.read().splitlines()
    except OSError:
        return None
    assignment = re.compile(rf"^{re.escape(name)}\s*=")
    return next((n for n, text in enumerate(lines, 1) if assignment.match(text)), None)


def check(settings, built, names):
    """An EditorError for each site link of the settings `names` that leads to no built page."""
    root = settings["PATH"]
    for name in names:
        for label, url in _pairs(settings.get(name)):
            path = site_paths.site_path(url, "", settings.get("SITEURL", ""))
            if path is None or url.startswith(site_paths.NOT_CHECKED):
                continue
            if not site_paths.is_built(path, built):
                yield EditorError(
                    SETTINGS_FILE,
                    _line(root, name),
                    f"le lien « {label} » du réglage {name} mène à {path}, "
                    "qu'aucune page du site ne construit",
                    f"créez la page de cette adresse, ou corrigez ou retirez ce lien de {name}",
                )
