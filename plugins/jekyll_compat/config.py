"""The JEKYLL_COMPAT setting: its defaults, and a check of it at start."""

from dataclasses import dataclass

from .permalinks import STYLES

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
}


class SettingsError(Exception):
    """A developer's mistake in JEKYLL_COMPAT, found at start."""

    exitcode = 1
    editor_facing = True  # its message says what to change: no traceback


@dataclass(frozen=True)
class Config:
    layouts: dict
    title_fallbacks: tuple
    markdown_fields: tuple
    permalink: str
    defaults: tuple
    includes: str
    redirect_template: str


def _fail(key, what):
    raise SettingsError(f"jekyll_compat: {SETTING}['{key}'] {what}")


def _str_list(value, key):
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) and v for v in value):
        _fail(key, "must be a list of non-empty strings")
    return tuple(value)


def _defaults(value):
    if not isinstance(value, (list, tuple)):
        _fail("defaults", "must be a list of {'scope': {'path': …}, 'values': {…}}")
    checked = []
    for rule in value:
        scope = rule.get("scope") if isinstance(rule, dict) else None
        values = rule.get("values") if isinstance(rule, dict) else None
        path = scope.get("path", "") if isinstance(scope, dict) else None
        if not isinstance(path, str) or not isinstance(values, dict):
            _fail("defaults", f"has an entry without scope.path and values: {rule!r}")
        checked.append((path.strip("/"), dict(values)))
    return tuple(checked)


def load(settings):
    """Merge JEKYLL_COMPAT over the defaults and check every key."""
    given = settings.get(SETTING, {})
    if not isinstance(given, dict):
        raise SettingsError(f"jekyll_compat: {SETTING} must be a dict")
    unknown = sorted(set(given) - set(DEFAULTS))
    if unknown:
        _fail(unknown[0], f"is not a known key; known keys: {', '.join(sorted(DEFAULTS))}")
    merged = {**DEFAULTS, **given}

    layouts = merged["layouts"]
    if not isinstance(layouts, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v for k, v in layouts.items()
    ):
        _fail("layouts", "must map layout names to template names")
    permalink = merged["permalink"]
    if not isinstance(permalink, str) or not (permalink in STYLES or permalink.startswith("/")):
        _fail("permalink", f"must be one of {', '.join(STYLES)} or a pattern starting with '/'")
    for key in ("includes", "redirect_template"):
        if not isinstance(merged[key], str) or not merged[key]:
            _fail(key, "must be a non-empty string")

    return Config(
        layouts={**DEFAULTS["layouts"], **layouts},
        title_fallbacks=_str_list(merged["title_fallbacks"], "title_fallbacks"),
        markdown_fields=_str_list(merged["markdown_fields"], "markdown_fields"),
        permalink=permalink,
        defaults=_defaults(merged["defaults"]),
        includes=merged["includes"].strip("/"),
        redirect_template=merged["redirect_template"],
    )
