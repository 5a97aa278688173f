"""Challenges grouped by one of their facts (a skill, the administration, the place).

A group's page address comes from its name's slug: two names that only differ by case,
accents or spacing are one group; two other names with one slug are an editor's error.
"""

import unicodedata
from dataclasses import dataclass, field

from content_schema.schema import plain


@dataclass(eq=False)  # a group is itself: compared by identity, not by its whole list
class Group:
    name: str
    slug: str
    url: str
    save_as: str
    challenges: list = field(default_factory=list)
    unknown: bool = False  # the group of challenges that do not give the fact


@dataclass(frozen=True)
class Clash:
    """Two spellings that would share one page: (challenge, name) of each."""

    first: tuple
    second: tuple
    url: str


def sort_key(text):
    """French alphabetical order: accents and case do not count."""
    plain_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return plain_text.casefold()


def names_of(value, split=False):
    """A fact's values: a list as given, else one text (comma-separated items if `split`)."""
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if str(v).strip()]
    if split:
        return [n.strip() for n in str(value).split(",") if n.strip()]
    return [str(value)]


class Grouping:
    """Groups of one fact, filled challenge by challenge, in the challenges' order."""

    def __init__(self, slug_of, url, save_as, unknown=None):
        self.slug_of, self.url, self.save_as = slug_of, url, save_as
        self.unknown_name = unknown  # name of the group of challenges without the fact
        self.groups = {}
        self.members = {}  # slug -> ids of its challenges: no list scan per challenge
        self.first = {}  # slug -> (challenge, name) that made the group
        self.clashes = []
        self.empty = []  # (challenge, name) whose name has no letter or digit

    def _group(self, name, slug, unknown=False):
        if slug not in self.groups:
            self.groups[slug] = Group(
                name, slug, self.url.format(slug=slug), self.save_as.format(slug=slug), [], unknown
            )
        return self.groups[slug]

    def add(self, challenge, names):
        """The groups of `challenge` for its `names` (the unknown group when none)."""
        found = []
        for name in names:
            slug = self.slug_of(name)
            if not slug:
                self.empty.append((challenge, name))
                continue
            first = self.first.setdefault(slug, (challenge, name))
            if first[1] != name and plain(first[1]) != plain(name):
                self.clashes.append(Clash(first, (challenge, name), self.url.format(slug=slug)))
                continue
            group = self._group(first[1], slug)
            members = self.members.setdefault(slug, set())
            if id(challenge) not in members:
                members.add(id(challenge))
                group.challenges.append(challenge)
                found.append(group)
        if not found and not names and self.unknown_name:
            group = self._group(self.unknown_name, self.slug_of(self.unknown_name), unknown=True)
            group.challenges.append(challenge)
            found.append(group)
        return found

    def sorted(self):
        """The groups in French alphabetical order, the unknown one last."""
        return sorted(self.groups.values(), key=lambda g: (g.unknown, sort_key(g.name), g.slug))
