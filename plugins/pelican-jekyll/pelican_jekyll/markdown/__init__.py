"""Python-Markdown as Jekyll 4.3 renders Markdown by default (kramdown 2.4, GFM input).

Use it as `Markdown(extensions=["pelican_jekyll.markdown"])`, or list it in Pelican's PLUGINS.
It renders lists that follow a paragraph line, items continued at their text's
indentation, kramdown's smart quotes and symbols, GFM heading ids, kramdown's escapes
and pipe tables, attribute lists kept to a safe set, code blocks in Jekyll's markup,
emphasis and inline HTML by kramdown's rules.
"""

from .attributes import refused_attributes
from .extension import JekyllMarkdownExtension
from .plugin import register


def makeExtension(**kwargs):
    """The name Python-Markdown looks for in an extension's module."""
    return JekyllMarkdownExtension(**kwargs)


__all__ = ["JekyllMarkdownExtension", "makeExtension", "refused_attributes", "register"]
