"""Signal wiring of the asset_fingerprints plugin."""

import os

from eig_common import boundaries, upstream
from pelican import signals

from . import fingerprints


def fingerprint(generator):
    """Give fingerprinted names to static files, and templates the ASSETS helper."""
    config = fingerprints.load_settings(generator.settings)
    statics = {static.save_as: static for static in generator.staticfiles}

    def read(save_as):
        with open(statics[save_as].source_path, "rb") as file:
            return file.read()

    manifest = fingerprints.build_manifest(
        set(statics), read, config["extensions"], config["hash_length"]
    )
    for save_as, name in manifest.names.items():
        upstream.rename_static(statics[save_as], name)
    generator.context["ASSETS"] = fingerprints.Assets(
        generator.settings["SITEURL"], set(statics), manifest
    )
    generator.settings["ASSETS"] = generator.context["ASSETS"]


def write_rewritten_stylesheets(pelican):
    """Pelican copied the stylesheets' sources: put their rewritten text in place."""
    assets = pelican.settings.get("ASSETS")
    if assets is None:
        return
    for name, data in assets.manifest.rewritten.items():
        with open(os.path.join(pelican.output_path, name), "wb") as file:
            file.write(data)


def register():
    # The settings are checked at start with every plugin's (eig_common.boundaries).
    boundaries.declare("asset_fingerprints", spec=fingerprints.SPEC)
    # static_generator_finalized: every static file is known, no page is written yet;
    # finalized: after the static files were copied, before precompression.
    signals.static_generator_finalized.connect(fingerprint)
    signals.finalized.connect(write_rewritten_stylesheets)
