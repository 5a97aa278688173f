"""Jekyll permalinks: a pattern and a document's values -> URL and output file."""

import re
from urllib.parse import quote

# Jekyll's built-in styles, for posts (documents with a date).
STYLES = {
    "pretty": "/:categories/:year/:month/:day/:title/",
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
# What the styles give pages, which have no date.
PAGE_STYLES = {"pretty": "/:path/:basename/"}
PAGE_STYLE_OTHERWISE = "/:path/:basename:output_ext"
DATE_PLACEHOLDERS = (
    "year",
    "month",
    "i_month",
    "day",
    "i_day",
    "short_year",
    "y_day",
)
PLACEHOLDERS = (
    *DATE_PLACEHOLDERS,
    "title",
    "slug",
    "categories",
    "path",
    "basename",
    "output_ext",
)
# Longest first, so that `:title` is not read as a shorter name.
PLACEHOLDER = re.compile(":(" + "|".join(sorted(PLACEHOLDERS, key=len, reverse=True)) + ")")
LEFTOVER = re.compile(r":[a-z_]+")
OUTPUT_EXT = ".html"
URL_SAFE = "/:@!$&'()*+,;=-._~"


NOT_SLUG = re.compile(r"[\W_]+")


def slugify(text):
    """Jekyll's default slugify: lower case, runs of non-letters/digits -> "-"."""
    return NOT_SLUG.sub("-", text.lower()).strip("-")


class PermalinkError(ValueError):
    """A permalink that cannot give a URL; the message says why, in French."""


def default_pattern(style, is_page):
    if is_page:
        return PAGE_STYLES.get(style, PAGE_STYLE_OTHERWISE)
    return STYLES[style]


def _date_values(date):
    return {
        "year": f"{date.year:04d}",
        "month": f"{date.month:02d}",
        "i_month": str(date.month),
        "day": f"{date.day:02d}",
        "i_day": str(date.day),
        "short_year": f"{date.year % 100:02d}",
        "y_day": f"{date.timetuple().tm_yday:03d}",
    }


def expand(pattern, *, date, title, slug, categories, path, basename):
    """The URL path (leading slash) that `pattern` gives these values."""
    pattern = STYLES.get(pattern, pattern)
    values = {
        "title": title,
        "slug": slug,
        "categories": "/".join(c.lower() for c in categories),
        "path": path,
        "basename": basename,
        "output_ext": OUTPUT_EXT,
    }
    if date is not None:
        values.update(_date_values(date))

    def substitute(match):
        name = match.group(1)
        if name not in values:
            raise PermalinkError(
                f"le permalien utilise « :{name} » mais le fichier n'a pas de date"
            )
        return values[name]

    url = PLACEHOLDER.sub(substitute, pattern)
    leftover = LEFTOVER.search(url)
    if leftover:
        raise PermalinkError(
            f"le permalien contient « {leftover.group(0)} », qui n'est pas un "
            "paramètre connu (connus : " + ", ".join(":" + p for p in PLACEHOLDERS) + ")"
        )
    return normalize(url)


def normalize(url):
    """A site-relative URL path, checked: it must stay inside the site."""
    if not isinstance(url, str) or not url.strip():
        raise PermalinkError("l'adresse est vide")
    url = url.strip()
    if "://" in url:
        raise PermalinkError(f"« {url} » est une adresse complète, pas un chemin du site")
    if any(ch in url for ch in "?#\\") or any(ord(ch) < 32 for ch in url):
        raise PermalinkError(f"« {url} » contient l'un des caractères ? # \\ ou une tabulation")
    trailing = url.endswith("/")
    parts = [p for p in url.split("/") if p]
    if any(p in (".", "..") for p in parts):
        raise PermalinkError(f"« {url} » sort du site avec « .. » ou « . »")
    joined = "/" + "/".join(parts)
    return joined + "/" if trailing and parts else joined


def output_path(url):
    """(Pelican url, save_as) for a normalized URL path, as Jekyll writes it.

    `/a/b/` -> `a/b/index.html`; `/a.html` -> `a.html`; `/a` -> `a.html`.
    """
    relative = url.lstrip("/")
    if relative == "" or url.endswith("/"):
        save_as = relative + "index.html"
    elif relative.endswith(OUTPUT_EXT):
        save_as = relative
    else:
        save_as = relative + OUTPUT_EXT
    # As Jekyll does: the link is escaped (a space is %20), the file name is not.
    return quote(relative, safe=URL_SAFE), save_as
