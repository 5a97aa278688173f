"""Where a French page has no English version, its English address says so, in English.

The language selector of every French page then leads somewhere: to the English
page, or to this one, which links back to the French page.
"""

from dataclasses import dataclass

from eig_common.shared import shared
from pelican.generators import Generator

from . import settings as translation_settings


@dataclass(frozen=True)
class Fallback:
    """The page templates get as `page`; hidden: no search engine lists it (sitemap)."""

    url: str
    save_as: str
    french_url: str
    french_title: str
    title: str = "Only in French"
    lang: str = "en"
    status: str = "hidden"
    translations: tuple = ()


def _english_of(page, lang):
    return next((t for t in getattr(page, "translations", ()) if t.lang == lang), None)


def fallbacks(context, options):
    """A Fallback for each French page or skill page that has no English version."""
    prefix, lang = options["url_prefix"], options["lang"]
    found = []
    pages = [*context.get("pages", ()), *context.get("hidden_pages", ())]
    for page in pages:
        if page.lang == lang or _english_of(page, lang) is not None:
            continue
        found.append(Fallback(prefix + page.url, prefix + page.save_as, page.url, page.title))
    for skill in context.get("skills", ()):
        found.append(Fallback(prefix + skill.url, prefix + skill.save_as, skill.url, skill.name))
    return found


class FallbackPagesGenerator(Generator):
    """Writes /en/<address>/ for each French page without an English version."""

    def generate_context(self):
        self.options = translation_settings.load(self.settings)
        languages = self.settings["I18N"]
        self.fallbacks = fallbacks(self.context, self.options)
        for fallback in self.fallbacks:
            languages.pair(fallback.french_url, fallback.url, translated=False)
        shared(self.settings).claim(
            (f.save_as, f"version anglaise absente de /{f.french_url}") for f in self.fallbacks
        )

    def generate_output(self, writer):
        if not self.fallbacks:
            return
        template = self.get_template(self.options["fallback_template"])
        for fallback in self.fallbacks:
            writer.write_file(
                fallback.save_as,
                template,
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                page=fallback,
            )
