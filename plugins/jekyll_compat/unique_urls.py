"""Two sources writing one output file is an error naming both, before any write."""

from collections import defaultdict

from eig_common.shared import shared

from .errors import ERROR_LOG, EditorError


def _claims(generators):
    context = generators[0].context if generators else {}
    for content in context.get("generated_content", {}).values():
        if content is not None:  # None: a file that failed to read
            yield content.save_as, content.relative_source_path
    for static in context.get("static_content", {}).values():
        yield static.save_as, static.relative_source_path
    settings = generators[0].settings if generators else {}
    for name in settings.get("DIRECT_TEMPLATES", ()):
        yield settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html"), f"gabarit {name}.html"
    if generators:  # the files plugins' generators write, each claimed in eig_common.shared
        yield from shared(settings).claims


def check(generators):
    """Report every output path claimed by more than one source."""
    sources_by_path = defaultdict(list)
    for save_as, source in _claims(generators):
        if save_as and source not in sources_by_path[save_as]:
            sources_by_path[save_as].append(source)
    for save_as, unsorted in sorted(sources_by_path.items()):
        sources = sorted(unsorted)  # the same message whatever order files are read in
        if len(sources) > 1:
            url = "/" + save_as.removesuffix("index.html")
            ERROR_LOG.report(
                EditorError(
                    sources[0],
                    None,
                    f"{len(sources)} fichiers donnent la même adresse {url} : "
                    + " et ".join(sources),
                    "changez le `permalink:` (ou le nom) de l'un d'eux pour que "
                    "chaque page ait sa propre adresse",
                )
            )
