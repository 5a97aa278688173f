"""An English version of the site, the Pelican way: pages paired by a key, `lang`, fallbacks."""

from .plugin import register

__all__ = ["register"]
