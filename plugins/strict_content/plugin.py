"""Signal wiring of the strict_content plugin."""

import logging

from eig_common import boundaries
from eig_common.options import ListOf, SettingsError, Spec, SubConfig, Text
from jekyll_compat import config as jekyll_config
from jekyll_compat.errors import ERROR_LOG, BuildFailed
from pelican import signals

from . import (
    checks,
    pelican_warnings,
    safe_html,
    safe_markup,
    site_paths,
    static_files,
    template_links,
)

logger = logging.getLogger(__name__)
# SettingsError: eig_common's
__all__ = ["SPEC", "SettingsError", "load", "markup", "passed", "register"]

SETTING = "STRICT_CONTENT"
DEFAULTS = {
    # Files that plugins write without claiming them (pelican-sitemap writes
    # sitemap.xml at the end): links to them are not broken.
    "also_built": ["sitemap.xml"],
    # Settings of (label, url) pairs that templates show as links (the menu, the
    # footer): each site address in them must lead to a built page.
    "template_links": [],
}


class Run:
    """What one build run has seen so far."""

    def __init__(self):
        self.generators = []
        self.collector = None
        self.also_built = ()
        self.passed = set()  # the rendered HTML that the allow-list accepted this run
        self.template_links = ()


RUN = Run()


SPEC = Spec(
    "strict_content",
    {
        SETTING: SubConfig(
            {
                "also_built": ListOf(
                    Text(),
                    default=DEFAULTS["also_built"],
                    hint="une liste de chemins du dossier de sortie, comme « sitemap.xml »",
                ),
                "template_links": ListOf(
                    Text(),
                    default=DEFAULTS["template_links"],
                    hint="une liste de noms de réglages, comme « NAVIGATION »",
                ),
            },
            quote="'",
        )
    },
)


def load(settings):
    values = SPEC.load(settings)[SETTING]
    names = values["template_links"]
    unknown = [name for name in names if name not in settings]
    if unknown:
        raise SettingsError.one(
            "strict_content",
            f"{SETTING}['template_links'] nomme des réglages qui n'existent pas : "
            + ", ".join(unknown),
        )
    return [p.lstrip("/") for p in values["also_built"]], list(names)


def start(pelican):
    """Check the settings and listen to Pelican's warnings from now on."""
    RUN.also_built, RUN.template_links = load(pelican.settings)
    safe_html.install(pelican.settings, markup)
    RUN.collector = pelican_warnings.install()


def start_run(pelican):
    """Each run (autoreload makes several) starts with no generator and no warning."""
    RUN.generators = []
    RUN.passed = set()
    if RUN.collector is not None:
        RUN.collector.records = []
        RUN.collector.active = True


def passed(html):
    """Whether `html` is rendered HTML that this run's allow-list accepted (what a template
    may print unescaped)."""
    return html in RUN.passed


def markup(html):
    """`html` as Markup for an autoescaping template, if the allow-list accepts it; else
    the build stops (safe_markup.RefusedHTML). The one place that marks a body safe."""
    return safe_markup.markup(html, RUN.passed)


def remember_generator(generator):
    RUN.generators.append(generator)


def check_pages(static_generator):
    """Every page's body against what the run builds, before jekyll_compat tells the errors."""
    settings = static_generator.settings
    context = static_generator.context
    built = site_paths.built_paths(RUN.generators, settings, RUN.also_built)
    contents = [c for c in context.get("generated_content", {}).values() if c is not None]
    for content in sorted(contents, key=lambda c: c.relative_source_path):
        errors, accepted = checks.check(
            content, settings["PATH"], context, built, settings["SITEURL"]
        )
        for error in errors:
            ERROR_LOG.report(error)
        RUN.passed.update(accepted)
    static = [s.relative_source_path for s in context.get("static_content", {}).values()]
    for error in static_files.static_problems(settings["PATH"], static):
        ERROR_LOG.report(error)
    includes = jekyll_config.load(settings).includes
    for error in static_files.include_problems(settings["PATH"], includes):
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
    # jekyll_compat tells the errors this plugin finds (and its file names' rules).
    boundaries.declare("strict_content", needs=["jekyll_compat"], spec=SPEC)
    signals.initialized.connect(start)
    signals.get_generators.connect(start_run)
    signals.generator_init.connect(remember_generator)
    signals.static_generator_finalized.connect(check_pages)
    signals.finalized.connect(fail_on_late_warnings)
