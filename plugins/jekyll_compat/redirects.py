"""`redirect_from:` (the jekyll-redirect-from convention): a small page per old URL."""

from dataclasses import dataclass
from itertools import chain

from eig_common.shared import shared
from pelican.generators import Generator

from . import config
from .permalinks import output_path

CONTENT_LISTS = ("articles", "hidden_articles", "pages", "hidden_pages")
# What an old address may hold: it becomes a file name, a key of the nginx rules and a
# line of _redirects, so no quote, space, ";" or bracket (the rest is %-encoded).
OLD_URL_CHARS = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._~!$()*+,=:@%-"
)


def old_url_problem(url):
    """What keeps `url` from being an old address, in French, or None."""
    odd = sorted(set(url) - OLD_URL_CHARS)
    if not odd:
        return None
    shown = ", ".join("une espace" if ch == " " else f"« {ch} »" for ch in odd)
    return f"« {url} » contient {shown}"


@dataclass(frozen=True)
class Redirect:
    url: str
    save_as: str
    target: object  # the Pelican content the old URL now points to
    # Not a page of its own: sitemaps (the sitemap plugin reads `status`) leave it out.
    status: str = "redirect"


class RedirectGenerator(Generator):
    """Writes one redirect page (meta refresh, canonical link, plain link) per old URL."""

    def generate_context(self):
        contents = chain.from_iterable(self.context.get(name, ()) for name in CONTENT_LISTS)
        self.redirects = [
            Redirect(old, output_path(old)[1], content)
            for content in contents
            for old in getattr(content, "redirect_from", ())
        ]
        # For the duplicate-URL check, the link check and deploy_rules' redirects.
        shared(self.settings).claim(self.output_claims(), from_content=True)
        shared(self.settings).redirects[:] = self.redirects

    def output_claims(self):
        """(save_as, source) pairs, for the duplicate-URL check."""
        return [(r.save_as, r.target.relative_source_path) for r in self.redirects]

    def generate_output(self, writer):
        if not self.redirects:  # a theme needs the redirect template only when it is used
            return
        template = self.get_template(config.load(self.settings).redirect_template)
        for redirect in self.redirects:
            writer.write_file(
                redirect.save_as,
                template,
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                target=redirect.target,
                redirect=redirect,
                page=redirect,  # what content_written listeners (sitemap) look at
            )
