"""The problems of one built page's body: what the allow-list refuses, links and images,
each told at its source line."""

import functools
import os
import re

from jekyll_compat import filenames
from jekyll_compat.errors import EditorError

from . import allow_list, html_tree, refusals, site_paths
from .source_lines import SourceLines

# Said of a problem whose HTML the source does not hold as it is.
NOT_AS_WRITTEN = (
    " (dans le texte qui commence à cette ligne, écrit par Liquid ou par un fichier inclus)"
)


class PageChecker:
    """Checks one content object against the allow-list and what the run builds."""

    def __init__(self, content, root, context, built, siteurl):
        self.content, self.root, self.context = content, root, context
        self.built, self.siteurl = built, siteurl
        self.rel = content.relative_source_path.replace(os.sep, "/")
        self.errors = {}
        self.passed = []  # the HTML of each part that the allow-list accepts
        self.span = None  # where the part being checked was written

    @functools.cached_property
    def lines(self):
        """The source's lines, read only to tell an error's line."""
        return SourceLines.read(os.path.join(self.root, self.rel))

    def error(self, patterns, problem, fix, last=False):
        """Told at the next line of the part's source that one of `patterns` (regexes) matches."""
        if not isinstance(patterns, list):
            patterns = [patterns]
        span = self.span or self.lines.whole
        line = self.lines.find(patterns, span, last)
        if line is None and self.lines.lines:
            # Written by Liquid or an include: the line where this text starts.
            line = max(span.first, 1)
            problem += NOT_AS_WRITTEN
        error = EditorError(self.rel, line, problem, fix)
        self.errors.setdefault(str(error), error)  # a body shown twice is told once

    def literal(self, text):
        return re.compile(re.escape(text), re.IGNORECASE)

    def run(self):
        for html, span in self.html_parts():
            self.span = span
            told = len(self.errors)
            tree = html_tree.fragment(html)
            for node in tree.nodes:
                self.check_node(node)
            if len(self.errors) == told and tree.unclosed is not None:
                self.error(*refusals.unclosed(tree.unclosed), last=True)
            if len(self.errors) == told:
                self.passed.append(html)
        return list(self.errors.values())

    def html_parts(self):
        """The body as templates print it, and the front matter's Markdown fields as
        rendered HTML, each with the span of the source it was written in."""
        parts = [(self.content.content or "", self.lines.body)]
        for field in self.content.settings.get("FORMATTED_FIELDS", ()):
            value = self.content.metadata.get(field)
            if isinstance(value, str) and value not in [html for html, _ in parts]:
                parts.append((value, self.lines.field(field)))
        return parts

    def check_node(self, node):
        refused = False
        for refusal in refusals.refusals(node, self.siteurl):
            self.error(*refusal)
            refused = True
        if node.name not in allow_list.ELEMENTS:
            return
        attribute = allow_list.ADDRESS_ATTRIBUTES.get(node.name)
        if node.name == "img":
            self.check_alt(node)
        if attribute in node.attrs and not refused:
            self.check_address(node, node.attrs[attribute])

    def check_alt(self, tag):
        if not tag.attrs.get("alt", "").strip():
            src = tag.attrs.get("src", "")
            self.error(
                self.literal(src) if src else re.compile(r"!\[\]|<img", re.I),
                f"l'image « {src} » n'a pas de texte alternatif",
                f"décrivez-la entre les crochets : `![Ce que montre l'image]({src})` "
                '(ou `alt="…"` dans une balise <img>)',
            )

    def check_address(self, tag, address):
        address = address.strip()
        if not address or address.startswith(site_paths.NOT_CHECKED):
            return
        image = tag.name == "img"
        link = site_paths.intrasite(address)
        if link is not None:
            self.check_intrasite(address, *link)
            return
        path = site_paths.site_path(address, self.content.url, self.siteurl)
        if path is None or site_paths.is_built(path, self.built):
            return
        if image:
            self.error(
                self.literal(address),
                f"l'image « {address} » n'existe pas sur le site",
                "vérifiez son nom : une image se place dans static/ et s'écrit `/static/nom.png`",
            )
        else:
            self.error(
                self.literal(address),
                f"le lien « {address} » mène à une page que le site ne construit pas",
                "corrigez l'adresse, ou liez la page par son fichier : "
                "`[texte]({% link pages/reglement.md %})`",
            )

    def check_intrasite(self, address, what, value):
        pattern = self.literal(address)
        if what not in ("filename", "static", "attach"):
            self.error(
                pattern,
                f"le lien « {address} » mène à une page que le site ne construit pas",
                "liez une page par son fichier : `[texte]({% link pages/reglement.md %})`",
            )
            return
        target = site_paths.source_of(value, self.rel)
        generated = self.context.get("generated_content", {})
        if target in generated and generated[target] is None:
            self.error(
                pattern,
                f"le fichier lié « {value} » a lui-même une erreur",
                "corrigez d'abord ce fichier (voir son message)",
            )
        elif target in generated or target in self.context.get("static_content", {}):
            return
        elif filenames.is_draft(target) and os.path.isfile(os.path.join(self.root, target)):
            self.error(
                pattern,
                f"« {value} » est un brouillon, jamais publié",
                "publiez-le ou retirez le lien",
            )
        else:
            self.error(
                pattern,
                f"le fichier lié « {value} » n'existe pas",
                "écrivez le chemin du fichier depuis ce fichier-ci, ou depuis la racine "
                "du site en commençant par /",
            )


def check(content, root, context, built, siteurl):
    """(every problem in one content object's rendered HTML, the parts of it that passed)."""
    checker = PageChecker(content, root, context, built, siteurl)
    return checker.run(), checker.passed
