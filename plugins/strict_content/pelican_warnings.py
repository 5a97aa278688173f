"""Every warning Pelican logs during a run, kept to fail the build with."""

import logging
import os

from eig_common import upstream
from jekyll_compat.errors import EditorError

# Editors' errors are already told in their own words by the shared error log.
OWN_LOGGERS = ("jekyll_compat.errors", "strict_content")
FIX = "corrigez ce qu'il signale : la construction n'accepte aucun avertissement"


class WarningCollector(logging.Handler):
    """Keeps each warning and error logged by anything but the editors' error log."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []
        self.active = False  # during a run: outside one, warnings print as usual

    def emit(self, record):
        # An empty alt or a dead {filename} link is told better by strict_content's own
        # checks, with its line.
        if self.active and kept(record) and not upstream.is_told_better_warning(record):
            self.records.append(record)

    def take(self, root, output):
        """The warnings so far as editor errors, naming the source file when one is known."""
        records, self.records = self.records, []
        return [
            EditorError(
                _source_in(record, root, output) or "construction",
                None,
                f"avertissement de Pelican : {_message(record)}",
                FIX,
            )
            for record in records
        ]


def kept(record):
    """Whether a record is a warning this plugin turns into an editor error."""
    return logging.WARNING <= record.levelno < logging.CRITICAL and not record.name.startswith(
        OWN_LOGGERS
    )


class TellOnce(logging.Filter):
    """On the printing handlers: a warning of a run is printed once, as an editor error."""

    def __init__(self, collector):
        super().__init__()
        self.collector = collector

    def filter(self, record):
        return not (self.collector.active and kept(record))


def _message(record):
    try:
        return " ".join(record.getMessage().split())
    except (TypeError, ValueError):
        return str(record.msg)


def _source_in(record, root, output):
    """The source file a warning is about, if one of its arguments names one."""
    args = record.args if isinstance(record.args, tuple) else ()
    for arg in args:
        if not isinstance(arg, str) or not arg.endswith((".md", ".markdown", ".html")):
            continue
        path = os.path.abspath(os.path.join(root, arg))
        if os.path.commonpath([path, os.path.abspath(output)]) == os.path.abspath(output):
            continue  # a file the build writes, not one an editor wrote
        return os.path.relpath(path, root).replace(os.sep, "/")
    return None


def install():
    """One collector on the root logger, where every logger's records end up."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, WarningCollector)]:
        root.removeHandler(handler)
    collector = WarningCollector()
    if not root.handlers and logging.lastResort is not None:
        # `--log-handler plain` leaves the root without handlers, so Python prints
        # through its last resort, which it would stop using once ours is added.
        root.addHandler(logging.lastResort)
    for handler in root.handlers:
        for old in [f for f in handler.filters if isinstance(f, TellOnce)]:
            handler.removeFilter(old)
        handler.addFilter(TellOnce(collector))
    root.addHandler(collector)
    return collector
