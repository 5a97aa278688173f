"""Decap CMS's config.yml, made from the content schema: no field is declared twice.

Each front-matter key of a kind (plugins/content_schema/schema.py) becomes one form
field, in the schema's order, with the schema's help as its hint; the text of the file
is the `body` field. The settings only add what is Decap's own: labels of collections,
the backend, the publishing mode.
"""

import yaml
from content_schema import schema

GENERATED = (
    "# Written by plugins/decap_admin from plugins/content_schema/schema.py and the\n"
    "# DECAP_CMS setting, at each build: change those, not this file.\n"
)
# libyaml's emitter, which PyYAML's wheels ship, writes the same text five times faster than
# the pure-Python one (written at every build, so on every save under `make serve`).
DUMPER = yaml.CSafeDumper if yaml.__with_libyaml__ else yaml.SafeDumper
# How config.yml is laid out: block style, keys in the schema's order, text as written.
DUMP_OPTIONS = {
    "allow_unicode": True,
    "sort_keys": False,
    "default_flow_style": False,
    "width": 100,
}
# Dates as the build reads them (AAAA-MM-JJ).
DATE_FORMAT = "YYYY-MM-DD"


def _widget(field):
    """Decap's widget options for one schema field."""
    if field.choices and field.type in (schema.LIST, schema.WORDS):
        return {"widget": "select", "multiple": True, "min": 0, "options": list(field.choices)}
    if field.choices:
        return {"widget": "select", "options": list(field.choices)}
    if field.type == schema.MARKDOWN:
        return {"widget": "markdown", "modes": ["raw", "rich_text"], "editor_components": []}
    if field.type == schema.INTEGER:
        options = {"widget": "number", "value_type": "int"}
        if field.minimum is not None:
            options["min"] = field.minimum
        return options
    if field.type == schema.BOOLEAN:
        return {"widget": "boolean"}
    if field.type == schema.DATE:
        # Empty by default: Decap would otherwise write today's date into every file.
        return {
            "widget": "datetime",
            "format": DATE_FORMAT,
            "date_format": "DD/MM/YYYY",
            "time_format": False,
            "default": "",
        }
    if field.type in (schema.LIST, schema.WORDS):
        return {
            "widget": "list",
            "field": {"name": "item", "label": field.label, "widget": "string"},
        }
    if field.type == schema.PATH:
        return {
            "widget": "string",
            "pattern": [r"^(/|https://)\S*$", "Une adresse du site (/…) ou https://…"],
        }
    return {"widget": "string"}


def field_config(field):
    """One schema field as a Decap field."""
    options = {"name": field.name, "label": field.label, "hint": field.help, **_widget(field)}
    # A list may be empty ("[]": not yet known) even where its key is required:
    # Decap's `required` would refuse an empty list.
    empties = field.type in (schema.LIST, schema.WORDS)
    options["required"] = field.required and not empties
    if field.required and empties:
        options["default"] = []
    if field.default is not None:
        options["default"] = field.default
    return options


def collection_config(kind, options):
    """A folder collection for one kind of content."""
    body = options.get("body", {})
    collection = {
        "name": options["name"],
        "label": options["label"],
        "folder": kind.folder,
        "extension": "md",
        "format": "frontmatter",
        "identifier_field": "title",
        "create": options.get("create", False),
        "delete": options.get("delete", False),
    }
    for key in ("label_singular", "description", "slug", "summary", "sortable_fields"):
        if key in options:
            collection[key] = options[key]
    collection["fields"] = [field_config(field) for field in kind.fields] + [
        {
            "name": "body",
            "label": body.get("label", "Texte"),
            "widget": "markdown",
            "modes": body.get("modes", ["rich_text", "raw"]),
            # No images: the site has none, and an image needs a text alternative.
            "editor_components": [],
        }
    ]
    return collection


def cms_config(settings, site_url):
    """The whole config.yml, as a dict in Decap's key order."""
    config = {"backend": dict(settings["backend"])}
    if settings["local_backend"]:
        config["local_backend"] = {"url": settings["local_backend"]}
    config["publish_mode"] = settings["publish_mode"]
    config["locale"] = "fr"
    if site_url:
        config["site_url"] = config["display_url"] = site_url
    folder = settings["media_folder"].strip("/")
    config["media_folder"] = folder
    config["public_folder"] = "/" + folder
    # File names from titles in plain ASCII: they become addresses.
    config["slug"] = {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}
    config["collections"] = [
        collection_config(schema.SCHEMAS[kind], options)
        for kind, options in settings["collections"].items()
    ]
    return config


def dump(config):
    return GENERATED + yaml.dump(config, Dumper=DUMPER, **DUMP_OPTIONS)
