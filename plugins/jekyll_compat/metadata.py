"""Front-matter values as Pelican metadata: dates, tags, authors, and Markdown fields.

What pelican-yaml-metadata's reader does with parsed YAML, written here on Pelican's
public API (its conversion is a private method of that reader).
"""

import copy
import datetime
import logging

from markdown import Markdown
from pelican.contents import Author, Category, Tag
from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED
from pelican.utils import get_date

logger = logging.getLogger(__name__)

# Keys of which a list keeps its first value only ("tags" and "authors" stay lists).
ONE_VALUE = {k for k, allowed in DUPLICATES_DEFINITIONS_ALLOWED.items() if not allowed} - {
    "tags",
    "authors",
}
DROP = object()  # a processor's answer for a value that gives no metadata


def _text(value):
    return str(value).strip()


def _as_list(value):
    return value if isinstance(value, (list, tuple)) else [value]


def _date(value):
    if isinstance(value, datetime.date):
        value = value.isoformat()
    return get_date(str(value).strip().replace("_", " "))


PROCESSORS = {
    "tags": lambda v, s: [Tag(_text(t), s) for t in _as_list(v)] or DROP,
    "date": lambda v, s: _date(v),
    "modified": lambda v, s: _date(v),
    "category": lambda v, s: Category(_text(v), s) if v else DROP,
    "author": lambda v, s: Author(_text(v), s) if v else DROP,
    "authors": lambda v, s: [Author(_text(a), s) for a in _as_list(v)] or DROP,
    "slug": lambda v, s: _text(v) or DROP,
    "save_as": lambda v, s: _text(v) or DROP,
    "status": lambda v, s: _text(v) or DROP,
}


def markdown_for(settings):
    """A Markdown converter from the MARKDOWN setting, without the `meta` extension."""
    options = copy.deepcopy(settings["MARKDOWN"])
    extensions = list(options.get("extensions", []))
    extensions += [e for e in options.get("extension_configs", {}) if e not in extensions]
    options["extensions"] = [e for e in extensions if e != "markdown.extensions.meta"]
    return Markdown(**options)


def convert(front, settings, markdown, source_path):
    """Pelican's metadata for the parsed front matter `front` (ValueError on a bad date)."""
    output = {}
    for name, value in front.items():
        if value is None:
            continue
        name = name.lower()
        is_list = isinstance(value, list)
        if is_list:
            value = [v for v in value if v is not None]
        if name in settings["FORMATTED_FIELDS"]:
            value = markdown.reset().convert("\n".join(value) if is_list else str(value))
        elif is_list and len(value) > 1 and name == "author":
            name = "authors"
        elif is_list and name in ONE_VALUE:
            if len(value) > 1:
                logger.warning(
                    "Duplicate definition of '%s' for '%s' ('%r') - using the first one ('%s')",
                    name,
                    source_path,
                    value,
                    value[0],
                )
            value = value[0]
        if name in PROCESSORS:
            value = PROCESSORS[name](value, settings)
        if value is not DROP:
            output[name] = value
    return output
