"""A build that warns is a failed build: broken internal links and images, images
without alt text, script in Markdown, and any warning Pelican logs.

Each problem is told as `path:line: what — what to do`, with jekyll_compat's
other errors, before anything is written.
"""

from .plugin import register

__all__ = ["register"]
