"""Write the front-matter key tables of the editors' guide (docs/editeurs/cles.md) from the schema.

The tables sit between `<!-- schema:KIND -->` and `<!-- /schema:KIND -->`
markers; the rest of the file is left alone. Run `python3 scripts/schema_docs.py`
after changing plugins/content_schema/schema.py; tests/test_docs_schema.py
fails while a table is out of date.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from content_schema.schema import SCHEMAS, yaml_value  # noqa: E402

DOCUMENTS = [ROOT / "docs" / "editeurs" / "cles.md"]
TYPE_LABELS = {
    "text": "texte",
    "markdown": "texte en Markdown",
    "integer": "nombre entier",
    "boolean": "`true` ou `false`",
    "date": "date `AAAA-MM-JJ`",
    "path": "chemin du site (`/…`)",
    "list": "liste",
    "words": "liste, ou mots séparés par des espaces",
}
BLOCK = re.compile(r"(<!-- schema:(\w+) -->\n).*?(<!-- /schema:\2 -->)", re.DOTALL)


def _cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def _required(kind, field):
    if not field.required:
        return "non"
    if kind.legacy_title_key and not field.aliases:
        return "oui (sauf fichier au format de 2017)"
    return "oui"


def _value(field):
    label = TYPE_LABELS[field.type]
    if field.choices:
        values = ", ".join(f"`{c}`" for c in field.choices)
        each = "chaque élément : " if field.type in ("list", "words") else ""
        return f"{label} ; {each}l'une de {values}"
    if field.minimum is not None:
        return f"{label}, au moins {field.minimum}"
    return label


def table(kind):
    """The Markdown table of one kind's keys, in the schema's order."""
    rows = [
        "| Clé | Obligatoire | Valeur | Sens | Exemple |",
        "|-----|-------------|--------|------|---------|",
    ]
    for field in kind.fields:
        key = f"`{field.name}`"
        if field.aliases:
            key += " (au format de 2017 : " + ", ".join(f"`{a}`" for a in field.aliases) + ")"
        example = f"`{field.name}: {yaml_value(field.example)}`"
        rows.append(
            f"| {key} | {_required(kind, field)} | {_cell(_value(field))} | "
            f"{_cell(field.help)} | {_cell(example)} |"
        )
    return "\n".join(rows) + "\n"


def render(text):
    """`text` with every marked table rewritten from the schema."""

    def replace(match):
        return match.group(1) + table(SCHEMAS[match.group(2)]) + match.group(3)

    return BLOCK.sub(replace, text)


def main():
    for path in DOCUMENTS:
        text = path.read_text(encoding="utf-8")
        updated = render(text)
        if updated != text:
            path.write_text(updated, encoding="utf-8")
            print(f"{path.relative_to(ROOT)} : tableaux des clés mis à jour")


if __name__ == "__main__":
    main()
