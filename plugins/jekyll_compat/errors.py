"""Editor-facing errors: collected over a whole build, reported once each."""

import logging

from eig_common import upstream
from pelican_jekyll.reader.errors import EditorError

from . import disk_errors

__all__ = ["ERROR_LOG", "BuildFailed", "EditorError", "EditorErrors", "QuietEditorErrors"]

logger = logging.getLogger(__name__)


class EditorErrors(Exception):
    """All the mistakes found in one file; Pelican then skips that file."""

    def __init__(self, path, errors):
        super().__init__(path, errors)
        self.path, self.errors = path, errors


class BuildFailed(Exception):
    """Stops Pelican before anything is written, once every error is told."""

    exitcode = 1
    editor_facing = True  # its message is the whole story: no traceback


class ErrorLog:
    """The errors of one build run, told together, sorted by file."""

    def __init__(self):
        self.reset()

    def reset(self):
        self.errors = []
        self.reported_paths = set()

    def report(self, error, source=None):
        """Keep `error`, found while reading `source` (default: the file it names)."""
        self.errors.append(error)
        self.reported_paths.add(source or error.path)

    def raise_if_any(self):
        if not self.errors:
            return
        # Sorted by file then line, so that every run reads the same.
        for error in sorted(self.errors, key=lambda e: (e.path, e.line is None, e.line or 0)):
            logger.error("%s", error)
        count = len(self.errors)
        plural = "s" if count > 1 else ""
        raise BuildFailed(
            f"site non construit : {count} erreur{plural} dans le contenu, "
            f"détaillée{plural} ci-dessus. Rien n'a été écrit dans le dossier de sortie."
        )


class QuietEditorErrors(logging.Filter):
    """Keep editors' mistakes to our own one-line messages, and lose no file.

    Pelican logs "Could not process <file>" for a file it then skips, and the
    build would still succeed. For a file our reader rejected, the mistake is
    already told with its line; any other such file becomes an error too.
    Pelican also prints a traceback for the exception that stops the build,
    which helps no editor.
    """

    # Where Pelican logs those two: its generators, and its command line.
    LOGGERS = ("pelican.generators", "pelican")

    def __init__(self, error_log):
        super().__init__()
        self.error_log = error_log

    def filter(self, record):
        path = upstream.unprocessed_file(record)
        if path is not None:
            if path not in self.error_log.reported_paths:
                self.error_log.report(
                    EditorError(
                        path,
                        None,
                        "Pelican n'a pas pu lire ce fichier",
                        "relancez la construction avec `-D` pour le détail, et "
                        "signalez-le à l'équipe technique",
                    )
                )
            return False
        if record.exc_info and getattr(record.exc_info[1], "editor_facing", False):
            record.exc_info = None
        elif record.exc_info and disk_errors.is_disk_error(record.exc_info[1]):
            # A full disk or a read-only folder: one sentence, not Pelican's traceback.
            record.msg, record.args = disk_errors.message(record.exc_info[1]), ()
            record.exc_info = None
        return True


# One build's errors, shared by the reader and the checks that run after it.
ERROR_LOG = ErrorLog()
