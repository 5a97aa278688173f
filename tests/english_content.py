"""What the English version must build, read from the content and the settings, never listed.

English pages are the files of pages/en/ (each at /en/ + its French page's address);
every challenge has an English page; every French page or skill page without an
English version has one saying so (plugins/translations).
"""

from dataclasses import dataclass

import site_content
from jekyll_compat.permalinks import output_path

ENGLISH_FOLDER = "pages/en"
# The site's design, not its content: the English addresses' prefix.
PREFIX = "/en"

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def english_day(value):
    """'27 October 2017': how the English pages write a date."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def english_moment(value):
    """'27 October 2017 at 23:59'."""
    return f"{english_day(value)} at {value.hour:02d}:{value.minute:02d}"


@dataclass(frozen=True)
class EnglishPage:
    source: str
    url: str
    title: str
    french_url: str | None  # the French page it translates, if there is one
    layout: str

    @property
    def save_as(self):
        return output_path(self.url)[1]


def english_url(french_url):
    return PREFIX + french_url


def english_pages(root=site_content.SITE_ROOT):
    """The built pages of pages/en/, each with the address of the French page it translates."""
    french = {p.url for p in site_content.pages(root)}
    found = []
    for path in sorted((root / ENGLISH_FOLDER).glob("*.md")):
        front = site_content.front_matter(path)
        if front.get("published", True) is False or front.get("status") == "draft":
            continue
        url = front.get("permalink") or f"{PREFIX}/{path.stem}/"
        french_url = url[len(PREFIX) :] if url.startswith(PREFIX + "/") else None
        found.append(
            EnglishPage(
                path.relative_to(root).as_posix(),
                url,
                str(front.get("title", "")),
                french_url if french_url in french else None,
                str(front.get("layout") or "page"),
            )
        )
    return found


@dataclass(frozen=True)
class EnglishChallenge:
    french: site_content.Challenge
    title_en: str | None
    resume_en: str | None
    profils_en: tuple

    @property
    def url(self):
        return english_url(self.french.url)

    @property
    def save_as(self):
        return output_path(self.url)[1]


def english_challenges(root=site_content.SITE_ROOT):
    """Every built challenge's English page, with the English keys of its file."""
    found = []
    for challenge in site_content.challenges(root):
        front = site_content.front_matter(root / challenge.source)
        found.append(
            EnglishChallenge(
                challenge,
                str(front["title_en"]).strip() if front.get("title_en") else None,
                str(front["resume_en"]).strip() if front.get("resume_en") else None,
                tuple(str(p) for p in front.get("profils_en") or ()),
            )
        )
    return found


@dataclass(frozen=True)
class Fallback:
    french_url: str
    french_save_as: str

    @property
    def url(self):
        return english_url(self.french_url)

    @property
    def save_as(self):
        return "en/" + self.french_save_as


def fallbacks(root=site_content.SITE_ROOT):
    """The French pages and skill pages that have no English version."""
    translated = {p.french_url for p in english_pages(root)}
    found = [
        Fallback(p.url, p.save_as) for p in site_content.pages(root) if p.url not in translated
    ]
    found += [Fallback(s.url, s.save_as) for s in site_content.skills(root)]
    return found


def pairs(root=site_content.SITE_ROOT):
    """(French save_as, English save_as, translated) of every French page."""
    by_url = {p.url: p for p in site_content.pages(root)}
    found = [
        (by_url[p.french_url].save_as, p.save_as, True) for p in english_pages(root) if p.french_url
    ]
    found += [(c.french.save_as, c.save_as, True) for c in english_challenges(root)]
    found += [(f.french_save_as, f.save_as, False) for f in fallbacks(root)]
    return found


def english_files(root=site_content.SITE_ROOT):
    """Every English HTML file the build writes."""
    return {
        *(p.save_as for p in english_pages(root)),
        *(c.save_as for c in english_challenges(root)),
        *(f.save_as for f in fallbacks(root)),
    }


def english_call_texts():
    """(opens, closes moment) as the English pages write them."""
    opens, closes = site_content.call_dates()
    return english_day(opens), english_moment(closes)


def english_urls(root=site_content.SITE_ROOT):
    """Every English HTML page's URL path (as site_content.page_urls gives the French ones)."""
    return [
        *(p.url for p in english_pages(root)),
        *(c.url for c in english_challenges(root)),
        *(f.url for f in fallbacks(root)),
    ]
