"""The problems of one built page's body: links, images and script, with their source line."""

import functools
import os
import re

from jekyll_compat import config as jekyll_config
from jekyll_compat import filenames, front_matter
from jekyll_compat.errors import EditorError

from . import html_scan, site_paths

NO_SCRIPT_FIX = "retirez-le : le contenu d'une page n'exécute pas de JavaScript"
# `{% include name.md … %}` in a source line: where an included file's text comes from.
INCLUDE_TAG = re.compile(r"\{%-?\s*include\s+[\"']?([^\s\"'%]+)")
# Included files searched for an error's line, at most: includes within includes.
MAX_INCLUDE_DEPTH = 5
MAX_INCLUDED_FILES = 50


class PageChecker:
    """Checks one content object against what the run builds."""

    def __init__(self, content, root, context, built, siteurl):
        self.content, self.root, self.context = content, root, context
        self.built, self.siteurl = built, siteurl
        self.rel = content.relative_source_path.replace(os.sep, "/")
        self.errors = {}
        self.in_field = False  # whether the HTML being checked is a front-matter field

    @functools.cached_property
    def lines(self):
        """The source's lines, read only to tell an error's line."""
        return _source_lines(os.path.join(self.root, self.rel))

    @functools.cached_property
    def body_start(self):
        """How many of the source's lines its front matter takes (0 when it has none)."""
        try:
            return front_matter.split("\n".join(self.lines), self.rel)[2] - 1
        except EditorError:
            return 0

    def error(self, pattern, problem, fix):
        """Told where `pattern` first matches: in the HTML's own part, its includes, or the file."""
        path, line, included_by = self.rel, None, None
        if self.in_field:
            line = _first_match(pattern, self.lines[: self.body_start])
        else:
            line = _first_match(pattern, self.lines[self.body_start :], self.body_start + 1)
            if line is None:
                found = self.in_includes(pattern)
                if found is not None:
                    path, line, included_by = found
                    problem += f" (fichier inclus par {included_by})"
        if line is None and path == self.rel:
            line = _first_match(pattern, self.lines)
        error = EditorError(path, line, problem, fix)
        self.errors.setdefault(str(error), error)  # a body shown twice is told once

    def in_includes(self, pattern):
        """(include, line, `page:line` including it) of `pattern`'s first match, or None."""
        folder = jekyll_config.load(self.content.settings).includes
        base = os.path.realpath(os.path.join(self.root, folder))
        queue = [
            (name, f"{self.rel}:{number}", 1)
            for number, text in enumerate(self.lines[self.body_start :], self.body_start + 1)
            for name in INCLUDE_TAG.findall(text)
        ]
        seen = set()
        while queue and len(seen) < MAX_INCLUDED_FILES:
            name, included_by, depth = queue.pop(0)
            path = os.path.realpath(os.path.join(base, name))
            if path in seen or not path.startswith(base + os.sep):
                continue  # never a file outside the includes folder
            seen.add(path)
            lines = _source_lines(path)
            line = _first_match(pattern, lines)
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
        for index, html in enumerate(self.html_parts()):
            self.in_field = index > 0  # a Markdown field of the front matter
            for tag in html_scan.tags(html):
                self.check_script(tag)
                if tag.name == "img":
                    self.check_alt(tag)
                for name in site_paths_attributes(tag):
                    self.check_address(tag, tag.attrs[name])
        return list(self.errors.values())

    def html_parts(self):
        """The body, and the Markdown fields of the front matter, as rendered HTML."""
        parts = [self.content._content or ""]
        for field in self.content.settings.get("FORMATTED_FIELDS", ()):
            value = self.content.metadata.get(field)
            if isinstance(value, str) and value not in parts:
                parts.append(value)
        return parts

    def check_script(self, tag):
        if tag.name == "script":
            self.error(
                re.compile(r"<\s*script", re.I),
                "le texte contient une balise <script>",
                NO_SCRIPT_FIX,
            )
        for name, value in tag.attrs.items():
            if name.startswith("on"):
                self.error(
                    re.compile(rf"\b{re.escape(name)}\s*=", re.I),
                    f"la balise <{tag.name}> porte l'attribut « {name} », "
                    "qui exécute du JavaScript",
                    "retirez cet attribut",
                )
            elif html_scan.runs_script(value):
                scheme = value.strip().split(":", 1)[0]
                self.error(
                    re.compile(rf"{re.escape(scheme)}\s*:", re.I),
                    f"l'adresse « {value.strip()[:60]} » exécute du JavaScript",
                    "remplacez-la par l'adresse d'une page, ou retirez le lien",
                )

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
        if (
            not address
            or address.startswith(site_paths.NOT_CHECKED)
            or html_scan.runs_script(address)
        ):
            return
        image = tag.name == "img"
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


def site_paths_attributes(tag):
    """The attributes of `tag` that hold an address of a page or file to load."""
    return [name for name in tag.attrs if name in html_scan.LINK_ATTRIBUTES]


def _first_match(pattern, lines, first=1):
    """The number of the first of `lines` (numbered from `first`) that `pattern` matches."""
    return next((n for n, text in enumerate(lines, first) if pattern.search(text)), None)


def _source_lines(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read().splitlines()
    except OSError:
        return []


def check(content, root, context, built, siteurl):
    """Every problem in one content object's rendered body."""
    return PageChecker(content, root, context, built, siteurl).run()
