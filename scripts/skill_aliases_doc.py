"""Write the table of the skills' other spellings in docs/editeurs/fichiers-2017.md.

The table sits between `<!-- skill-aliases -->` and `<!-- /skill-aliases -->`;
run `python3 scripts/skill_aliases_doc.py` after changing SKILL_ALIASES in
plugins/content_schema/schema.py (tests/test_jekyll2017.py fails while it is out of date).
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from content_schema.schema import CHALLENGE  # noqa: E402

DOCUMENT = ROOT / "docs" / "editeurs" / "fichiers-2017.md"
BLOCK = re.compile(r"(<!-- skill-aliases -->\n).*?(<!-- /skill-aliases -->)", re.DOTALL)


def table():
    """One row per allowed skill: the other spellings that mean it."""
    field = CHALLENGE.field("competences")
    rows = ["| Compétence affichée | Autres façons de l'écrire |", "|---|---|"]
    for choice in field.choices:
        aliases = field.value_aliases.get(choice, ())
        rows.append(f"| `{choice}` | {', '.join(f'« {a} »' for a in aliases) or '—'} |")
    return "\n".join(rows) + "\n"


def render(text):
    return BLOCK.sub(lambda match: match.group(1) + table() + match.group(2), text)


def main():
    text = DOCUMENT.read_text(encoding="utf-8")
    if render(text) != text:
        DOCUMENT.write_text(render(text), encoding="utf-8")
        print(f"{DOCUMENT.relative_to(ROOT)} : tableau des compétences mis à jour")


if __name__ == "__main__":
    main()
