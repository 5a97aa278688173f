"""Bounds on the work one content file may ask of a build, and how each is told.

The real site's biggest page body is about 20 kB of Markdown, with no loop and
no include: each bound is far above what it needs, and far below what keeps a
build busy (docs/editeurs/limites.md lists them).
"""

from liquid.exceptions import (
    BlockNestingError,
    ContextDepthError,
    LocalNamespaceLimitError,
    LoopIterationLimitError,
    OutputStreamLimitError,
    ResourceLimitError,
)

# python-liquid's own limits (Environment class attributes).
LIQUID_INCLUDE_LEVELS = 8  # includes inside one another
# Namespaces on the render context's stack: a page starts with 4, an include pushes 2,
# a {% for %} 1.
LIQUID_CONTEXT_DEPTH = 4 + 2 * LIQUID_INCLUDE_LEVELS
LIQUID_LOOP_ITERATIONS = 100_000  # the product of the lengths of nested loops
LIQUID_OUTPUT_CHARACTERS = 1_000_000  # what a page body's Liquid writes
LIQUID_LOCALS_SIZE = 1_000_000  # python-liquid's score (sys.getsizeof) of assign/capture
LIQUID_BLOCK_NESTING = 30  # python-liquid's default: blocks inside blocks, when parsed
# Ours: includes rendered for one page, all depths together (empty includes write
# nothing, so the output bound alone would not stop a fan-out).
LIQUID_INCLUDES_PER_PAGE = 200
# Lists and quotes inside one another, in a body's Markdown (see nesting.py).
MARKDOWN_NESTING = 20
# One file being read: wall-clock seconds, and memory the build may add meanwhile.
# 8 s, so that a whole build stopped by it (start-up included) stays under 10 s.
READ_SECONDS = 8
READ_MEMORY_MB = 500


def number(n):
    """A number as French writes it: 100 000."""
    return f"{n:,}".replace(",", "\u202f")


class IncludeCountError(ResourceLimitError):
    """More includes rendered for one page than LIQUID_INCLUDES_PER_PAGE."""


def liquid_problem(err):
    """(problem, fix) in an editor's words for a Liquid limit, or None for another error."""
    if isinstance(err, ContextDepthError):
        return (
            "les inclusions s'imbriquent trop profondément (au plus "
            f"{LIQUID_INCLUDE_LEVELS} l'une dans l'autre, moins dans des boucles)",
            "vérifiez qu'aucun fichier inclus ne s'inclut lui-même, directement ou par un autre",
        )
    if isinstance(err, IncludeCountError):
        return (
            f"la page rend plus de {LIQUID_INCLUDES_PER_PAGE} inclusions",
            "incluez moins de fichiers, ou écrivez le texte dans la page",
        )
    if isinstance(err, LoopIterationLimitError):
        return (
            f"les boucles {{% for %}} dépassent {number(LIQUID_LOOP_ITERATIONS)} tours",
            "parcourez une plage ou une liste plus courte",
        )
    if isinstance(err, OutputStreamLimitError):
        return (
            f"le texte produit par Liquid dépasse {number(LIQUID_OUTPUT_CHARACTERS)} caractères",
            "raccourcissez les boucles et les inclusions de la page",
        )
    if isinstance(err, LocalNamespaceLimitError):
        return (
            "les variables créées par {% assign %} et {% capture %} sont trop grosses",
            "gardez-y des valeurs courtes",
        )
    if isinstance(err, BlockNestingError):
        return (
            f"les balises Liquid s'imbriquent sur plus de {LIQUID_BLOCK_NESTING} niveaux",
            "simplifiez les {% if %} et {% for %} imbriqués",
        )
    return None
