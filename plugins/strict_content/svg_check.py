"""An SVG file read as a browser reads it (XML), held to an allow-list of drawing elements."""

import re
import xml.parsers.expat

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
# Drawing, its reusable parts, its text and its accessible name: what icons and logos use.
ELEMENTS = frozenset(
    {
        *("svg", "g", "defs", "symbol", "use", "title", "desc", "style"),
        *("path", "rect", "circle", "ellipse", "line", "polyline", "polygon"),
        *("text", "tspan", "linearGradient", "radialGradient", "stop", "clipPath", "mask"),
        "pattern",
    }
)
# Geometry and presentation attributes (no event, no link but a local one).
ATTRIBUTES = frozenset(
    {
        *("id", "class", "version", "viewBox", "preserveAspectRatio", "width", "height"),
        *("x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "d", "points"),
        *("dx", "dy", "transform", "fill", "fill-rule", "fill-opacity", "clip-rule"),
        *("stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit"),
        *("stroke-dasharray", "stroke-dashoffset", "stroke-opacity", "opacity"),
        *("clip-path", "mask", "offset", "stop-color", "stop-opacity", "gradientUnits"),
        *("gradientTransform", "patternUnits", "patternTransform", "maskUnits", "clipPathUnits"),
        *("font-family", "font-size", "font-weight", "text-anchor", "dominant-baseline"),
        *("role", "aria-label", "aria-hidden", "focusable", "href", "space", "lang"),
    }
)
# In a <style>: what could fetch from elsewhere or run code.
UNSAFE_CSS = re.compile(
    r"@import|url\s*\(\s*['\"]?\s*(?!#)|expression\s*\(|javascript:|-moz-binding|behavior\s*:",
    re.IGNORECASE,
)
FIX_ELEMENT = (
    "retirez-la : une image SVG ne contient que du dessin (voir docs/editeurs/html-autorise.md)"
)


class _Stop(Exception):
    """Ends the reading of a file that declares a DOCTYPE."""


def allowed(space, attr):
    """Whether an attribute (namespace, local name) other than a link is allowed."""
    if space == XML:
        return attr in ("space", "lang")
    return space == "" and attr in ATTRIBUTES and attr not in ("space", "href")


def problems(data):
    """(line, problem, fix) for each thing an SVG file may not hold."""
    found = []
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    styles = []  # the line and text of each <style> being read

    def tell(problem, fix):
        found.append((parser.CurrentLineNumber, problem, fix))

    def start(name, attrs):
        namespace, _, local = name.rpartition(" ")
        if styles:
            styles[-1][1].append("<")  # an element inside a style is no CSS
        if namespace != SVG or local not in ELEMENTS:
            shown = local if namespace in (SVG, "") else f"{local} ({namespace})"
            tell(f"l'image SVG contient la balise <{shown}>, qui n'est pas permise", FIX_ELEMENT)
        for key, value in attrs.items():
            space, _, attr = key.rpartition(" ")
            check_attribute(space, attr, value, local)
        if local == "style" and namespace == SVG:
            styles.append((parser.CurrentLineNumber, []))

    def check_attribute(space, attr, value, element):
        if attr.lower().startswith("on"):
            tell(
                f"la balise <{element}> porte l'attribut « {attr} », qui exécute du JavaScript",
                "retirez cet attribut",
            )
        elif attr == "href" and space in ("", XLINK):
            if not value.strip().startswith("#"):
                tell(
                    f"la balise <{element}> renvoie à « {value.strip()[:60]} », hors de l'image",
                    'une image SVG ne renvoie qu\'à ses propres parties (`href="#id"`)',
                )
        elif not allowed(space, attr):
            tell(
                f"la balise <{element}> porte l'attribut « {attr} », qui n'est pas permis",
                "retirez-le (voir docs/editeurs/html-autorise.md)",
            )
        elif attr in ("style", "fill", "stroke", "mask", "clip-path") and UNSAFE_CSS.search(value):
            tell(
                f"l'attribut « {attr} » de <{element}> charge une ressource ou exécute du code",
                "retirez l'adresse : une image SVG ne charge rien",
            )

    def end(name):
        if name.rpartition(" ")[2] == "style" and styles:
            line, text = styles.pop()
            if UNSAFE_CSS.search("".join(text)) or "<" in text:
                found.append(
                    (
                        line,
                        "le style de l'image SVG charge une ressource ou exécute du code "
                        "(@import, url(…), expression(…))",
                        "retirez-le : une image SVG ne charge rien",
                    )
                )

    def text(data):
        if styles:
            styles[-1][1].append(data)

    def doctype(*_):
        tell(
            "l'image SVG contient une déclaration <!DOCTYPE> (ou <!ENTITY>)",
            "retirez-la : une image SVG n'en a pas besoin",
        )
        raise _Stop  # its entities are never expanded

    def instruction(target, _data):
        tell(
            f"l'image SVG contient l'instruction <?{target} …?>, qui n'est pas permise",
            "retirez-la",
        )

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = doctype
    parser.ProcessingInstructionHandler = instruction
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(data, True)
    except _Stop:
        pass
    except xml.parsers.expat.ExpatError as err:
        found.append(
            (
                err.lineno,
                f"l'image SVG est illisible ({xml.parsers.expat.ErrorString(err.code)})",
                "réenregistrez-la depuis un logiciel de dessin, en SVG simple",
            )
        )
    return found
