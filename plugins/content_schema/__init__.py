"""Check every content file's front matter against the declared schema of its kind.

The declaration (plugins/content_schema/schema.py) is plain data; this plugin
reports each departure from it as `path:line: what — what to do`.
"""

from .plugin import register

__all__ = ["register"]
