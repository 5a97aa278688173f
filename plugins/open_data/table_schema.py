"""The Table Schema of the published challenges, derived from the content schema.

Each column is a front-matter field of plugins/content_schema/schema.py: its name, label,
help, example, type and constraints come from there, so nothing is declared twice. Only
the page's address is this plugin's own column. The descriptor follows the manner of
schema.data.gouv.fr (https://schema.data.gouv.fr/documentation/validation-schemas).
"""

import json

from content_schema.schema import BOOLEAN, DATE, INTEGER, LIST, MARKDOWN, PATH, TEXT, WORDS

TABLE_SCHEMA_PROFILE = "https://frictionlessdata.io/schemas/table-schema.json"
# Front-matter types as Table Schema types: lists are JSON arrays, in a CSV cell too.
TYPES = {
    TEXT: "string",
    MARKDOWN: "string",
    PATH: "string",
    INTEGER: "integer",
    BOOLEAN: "boolean",
    DATE: "date",
    LIST: "array",
    WORDS: "array",
}
URL_FIELD = "url"


def always_required(kind):
    """Names of the fields every file of `kind` gives, in the 2017 format too."""
    front = {kind.legacy_title_key: ""} if kind.legacy_title_key else {}
    return {f.name for f in kind.required_fields(front)}


def example_of(field):
    """The field's example as a cell holds it (a list: its JSON array)."""
    if TYPES[field.type] == "array":
        return json.dumps(list(field.example), ensure_ascii=False)
    return field.example


def column(field, required):
    """The Table Schema field of one front-matter field."""
    described = {
        "name": field.name,
        "title": field.label,
        "description": field.help,
        "type": TYPES[field.type],
        "example": example_of(field),
    }
    if field.type == DATE:
        described["format"] = "%Y-%m-%d"
    constraints = {}
    if required:
        constraints["required"] = True
    if field.minimum is not None:
        constraints["minimum"] = field.minimum
    if field.choices and TYPES[field.type] != "array":
        constraints["enum"] = list(field.choices)
    if field.choices and TYPES[field.type] == "array":
        described["description"] += " Valeurs possibles : " + ", ".join(field.choices) + "."
    if constraints:
        described["constraints"] = constraints
    return described


def url_column(siteurl):
    described = {
        "name": URL_FIELD,
        "title": "Adresse de la page",
        "description": "L'adresse de la page du défi sur le site.",
        "type": "string",
        "example": (siteurl or "") + "/defis/signaux-faibles/",
        "constraints": {"required": True, "unique": True},
    }
    if siteurl:
        described["format"] = "uri"
    return described


def fields_of(kind, names):
    """The kind's fields named in `names`, in that order; unknown names raise KeyError."""
    by_name = {f.name: f for f in kind.fields}
    return [by_name[name] for name in names]


def descriptor(kind, names, meta, siteurl, resources):
    """The whole Table Schema: metadata (`meta`), then the page's address and `names`."""
    required = always_required(kind)
    return {
        "$schema": TABLE_SCHEMA_PROFILE,
        **meta,
        "resources": resources,
        "fields": [
            url_column(siteurl),
            *(column(f, f.name in required) for f in fields_of(kind, names)),
        ],
        "primaryKey": [URL_FIELD],
        "missingValues": [""],
    }
