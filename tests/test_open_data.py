"""The challenges as open data (plugins/open_data): /defis.json and /defis.csv, valid
against their Table Schema /defis.schema.json (frictionless), derived from the content
schema, reproducible, and linked from /defis/ and the footer."""

import csv
import io
import json
import random
from datetime import datetime
from types import SimpleNamespace

import pytest
import site_content
from challenge_index import plugin as challenge_index
from conftest import assert_fails_with, at_moment, build_real_site, copy_real_site
from content_schema.schema import SCHEMAS
from open_data import formats, plugin
from open_data.table_schema import TYPES

SETTINGS = site_content.settings()
OPTIONS = plugin.load(SETTINGS)
KIND = SCHEMAS[OPTIONS["kind"]]
LISTED = [c for c in site_content.challenges() if c.listed]
FILES = {fmt: OPTIONS[f"{fmt}_save_as"] for fmt in ("json", "csv", "schema")}


def frictionless():
    """The validator, imported by the tests that validate only: a second of imports, which
    every pytest-xdist worker would otherwise pay at collection (tests/xdist_groups.py
    sends these tests to one worker)."""
    import frictionless.resources

    return frictionless


def _schema(site):
    return json.loads((site.output / FILES["schema"]).read_bytes())


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_each_file_is_valid_against_the_table_schema(real_site, fmt):
    validator = frictionless()
    schema = validator.Schema.from_descriptor(_schema(real_site))
    data = validator.resources.TableResource(
        path=FILES[fmt], basepath=str(real_site.output), schema=schema
    )
    report = validator.validate(data)
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "message"])
    assert report.tasks[0].stats["rows"] == len(LISTED)


def test_the_schema_itself_is_a_valid_table_schema(real_site):
    report = frictionless().validate(str(real_site.output / FILES["schema"]), type="schema")
    assert report.valid, report.flatten(["type", "message"])


def test_the_schema_describes_the_data_set_and_its_licence(real_site):
    schema = _schema(real_site)
    for key in ("name", "title", "description", "version"):
        assert schema[key] == OPTIONS[key]
    assert schema["licenses"] == [OPTIONS["licence"]]
    assert schema["licenses"][0]["name"] == "etalab-2.0"
    assert schema["primaryKey"] == ["url"]


def test_the_columns_are_the_content_schemas_fields_after_the_pages_address(real_site):
    fields = _schema(real_site)["fields"]
    assert [f["name"] for f in fields] == ["url", *OPTIONS["fields"]]
    for described in fields[1:]:
        field = KIND.field(described["name"])
        assert described["title"] == field.label
        assert described["description"].startswith(field.help)
        assert described["type"] == TYPES[field.type]
        constraints = described.get("constraints", {})
        assert constraints.get("minimum") == field.minimum
        assert constraints.get("required", False) == (
            field.name in plugin.table_schema.always_required(KIND)
        )


def _json_rows(site):
    return json.loads((site.output / FILES["json"]).read_bytes())


def test_each_listed_challenge_is_one_row_in_the_lists_order(real_site):
    data = _json_rows(real_site)
    assert [row["url"] for row in data] == [c.url for c in LISTED]
    for row, challenge in zip(data, LISTED, strict=True):
        assert row["title"] == challenge.title
        assert row["numero"] == challenge.numero
        assert row["administration"] == challenge.administration
        assert row["lieu"] == challenge.place
        assert row["competences"] == list(challenge.skills)
        front = site_content.front_matter(site_content.SITE_ROOT / challenge.source)
        assert row["profils"] == list(front["profils"])
        assert row["resume"] == front.get("resume")


def test_the_csv_is_utf8_with_a_header_crlf_and_the_jsons_values(real_site):
    raw = (real_site.output / FILES["csv"]).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8")
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")  # no bare newline outside quoted cells
    records = list(csv.DictReader(io.StringIO(text, newline="")))
    names = [f["name"] for f in _schema(real_site)["fields"]]
    assert list(records[0]) == names
    for record, row in zip(records, _json_rows(real_site), strict=True):
        assert record == {name: formats.cell(row[name]) for name in names}


def test_the_published_site_gives_absolute_addresses(published_site):
    siteurl = site_content.settings("publishconf.py")["SITEURL"]
    schema = _schema(published_site)
    assert schema["path"] == f"{siteurl}/{FILES['schema']}"
    assert schema["fields"][0]["format"] == "uri"
    rows = _json_rows(published_site)
    assert [row["url"] for row in rows] == [siteurl + c.url for c in LISTED]


def test_the_challenges_page_links_the_three_files_and_the_licence(real_site):
    section = real_site.html("defis/index.html").select_one(
        "section#donnees-ouvertes, section[aria-labelledby=donnees-ouvertes]"
    )
    hrefs = [a["href"] for a in section.select("a")]
    assert OPTIONS["licence"]["path"] in hrefs
    for save_as in FILES.values():
        assert f"/{save_as}" in hrefs
        assert (real_site.output / save_as).is_file()


def test_every_pages_footer_links_the_open_data(real_site):
    for save_as in ("index.html", "defis/index.html"):
        footer = real_site.html(save_as).select_one("footer")
        link = footer.find("a", string="Données ouvertes")
        assert link["href"] == "/defis/#donnees-ouvertes"
    assert real_site.html("defis/index.html").select_one("#donnees-ouvertes")


# -- cells and bytes ------------------------------------------------------------------


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_neutralised(start):
    text = f'{start}HYPERLINK("https://evil.example/","x")'
    assert formats.cell(text) == "'" + text
    assert formats.cell([text]) == json.dumps([text])  # a list cell starts with [


def test_commas_quotes_and_newlines_are_quoted_as_rfc_4180_says():
    data = formats.to_csv(["a", "b"], [{"a": 'dit "oui", puis\nnon', "b": None}])
    assert data == b'a,b\r\n"dit ""oui"", puis\nnon",\r\n'


def _challenge(i):
    return SimpleNamespace(
        title=f"Défi {i}",
        numero=i,
        url=f"defis/d{i}/",
        relative_source_path=f"content/defis/d{i}.md",
        administration="Ministère",
        date=datetime(2017, 9, 27),
        metadata={"title": f"Défi {i}", "numero": i, "profils": [], "competences": []},
    )


def test_the_files_do_not_depend_on_the_order_challenges_are_read_in():
    made = []
    for seed in (1, 2):
        challenges = [_challenge(i) for i in range(1, 8)]
        random.Random(seed).shuffle(challenges)
        generator = SimpleNamespace(
            articles=challenges,
            settings={"SLUG_REGEX_SUBSTITUTIONS": SETTINGS["SLUG_REGEX_SUBSTITUTIONS"]},
            context={},
        )
        challenge_index.index(generator)
        made.append(plugin.files(OPTIONS, generator.context["challenges"], ""))
    assert made[0] == made[1]


def test_a_field_the_content_schema_does_not_declare_is_refused():
    with pytest.raises(plugin.SettingsError, match="ne déclare pas : salaire"):
        plugin.load({"OPEN_DATA": {"fields": ["title", "salaire"]}})


# -- addresses ----------------------------------------------------------------------


def _redirect_onto(tmp_path, address):
    """The real site, its FAQ page given `redirect_from: address`, built."""
    site = copy_real_site(tmp_path / "site", plugins=False)
    faq = site / "pages" / "faq.md"
    faq.write_text(
        faq.read_text(encoding="utf-8").replace("---\n", f"---\nredirect_from: {address}\n", 1),
        encoding="utf-8",
    )
    return build_real_site(site, env=at_moment("open"))


def _clash(address, other):
    return (
        f"pages/faq.md: 2 fichiers donnent la même adresse {address} : "
        f"{' et '.join(sorted(['pages/faq.md', other]))} — cette adresse est déjà celle de "
        f"{other}, que le site écrit : changez le `permalink:` ou le `redirect_from:` de "
        "pages/faq.md"
    )


def test_no_page_may_take_a_data_files_address(tmp_path):
    csv_file = FILES["csv"]
    result = _redirect_onto(tmp_path, f"/{csv_file}")
    assert_fails_with(result, _clash(f"/{csv_file}", f"{csv_file} (OPEN_DATA)"))


def test_no_page_may_take_an_administration_pages_address(tmp_path):
    group = site_content.administrations()[0]
    result = _redirect_onto(tmp_path, group.url)
    assert_fails_with(result, _clash(group.url, f"page d'administration « {group.name} »"))
