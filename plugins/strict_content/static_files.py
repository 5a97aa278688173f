"""The allow-list on what is published as HTML or SVG without a template: static files
and the HTML files that pages include."""

import os

from jekyll_compat.errors import EditorError

from . import html_tree, refusals, svg_check
from .source_lines import SourceLines

HTML_SUFFIXES = (".html", ".htm")
SVG_SUFFIXES = (".svg",)
# Documents a browser would run script in, for which the site has no use.
REFUSED_SUFFIXES = (".xhtml", ".xht", ".xsl", ".xslt", ".shtml")


def static_problems(root, relative_paths):
    """Every problem of the static files at `relative_paths` (from `root`)."""
    errors = []
    for rel in sorted(relative_paths):
        suffix = os.path.splitext(rel)[1].lower()
        if suffix in REFUSED_SUFFIXES:
            errors.append(
                EditorError(
                    rel,
                    None,
                    f"le site ne publie pas de fichier « {suffix} » tel quel",
                    "écrivez une page en Markdown dans pages/, ou publiez le document en PDF",
                )
            )
        elif suffix in HTML_SUFFIXES:
            errors.extend(_html_problems(root, rel, document=True))
        elif suffix in SVG_SUFFIXES:
            errors.extend(_svg_problems(root, rel))
    return errors


def include_problems(root, folder):
    """Every problem of the .html files under the includes folder (`folder`, from `root`)."""
    errors = []
    top = os.path.join(root, folder)
    for current, dirs, files in os.walk(top):
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith(HTML_SUFFIXES):
                rel = os.path.relpath(os.path.join(current, name), root).replace(os.sep, "/")
                errors.extend(_html_problems(root, rel, document=False))
    return errors


def _read(root, rel):
    with open(os.path.join(root, rel), "rb") as handle:
        return handle.read()


def _svg_problems(root, rel):
    return [
        EditorError(rel, line, problem, fix)
        for line, problem, fix in svg_check.problems(_read(root, rel))
    ]


def _html_problems(root, rel, document):
    text = _read(root, rel).decode("utf-8", errors="replace")
    lines = SourceLines(text.splitlines())
    tree = html_tree.document(text) if document else html_tree.fragment(text)
    errors = {}

    def tell(patterns, problem, fix, last=False):
        error = EditorError(rel, lines.find(patterns, lines.whole, last), problem, fix)
        errors.setdefault(str(error), error)

    for node in tree.nodes:
        for refusal in refusals.refusals(node, document=document, noun="le fichier"):
            tell(*refusal)
    if not errors and tree.unclosed is not None:
        tell(*refusals.unclosed(tree.unclosed, noun="le fichier"), last=True)
    return list(errors.values())
