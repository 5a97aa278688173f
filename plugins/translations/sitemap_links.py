"""sitemap.xml names each page's translations as hreflang alternates, as search engines read them.

pelican-sitemap (1.2) writes `<xhtml:link … ref="…">` for a page's translations:
the attribute is `href`, and each <url> must also list itself. This rewrites its
file once written, from the pairs of addresses (the fallback pages, which only say
that a page exists in French, are hidden: pelican-sitemap leaves them out).
"""

import os
import xml.etree.ElementTree as ET

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def _relative(loc, siteurl):
    return loc[len(siteurl) + 1 :] if loc.startswith(siteurl + "/") else loc


def rewrite(text, languages, siteurl):
    """The sitemap `text` with hreflang alternates from `languages`, fallbacks left out."""
    for prefix, uri in (("", SITEMAP), ("xhtml", XHTML), ("xsi", XSI)):
        ET.register_namespace(prefix, uri)
    root = ET.fromstring(text)
    for url in list(root.findall(f"{{{SITEMAP}}}url")):
        loc = url.findtext(f"{{{SITEMAP}}}loc", "")
        path = _relative(loc, siteurl)
        for link in url.findall(f"{{{XHTML}}}link"):
            url.remove(link)
        for alternate in languages.translated(path):
            ET.SubElement(
                url,
                f"{{{XHTML}}}link",
                {
                    "rel": "alternate",
                    "hreflang": alternate.lang,
                    "href": f"{siteurl}/{alternate.url}",
                },
            )
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def fix_sitemap(pelican):
    settings = pelican.settings
    config = settings.get("SITEMAP") or {}
    if config.get("format", "xml") != "xml":
        return
    path = os.path.join(pelican.output_path, "sitemap.xml")
    if not os.path.isfile(path):
        return
    with open(path, encoding="utf-8") as file:
        text = file.read()
    fixed = rewrite(text, settings["I18N"], settings.get("SITEURL", ""))
    with open(path, "w", encoding="utf-8") as file:
        file.write(fixed)
