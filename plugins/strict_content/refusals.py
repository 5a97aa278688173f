"""What the allow-list refuses in one parsed node, with the patterns that find it in the source."""

import re

from . import allow_list, html_tree

# What a whole HTML file (static/) may hold beyond a page's text: its frame, a charset.
DOCUMENT_ELEMENTS = {"html", "head", "body", "title", "meta"}
DOCUMENT_ATTRIBUTES = {"html": {"lang"}, "meta": {"charset"}}
DOCUMENT_FIX = (
    "retirez-le : l'en-tête d'un fichier HTML n'a que `<meta charset=\"utf-8\">`, "
    '`<title>` et `<html lang="fr">` (voir docs/editeurs/html-autorise.md)'
)
COMMENT = re.compile(r"<[!?]|</[^a-zA-Z>]")
# A Markdown table's row of dashes that aligns a column (`|:--|`, `|--:|`).
ALIGNMENT_ROW = re.compile(r"^[\s|:-]*(:-|-:)[\s|:-]*$")


def tag_pattern(name):
    return re.compile(rf"<{re.escape(name)}(?![\w-])", re.IGNORECASE)


def attribute_patterns(name):
    escaped = re.escape(name)
    return [
        re.compile(rf"(?<![\w:-]){escaped}\s*=", re.IGNORECASE),
        re.compile(rf"(?<![\w:-]){escaped}(?![\w-])", re.IGNORECASE),
    ]


def address_patterns(value):
    address = allow_list.plain_address(value)
    patterns = [re.compile(re.escape(value.strip()), re.I), re.compile(re.escape(address), re.I)]
    scheme = allow_list.scheme_of(address)
    if scheme:
        patterns.append(re.compile(rf"{re.escape(scheme)}\s*:", re.IGNORECASE))
    return patterns


def refusals(node, siteurl="", document=False, noun="le texte"):
    """(patterns, problem, fix) for each thing the allow-list refuses in `node`; `noun` names
    what holds it (a page's text, a file); `document`: a whole HTML file's own frame is fine."""
    if node.name == html_tree.COMMENT:
        yield (
            [COMMENT],
            f"{noun} contient un commentaire HTML ou une déclaration (« <!… », « <?… »), "
            "que le navigateur masque",
            "retirez-le : ce qu'il masque reste lisible dans le code de la page",
        )
        return
    frame = node.name in ("html", "head", "body") and node.parent in ("", "html")
    if frame or (document and node.name in DOCUMENT_ELEMENTS):
        allowed = DOCUMENT_ATTRIBUTES.get(node.name, set()) if document else set()
        for name, value in node.attrs.items():
            if name not in allowed:
                yield _frame_attribute(node.name, name, value)
        return
    if node.name not in allow_list.ELEMENTS:
        yield (
            [tag_pattern(node.name)],
            allow_list.element_problem(node.name).replace("le texte", noun),
            allow_list.element_fix(node.name),
        )
        return
    for name, value in node.attrs.items():
        refusal = allow_list.attribute_refusal(node.name, name, value)
        if refusal:
            aligned = allow_list.is_column_alignment(node.name, name, value)
            yield ([ALIGNMENT_ROW] if aligned else attribute_patterns(name), *refusal)
    if node.name == "input" and not allow_list.is_task_checkbox(node.attrs):
        yield (
            [tag_pattern(node.name)],
            allow_list.element_problem(node.name).replace("le texte", noun),
            allow_list.element_fix(node.name),
        )
    attribute = allow_list.ADDRESS_ATTRIBUTES.get(node.name)
    if attribute in node.attrs:
        value = node.attrs[attribute]
        refusal = allow_list.address_refusal(node.name, attribute, value, siteurl)
        if refusal:
            yield (address_patterns(value), *refusal)


def _frame_attribute(element, name, value):
    refusal = allow_list.attribute_refusal(element, name, value) if name.startswith("on") else None
    return (
        attribute_patterns(name),
        *(
            refusal
            or (
                f"la balise <{element}> porte l'attribut « {name} », qui n'est pas permis",
                DOCUMENT_FIX,
            )
        ),
    )


def unclosed(name, noun="le texte"):
    """(patterns, problem, fix) for a text that leaves `name` open ("": a tag, an attribute
    or a comment) at its end."""
    if name:
        return (
            [tag_pattern(name)],
            f"la balise <{name}> n'est pas fermée à la fin {noun.replace('le ', 'du ')}",
            f"fermez-la par </{name}> : sinon le navigateur lit la suite de la page comme sa "
            "continuation",
        )
    return (
        [re.compile("<")],
        f"{noun} se termine à l'intérieur d'une balise, d'un attribut ou d'un commentaire "
        "resté ouvert",
        "fermez-le (guillemet, « > » ou « --> ») : sinon le navigateur lit la suite de la "
        "page comme sa continuation",
    )
