"""The TRANSLATIONS setting: where the other language's pages live, checked at start."""

from eig_common.options import Check, Mapping, Option, SettingsError, Spec, SubConfig, Text

__all__ = ["SPEC", "SettingsError", "load"]  # SettingsError: eig_common's

SETTING = "TRANSLATIONS"
DEFAULTS = {
    "lang": "en",  # the second language (DEFAULT_LANG is the first)
    "url_prefix": "en/",  # its addresses: the French page's, behind this prefix
    "template_prefix": "en/",  # its templates: templates/en/<the French template>.html
    "fallback_template": "en/unavailable",  # "this page is in French only"
    "labels": {"fr": "Français", "en": "English"},  # the language selector's names
}


def _prefix(value, where):
    text = str(value)
    if not text.endswith("/") or text.startswith("/") or ".." in text:
        Option.fail(
            f"{where} = {value!r} doit être un dossier relatif finissant par /, comme 'en/'"
        )
    return text


SPEC = Spec(
    "translations",
    {
        SETTING: SubConfig(
            {
                "lang": Text(default=DEFAULTS["lang"]),
                "url_prefix": Check(_prefix, default=DEFAULTS["url_prefix"]),
                "template_prefix": Check(_prefix, default=DEFAULTS["template_prefix"]),
                "fallback_template": Text(default=DEFAULTS["fallback_template"]),
                "labels": Mapping(keys=Text(), values=Text(), default=DEFAULTS["labels"]),
            },
            quote="'",
        )
    },
)


def load(settings):
    return SPEC.load(settings)[SETTING]
