"""A build that warns is a failed build: HTML that the allow-list refuses (in page texts,
static HTML and SVG files, includes), broken internal links and images, images without
alt text, and any warning Pelican logs.

Each problem is told as `path:line: what — what to do`, with jekyll_compat's
other errors, before anything is written.
"""

from .plugin import markup, passed, register

__all__ = ["markup", "passed", "register"]
