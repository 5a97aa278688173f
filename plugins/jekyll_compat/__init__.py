"""Make Pelican read the Jekyll-format Markdown that Etalab's editors write.

YAML front matter, layouts, permalinks, dates in file names, drafts, Liquid
(`site`, `page`, `include`, `link`, `raw`) and `redirect_from`, with errors
that name the file, the line and what to change.
"""

from .plugin import register

__all__ = ["register"]
