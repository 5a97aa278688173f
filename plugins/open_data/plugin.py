"""The published challenges as open data: /defis.json, /defis.csv and their Table Schema.

Columns come from the content schema (table_schema.py); the files are written from the
run's challenges, in the lists' order (challenge_index), the same bytes at each build.
"""

import os

from content_schema.schema import SCHEMAS
from eig_common import boundaries
from eig_common.options import (
    Check,
    ListOf,
    Mapping,
    Option,
    SettingsError,
    Spec,
    SubConfig,
    Text,
)
from eig_common.shared import shared
from pelican import signals
from pelican.generators import Generator

from . import formats, rows, table_schema

__all__ = ["SPEC", "SettingsError", "load", "register"]  # SettingsError: eig_common's

SETTING = "OPEN_DATA"
DEFAULTS = {
    "kind": "defi",  # the content schema's kind whose files are published
    # Its fields published, in this order, after the page's address.
    "fields": [
        *("numero", "title", "resume", "administration", "direction", "lieu"),
        *("profils", "competences", "date"),
    ],
    "json_save_as": "defis.json",
    "csv_save_as": "defis.csv",
    "schema_save_as": "defis.schema.json",
    "name": "defis-eig",
    "title": "Défis du programme Entrepreneurs d'intérêt général",
    "description": "Les défis publiés de l'appel à candidatures, un par ligne.",
    "version": "1.0.0",
    "licence": {
        "name": "etalab-2.0",
        "title": "Licence Ouverte / Open Licence version 2.0",
        "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    },
}
SAVE_AS_KEYS = ("json_save_as", "csv_save_as", "schema_save_as")


def _kind(value, where):
    if value not in SCHEMAS:
        Option.fail(f"{where} vaut {value!r} ; valeurs possibles : {', '.join(SCHEMAS)}")
    return value


def _save_as(value, where):
    if not isinstance(value, str) or not value or value.startswith("/") or ".." in value:
        Option.fail(f"{where} doit être un chemin du dossier de sortie, comme « defis.json »")
    return value


SPEC = Spec(
    "open_data",
    {
        SETTING: SubConfig(
            {
                "kind": Check(_kind, default=DEFAULTS["kind"]),
                "fields": ListOf(Text(), default=DEFAULTS["fields"], non_empty=True),
                **{key: Check(_save_as, default=DEFAULTS[key]) for key in SAVE_AS_KEYS},
                **{key: Text(default=DEFAULTS[key]) for key in ("name", "title", "version")},
                "description": Text(default=DEFAULTS["description"]),
                "licence": Mapping(Text(), Text(), default=DEFAULTS["licence"]),
            },
            quote="'",
        )
    },
)


def load(settings):
    """The checked settings; a field the content schema does not declare is refused."""
    options = SPEC.load(settings)[SETTING]
    kind = SCHEMAS[options["kind"]]
    unknown = [name for name in options["fields"] if kind.field(name) is None]
    if unknown:
        raise SettingsError.one(
            "open_data",
            f"{SETTING}['fields'] nomme des clés que le schéma de « {kind.name} » ne déclare "
            f"pas : {', '.join(unknown)} (plugins/content_schema/schema.py)",
        )
    return options


# What servers send with each file: a .csv has no type in nginx's default mime.types.
CONTENT_TYPES = {
    "json_save_as": "application/json",
    "csv_save_as": "text/csv; charset=utf-8",
    "schema_save_as": "application/json",
}


def publish_settings(pelican):
    """Templates link the files through OPEN_DATA_FILES (checked settings, defaults filled);
    servers send them with their type (deploy_rules)."""
    options = load(pelican.settings)
    for key, value in CONTENT_TYPES.items():
        shared(pelican.settings).content_type(options[key], value)
    pelican.settings["OPEN_DATA_FILES"] = {
        "json": options["json_save_as"],
        "csv": options["csv_save_as"],
        "schema": options["schema_save_as"],
        "licence": options["licence"],
    }


def files(options, challenges, siteurl):
    """save_as -> bytes of the three files."""
    kind = SCHEMAS[options["kind"]]
    names = options["fields"]
    meta = {
        "name": options["name"],
        "title": options["title"],
        "description": options["description"],
        "countryCode": "FR",
        "version": options["version"],
        "licenses": [options["licence"]],
    }
    if siteurl:
        meta["homepage"] = siteurl + "/"
        meta["path"] = f"{siteurl}/{options['schema_save_as']}"
    resources = [
        {"name": f"{options['name']}-{fmt}", "path": f"{siteurl}/{options[f'{fmt}_save_as']}"}
        for fmt in ("csv", "json")
    ]
    data = rows.rows(kind, names, challenges, siteurl)
    schema = table_schema.descriptor(kind, names, meta, siteurl, resources)
    return {
        options["json_save_as"]: formats.to_json_rows(data),
        options["csv_save_as"]: formats.to_csv([table_schema.URL_FIELD, *names], data),
        options["schema_save_as"]: formats.to_json(schema),
    }


class OpenDataGenerator(Generator):
    """Writes the challenges' JSON, CSV and Table Schema files."""

    def generate_context(self):
        self.options = load(self.settings)
        shared(self.settings).claim(self.output_claims())

    def output_claims(self):
        return [(self.options[key], f"{self.options[key]} ({SETTING})") for key in SAVE_AS_KEYS]

    def generate_output(self, writer):
        made = files(self.options, self.context.get("challenges", ()), self.settings["SITEURL"])
        for save_as, data in made.items():
            path = os.path.join(self.output_path, save_as)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as out:
                out.write(data)


def add_generator(pelican):
    return OpenDataGenerator


def register():
    # challenge_index: the challenges in the lists' order; content_schema: 2017 keys
    # (owner, misc) already read as the schema's (administration, competences).
    boundaries.declare("open_data", needs=["challenge_index", "content_schema"], spec=SPEC)
    # initialized: templates may link the files; get_generators: three more output files.
    signals.initialized.connect(publish_settings)
    signals.get_generators.connect(add_generator)
