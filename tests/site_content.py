"""What a site's content and settings say it must build: read from its files, never listed.

The real-site tests take their expectations from here, so an editor's valid change
(a challenge added, removed or renamed, new dates, a new form) changes what they
expect instead of turning them red. EIG_SITE=<folder> points them at another copy
of the site (tests/test_next_call.py does).
"""

import copy
import functools
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit
from zoneinfo import ZoneInfo

import yaml
from jekyll_compat.filenames import DATED_NAME
from jekyll_compat.permalinks import output_path
from pelican.settings import read_settings
from pelican.utils import slugify

ROOT = Path(__file__).resolve().parent.parent
SITE_ROOT = Path(os.environ.get("EIG_SITE") or ROOT).resolve()
CHALLENGES = "content/defis"
PAGES = "pages"
# The site's design, not its content: where the skill pages live (plugins/challenge_index).
SKILL_URL = "/defis/competence/{slug}/"
ADMINISTRATION_URL = "/defis/administration/{slug}/"
PLACE_URL = "/defis/lieu/{slug}/"
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*(?:\n|\Z)", re.S)


@functools.cache
def settings(conf="pelicanconf.py"):
    """The site's settings, as Pelican reads them."""
    return read_settings(str(SITE_ROOT / conf))


# libyaml reads front matter as Python's parser does (tests/test_front_matter_yaml.py).
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.lru_cache(maxsize=4096)
def _parsed(text):
    """The front matter of a file's text: collecting reads each file hundreds of times."""
    match = FRONT_MATTER.match(text)
    data = yaml.load(match.group(1), Loader=LOADER) if match else None
    return data if isinstance(data, dict) else {}


def front_matter(path):
    """A content file's front matter (the tests read files the build accepted)."""
    # Keyed by the text itself, never by the file's date: a test may rewrite a file within
    # the same tick of the clock. A copy, so that a caller's change never reaches the cache.
    return copy.deepcopy(_parsed(path.read_text(encoding="utf-8")))


def _words(value):
    if value is None:
        return []
    if isinstance(value, str):
        return value.split()
    return [str(v) for v in value]


def _built(front):
    return front.get("published", True) is not False and front.get("status") != "draft"


@dataclass(frozen=True)
class Challenge:
    """One file of content/defis, as its page and card must show it."""

    source: str  # path from the site's root
    slug: str
    url: str
    title: str
    numero: object
    administration: str
    place: str | None
    skills: tuple
    listed: bool  # status: hidden is built, but on no list
    redirects: tuple

    @property
    def save_as(self):
        return output_path(self.url)[1]


def challenges(root=SITE_ROOT):
    """The built challenges, in the lists' order (their number, then their title)."""
    found = []
    for path in sorted((root / CHALLENGES).glob("*.md")):
        front = _parsed(path.read_text(encoding="utf-8"))  # read only
        if not _built(front):
            continue
        match = DATED_NAME.match(path.stem)
        slug = str(front.get("slug") or (match.group(4) if match else path.stem))
        url = front.get("permalink") or f"/defis/{slug}/"
        skills = front.get("competences") or []
        if isinstance(skills, str):
            skills = [s.strip() for s in skills.split(",") if s.strip()]
        found.append(
            Challenge(
                source=path.relative_to(root).as_posix(),
                slug=slug,
                url=url,
                title=str(front.get("title") or front.get("modal-id")),
                numero=front.get("numero"),
                administration=str(front.get("administration") or front.get("owner")),
                place=front.get("lieu"),
                skills=tuple(str(s) for s in skills),
                listed=front.get("status") != "hidden",
                redirects=tuple(_words(front.get("redirect_from"))),
            )
        )

    def order(c):
        number = c.numero if isinstance(c.numero, (int, float)) else 0
        return (c.numero is None, number, _plain(c.title))

    return sorted(found, key=order)


def _plain(text):
    """French alphabetical order: accents and case do not count."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


@dataclass(frozen=True)
class Skill:
    name: str
    url: str
    challenges: tuple  # URLs of the listed challenges that seek it, in order

    @property
    def save_as(self):
        return output_path(self.url)[1]


def skills(root=SITE_ROOT):
    """One page per skill a listed challenge seeks, in French alphabetical order."""
    subs = settings()["SLUG_REGEX_SUBSTITUTIONS"]
    found = {}
    for challenge in challenges(root):
        for name in challenge.skills:
            slug = slugify(name, regex_subs=subs)
            found.setdefault(slug, (name, []))[1].append(challenge.url)
    return [
        Skill(name, SKILL_URL.format(slug=slug), tuple(urls))
        for slug, (name, urls) in sorted(found.items(), key=lambda kv: _plain(kv[1][0]))
    ]


def unknown_place():
    """The name of the place group of challenges without `lieu` (a setting, or its default)."""
    return (settings().get("CHALLENGE_INDEX") or {}).get("unknown_place", "lieu à préciser")


def _groups(url, names_of, unknown=None):
    """Pages of one fact: names differing only by case or accents share one, by slug."""
    subs = settings()["SLUG_REGEX_SUBSTITUTIONS"]
    found = {}
    for challenge in challenges():
        if not challenge.listed:
            continue
        names = names_of(challenge) or ([unknown] if unknown else [])
        for name in names:
            slug = slugify(name, regex_subs=subs)
            entry = found.setdefault(slug, (name, name == unknown and not names_of(challenge), []))
            if challenge.url not in entry[2]:
                entry[2].append(challenge.url)
    ordered = sorted(found.items(), key=lambda kv: (kv[1][1], _plain(kv[1][0])))
    return [Skill(name, url.format(slug=slug), tuple(urls)) for slug, (name, _, urls) in ordered]


def administrations():
    """One page per administration of a listed challenge, in French alphabetical order."""
    return _groups(ADMINISTRATION_URL, lambda c: [c.administration])


def places():
    """One page per place of a listed challenge; those without one are on the last page."""
    return _groups(PLACE_URL, lambda c: [str(c.place)] if c.place else [], unknown_place())


@dataclass(frozen=True)
class Page:
    source: str
    url: str
    title: str
    listed: bool

    @property
    def save_as(self):
        return output_path(self.url)[1]


def _default_permalink(rel):
    """The permalink JEKYLL_COMPAT's defaults give this very file, if any."""
    for default in (settings().get("JEKYLL_COMPAT") or {}).get("defaults", []):
        if default.get("scope", {}).get("path") == rel:
            link = default.get("values", {}).get("permalink")
            if link:
                return link
    return None


def pages(root=SITE_ROOT):
    """The built pages of pages/ (not the challenges), by source file."""
    found = []
    for path in sorted((root / PAGES).glob("*.md")):
        front = _parsed(path.read_text(encoding="utf-8"))  # read only
        if not _built(front):
            continue
        rel = path.relative_to(root).as_posix()
        url = front.get("permalink") or _default_permalink(rel) or f"/{path.stem}/"
        found.append(Page(rel, url, str(front.get("title", "")), front.get("status") != "hidden"))
    return found


def page_urls(root=SITE_ROOT):
    """Every HTML page's URL path: pages, challenges, skill pages."""
    return [
        *(p.url for p in pages(root)),
        *(c.url for c in challenges(root)),
        *(s.url for s in skills(root)),
        *(a.url for a in administrations()),
        *(p.url for p in places()),
    ]


def redirect_urls(root=SITE_ROOT):
    """The old addresses that the content's redirect_from keys send to their page."""
    return [old for c in challenges(root) for old in c.redirects]


# -- the call ------------------------------------------------------------------------


def call_dates():
    """(opens, closes) of the call, as aware datetimes in the site's time zone."""
    conf = settings()
    zone = ZoneInfo(conf["TIMEZONE"])
    return tuple(
        datetime.fromisoformat(conf[key]).replace(tzinfo=zone)
        for key in ("CALL_OPENS", "CALL_CLOSES")
    )


def call_moments():
    """A build moment at each state's edge (the closing minute itself is still open)."""
    opens, closes = call_dates()
    second = timedelta(seconds=1)
    return {"upcoming": opens - second, "open": closes, "closed": closes + second}


def form_url():
    return settings()["APPLICATION_FORM_URL"]


def challenge_form_url(slug):
    """The form's address from a challenge's page while the call is open: naming the
    challenge in its query where APPLICATION_CALL["challenge_parameter"] is set."""
    parameter = settings()["APPLICATION_CALL"].get("challenge_parameter")
    if not parameter:
        return form_url()
    parts = urlsplit(form_url())
    query = [*parse_qsl(parts.query, keep_blank_values=True), (parameter, slug)]
    return urlunsplit(parts._replace(query=urlencode(query)))


def form_embedded():
    """Whether /candidater/ embeds the form while the call is open (FORM_EMBED, off unless
    set)."""
    return bool(settings().get("FORM_EMBED", False))


def frame_source():
    """The policy's frame-src: the form's origin where the form is embedded, else 'none'."""
    if not form_embedded():
        return "'none'"
    form = urlsplit(form_url())
    return f"{form.scheme}://{form.netloc}"


MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


def french_day(value):
    """'1er octobre 2017', '27 octobre 2017': how the pages write a date."""
    number = "1er" if value.day == 1 else str(value.day)
    return f"{number} {MONTHS[value.month - 1]} {value.year}"


def french_moment(value):
    """'27 octobre 2017 à 23 h 59'."""
    return f"{french_day(value)} à {value.hour} h {value.minute:02d}"


def published_redirects(root=SITE_ROOT):
    """Old address -> page when published: redirect_from keys, then publishconf's OLD_PAGE_URLS."""
    moved = {old: c.url for c in challenges(root) for old in c.redirects}
    by_source = {p.source: p.url for p in pages(root)}
    for source, old in (settings("publishconf.py").get("OLD_PAGE_URLS") or {}).items():
        if source in by_source:
            moved[old] = by_source[source]
    return moved
