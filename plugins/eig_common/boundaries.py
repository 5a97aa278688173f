"""What each plugin needs, checked with every plugin's settings once, at start.

A plugin calls `declare(name, needs=…, spec=…)` in its `register()`. On `initialized`,
once Pelican has registered every plugin of PLUGINS, `check_at_start` stops the
build, in French, if a plugin needs one that is not registered, or if any setting of
any registered plugin is wrong: every problem is listed together.
"""

import logging

from pelican import signals

from . import options
from .shared import shared

# Plugin name -> the plugins it needs (names as PLUGINS writes them), for this process;
# AFTER: those of them that PLUGINS must list before it (it uses what they set up at start).
NEEDS = {}
AFTER = {}


def registered_names(pelican):
    """The names of the plugins Pelican registered for this build (`Pelican.plugins`)."""
    return [getattr(plugin, "__name__", type(plugin).__qualname__) for plugin in pelican.plugins]


def _is_registered(name, registered):
    # Namespace plugins (pelican-sitemap) are registered as pelican.plugins.<name>.
    return name in registered or f"pelican.plugins.{name}" in registered


def missing_needs(registered):
    """(plugin, message) for each needed plugin that is not registered, in PLUGINS order."""
    problems = []
    for plugin in registered:
        for needed in NEEDS.get(plugin, ()):
            if not _is_registered(needed, registered):
                problems.append(
                    (
                        plugin,
                        f"ce greffon a besoin du greffon {needed} : ajoutez « {needed} » "
                        "à PLUGINS dans pelicanconf.py",
                    )
                )
            elif needed in AFTER.get(plugin, ()) and _position(needed, registered) > _position(
                plugin, registered
            ):
                problems.append(
                    (plugin, f"le greffon {needed} doit être listé avant lui dans PLUGINS")
                )
    return problems


def _position(name, registered):
    return next(i for i, n in enumerate(registered) if n in (name, f"pelican.plugins.{name}"))


def check_at_start(pelican):
    """Stop the build before anything is read if a plugin lacks what it needs."""
    registered = registered_names(pelican)
    problems = missing_needs(registered)
    try:
        options.check_declared(pelican.settings, registered)
    except options.SettingsError as err:
        problems += err.problems
    if problems:
        raise options.SettingsError(problems)


class NoTraceback(logging.Filter):
    """Pelican logs the error that stops a build with its traceback: not when its message
    says what to change (`editor_facing`), as a settings problem's does."""

    def filter(self, record):
        if record.exc_info and getattr(record.exc_info[1], "editor_facing", False):
            record.exc_info = None
        return True


QUIET = NoTraceback()
# Where Pelican's command line (and scripts/build_worker.py) logs that error.
PELICAN_LOGGER = "pelican"


def declare(name, needs=(), spec=None, after=()):
    """Record what plugin `name` needs (`after`: listed before it) and its settings' spec."""
    NEEDS[name] = tuple(dict.fromkeys([*needs, *after]))
    AFTER[name] = tuple(after)
    if spec is not None:
        options.declare(spec)
    logger = logging.getLogger(PELICAN_LOGGER)
    if QUIET not in logger.filters:
        logger.addFilter(QUIET)
    # Connected by the first plugin to register, so it runs before their own receivers.
    signals.initialized.connect(check_at_start)
    signals.get_generators.connect(start_run)


def start_run(pelican):
    """Each run (autoreload makes several) starts with nothing shared yet."""
    shared(pelican.settings).reset()
