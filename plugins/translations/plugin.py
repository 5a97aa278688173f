"""Signal wiring of the translations plugin: pairs, English challenges, fallbacks."""

from eig_common import boundaries
from jekyll_compat.errors import ERROR_LOG, EditorError
from pelican import signals

from . import challenges, fallbacks, pairing, settings, sitemap_links
from .languages import Languages


def start(pelican):
    """Check the settings; templates read the pairs of addresses as I18N."""
    config = pelican.settings
    config["I18N"] = Languages(settings.load(config), config["DEFAULT_LANG"])


def start_run(pelican):
    pelican.settings["I18N"].reset()


def set_key(content):
    languages = content.settings.get("I18N")
    if languages is not None:  # None: a content object made outside a build
        pairing.set_key(content, languages.options)


def pair_pages(generator):
    """Record the pairs Pelican found, and give English pages their templates."""
    options = settings.load(generator.settings)
    languages = generator.settings["I18N"]
    every = [
        *generator.pages,
        *generator.translations,
        *generator.hidden_pages,
        *generator.hidden_translations,
    ]
    for page, name in pairing.use_translated_templates(every, options, generator.settings):
        ERROR_LOG.report(
            EditorError(
                page.relative_source_path,
                None,
                f"la page anglaise demande le gabarit templates/{name}.html, qui n'existe pas",
                f"utilisez une mise en page qui a sa version anglaise dans templates/"
                f"{options['template_prefix']}, ou ajoutez ce gabarit",
            )
        )
    for page in every:
        if page.lang != options["lang"]:
            for english in page.translations:
                languages.pair(page.url, english.url, translated=True)


def add_challenges(generator):
    challenges.add_english_challenges(
        generator, settings.load(generator.settings), generator.settings["I18N"]
    )


def add_generator(pelican):
    return fallbacks.FallbackPagesGenerator


def register():
    boundaries.declare(
        "translations",
        needs=["jekyll_compat", "challenge_index", "sitemap"],
        after=["challenge_index", "sitemap"],
        spec=settings.SPEC,
    )
    # initialized: before any file is read; content_object_init: Pelican pairs pages
    # by their key once all are read; page/article_generator_finalized: pairs known,
    # nothing written (after challenge_index, which orders the challenges);
    # finalized: after pelican-sitemap wrote sitemap.xml.
    signals.initialized.connect(start)
    signals.get_generators.connect(start_run)
    signals.get_generators.connect(add_generator)
    signals.content_object_init.connect(set_key)
    signals.page_generator_finalized.connect(pair_pages)
    signals.article_generator_finalized.connect(add_challenges)
    signals.finalized.connect(sitemap_links.fix_sitemap)
