"""Structured data for job search: each challenge as a JobPosting, the call's dates as Events.

Templates print it through partials/structured_data.html, which asks STRUCTURED_DATA
for the page being written; every value goes through json_ld.dumps.
"""

from eig_common import boundaries
from eig_common.options import SettingsError
from pelican import signals
from pelican.generators import PagesGenerator

from . import events, json_ld, postings, settings

KEY = "STRUCTURED_DATA"


class StructuredData:
    """What templates know of the structured data (`STRUCTURED_DATA` in their context)."""

    def __init__(self, config):
        self.options = settings.load(config)
        self.call = config["CALL"]
        self.site = (config["SITENAME"], config.get("SITEURL", ""))
        self.lang = config["DEFAULT_LANG"]  # translations carry no copy of the data

    def challenge(self, article, body):
        """The JobPosting of a challenge page, as JSON-LD text, or "" once the call is closed."""
        data = postings.job_posting(article, body, self.call, self.options, self.site)
        return "" if data is None else json_ld.dumps(data)

    def page(self, page):
        """The call's Events on the page that lists its key dates; "" on any other page
        (a translation, or a page written from no source file, such as an English fallback)."""
        if page.lang != self.lang or page.relative_source_path != self.options["events_page"]:
            return ""
        return json_ld.dumps(events.call_events(self.call, self.options, *self.site))


def start(pelican):
    """Check the settings, once the call's state is known (application_call)."""
    pelican.settings[KEY] = StructuredData(pelican.settings)


def check_events_page(generators):
    """The page named to carry the key dates exists: a typo would silently drop them."""
    readers = [g for g in generators if isinstance(g, PagesGenerator)]
    wanted = readers[0].settings[KEY].options["events_page"] if readers else None
    if wanted is None:
        return
    pages = [p for g in readers for p in (*g.pages, *g.hidden_pages)]
    if not any(page.relative_source_path == wanted for page in pages):
        raise SettingsError.one(
            "job_postings",
            f"JOB_POSTINGS['events_page'] = {wanted!r} : aucune page n'est écrite depuis ce "
            "fichier ; donnez le fichier de la page qui liste les dates clés (comme "
            "'pages/reglement.md'), ou None",
        )


def register():
    boundaries.declare("job_postings", spec=settings.SPEC, after=["application_call"])
    # initialized, after application_call's receiver: CALL is set; templates come later.
    signals.initialized.connect(start)
    # all_generators_finalized: every page is read, nothing is written yet; PLUGINS lists
    # jekyll_compat first, so its receiver tells an editor's mistake in a page first.
    signals.all_generators_finalized.connect(check_events_page)
