"""The CONTENT_SCHEMA setting: which folder holds which kind of content."""

from .schema import SCHEMAS

SETTING = "CONTENT_SCHEMA"
DEFAULTS = {
    # Folder (from PATH) -> kind of content in SCHEMAS; the most specific folder wins.
    "kinds": {"content/defis": "defi", "pages": "page"},
}


class SettingsError(Exception):
    """A mistake in CONTENT_SCHEMA, found at start."""

    exitcode = 1
    editor_facing = True  # the message says what to change: no traceback


def load(settings):
    """CONTENT_SCHEMA over its defaults, every key and value checked."""
    given = settings.get(SETTING) or {}
    if not isinstance(given, dict) or set(given) - set(DEFAULTS):
        raise SettingsError(
            f"content_schema: {SETTING} doit être un dictionnaire aux clés {sorted(DEFAULTS)}"
        )
    kinds = {**DEFAULTS, **given}["kinds"]
    if not isinstance(kinds, dict) or not all(isinstance(k, str) and k for k in kinds):
        raise SettingsError(
            f"content_schema: {SETTING}['kinds'] doit associer des dossiers à des sortes "
            f"de contenu ({', '.join(SCHEMAS)})"
        )
    for folder, kind in kinds.items():
        if kind not in SCHEMAS:
            raise SettingsError(
                f"content_schema: {SETTING}['kinds']['{folder}'] vaut « {kind} », qui "
                f"n'est pas une sorte de contenu connue ({', '.join(SCHEMAS)})"
            )
    return {folder.strip("/"): SCHEMAS[kind] for folder, kind in kinds.items()}


def kind_of(rel, kinds):
    """The kind of the content file `rel`, or None when no folder of `kinds` holds it."""
    holding = [f for f in kinds if rel.startswith(f + "/")]
    return kinds[max(holding, key=len)] if holding else None
