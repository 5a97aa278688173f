"""Build a Jekyll site folder with Pelican: settings from the Site, then Pelican's run."""

import logging
import multiprocessing
import os
import weakref
from concurrent.futures import ProcessPoolExecutor

import blinker
from pelican import Pelican
from pelican.plugins import signals
from pelican.settings import read_settings

from . import plugin
from .plugin import BuildFailed, BuildState
from .reader import messages
from .reader.errors import EditorError
from .reader.messages import say
from .site import read

THEME = os.path.join(os.path.dirname(__file__), "theme")


class SiteErrors(Exception):
    """The site cannot be built; `.errors` are EditorError, each with its file and line."""

    def __init__(self, errors):
        super().__init__(f"{len(errors)} error(s)")
        self.errors = errors


def settings_for(site, output):
    """Pelican settings that write each document where Jekyll would, and nothing else."""
    documents = [rel for rel, doc in site.documents.items() if doc.output]
    none = {
        key: None
        for key in (
            "FEED_ALL_ATOM",
            "FEED_ALL_RSS",
            "CATEGORY_FEED_ATOM",
            "CATEGORY_FEED_RSS",
            "AUTHOR_FEED_ATOM",
            "AUTHOR_FEED_RSS",
            "TAG_FEED_ATOM",
            "TAG_FEED_RSS",
            "TRANSLATION_FEED_ATOM",
            "TRANSLATION_FEED_RSS",
            "FEED_ATOM",
            "FEED_RSS",
        )
    }
    empty = {
        key: ""
        for key in (
            "TAG_SAVE_AS",
            "CATEGORY_SAVE_AS",
            "AUTHOR_SAVE_AS",
            "ARCHIVES_SAVE_AS",
            "YEAR_ARCHIVE_SAVE_AS",
            "MONTH_ARCHIVE_SAVE_AS",
            "DAY_ARCHIVE_SAVE_AS",
            "DRAFT_SAVE_AS",
            "DRAFT_PAGE_SAVE_AS",
            "PAGE_TRANSLATION_SAVE_AS",
            "ARTICLE_TRANSLATION_SAVE_AS",
            "DRAFT_LANG_SAVE_AS",
            "DRAFT_PAGE_LANG_SAVE_AS",
        )
    }
    return read_settings(
        None,
        override={
            **none,
            **empty,
            "PATH": site.source,
            "OUTPUT_PATH": os.path.abspath(output),
            "THEME": THEME,
            "THEME_STATIC_PATHS": [],
            "PAGE_PATHS": documents or ["\0none"],
            "ARTICLE_PATHS": ["\0none"],
            "STATIC_PATHS": list(site.static_files),
            "IGNORE_FILES": [],
            "DIRECT_TEMPLATES": [],
            "PAGINATED_TEMPLATES": {},
            "FILENAME_METADATA": "",
            "PATH_METADATA": "",
            "SITEURL": site.config.url + site.config.baseurl,
            "PLUGINS": [plugin],
            "PLUGIN_PATHS": [],
            "READERS": {},
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
            "DELETE_OUTPUT_DIRECTORY": False,
            plugin.SETTING: BuildState(site),
        },
    )


def _foreign_receivers():
    """Whether other plugins listen to Pelican's signals in this process (they are
    process-wide: a site built here before would have its plugins run on ours)."""
    for signal in vars(signals).values():
        if not isinstance(signal, blinker.Signal):
            continue
        for receiver in list(signal.receivers.values()):
            function = receiver() if isinstance(receiver, weakref.ref) else receiver
            module = getattr(function, "__module__", "") or ""
            if function is not None and not module.startswith(__package__):
                return True
    return False


def _build_here(source, output, language=None):
    """(Site, []) once written, or (None, errors) with nothing written."""
    if language is not None:  # a fresh interpreter: the caller's language
        messages.use(language)
    if not os.path.isdir(source):
        error = EditorError(
            source,
            None,
            say("this folder does not exist", "ce dossier n'existe pas"),
            say("give the site's folder", "donnez le dossier du site"),
        )
        return None, [error]
    if source == output or source.startswith(output + os.sep):
        return None, [
            EditorError(
                output,
                None,
                say(
                    "the output folder holds the site itself",
                    "le dossier de sortie contient le site lui-même",
                ),
                say(
                    "choose an output folder outside the site's folder, or inside it",
                    "choisissez un dossier de sortie hors du dossier du site, ou dans lui",
                ),
            )
        ]
    # As Jekyll leaves out its destination: an output folder inside the site is not read.
    inside = os.path.relpath(output, source).replace(os.sep, "/")
    site = read(source, exclude=() if inside.startswith("..") else (inside,))
    if site.errors:
        return None, site.errors
    logging.getLogger("pelican").setLevel(logging.ERROR)
    try:
        Pelican(settings_for(site, output)).run()
    except BuildFailed as failed:
        return None, failed.errors
    return site, []


def build(source, output):
    """Build `source` into `output`; raise SiteErrors (nothing written) on any content error."""
    source, output = os.path.abspath(source), os.path.abspath(output)
    if _foreign_receivers():
        # A fresh interpreter, where only this package's plugin listens.
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            site, errors = pool.submit(_build_here, source, output, messages.current()).result()
    else:
        site, errors = _build_here(source, output)
    if errors:
        raise SiteErrors(errors)
    return site
