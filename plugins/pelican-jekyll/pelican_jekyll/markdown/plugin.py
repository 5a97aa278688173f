"""As a Pelican plugin: the Markdown readers render with this extension."""

from pelican import signals
from pelican.settings import DEFAULT_CONFIG

from .extension import JekyllMarkdownExtension

SETTING = "JEKYLL_MARKDOWN"  # the extension's options, e.g. {"guillemet_space": "\u202f"}


def use_extension(pelican):
    """Pelican's default Markdown settings give way to Jekyll's; a site's own keep theirs."""
    settings = pelican.settings
    extension = JekyllMarkdownExtension(**settings.get(SETTING, {}))
    current = settings.get("MARKDOWN") or {}
    if current == DEFAULT_CONFIG["MARKDOWN"]:
        # Pelican's `extra` and `codehilite` would render tables and code their own way.
        settings["MARKDOWN"] = {"extensions": [extension], "output_format": "html5"}
    else:
        extensions = [*current.get("extensions", []), extension]
        settings["MARKDOWN"] = {**current, "extensions": extensions}


def register():
    # initialized: settings are final, and no reader has built its Markdown yet.
    signals.initialized.connect(use_extension)
