"""The share images' settings, declared once on the shared settings layer."""

import os
import re

from eig_common.options import Bool, SettingsError, Spec, SubConfig, Text

SETTING = "SHARE_IMAGES"
__all__ = ["SPEC", "SettingsError", "load"]  # SettingsError: eig_common's

FOLDER = re.compile(r"[a-z0-9_-]+(/[a-z0-9_-]+)*")
RELATIVE = re.compile(r"(?!/)(?!.*(^|/)\.\.(/|$))[A-Za-z0-9._/-]+")
FONT_HINT = "le chemin d'une police : relatif au dossier du projet (sans « .. »), ou absolu"


def _font_path(value):
    return os.path.isabs(value) or RELATIVE.fullmatch(value)


SPEC = Spec(
    "share_images",
    {
        SETTING: SubConfig(
            {
                # One image per challenge; False: every page shows the site's image
                # (one image to draw per build instead of one per challenge).
                "challenges": Bool(default=True),
                # Where the images are published, in the output folder.
                "folder": Text(
                    default="static/partage",
                    check=FOLDER.fullmatch,
                    hint="un chemin relatif en minuscules, comme « static/partage »",
                ),
                # Images kept between builds, from the project's folder (PATH); kept out
                # of git and of the output folder.
                "cache_path": Text(
                    default=".cache/share-images",
                    check=RELATIVE.fullmatch,
                    hint="un chemin relatif au dossier du projet, sans « .. »",
                ),
                # The fonts of titles and of the other texts, from the project's folder.
                "title_font": Text(
                    default="static/dsfr/fonts/Marianne-Bold.woff2",
                    check=_font_path,
                    hint=FONT_HINT,
                ),
                "text_font": Text(
                    default="static/dsfr/fonts/Marianne-Medium.woff2",
                    check=_font_path,
                    hint=FONT_HINT,
                ),
            }
        )
    },
)


def load(settings):
    return SPEC.load(settings)[SETTING]
