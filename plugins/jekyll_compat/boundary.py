"""The project tree is the boundary: no symbolic link in the folders a build reads.

Every symbolic link is refused, whether it points out of the project (it would
publish the build machine's files) or inside it (a copy is as easy to commit, the
output then holds no link, and a folder linked to its parent cannot loop the
walk). So is any file that is neither a file nor a folder (a named pipe would
block the read). Checked before anything is read, with os.scandir, which never
follows a link.
"""

import os

from . import config
from .errors import ERROR_LOG, EditorError

FIX = (
    "remplacez-le par une copie du fichier (ou du dossier) dans le dépôt : "
    "la construction ne suit aucun lien symbolique"
)


def read_folders(settings):
    """The folders a build reads: content, pages, includes, static files, templates."""
    root = settings["PATH"]
    folders = [
        *(os.path.join(root, p) for p in settings["ARTICLE_PATHS"]),
        *(os.path.join(root, p) for p in settings["PAGE_PATHS"]),
        os.path.join(root, config.load(settings).includes),
        *(os.path.join(root, p) for p in settings["STATIC_PATHS"]),
        os.path.join(settings["THEME"], "templates"),
        *(os.path.join(settings["THEME"], p) for p in settings["THEME_STATIC_PATHS"]),
        *settings.get("THEME_TEMPLATES_OVERRIDES", []),
    ]
    return list(dict.fromkeys(os.path.abspath(f) for f in folders))


def _name(path, root):
    """`path` as editors know it: from the project's root when it lies in the project."""
    rel = os.path.relpath(path, root)
    return path if rel.startswith("..") else rel.replace(os.sep, "/")


def _link_error(path, root, real_root, kind):
    target = os.path.realpath(path)
    inside = target == real_root or target.startswith(real_root + os.sep)
    if inside:
        where = f"vers « {os.path.relpath(target, real_root).replace(os.sep, '/')} »"
    else:
        where = f"vers « {target} », hors du projet"
    return EditorError(_name(path, root), None, f"{kind} est un lien symbolique {where}", FIX)


def _linked_component(folder, root, real_root):
    """The first folder on the way from the root to `folder` that is a link, or None."""
    rel = os.path.relpath(folder, root)
    if rel.startswith(".."):
        return None  # a theme outside the project: only what lies in it is checked
    path = root
    for part in rel.split(os.sep) if rel != "." else ():
        path = os.path.join(path, part)
        if os.path.islink(path):
            return path
    return None


def _walk(folder, root, real_root, errors):
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return  # a folder that does not exist: Pelican reads nothing there
    for entry in entries:
        if entry.is_symlink():
            kind = "ce dossier" if os.path.isdir(entry.path) else "ce fichier"
            errors.append(_link_error(entry.path, root, real_root, kind))
        elif entry.is_dir(follow_symlinks=False):
            _walk(entry.path, root, real_root, errors)
        elif not entry.is_file(follow_symlinks=False):
            errors.append(
                EditorError(
                    _name(entry.path, root),
                    None,
                    "ce n'est ni un fichier ni un dossier (tube nommé, socket, périphérique…)",
                    "supprimez-le : le dépôt ne contient que des fichiers et des dossiers",
                )
            )


def problems(settings):
    """Every link, or other thing than a file or a folder, in the folders a build reads."""
    root = os.path.abspath(settings["PATH"])
    real_root = os.path.realpath(root)
    errors = []
    for folder in read_folders(settings):
        linked = _linked_component(folder, root, real_root)
        if linked is not None:
            errors.append(_link_error(linked, root, real_root, "ce dossier"))
        else:
            _walk(folder, root, real_root, errors)
    return list({str(e): e for e in errors}.values())  # a folder read twice is told once


def check(settings):
    """Stop the build, before anything is read, if the tree holds a link."""
    if settings.get("STATIC_CREATE_LINKS"):
        raise config.SettingsError(
            "jekyll_compat: STATIC_CREATE_LINKS doit rester False : output/ ne contient "
            "aucun lien vers l'arbre de travail"
        )
    for error in problems(settings):
        ERROR_LOG.report(error)
    ERROR_LOG.raise_if_any()
