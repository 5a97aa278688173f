"""The allow-list on what is published as HTML or SVG without a template: static files
and the HTML files that pages include."""

import os
import re

from jekyll_compat.errors import EditorError

from . import allow_list, html_tree, svg_check
from .source_lines import SourceLines

HTML_SUFFIXES = (".html", ".htm")
SVG_SUFFIXES = (".svg",)
# Documents a browser would run script in, for which the site has no use.
REFUSED_SUFFIXES = (".xhtml", ".xht", ".xsl", ".xslt", ".shtml")
# What a whole HTML document may add to a page's text: its frame, and a charset.
DOCUMENT_ELEMENTS = {"html", "head", "body", "title", "meta"}
DOCUMENT_ATTRIBUTES = {"html": {"lang"}, "meta": {"charset"}}


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
        if not isinstance(patterns, list):
            patterns = [patterns]
        error = EditorError(rel, lines.find(patterns, lines.whole, last), problem, fix)
        errors.setdefault(str(error), error)

    for node in tree.nodes:
        for pattern, problem, fix in _node_problems(node, document):
            tell(pattern, problem, fix)
    if not errors and tree.unclosed is not None:
        name = tree.unclosed
        tell(
            re.compile(rf"<{re.escape(name)}(?![\w-])" if name else "<", re.IGNORECASE),
            f"la balise <{name}> n'est pas fermée à la fin du fichier"
            if name
            else "le fichier se termine à l'intérieur d'une balise, d'un attribut ou d'un "
            "commentaire resté ouvert",
            "fermez-la : sinon le navigateur lit la suite de la page comme sa continuation",
            last=True,
        )
    return list(errors.values())


def _node_problems(node, document):
    """(patterns, problem, fix) for what the allow-list refuses in one node of a file."""
    if node.name == html_tree.COMMENT:
        yield (
            re.compile(r"<[!?]|</[^a-zA-Z>]"),
            "le fichier contient un commentaire HTML ou une déclaration (« <!… », « <?… »), "
            "que le navigateur masque",
            "retirez-le : ce qu'il masque reste lisible dans le code de la page",
        )
        return
    frame = node.name in ("html", "head", "body") and node.parent in ("", "html")
    if document and node.name in DOCUMENT_ELEMENTS and (frame or node.name in ("title", "meta")):
        allowed = DOCUMENT_ATTRIBUTES.get(node.name, set())
        for name in node.attrs:
            if name not in allowed:
                yield _attribute(node.name, name, node.attrs[name])
        return
    if frame:
        for name, value in node.attrs.items():
            yield _attribute(node.name, name, value)
        return
    if node.name not in allow_list.ELEMENTS:
        yield (
            re.compile(rf"<{re.escape(node.name)}(?![\w-])", re.IGNORECASE),
            allow_list.element_problem(node.name).replace("le texte", "le fichier"),
            allow_list.element_fix(node.name),
        )
        return
    for name, value in node.attrs.items():
        if allow_list.attribute_refusal(node.name, name, value):
            yield _attribute(node.name, name, value)
    attribute = allow_list.ADDRESS_ATTRIBUTES.get(node.name)
    if attribute in node.attrs:
        refusal = allow_list.address_refusal(node.name, attribute, node.attrs[attribute], "")
        if refusal:
            value = node.attrs[attribute].strip()
            yield ([re.compile(re.escape(value), re.IGNORECASE)], *refusal)


def _attribute(element, name, value):
    refusal = allow_list.attribute_refusal(element, name, value) or (
        f"la balise <{element}> porte l'attribut « {name} », qui n'est pas permis",
        "retirez-le (voir docs/editeurs/html-autorise.md)",
    )
    escaped = re.escape(name)
    patterns = [
        re.compile(rf"(?<![\w:-]){escaped}\s*=", re.IGNORECASE),
        re.compile(rf"(?<![\w:-]){escaped}(?![\w-])", re.IGNORECASE),
    ]
    return (patterns, *refusal)
