"""Static checks on a built page's HTML: its internal links and anchors, its images."""

import functools
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

# Attributes that make the browser fetch or go somewhere.
URL_ATTRIBUTES = {
    "a": "href",
    "link": "href",
    "area": "href",
    "img": "src",
    "script": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
}


@functools.lru_cache(maxsize=256)
def _parse(path):
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def parse(path):
    """The page's parsed HTML (cached: every test of a run reads the same files)."""
    return _parse(str(Path(path).resolve()))


def target_file(output, path):
    """The built file a site path is served from, or None when nothing is built there."""
    rel = unquote(path).lstrip("/")
    candidate = Path(output) / rel
    if rel == "" or rel.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def _ids(html_file):
    return {element["id"] for element in parse(html_file).find_all(id=True)}


def dead_links(output, page_path, base_url="http://site.invalid"):
    """Every URL of the page that leaves nothing to find on this site, with the reason.

    `page_path` is the page's own site path ("/defis/"). Links to other hosts are not
    followed (the browser tests forbid requests to them); mailto: and tel: are fine.
    """
    page = target_file(output, page_path)
    here = base_url + page_path
    problems = []
    for tag, attribute in URL_ATTRIBUTES.items():
        for element in parse(page).find_all(tag, attrs={attribute: True}):
            value = element[attribute].strip()
            label = f'<{tag} {attribute}="{element[attribute]}">'
            if value == "" or value == "#":
                problems.append(f"{label}: lien vide — donnez une adresse ou une ancre")
                continue
            url = urlsplit(urljoin(here, value))
            if url.scheme in ("mailto", "tel"):
                continue
            if f"{url.scheme}://{url.netloc}" != base_url:
                continue  # another site
            target = target_file(output, url.path)
            if target is None:
                problems.append(f"{label}: {url.path} n'existe pas dans le site construit")
            elif url.fragment and unquote(url.fragment) not in _ids(target):
                problems.append(f'{label}: aucun id="{unquote(url.fragment)}" dans {url.path}')
    return problems


def images_without_alt(page_file):
    """Images with no text alternative: no alt, or decorative (hidden) yet with a text."""
    problems = []
    for img in parse(page_file).find_all("img"):
        hidden = img.get("aria-hidden") == "true" or img.get("role") in ("presentation", "none")
        if not img.has_attr("alt"):
            problems.append(f'<img src="{img.get("src")}"> sans attribut alt')
        elif hidden and img["alt"].strip():
            problems.append(f'<img src="{img.get("src")}"> décorative mais avec un alt non vide')
    return problems
