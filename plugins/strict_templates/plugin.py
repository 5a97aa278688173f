"""A template that uses a name nobody defined fails the build instead of printing nothing.

Settings reach templates as top-level names (NAVIGATION, SITE_TAGLINE…): a typo
there would silently blank part of every page. Missing attributes stay lenient,
because content metadata is optional (`article.lieu` when no place is known).
"""

from eig_common import boundaries
from jinja2 import Undefined, UndefinedError
from jinja2.utils import missing
from pelican import signals

from .compiled import compile_once
from .memo import install as install_memo


def _strict_at_top_level(name):
    """Undefined's `name` method, raising first when the missing thing is a top-level name."""
    lenient = getattr(Undefined, name)

    def method(self, *args):
        if self.unknown_name is not None:
            raise UndefinedError(f"{self.unknown_name!r} is undefined")
        return lenient(self, *args)

    return method


class NamesStrictUndefined(Undefined):
    """Undefined that raises when a template prints, tests or loops over an unknown name."""

    __slots__ = ("unknown_name",)

    def __init__(self, hint=None, obj=missing, name=None, exc=UndefinedError):
        super().__init__(hint, obj, name, exc)
        # Looked up on no object: a top-level name that no setting defines.
        self.unknown_name = name if obj is missing else None

    __str__ = _strict_at_top_level("__str__")
    __iter__ = _strict_at_top_level("__iter__")
    __bool__ = _strict_at_top_level("__bool__")
    __len__ = _strict_at_top_level("__len__")


def use_strict_names(pelican):
    environment = dict(pelican.settings.get("JINJA_ENVIRONMENT") or {})
    environment.setdefault("undefined", NamesStrictUndefined)
    pelican.settings["JINJA_ENVIRONMENT"] = environment


def register():
    boundaries.declare("strict_templates")
    # initialized: before any generator builds its Jinja environment.
    signals.initialized.connect(use_strict_names)
    signals.initialized.connect(compile_once)
    signals.initialized.connect(install_memo)
