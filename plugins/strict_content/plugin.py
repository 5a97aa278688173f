"""Signal wiring of the strict_content plugin."""

import logging

from jekyll_compat.errors import ERROR_LOG, BuildFailed
from pelican import signals

from . import checks, pelican_warnings, safe_html, site_paths, template_links

logger = logging.getLogger(__name__)

SETTING = "STRICT_CONTENT"
DEFAULTS = {
    # Files that plugins write without claiming them (pelican-sitemap writes
    # sitemap.xml at the end): links to them are not broken.
    "also_built": ["sitemap.xml"],
    # Settings of (label, url) pairs that templates show as links (the menu, the
    # footer): each site address in them must lead to a built page.
    "template_links": [],
}


class SettingsError(Exception):
    """A mistake in STRICT_CONTENT, found at start."""

    exitcode = 1
    editor_facing = True  # the message says what to change: no traceback


class Run:
    """What one build run has seen so far."""

    def __init__(self):
        self.generators = []
        self.collector = None
        self.also_built = ()
        self.template_links = ()


RUN = Run()


def load(settings):
    given = settings.get(SETTING) or {}
    if not isinstance(given, dict) or set(given) - set(DEFAULTS):
        raise SettingsError(
            f"strict_content: {SETTING} doit être un dictionnaire aux clés {sorted(DEFAULTS)}"
        )
    merged = {**DEFAULTS, **given}
    also_built = merged["also_built"]
    if not isinstance(also_built, (list, tuple)) or not all(
        isinstance(p, str) and p for p in also_built
    ):
        raise SettingsError(
            f"strict_content: {SETTING}['also_built'] doit être une liste de chemins "
            "du dossier de sortie, comme « sitemap.xml »"
        )
    names = merged["template_links"]
    if not isinstance(names, (list, tuple)) or not all(
        isinstance(n, str) and n in settings for n in names
    ):
        raise SettingsError(
            f"strict_content: {SETTING}['template_links'] doit être une liste de noms de "
            "réglages définis, comme « NAVIGATION »"
        )
    return [p.lstrip("/") for p in also_built], list(names)


def start(pelican):
    """Check the settings and listen to Pelican's warnings from now on."""
    RUN.also_built, RUN.template_links = load(pelican.settings)
    safe_html.install(pelican.settings)
    RUN.collector = pelican_warnings.install()


def start_run(pelican):
    """Each run (autoreload makes several) starts with no generator and no warning."""
    RUN.generators = []
    if RUN.collector is not None:
        RUN.collector.records = []
        RUN.collector.active = True


def remember_generator(generator):
    RUN.generators.append(generator)


def check_pages(static_generator):
    """Every page's body against what the run builds, before jekyll_compat tells the errors."""
    settings = static_generator.settings
    context = static_generator.context
    built = site_paths.built_paths(RUN.generators, settings, RUN.also_built)
    contents = [c for c in context.get("generated_content", {}).values() if c is not None]
    for content in sorted(contents, key=lambda c: c.relative_source_path):
        for error in checks.check(content, settings["PATH"], context, built, settings["SITEURL"]):
            ERROR_LOG.report(error)
    for error in template_links.check(settings, built, RUN.template_links):
        ERROR_LOG.report(error)
    for error in (
        RUN.collector.take(settings["PATH"], settings["OUTPUT_PATH"]) if RUN.collector else ()
    ):
        ERROR_LOG.report(error)


def fail_on_late_warnings(pelican):
    """Warnings logged while writing: the site is written, but the build still fails."""
    settings = pelican.settings
    errors = RUN.collector.take(settings["PATH"], settings["OUTPUT_PATH"]) if RUN.collector else []
    if RUN.collector is not None:
        RUN.collector.active = False  # what Pelican logs after the run prints as usual
    if not errors:
        return
    for error in sorted(errors, key=str):
        logger.error("%s", error)
    count = len(errors)
    plural = "s" if count > 1 else ""
    raise BuildFailed(
        f"site non construit : {count} avertissement{plural} de Pelican pendant l'écriture, "
        f"détaillé{plural} ci-dessus. Le dossier de sortie est à reconstruire une fois "
        "la cause corrigée."
    )


def register():
    # initialized: settings are final, before any file is read; get_generators:
    # each run's start; generator_init: every generator, for the files it will
    # write; static_generator_finalized: the static generator always runs last,
    # so all content is known, and jekyll_compat has not yet told the run's
    # errors (all_generators_finalized); finalized: after the last write.
    signals.initialized.connect(start)
    signals.get_generators.connect(start_run)
    signals.generator_init.connect(remember_generator)
    signals.static_generator_finalized.connect(check_pages)
    signals.finalized.connect(fail_on_late_warnings)
