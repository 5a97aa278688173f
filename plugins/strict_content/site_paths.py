"""What this build will write, and whether an address of the site leads to it."""

import posixpath
import re
from urllib.parse import unquote, urljoin, urlsplit

from eig_common.shared import shared

# Pelican's own link syntax: {filename}path, |filename|path…
INTRASITE_OPENERS = ("{", "|")
# Addresses that are not pages of the site, and so are not checked.
NOT_CHECKED = ("#", "mailto:", "tel:", "data:")


def built_paths(generators, settings, also_built):
    """Every output file of the run, relative to the output folder."""
    context = generators[0].context if generators else {}
    paths = set(also_built)
    for content in context.get("generated_content", {}).values():
        if content is not None:
            paths.add(content.save_as)
    for static in context.get("static_content", {}).values():
        paths.add(static.save_as)
    for name in settings.get("DIRECT_TEMPLATES", ()):
        paths.add(settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html"))
    paths.update((settings.get("TEMPLATE_PAGES") or {}).values())
    # The files plugins write, each claimed or declared in eig_common.shared.
    paths.update(save_as for save_as, _, _ in shared(settings).claims)
    paths.update(save_as for save_as, _ in shared(settings).declared)
    return {p for p in paths if p}


def site_path(address, page_url, siteurl):
    """The site path an address leads to (`/a/b/`), or None for an outside address."""
    if siteurl and (address == siteurl or address.startswith(siteurl + "/")):
        address = address[len(siteurl) :] or "/"
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return unquote(urljoin("/" + page_url, parts.path))


def is_built(path, built):
    """Whether a site path is served: `/a/` by a/index.html, `/a` by a, a.html or a/index.html."""
    rel = posixpath.normpath(path).lstrip("/") if path.strip("/") else ""
    if path.endswith("/") or not rel:
        return posixpath.join(rel, "index.html") in built
    return any(candidate in built for candidate in (rel, rel + ".html", rel + "/index.html"))


def intrasite(address):
    """(`filename`, `pages/x.md`) for Pelican's `{filename}pages/x.md`, else None."""
    if not address.startswith(INTRASITE_OPENERS):
        return None
    closer = "}" if address[0] == "{" else "|"
    what, found, value = address[1:].partition(closer)
    if not found:
        return None
    return what, urlsplit(value).path


def source_of(value, content_rel):
    """The file an intrasite link names: from PATH if it starts with /, else beside the page."""
    if value.startswith("/"):
        return posixpath.normpath(value.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(content_rel), value))


# Extensions of the addresses of pages, not of files to download.
PAGE_SUFFIXES = ("", ".html", ".htm")


def is_file_address(path):
    """Whether a site path names a file to download (`/docs/a.pdf`), not a page."""
    return posixpath.splitext(posixpath.basename(path))[1].lower() not in PAGE_SUFFIXES


def static_source(path, settings):
    """The file of STATIC_PATHS that Pelican would publish at site path `path`, or None.

    A static file is written at its source path, or at the `path` that PATH_METADATA
    takes from it (static/img/a.png at img/a.png).
    """
    rel = posixpath.normpath(path).lstrip("/")
    for root in settings.get("STATIC_PATHS", ()):
        root = root.strip("/")
        for candidate in (f"{root}/{rel}", rel):
            if candidate.startswith(root + "/") and _published_at(candidate, settings) == rel:
                return candidate
    return None


def _published_at(source, settings):
    match = re.match(settings.get("PATH_METADATA") or r"(?!)", source)
    found = match.groupdict().get("path") if match else None
    return found or source
