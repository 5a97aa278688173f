"""Signal wiring of the jekyll_compat plugin."""

import logging

from eig_common import boundaries
from pelican import signals
from pelican_jekyll.reader import messages

from . import boundary, config, site_liquid, unique_urls, unread_files
from .errors import ERROR_LOG, QuietEditorErrors
from .read_memo import MEMO
from .reader import JekyllReader
from .redirects import RedirectGenerator


def check_settings(pelican):
    """Fail at start on a bad JEKYLL_COMPAT; let Pelican render Markdown fields."""
    messages.use("fr")  # each build: the port's own command, run in this process, says English
    quiet = QuietEditorErrors(ERROR_LOG)
    for name in QuietEditorErrors.LOGGERS:
        target = logging.getLogger(name)
        if not any(isinstance(f, QuietEditorErrors) for f in target.filters):
            target.addFilter(quiet)
    settings = pelican.settings
    jekyll = config.load(settings)
    settings["FORMATTED_FIELDS"] = list(
        dict.fromkeys([*settings["FORMATTED_FIELDS"], *jekyll.markdown_fields])
    )
    # Dates in file names are the reader's (two-digit years too): Pelican's own
    # parser would drop a file with an impossible date, without an error.
    settings["FILENAME_METADATA"] = ""
    # Includes are parts of pages, not pages: Pelican would read an .html one as a page.
    for key in ("PAGE_EXCLUDES", "ARTICLE_EXCLUDES"):
        settings[key] = list(dict.fromkeys([*(settings.get(key) or []), jekyll.includes]))


def start_run(pelican):
    """Each build (autoreload makes several) starts with no error, and adds redirects."""
    ERROR_LOG.reset()
    boundary.check(pelican.settings)  # before any file is read
    MEMO.start_run()
    site_liquid.forget_environments()
    return RedirectGenerator


def add_reader(readers):
    for extension in JekyllReader.file_extensions:
        readers.reader_classes[extension] = JekyllReader


def stop_on_errors(generators):
    """After every file is read, and before anything is written."""
    unique_urls.check(generators)
    suffixes = {"." + extension for extension in JekyllReader.file_extensions}
    for error in unread_files.check(generators[0].settings, suffixes):
        ERROR_LOG.report(error)
    ERROR_LOG.raise_if_any()


def register():
    boundaries.declare("jekyll_compat", spec=config.SPEC)
    # initialized: settings are final; get_generators: fires at each run's start;
    # readers_init: every generator's readers; all_generators_finalized: the
    # last moment at which all content is known and nothing is written yet.
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(start_run)
    signals.readers_init.connect(add_reader)
    signals.all_generators_finalized.connect(stop_on_errors)
