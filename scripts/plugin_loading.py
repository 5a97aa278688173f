"""A plugin that Pelican cannot load or register stops the build, naming it and why.

Pelican logs such a plugin as an error and builds without it, exiting 0 with its
checks off. `watch()` is set before Pelican loads the plugins: any error Pelican
logs until its `initialized` signal (loading and registering plugins is all it does
then) makes the build fail there, before anything is read.
"""

import logging

from pelican import signals

PELICAN_LOGGER = "pelican"  # the parent of every Pelican logger, the plugin loader's too


class PluginLoadFailed(Exception):
    """A plugin of PLUGINS is not in the build."""

    exitcode = 1
    editor_facing = True  # the message says what to change: no traceback


class LoadErrors(logging.Handler):
    """The errors Pelican logs while loading and registering plugins."""

    def __init__(self):
        super().__init__(logging.NOTSET)
        self.messages = []
        self.active = False

    def emit(self, record):
        last_resort = logging.lastResort
        if not logging.getLogger().handlers and last_resort and record.levelno >= last_resort.level:
            # `--log-handler plain` leaves the root without handlers: Python would print
            # through its last resort, but no longer does once this handler is there.
            last_resort.handle(record)
        if not self.active or record.levelno < logging.ERROR:
            return
        message = " — ".join(line for line in record.getMessage().splitlines() if line.strip())
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            message += f" — {type(error).__name__}: {error}"
        self.messages.append(message)


class NoTraceback(logging.Filter):
    """Pelican's command line logs the error that stops it with a traceback: not this one."""

    def filter(self, record):
        if record.exc_info and isinstance(record.exc_info[1], PluginLoadFailed):
            record.exc_info = None
        return True


ERRORS = LoadErrors()
QUIET = NoTraceback()


def stop_if_any_failed(pelican):
    """On `initialized`: every plugin is loaded and registered, or the build stops."""
    ERRORS.active = False
    logging.getLogger(PELICAN_LOGGER).removeHandler(ERRORS)
    messages, ERRORS.messages = ERRORS.messages, []
    if messages:
        raise PluginLoadFailed(
            "PLUGINS : un greffon n'a pas pu être chargé ou enregistré, la construction "
            "s'arrête ; corrigez son nom dans PLUGINS (pelicanconf.py) ou la cause "
            "indiquée : " + " ; ".join(messages)
        )


def watch():
    """Listen from now until the next `initialized` signal (call before `Pelican(settings)`)."""
    logger = logging.getLogger(PELICAN_LOGGER)
    if ERRORS not in logger.handlers:
        logger.addHandler(ERRORS)
    if QUIET not in logger.filters:
        logger.addFilter(QUIET)
    ERRORS.messages = []
    ERRORS.active = True
    # Connected before any plugin registers, so it runs first on `initialized`.
    signals.initialized.connect(stop_if_any_failed)
