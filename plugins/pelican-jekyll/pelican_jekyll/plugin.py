"""Pelican's side: a reader that hands each Jekyll document's rendering to Pelican."""

import os

from pelican import signals
from pelican.readers import BaseReader

from .render import Renderer

SETTING = "PELICAN_JEKYLL"  # the Site being built (pelican_jekyll.site.Site)
TEMPLATE = "jekyll_document"
# What the reader reads in a Site's build; "" for a collection's file without extension
# (Pelican only ever reads the documents the Site lists in PAGE_PATHS).
EXTENSIONS = ("md", "markdown", "html", "")


class BuildFailed(Exception):
    """Content errors were found: nothing is written."""

    def __init__(self, errors):
        super().__init__(f"{len(errors)} error(s)")
        self.errors = errors


class JekyllDocumentReader(BaseReader):
    """Reads a document of the Site in the settings: its content, URL and file."""

    enabled = True
    # Pelican gives every BaseReader subclass imported in the process the extensions it
    # names: this one is for a Site's build only, where add_reader sets it for EXTENSIONS.
    file_extensions = ()

    def read(self, source_path):
        state = self.settings[SETTING]
        rel = os.path.relpath(source_path, state.site.source).replace(os.sep, "/")
        doc = state.site.documents[rel]
        content = state.renderer.content(doc)
        metadata = {
            "title": doc.title or rel,
            "slug": rel,  # unique: Pelican groups pages that share a slug as translations
            "url": doc.url.lstrip("/"),
            "save_as": doc.dest,
            "template": TEMPLATE,
        }
        return content, metadata


class BuildState:
    """The Site and its renderer, shared by the reader and the checks."""

    def __init__(self, site):
        self.site = site
        self.renderer = Renderer(site)


def add_reader(readers):
    if SETTING in readers.settings:
        for extension in EXTENSIONS:
            readers.reader_classes[extension] = JekyllDocumentReader


def stop_on_errors(generators):
    """Every document is rendered: stop before anything is written if one failed."""
    settings = generators[0].settings if generators else {}
    if SETTING in settings and settings[SETTING].renderer.errors:
        raise BuildFailed(settings[SETTING].renderer.errors)


def register():
    # readers_init: each generator's readers; all_generators_finalized: every document
    # has been read, and nothing is written yet.
    signals.readers_init.connect(add_reader)
    signals.all_generators_finalized.connect(stop_on_errors)
