"""Every address of the site comes from one source: a clash is an error naming both.

A page, a `redirect_from:`, a static file, a template page (robots.txt) or a file a
plugin writes (sitemap.xml, the calendar, the server rules) each claims the
addresses its output file is served at; two sources on one address stop the build
before anything is written.
"""

from collections import defaultdict

from eig_common.shared import shared

from .errors import ERROR_LOG, EditorError


def served_at(save_as):
    """The addresses a file is served at: `a/index.html` at /a/ too, `a.html` at /a too."""
    addresses = ["/" + save_as]
    if save_as == "index.html" or save_as.endswith("/index.html"):
        addresses.append("/" + save_as.removesuffix("index.html"))
    elif save_as.endswith(".html"):
        addresses.append("/" + save_as.removesuffix(".html"))
    return addresses


def _claims(generators):
    """(save_as, source, from a content file) of every output file of the run."""
    context = generators[0].context if generators else {}
    for content in context.get("generated_content", {}).values():
        if content is not None:  # None: a file that failed to read
            yield content.save_as, content.relative_source_path, True
    for static in context.get("static_content", {}).values():
        yield static.save_as, static.relative_source_path, False
    settings = generators[0].settings if generators else {}
    for name in settings.get("DIRECT_TEMPLATES", ()):
        save_as = settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html")
        yield save_as, f"gabarit {name}.html", False
    for template, save_as in (settings.get("TEMPLATE_PAGES") or {}).items():
        yield save_as, f"gabarit {template} (TEMPLATE_PAGES)", False
    if generators:  # the files plugins write, each claimed in eig_common.shared
        yield from shared(settings).claims
        for save_as, source in shared(settings).declared:
            yield save_as, source, False


def check(generators):
    """Report every address claimed by more than one source, once per clash."""
    sources_by_address = defaultdict(list)
    content_sources = set()
    for save_as, source, from_content in _claims(generators):
        if not save_as:
            continue
        if from_content:
            content_sources.add(source)
        for address in served_at(save_as):
            if source not in sources_by_address[address]:
                sources_by_address[address].append(source)
    told = set()
    # A folder's address (/a/) before its index file's, a file's own before its short form.
    order = sorted(sources_by_address.items(), key=lambda i: (not i[0].endswith("/"), -len(i[0])))
    for address, unsorted in order:
        sources = sorted(unsorted)  # the same message whatever order files are read in
        if len(sources) < 2 or tuple(sources) in told:
            continue
        told.add(tuple(sources))
        ERROR_LOG.report(_clash(address, sources, content_sources))


def _clash(address, sources, content_sources):
    editable = [s for s in sources if s in content_sources]
    where = editable[0] if editable else sources[0]
    problem = f"{len(sources)} fichiers donnent la même adresse {address} : " + " et ".join(sources)
    if len(editable) == len(sources):
        fix = (
            "changez le `permalink:` (ou le nom) de l'un d'eux pour que chaque page ait sa "
            "propre adresse"
        )
    else:
        others = ", ".join(s for s in sources if s not in content_sources)
        fix = (
            f"cette adresse est déjà celle de {others}, que le site écrit : changez le "
            f"`permalink:` ou le `redirect_from:` de {where}"
        )
    return EditorError(where, None, problem, fix)
