"""The one serialiser of structured data: JSON-LD that no value can end or comment out."""

import json

from markupsafe import Markup

# Inside <script>, "</script" ends the block and "<!--" opens a comment (HTML's script
# data states); "&" is escaped too, so that no reader decodes a character reference.
# U+2028 and U+2029 end a line in older JavaScript parsers of JSON.
# Replaced one after the other (str.translate with a table is far slower on long texts): no
# escape holds a character that another one replaces.
ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def dumps(data):
    """`data` as the text of a <script type="application/ld+json">: keys sorted, compact."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # Outside strings JSON has none of these characters: each escape is inside a string.
    for character, escape in ESCAPES:
        if character in text:
            text = text.replace(character, escape)
    return Markup(text)
