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

from . import messages
from .messages import say

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


number = messages.number  # 100,000 in English, 100 000 in French


class IncludeCountError(ResourceLimitError):
    """More includes rendered for one page than LIQUID_INCLUDES_PER_PAGE."""


def liquid_problem(err):
    """(problem, fix) in an editor's words for a Liquid limit, or None for another error."""
    if isinstance(err, ContextDepthError):
        return (
            say(
                f"includes nest too deep (at most {LIQUID_INCLUDE_LEVELS} one inside "
                "another, fewer inside loops)",
                "les inclusions s'imbriquent trop profondément (au plus "
                f"{LIQUID_INCLUDE_LEVELS} l'une dans l'autre, moins dans des boucles)",
            ),
            say(
                "check that no included file includes itself, directly or through another",
                "vérifiez qu'aucun fichier inclus ne s'inclut lui-même, directement ou par "
                "un autre",
            ),
        )
    if isinstance(err, IncludeCountError):
        return (
            say(
                f"the page renders more than {LIQUID_INCLUDES_PER_PAGE} includes",
                f"la page rend plus de {LIQUID_INCLUDES_PER_PAGE} inclusions",
            ),
            say(
                "include fewer files, or write the text in the page",
                "incluez moins de fichiers, ou écrivez le texte dans la page",
            ),
        )
    if isinstance(err, LoopIterationLimitError):
        return (
            say(
                f"the {{% for %}} loops go round more than {number(LIQUID_LOOP_ITERATIONS)} times",
                f"les boucles {{% for %}} dépassent {number(LIQUID_LOOP_ITERATIONS)} tours",
            ),
            say(
                "loop over a shorter range or list",
                "parcourez une plage ou une liste plus courte",
            ),
        )
    if isinstance(err, OutputStreamLimitError):
        return (
            say(
                f"the text Liquid writes is longer than {number(LIQUID_OUTPUT_CHARACTERS)} "
                "characters",
                f"le texte produit par Liquid dépasse {number(LIQUID_OUTPUT_CHARACTERS)} "
                "caractères",
            ),
            say(
                "shorten the page's loops and includes",
                "raccourcissez les boucles et les inclusions de la page",
            ),
        )
    if isinstance(err, LocalNamespaceLimitError):
        return (
            say(
                "the variables made by {% assign %} and {% capture %} are too large",
                "les variables créées par {% assign %} et {% capture %} sont trop grosses",
            ),
            say("keep short values in them", "gardez-y des valeurs courtes"),
        )
    if isinstance(err, BlockNestingError):
        return (
            say(
                f"Liquid tags nest more than {LIQUID_BLOCK_NESTING} levels deep",
                f"les balises Liquid s'imbriquent sur plus de {LIQUID_BLOCK_NESTING} niveaux",
            ),
            say(
                "simplify the nested {% if %} and {% for %}",
                "simplifiez les {% if %} et {% for %} imbriqués",
            ),
        )
    return None
