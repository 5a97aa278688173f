"""What plugins hand each other during one build run, under one settings key.

`shared(settings)` is the run's `Shared` object: generators that write files of their
own claim them here (the duplicate-URL check and the link check read the claims), and
jekyll_compat puts the redirects of `redirect_from:` here for deploy_rules, which also
reads the content types that plugins declare for their files. Its claims
and redirects are emptied at the start of each run (`pelican --autoreload` runs
several); files that plugins write outside generators are declared once, at start.
"""

from dataclasses import dataclass, field

KEY = "PLUGINS_SHARED"


@dataclass
class Shared:
    # (save_as, source named in messages, whether the source is a content file) of every
    # file a plugin's generator writes this run.
    claims: list = field(default_factory=list)
    # jekyll_compat.redirects.Redirect of each `redirect_from:` address.
    redirects: list = field(default_factory=list)
    # URL paths of files plugins write whose names carry a hash of their bytes (share
    # images), that servers may let browsers keep a year, as asset_fingerprints' files.
    fingerprinted: list = field(default_factory=list)
    # (save_as, source) of files plugins write outside generators (sitemap.xml, server
    # rules), declared on `initialized`: kept across runs.
    declared: list = field(default_factory=list)
    # save_as -> Content-Type of files whose extension does not tell servers their type
    # (feed.xml is Atom, not any XML), declared on `initialized`: kept across runs.
    content_types: dict = field(default_factory=dict)

    def reset(self):
        self.claims.clear()
        self.redirects.clear()
        self.fingerprinted.clear()

    def claim(self, pairs, from_content=False):
        """Record (save_as, source) pairs a generator will write; `from_content`: each
        source is a content file (a redirect's page), which the editor can change."""
        self.claims.extend((save_as, source, from_content) for save_as, source in pairs)

    def declare(self, save_as, source):
        """A file a plugin writes itself, so that no page or redirect takes its address."""
        if (save_as, source) not in self.declared:
            self.declared.append((save_as, source))

    def content_type(self, save_as, value):
        """The Content-Type servers must send for a file a plugin writes (deploy_rules)."""
        self.content_types[save_as] = value


def shared(settings):
    """The run's Shared object, made on first use (settings and context hold the same)."""
    value = settings.get(KEY)
    if value is None:
        value = settings[KEY] = Shared()
    return value
