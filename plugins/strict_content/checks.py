"""The problems of one built page's body: what the allow-list refuses, links and images,
each told at its source line."""

import functools
import os
import re

from jekyll_compat import config as jekyll_config
from jekyll_compat import filenames
from jekyll_compat.errors import EditorError

from . import allow_list, html_tree, refusals, site_paths, verdicts
from .source_lines import SourceLines

# Said of a problem whose HTML the source does not hold as it is.
NOT_AS_WRITTEN = (
    " (dans le texte qui commence à cette ligne, écrit par Liquid ou par un fichier inclus)"
)
# `{% include name.md … %}` in a source line: where an included file's text comes from.
INCLUDE_TAG = re.compile(r"\{%-?\s*include\s+[\"']?([^\s\"'%]+)")
# Included files searched for an error's line, at most: includes within includes.
MAX_INCLUDE_DEPTH = 5
MAX_INCLUDED_FILES = 50
# The part of a page that is its body (the others are front-matter fields, by name).
BODY = object()


class PageChecker:
    """Checks one content object against the allow-list and what the run builds."""

    def __init__(self, content, root, context, built, siteurl):
        self.content, self.root, self.context = content, root, context
        self.built, self.siteurl = built, siteurl
        self.rel = content.relative_source_path.replace(os.sep, "/")
        self.errors = {}
        self.passed = []  # the HTML of each part that the allow-list accepts
        self.part = None  # the part being checked: BODY, or a front-matter field's name

    @functools.cached_property
    def lines(self):
        """The source's lines, read only to tell an error's line."""
        return SourceLines.read(os.path.join(self.root, self.rel))

    @property
    def span(self):
        """Where the part being checked was written (its source is read only now)."""
        if self.part is None:
            return None
        return self.lines.body if self.part is BODY else self.lines.field(self.part)

    def error(self, patterns, problem, fix, last=False):
        """Told at the next line of the part's source that one of `patterns` (regexes)
        matches; in the body, else in the files it includes, else where the part starts."""
        if not isinstance(patterns, list):
            patterns = [patterns]
        span = self.span or self.lines.whole
        path = self.rel
        line = self.lines.find(patterns, span, last, elsewhere=False)
        if line is None and span == self.lines.body:
            found = self.in_includes(patterns)
            if found is not None:
                path, line, included_by = found
                problem += f" (fichier inclus par {included_by})"
        if line is None:
            line = self.lines.find(patterns, span, last)
        if line is None and self.lines.lines:
            # Written by Liquid: the line where this text starts.
            line = max(span.first, 1)
            problem += NOT_AS_WRITTEN
        error = EditorError(path, line, problem, fix)
        self.errors.setdefault(str(error), error)  # a body shown twice is told once

    def in_includes(self, patterns):
        """(include, line, `page:line` including it) of the first match of `patterns`, or
        None."""
        folder = jekyll_config.load(self.content.settings).includes
        base = os.path.realpath(os.path.join(self.root, folder))
        body = self.lines.body
        queue = [
            (name, f"{self.rel}:{number}", 1)
            for number in range(body.first, body.last + 1)
            for name in INCLUDE_TAG.findall(self.lines.lines[number - 1])
        ]
        seen = set()
        while queue and len(seen) < MAX_INCLUDED_FILES:
            name, included_by, depth = queue.pop(0)
            path = os.path.realpath(os.path.join(base, name))
            if path in seen or not path.startswith(base + os.sep):
                continue  # never a file outside the includes folder
            seen.add(path)
            lines = _source_lines(path)
            line = _first_match(patterns, lines)
            if line is not None:
                return (
                    f"{folder}/{os.path.relpath(path, base)}".replace(os.sep, "/"),
                    line,
                    included_by,
                )
            if depth < MAX_INCLUDE_DEPTH:
                queue.extend(
                    (inner, included_by, depth + 1)
                    for text in lines
                    for inner in INCLUDE_TAG.findall(text)
                )
        return None

    def literal(self, text):
        return re.compile(re.escape(text), re.IGNORECASE)

    def run(self):
        for html, part in self.html_parts():
            self.part = part
            told = len(self.errors)
            seen = verdicts.verdict(html, self.siteurl)
            if seen.refused or seen.without_alt:
                self.check_tree(html)  # each problem, told at its line
            else:
                for element, address in seen.addresses:
                    self.check_address(element, address)
            if len(self.errors) == told:
                self.passed.append(html)
        return list(self.errors.values())

    def check_tree(self, html):
        told = len(self.errors)
        tree = html_tree.fragment(html)
        for node in tree.nodes:
            self.check_node(node)
        if len(self.errors) == told and tree.unclosed is not None:
            self.error(*refusals.unclosed(tree.unclosed), last=True)

    def html_parts(self):
        """The body as templates print it, and the front matter's Markdown fields as
        rendered HTML, each with the part of the source it was written in (BODY or the
        field's name)."""
        parts = [(self.content.content or "", BODY)]
        for field in self.content.settings.get("FORMATTED_FIELDS", ()):
            value = self.content.metadata.get(field)
            if isinstance(value, str) and value not in [html for html, _ in parts]:
                parts.append((value, field))
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
            self.check_address(node.name, node.attrs[attribute])

    def check_alt(self, tag):
        if not tag.attrs.get("alt", "").strip():
            src = tag.attrs.get("src", "")
            self.error(
                self.literal(src) if src else re.compile(r"!\[\]|<img", re.I),
                f"l'image « {src} » n'a pas de texte alternatif",
                f"décrivez-la entre les crochets : `![Ce que montre l'image]({src})` "
                '(ou `alt="…"` dans une balise <img>)',
            )

    def check_address(self, element, address):
        address = address.strip()
        if not address or address.startswith(site_paths.NOT_CHECKED):
            return
        image = element == "img"
        link = site_paths.intrasite(address)
        if link is not None:
            self.check_intrasite(address, *link)
            return
        path = site_paths.site_path(address, self.content.url, self.siteurl)
        if path is None or site_paths.is_built(path, self.built):
            return
        if image or site_paths.is_file_address(path):
            self.error(self.literal(address), *self.missing_file(address, path, image))
        else:
            self.error(
                self.literal(address),
                f"le lien « {address} » mène à une page que le site ne construit pas",
                "corrigez l'adresse, ou liez la page par son fichier : "
                "`[texte]({% link pages/reglement.md %})`",
            )

    def missing_file(self, address, path, image):
        """(problem, fix) for an image or a file to download that the site does not publish."""
        if image:
            problem = f"l'image « {address} » n'existe pas sur le site"
        else:
            problem = f"le lien « {address} » mène à un fichier absent du site"
        rel = path.lstrip("/")
        published = self.context.get("static_content", {}).get(rel)
        if published is not None:  # a file of static/ written elsewhere (static/img/ at /img/)
            return problem, (
                f"le fichier {rel} est publié à l'adresse `/{published.url}` : écrivez celle-ci"
            )
        source = site_paths.static_source(path, self.content.settings)
        what = "l'image" if image else "le fichier"
        if source is not None:
            return problem, (
                f"vérifiez son nom, ou placez {what} dans {source} (le fichier que cette "
                "adresse publie)"
            )
        if image:
            return problem, (
                "vérifiez son nom : une image se place dans static/ et s'écrit `/static/nom.png`"
            )
        return problem, (
            f"placez le fichier dans static/ et liez-le par son chemin, par exemple "
            f"`/static{path}` pour static{path}"
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


def _first_match(patterns, lines):
    """The number (from 1) of the first of `lines` that one of `patterns` matches."""
    for pattern in patterns:
        line = next((n for n, text in enumerate(lines, 1) if pattern.search(text)), None)
        if line is not None:
            return line
    return None


def _source_lines(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read().splitlines()
    except OSError:
        return []


def check(content, root, context, built, siteurl):
    """(every problem in one content object's rendered HTML, the parts of it that passed)."""
    checker = PageChecker(content, root, context, built, siteurl)
    return checker.run(), checker.passed
