"""The editors' guide lists the front-matter keys exactly as the schema declares them."""

import re

import pytest
import schema_docs
from conftest import ROOT
from content_schema.schema import SCHEMAS


@pytest.mark.parametrize("document", schema_docs.DOCUMENTS, ids=lambda p: p.name)
def test_key_tables_are_up_to_date(document):
    text = document.read_text(encoding="utf-8")
    assert schema_docs.render(text) == text, "run: python3 scripts/schema_docs.py"


@pytest.mark.parametrize("document", schema_docs.DOCUMENTS, ids=lambda p: p.name)
def test_every_kind_has_its_table(document):
    kinds = re.findall(r"<!-- schema:(\w+) -->", document.read_text(encoding="utf-8"))
    assert sorted(kinds) == sorted(SCHEMAS)


def test_a_table_lists_every_key_in_order():
    rows = schema_docs.table(SCHEMAS["defi"]).splitlines()[2:]
    keys = [re.match(r"\| `([^`]+)`", row).group(1) for row in rows]
    assert keys == [f.name for f in SCHEMAS["defi"].fields]
    numero = next(row for row in rows if row.startswith("| `numero`"))
    assert numero.startswith(
        "| `numero` | oui (sauf fichier au format de 2017) | nombre entier, au moins 1 |"
    )
    skills = next(row for row in rows if row.startswith("| `competences`"))
    assert "(au format de 2017 : `misc`)" in skills
    assert "`data science`, `datavisualisation`, `design`, `développement`, `géomatique`" in skills


@pytest.mark.parametrize(
    ("document", "link"),
    [
        ("README.md", "docs/editeurs/README.md"),
        ("CONTRIBUTING.md", "docs/editeurs/README.md"),
        ("docs/editeurs/README.md", "cles.md"),
    ],
)
def test_the_key_tables_are_reachable_from_the_readme(document, link):
    assert f"]({link})" in (ROOT / document).read_text(encoding="utf-8")
