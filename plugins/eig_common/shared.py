"""What plugins hand each other during one build run, under one settings key.

`shared(settings)` is the run's `Shared` object: generators that write files of their
own claim them here (the duplicate-URL check and the link check read the claims), and
jekyll_compat puts the redirects of `redirect_from:` here for deploy_rules. It is
emptied at the start of each run (`pelican --autoreload` runs several).
"""

from dataclasses import dataclass, field

KEY = "PLUGINS_SHARED"


@dataclass
class Shared:
    # (save_as, source named in messages) of every file a plugin's generator writes.
    claims: list = field(default_factory=list)
    # jekyll_compat.redirects.Redirect of each `redirect_from:` address.
    redirects: list = field(default_factory=list)

    def reset(self):
        self.claims.clear()
        self.redirects.clear()

    def claim(self, pairs):
        """Record (save_as, source) pairs a generator will write."""
        self.claims.extend(pairs)


def shared(settings):
    """The run's Shared object, made on first use (settings and context hold the same)."""
    value = settings.get(KEY)
    if value is None:
        value = settings[KEY] = Shared()
    return value
