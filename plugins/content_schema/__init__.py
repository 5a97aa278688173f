"""Check every content file's front matter against the declared schema of its kind.

The declaration (plugins/content_schema/schema.py) is plain data; this plugin
reports each departure from it as `path:line: what — what to do`.
"""


def register():
    # Imported here so that `content_schema.schema` loads without Pelican
    # (scaffolding and documentation scripts read it).
    from .plugin import register as connect_signals

    connect_signals()
