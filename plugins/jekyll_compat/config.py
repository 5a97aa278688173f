"""The JEKYLL_COMPAT setting: its defaults, and a check of it at start."""

from dataclasses import dataclass

from eig_common.options import Check, Int, ListOf, Option, SettingsError, Spec, SubConfig, Text
from pelican_jekyll.reader.limits import READ_SECONDS

from .permalinks import STYLES

__all__ = ["SPEC", "Config", "SettingsError", "load"]  # SettingsError: eig_common's

SETTING = "JEKYLL_COMPAT"

DEFAULTS = {
    # Jekyll layout -> Pelican template (without ".html"). The 2017 site's
    # layouts are known out of the box; a site's own mapping is added to these.
    "layouts": {
        "post": "article",
        "page": "page",
        "cgu": "page",
        "faq": "page",
        "a-propos": "page",
    },
    # Keys that carry the title when `title:` is missing, tried in order.
    "title_fallbacks": ["modal-id"],
    # Front-matter keys holding Markdown; the first present serves as the body
    # of a file whose body is empty.
    "markdown_fields": ["description"],
    # Jekyll's site-wide `permalink:` (a style name or a pattern).
    "permalink": "pretty",
    # Jekyll's front-matter `defaults:`: values for files under a path.
    "defaults": [],
    # Folder of `{% include %}` files, relative to PATH.
    "includes": "_includes",
    # Template of the pages written for `redirect_from:`.
    "redirect_template": "redirect",
    # Wall-clock seconds the reading of one file may take (watchdog.py).
    "read_seconds": READ_SECONDS,
}


@dataclass(frozen=True)
class Config:
    layouts: dict
    title_fallbacks: tuple
    markdown_fields: tuple
    permalink: str
    defaults: tuple
    includes: str
    redirect_template: str
    read_seconds: int


def _layouts(value, where):
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v for k, v in value.items()
    ):
        Option.fail(f"{where} doit associer des noms de mise en page à des noms de gabarit")
    return value


def _permalink(value, where):
    if not isinstance(value, str) or not (value in STYLES or value.startswith("/")):
        Option.fail(f"{where} doit valoir {', '.join(STYLES)} ou un modèle commençant par « / »")
    return value


def _defaults(value, where):
    if not isinstance(value, (list, tuple)):
        Option.fail(f"{where} doit être une liste de {{'scope': {{'path': …}}, 'values': {{…}}}}")
    checked = []
    for rule in value:
        scope = rule.get("scope") if isinstance(rule, dict) else None
        values = rule.get("values") if isinstance(rule, dict) else None
        path = scope.get("path", "") if isinstance(scope, dict) else None
        if not isinstance(path, str) or not isinstance(values, dict):
            Option.fail(f"{where} a une entrée sans scope.path ni values : {rule!r}")
        checked.append((path.strip("/"), dict(values)))
    return tuple(checked)


def _names(default):
    return ListOf(Text(), default=default, hint="une liste de textes non vides")


SPEC = Spec(
    "jekyll_compat",
    {
        SETTING: SubConfig(
            {
                "layouts": Check(_layouts, default={}),
                "title_fallbacks": _names(DEFAULTS["title_fallbacks"]),
                "markdown_fields": _names(DEFAULTS["markdown_fields"]),
                "permalink": Check(_permalink, default=DEFAULTS["permalink"]),
                "defaults": Check(_defaults, default=()),
                "includes": Text(default=DEFAULTS["includes"]),
                "redirect_template": Text(default=DEFAULTS["redirect_template"]),
                # At most a minute: a build stays bounded whatever the setting.
                "read_seconds": Int(default=DEFAULTS["read_seconds"], minimum=1, maximum=60),
            },
            quote="'",
        )
    },
)


def load(settings):
    """Merge JEKYLL_COMPAT over the defaults and check every key."""
    merged = SPEC.load(settings)[SETTING]
    return Config(
        layouts={**DEFAULTS["layouts"], **merged["layouts"]},
        title_fallbacks=tuple(merged["title_fallbacks"]),
        markdown_fields=tuple(merged["markdown_fields"]),
        permalink=merged["permalink"],
        defaults=merged["defaults"],
        includes=merged["includes"].strip("/"),
        redirect_template=merged["redirect_template"],
        read_seconds=merged["read_seconds"],
    )
