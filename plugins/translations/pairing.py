"""Pages of two languages paired by one key, and the other language's templates.

Pelican pairs translations by PAGE_TRANSLATION_ID: here `translation_key`, the
French page's address. An English file's address is that address behind the
prefix (pages/en/reglement.md at /en/reglement/ translates /reglement/), so
the key is its address without the prefix: editors write no key at all.
"""

import os

from pelican.contents import Page

KEY = "translation_key"


def set_key(content, options):
    """Give every page its translation key (Pelican requires one on every page)."""
    if not isinstance(content, Page):
        return
    url = str(content.url).lstrip("/")
    prefix = options["url_prefix"]
    if content.lang == options["lang"] and url.startswith(prefix):
        url = url[len(prefix) :]
    setattr(content, KEY, url)


def template_exists(settings, name):
    return os.path.isfile(os.path.join(settings["THEME"], "templates", name + ".html"))


def use_translated_templates(pages, options, settings):
    """An English page takes templates/en/<template>.html; (page, message) for each missing."""
    missing = []
    for page in pages:
        if page.lang != options["lang"]:
            continue
        name = options["template_prefix"] + page.template
        if template_exists(settings, name):
            page.template = name
        else:
            missing.append((page, name))
    return missing
