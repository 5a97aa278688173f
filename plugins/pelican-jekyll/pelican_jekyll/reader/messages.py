"""The package's messages to a site's editors: English, or French for a French site.

Each message is written in both languages where it is made (`say(english, french)`); a
site whose editors read French calls `use("fr")` once, before it reads its files.
"""

LANGUAGES = ("en", "fr")
DEFAULT = "en"
_chosen = [DEFAULT]


def use(language):
    """Tell every later message in `language` (one of LANGUAGES)."""
    if language not in LANGUAGES:
        raise ValueError(f"language {language!r}: one of {', '.join(LANGUAGES)}")
    _chosen[0] = language


def current():
    """The language messages are told in."""
    return _chosen[0]


def say(english, french):
    """The message in the chosen language."""
    return french if _chosen[0] == "fr" else english


def number(n):
    """A number as the chosen language writes it: 100,000 or 100 000."""
    return f"{n:,}".replace(",", say(",", "\u202f"))
