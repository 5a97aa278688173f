"""A template that uses a name nobody defined fails the build instead of printing nothing.

Settings reach templates as top-level names (NAVIGATION, SITE_TAGLINE…): a typo
there would silently blank part of every page. Missing attributes stay lenient,
because content metadata is optional (`article.lieu` when no place is known).
"""

from jinja2 import Undefined
from jinja2.utils import missing
from pelican import signals


class NamesStrictUndefined(Undefined):
    """Undefined that raises when the missing thing is a top-level name."""

    __slots__ = ()

    def _top_level(self):
        return self._undefined_obj is missing

    def __str__(self):
        if self._top_level():
            self._fail_with_undefined_error()
        return super().__str__()

    def __iter__(self):
        if self._top_level():
            self._fail_with_undefined_error()
        return super().__iter__()

    def __bool__(self):
        if self._top_level():
            self._fail_with_undefined_error()
        return super().__bool__()

    def __len__(self):
        if self._top_level():
            self._fail_with_undefined_error()
        return super().__len__()


def use_strict_names(pelican):
    environment = dict(pelican.settings.get("JINJA_ENVIRONMENT") or {})
    environment.setdefault("undefined", NamesStrictUndefined)
    pelican.settings["JINJA_ENVIRONMENT"] = environment


def register():
    # initialized: before any generator builds its Jinja environment.
    signals.initialized.connect(use_strict_names)
