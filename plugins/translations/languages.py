"""Which address is which address's translation: what the selector and hreflang links read."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Alternate:
    lang: str
    label: str  # the language's name, in that language
    url: str  # relative to the site
    translated: bool  # False: a page that says this one exists in French only


class Languages:
    """`I18N` in templates: the languages of the site and the pairs of addresses."""

    def __init__(self, options, default_lang):
        self.options = options
        self.default = default_lang
        self.other = options["lang"]
        self.prefix = options["url_prefix"]
        self.labels = options["labels"]
        self.pairs = {}  # url -> {lang: (url, translated)}

    def reset(self):
        self.pairs.clear()

    def lang_of(self, url):
        """The language of the page at `url` (relative to the site)."""
        return self.other if str(url).lstrip("/").startswith(self.prefix) else self.default

    def english_url(self, url):
        """The other language's address of the default language's page at `url`."""
        return self.prefix + str(url).lstrip("/")

    def pair(self, default_url, other_url, translated):
        """Record that the two addresses show one page (`translated`: the other is a
        translation, not a fallback)."""
        entry = {self.default: (default_url, True), self.other: (other_url, translated)}
        self.pairs[default_url] = entry
        self.pairs[other_url] = entry

    def alternates(self, url):
        """One Alternate per language for the page at `url`, or [] for a page of one
        language only (a redirect, the back office)."""
        entry = self.pairs.get(url)
        if entry is None:
            return []
        return [
            Alternate(lang, self.labels.get(lang, lang), target, translated)
            for lang, (target, translated) in entry.items()
        ]

    def translated(self, url):
        """The translations of the page at `url` (for hreflang): none if only a fallback."""
        found = self.alternates(url)
        if any(not a.translated for a in found):
            return []
        return found
