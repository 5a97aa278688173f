"""The CONTENT_SCHEMA setting: which folder holds which kind of content."""

from eig_common.options import Check, Option, SettingsError, Spec, SubConfig

from .schema import SCHEMAS

__all__ = ["SPEC", "SettingsError", "kind_of", "load"]  # SettingsError: eig_common's

SETTING = "CONTENT_SCHEMA"
DEFAULTS = {
    # Folder (from PATH) -> kind of content in SCHEMAS; the most specific folder wins.
    "kinds": {"content/defis": "defi", "pages": "page"},
}


def _kinds(value, where):
    if not isinstance(value, dict) or not all(isinstance(k, str) and k for k in value):
        Option.fail(
            f"{where} doit associer des dossiers à des sortes de contenu ({', '.join(SCHEMAS)})"
        )
    for folder, kind in value.items():
        if kind not in SCHEMAS:
            Option.fail(
                f"{where}['{folder}'] vaut « {kind} », qui n'est pas une sorte de contenu "
                f"connue ({', '.join(SCHEMAS)})"
            )
    return value


SPEC = Spec(
    "content_schema",
    {
        SETTING: SubConfig(
            {
                # Folder (from PATH) -> kind of content in SCHEMAS; the most specific wins.
                "kinds": Check(_kinds, default=DEFAULTS["kinds"]),
            },
            quote="'",
        )
    },
)


def load(settings):
    """CONTENT_SCHEMA over its defaults, every key and value checked."""
    kinds = SPEC.load(settings)[SETTING]["kinds"]
    return {folder.strip("/"): SCHEMAS[kind] for folder, kind in kinds.items()}


def kind_of(rel, kinds):
    """The kind of the content file `rel`, or None when no folder of `kinds` holds it."""
    holding = [f for f in kinds if rel.startswith(f + "/")]
    return kinds[max(holding, key=len)] if holding else None
