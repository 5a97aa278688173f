"""Jekyll 4.3's URLs: a page's or a document's template and placeholders -> URL and file."""

import re
import unicodedata
from urllib.parse import quote, unquote

from .reader.messages import say

# Jekyll's permalink styles (Document: collections and posts).
STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
PLACEHOLDER = re.compile(r":([a-z_]+)")
URL_SAFE = "/:@!$&'()*+,;=-._~"


class PermalinkError(ValueError):
    """A permalink that names a placeholder the document does not have."""


# Utils::SLUGIFY_*_REGEXP; Python's \w is Ruby's \p{L}\p{M}\p{Nd} and "_".
SLUGIFY = {
    "raw": re.compile(r"\s+"),
    "default": re.compile(r"[\W_]+"),
    "pretty": re.compile(r"[^\w._~!$&'()+,;=@]+"),
    "ascii": re.compile(r"[^A-Za-z0-9]+"),
    "latin": re.compile(r"[^A-Za-z0-9]+"),
}


# I18n's approximations of the Latin letters that have no accent to drop.
LATIN_LETTERS = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
        "þ": "th",
        "Þ": "Th",
        "ð": "d",
        "Ð": "D",
    }
)


def _transliterate(text):
    """I18n.transliterate as Jekyll's `latin` mode uses it: accents dropped, other
    letters outside ASCII become "?"."""
    plain = unicodedata.normalize("NFKD", text.translate(LATIN_LETTERS))
    kept = "".join(c for c in plain if not unicodedata.combining(c))
    return "".join(c if ord(c) < 128 else "?" for c in kept)


def slugify(text, mode="default", cased=False):
    """Jekyll's Utils.slugify, in each of its modes."""
    if text is None:
        return None
    text = str(text)
    mode = mode or "default"
    if mode not in SLUGIFY:
        return text if cased else text.lower()
    if mode == "latin":
        text = _transliterate(text)
    slug = SLUGIFY[mode].sub("-", text)
    slug = re.sub(r"^-|-$", "", slug, flags=re.M)  # one hyphen at each end of each line
    return slug if cased else slug.lower()


def suffix(style):
    """Utils.add_permalink_suffix: what a page's template ends with under `style`."""
    if style == "pretty":
        return "/"
    if style in ("date", "ordinal", "none", "weekdate"):
        return ":output_ext"
    ending = ""
    if style.endswith("/"):
        ending += "/"
    if style.endswith(":output_ext"):
        ending += ":output_ext"
    return ending


def page_template(basename, output_ext, style):
    """Jekyll::Page#template."""
    if output_ext != ".html":
        return "/:path/:basename:output_ext"
    if basename == "index":
        return "/:path/"
    return "/:path/:basename" + suffix(style)


def collection_template(collection, style):
    """Jekyll::Collection#url_template."""
    if collection.permalink:
        return STYLES.get(collection.permalink, collection.permalink)
    return "/:collection/:path" + suffix(style)


def date_values(date):
    iso_year, iso_week, iso_day = date.isocalendar()
    return {
        "year": f"{date.year:04d}",
        "month": f"{date.month:02d}",
        "day": f"{date.day:02d}",
        "hour": f"{getattr(date, 'hour', 0):02d}",
        "minute": f"{getattr(date, 'minute', 0):02d}",
        "second": f"{getattr(date, 'second', 0):02d}",
        "i_day": str(date.day),
        "i_month": str(date.month),
        "short_year": f"{date.year % 100:02d}",
        "y_day": f"{date.timetuple().tm_yday:03d}",
        "short_month": date.strftime("%b"),
        "long_month": date.strftime("%B"),
        "short_day": date.strftime("%a"),
        "long_day": date.strftime("%A"),
        "w_year": str(iso_year),
        "week": f"{iso_week:02d}",
        "w_day": str(iso_day),
    }


def generate(template, values):
    """URL#generate_url then #sanitize_url: placeholders replaced, slashes tidied."""

    def substitute(match):
        name = match.group(1)
        # Longest known name first, so that `:title_x` is not an unknown placeholder.
        for end in range(len(name), 0, -1):
            if name[:end] in values:
                value = values[name[:end]]
                return _escape(value) + name[end:]
        raise PermalinkError(
            say(
                f"the permalink “{template}” uses “:{name}”, unknown for this document",
                f"le permalien « {template} » utilise « :{name} », inconnu pour ce document",
            )
        )

    url = PLACEHOLDER.sub(substitute, template)
    url = re.sub(r"/{2,}", "/", url)
    url = re.sub(r"\.+/", "/", url)
    return "/" + url.lstrip("/")


def _escape(value):
    # Jekyll escapes each value (URL.escape_path); the file is written unescaped.
    return quote(str(value), safe=URL_SAFE)


def destination(url, output_ext=".html"):
    """Document#destination: the file Jekyll writes for `url`, relative to the output."""
    path = unquote(url).lstrip("/")
    if url.endswith("/") or path == "":
        path += "index"
    if not path.endswith(output_ext):
        path += output_ext
    parts = [p for p in path.split("/") if p]
    if any(p == ".." for p in parts):
        raise PermalinkError(
            say(
                f"the address “{url}” leaves the output folder with “..”",
                f"l'adresse « {url} » sort du dossier de sortie avec « .. »",
            )
        )
    return "/".join(parts)
