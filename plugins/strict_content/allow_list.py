"""What HTML a page's text may hold (elements, attributes, addresses), and the fix for the rest."""

import re

# Elements of our content: what Markdown (with Pelican's `extra` and `codehilite`)
# writes, and the few an editor may write by hand for the same purposes.
# fmt: off
ELEMENTS = frozenset(
    {
        # text blocks
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "br", "div",
        "ul", "ol", "li", "dl", "dt", "dd", "details", "summary", "figure", "figcaption",
        # tables
        "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
        # phrases
        "a", "em", "strong", "b", "i", "code", "kbd", "samp", "abbr", "sub", "sup", "span",
        "small", "mark", "del", "ins", "s", "q", "cite", "dfn", "img",
        # Markdown's task lists (`- [x] fait`): a disabled checkbox, see TASK_CHECKBOX
        "input",
    }
)
# fmt: on
# Attributes any allowed element may carry (`id` and `class` for anchors, Markdown's
# `{: #id .class}`, footnotes and code highlighting).
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang"})
# ARIA roles Markdown's footnotes carry (kramdown's, as pelican_jekyll.markdown writes them).
FOOTNOTE_ROLES = frozenset({"doc-noteref", "doc-endnotes", "doc-endnote", "doc-backlink"})
# The one <input> a text may hold: a task list's checkbox, which nothing can tick.
TASK_CHECKBOX = {"type": {"checkbox"}, "disabled": {"", "disabled"}, "checked": {"", "checked"}}
ATTRIBUTES = {
    "a": {"href", "rel"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "details": {"open"},
}
# The elements that hold an address, and which.
ADDRESS_ATTRIBUTES = {"a": "href", "img": "src"}
# http: stays a link (a page to visit, nothing loaded or run): the 2017 texts have them.
LINK_SCHEMES = ("https", "http", "mailto", "tel")
# Browsers drop these around an address, and tabs and newlines inside it.
_URL_TRIM = "".join(chr(c) for c in range(0x21))
_URL_DROP = str.maketrans("", "", "\t\n\r")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")

DOC = "voir docs/editeurs/html-autorise.md"
NO_SCRIPT = "retirez-la : le contenu d'une page n'exécute pas de JavaScript"
NO_STYLE = "retirez-la : la mise en forme vient de la feuille de style du site (DSFR)"
NO_FRAME = "retirez-la : une page n'intègre pas d'autre site ; mettez plutôt un lien vers lui"
NO_FORM = (
    "retirez-la : une page ne contient pas de formulaire ; "
    "le formulaire de candidature est relié par le site lui-même"
)
NO_HEAD = "retirez-la : l'en-tête de la page (titre, description, styles) est écrit par le gabarit"
NO_FOREIGN = (
    "placez le dessin dans static/ et insérez-le comme une image : "
    "`![Ce qu'il montre](/static/nom.svg)`"
)
# Why an element is refused, by element; any other one gets the general fix.
ELEMENT_FIXES = {
    **dict.fromkeys(("script", "noscript"), NO_SCRIPT),
    **dict.fromkeys(("style",), NO_STYLE),
    **dict.fromkeys(
        ("iframe", "frame", "frameset", "object", "embed", "applet", "portal"), NO_FRAME
    ),
    **dict.fromkeys(
        ("form", "input", "button", "select", "textarea", "option", "label", "fieldset"), NO_FORM
    ),
    **dict.fromkeys(("meta", "link", "base", "title", "head", "html", "body"), NO_HEAD),
    **dict.fromkeys(("svg", "math"), NO_FOREIGN),
}
ELEMENT_NAMES = {"svg": "le dessin SVG", "math": "la formule MathML"}


def element_fix(name):
    """What to do about a refused element."""
    return ELEMENT_FIXES.get(
        name, f"retirez-la, ou remplacez-la par une balise permise ou par du Markdown ({DOC})"
    )


def element_problem(name):
    if name == "script":
        return "le texte contient une balise <script>"
    if name in ELEMENT_NAMES:
        what = ELEMENT_NAMES[name]
        return f"le texte contient {what} <{name}>, qui n'est pas permis dans une page"
    return f"le texte contient une balise <{name}>, qui n'est pas permise dans une page"


def allowed_attributes(name):
    return GLOBAL_ATTRIBUTES | ATTRIBUTES.get(name, set())


def is_task_checkbox(attrs):
    """Whether an <input>'s attributes make it a task list's disabled checkbox."""
    return attrs.get("type", "").strip().lower() == "checkbox" and "disabled" in attrs


def is_column_alignment(element, name, value):
    """Whether an attribute is the alignment Markdown writes for `|:--|` in a table."""
    return (
        element in ("th", "td")
        and name == "style"
        and value.replace(" ", "").startswith("text-align:")
    )


def attribute_refusal(element, name, value):
    """(problem, fix) for an attribute the element may not carry, else None."""
    where = f"la balise <{element}> porte l'attribut « {name} »"
    if element == "input":
        if name in TASK_CHECKBOX and value.strip().lower() in TASK_CHECKBOX[name]:
            return None
        if name == "class":
            return None
        return (
            f"{where}, qui n'est pas permis : une page ne contient pas de formulaire",
            "seule la case d'une liste de tâches (`- [x] fait`) est permise ; écrivez-la "
            "en Markdown",
        )
    if name == "role" and value.strip() in FOOTNOTE_ROLES:
        return None
    # kramdown's `{:target="_blank"}`: a link that opens a new tab, nothing else.
    if element == "a" and name == "target" and value.strip().lower() == "_blank":
        return None
    if name in allowed_attributes(element):
        return None
    if name.startswith("on"):
        return f"{where}, qui exécute du JavaScript", "retirez cet attribut"
    if name == "style":
        if is_column_alignment(element, name, value):
            return (
                "le tableau aligne ses colonnes (attribut « style » de <th> et <td>), "
                "ce qui n'est pas permis",
                "retirez les « : » de cette ligne de tirets",
            )
        return where, "retirez-le : la mise en forme vient de la feuille de style du site (DSFR)"
    allowed = ", ".join(sorted(allowed_attributes(element)))
    return (
        f"{where}, qui n'est pas permis",
        f"retirez-le (attributs permis sur <{element}> : {allowed} ; {DOC})",
    )


def plain_address(value):
    """The address as a browser reads it: spaces and controls around it, tabs and newlines
    within it, are dropped."""
    return value.strip(_URL_TRIM).translate(_URL_DROP)


def scheme_of(address):
    """The lowercase scheme of an address (`https`), or "" for a path or an anchor."""
    found = _SCHEME.match(address)
    return found.group(1).lower() if found else ""


def other_host(address):
    """Whether a schemeless address names another host (`//x`; browsers read `\\` as `/`)."""
    return address.replace("\\", "/").startswith("//")


def address_refusal(element, attribute, value, siteurl):
    """(problem, fix) for an address the attribute may not hold, else None."""
    address = plain_address(value)
    scheme = scheme_of(address)
    shown = address[:60]
    if scheme in ("javascript", "vbscript"):
        return (
            f"l'adresse « {shown} » exécute du JavaScript",
            "remplacez-la par l'adresse d'une page, ou retirez le lien",
        )
    if attribute == "src":
        own = siteurl and address.startswith(siteurl.rstrip("/") + "/")
        if own or (not scheme and not other_host(address)):
            return None
        return (
            f"l'image « {shown} » ne vient pas du site",
            "le site ne charge rien d'un autre site : placez l'image dans static/ et écrivez "
            "`/static/nom.png`",
        )
    if scheme in LINK_SCHEMES or (not scheme and not other_host(address)):
        return None
    return (
        f"l'adresse « {shown} » du lien n'est pas permise",
        "un lien mène à une adresse en https:// (ou http://), mailto: ou tel:, à une page du site "
        "(`/reglement/`) ou à une ancre (`#titre`)",
    )
