"""Each published challenge as one row: its page's address, then its front-matter facts."""

from content_schema.schema import DATE, LIST, WORDS
from content_schema.validate import items_of

from .table_schema import URL_FIELD, fields_of


def value_of(challenge, field):
    """A challenge's fact as the data holds it: None when absent, lists as lists of text."""
    if field.name == "date":
        date = getattr(challenge, "date", None)
        return date.strftime("%Y-%m-%d") if date else None
    value = challenge.metadata.get(field.name)
    if value is None or value == "":
        return [] if field.type in (LIST, WORDS) and field.required else None
    if field.type in (LIST, WORDS):
        return [str(item) for item in items_of(value, field)]
    if field.type == DATE:
        return str(value)[:10]
    if isinstance(value, (bool, int)):
        return value
    return str(value)


def rows(kind, names, challenges, siteurl):
    """One dict per challenge, keys in the schema's order."""
    fields = fields_of(kind, names)
    return [
        {
            URL_FIELD: f"{siteurl}/{challenge.url}",
            **{field.name: value_of(challenge, field) for field in fields},
        }
        for challenge in challenges
    ]
