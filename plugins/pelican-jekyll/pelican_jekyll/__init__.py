"""Build an existing Jekyll site with Pelican: `pelican-jekyll SRC OUT`."""

from .build import SiteErrors, build
from .plugin import register

__all__ = ["SiteErrors", "build", "register"]
