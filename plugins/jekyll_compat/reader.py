"""The Markdown reader that understands Jekyll-format files."""

import datetime
import difflib
import os
import re
from pathlib import PurePosixPath

from liquid.exceptions import LiquidError
from pelican.contents import Category, Tag
from pelican.readers import BaseReader
from pelican.utils import SafeDatetime, get_date, posixize_path
from pelican_jekyll.markdown import refused_attributes
from pelican_jekyll.reader.liquid_tags import to_editor_error

from . import config, filenames, permalinks, redirects, watchdog
from . import metadata as front_metadata
from .errors import ERROR_LOG, EditorError, EditorErrors
from .read_memo import MEMO, SETTING, Dependencies, Kept, file_digest, settings_digest
from .site_liquid import SiteDrop, SiteLiquid
from .sources import Sources, root_of

# Keys this reader turns into Pelican's own metadata itself.
HANDLED = {
    "layout",
    "permalink",
    "published",
    "date",
    "title",
    "slug",
    "category",
    "categories",
    "tag",
    "tags",
    "redirect_from",
    "status",
}


class JekyllReader(BaseReader):
    """Markdown with Jekyll front matter, Liquid and permalinks."""

    enabled = True
    file_extensions = ("md", "markdown")

    def __init__(self, settings):
        super().__init__(settings)
        self.config = config.load(settings)
        self.markdown = front_metadata.markdown_for(settings)
        self.root = settings["PATH"]
        self.sources = Sources(
            self.root, settings["PAGE_PATHS"], settings["ARTICLE_PATHS"], self.config.defaults
        )
        self.template_dirs = [
            os.path.join(settings["THEME"], "templates"),
            *settings.get("THEME_TEMPLATES_OVERRIDES", []),
        ]
        self.site = SiteDrop(settings)
        self.liquid = SiteLiquid(
            os.path.join(self.root, self.config.includes),
            self.config.includes,
            self.url_of,
        )
        self.liquid.add_site_filters(self.site)
        self.memo_on = bool(settings.get(SETTING))
        if self.memo_on:
            MEMO.watch_warnings()
            self.settings_key = settings_digest(settings)
        self.recording = None  # a read_memo.Dependencies while a file is read
        self._digests = {}  # absolute path -> digest, this run

    # -- reading ---------------------------------------------------------------

    def read(self, source_path):
        rel = posixize_path(os.path.relpath(source_path, self.root))
        with watchdog.reading(rel, self.config.read_seconds):  # no file keeps the build busy
            return self._read_memoized(rel)

    def _read_memoized(self, rel):
        if filenames.is_draft(rel):
            return "", {"status": "skip"}
        if not self.memo_on:
            return self._read(rel)
        kept = MEMO.get(rel, self.settings_key, self._digest_of, self.site)
        if kept is not None:
            MEMO.parsed(rel, kept.front_matter)
            return kept.copy_for(self.settings)
        MEMO.forget(rel)
        warnings = MEMO.warnings.count
        self._record(Dependencies())
        try:
            content, metadata = self._read(rel)
            if MEMO.warnings.count == warnings:
                source = self.sources.load(rel)
                kept = Kept(
                    self.settings_key,
                    self.settings,
                    self.recording,
                    (content, metadata),
                    (source.own, source.key_lines, source.digest),
                )
                MEMO.keep(rel, kept)
                return kept.copy_for(self.settings)
            return content, metadata
        finally:
            self._record(None)

    def _record(self, dependencies):
        self.recording = self.site.recording = self.liquid.recording = dependencies

    def _digest_of(self, path):
        if path not in self._digests:
            self._digests[path] = file_digest(path)
        return self._digests[path]

    def _load(self, rel):
        """sources.load, noting the file's bytes as what the file being read depends on."""
        source = self.sources.load(rel)
        if self.recording is not None:
            self.recording.files[os.path.abspath(os.path.join(self.root, rel))] = source.digest
        return source

    def _read(self, rel):
        try:
            source = self._load(rel)
        except EditorError as err:
            self._fail(rel, [err])
        MEMO.parsed(rel, (source.own, source.key_lines, source.digest))
        errors = []
        metadata = self.metadata(source, errors)
        if metadata.get("status") == "skip":
            return "", metadata
        content = ""
        if not errors:
            content = self.render_body(source, metadata, errors)
        if errors:
            self._fail(rel, errors)
        return content, metadata

    def _fail(self, rel, errors):
        for err in errors:
            ERROR_LOG.report(err, source=rel)
        raise EditorErrors(rel, errors)

    # -- metadata --------------------------------------------------------------

    def metadata(self, source, errors):
        """Pelican metadata from the front matter; problems go to `errors`."""
        front = source.front

        def error(key, problem, fix):
            errors.append(EditorError(source.rel, source.line(key), problem, fix))

        published = front.get("published", True)
        if not isinstance(published, bool):
            error(
                "published",
                f"« published: {published} » n'est ni true ni false",
                "écrivez `published: false` pour un brouillon, ou retirez la ligne",
            )
        elif not published or str(front.get("status", "")).lower() == "draft":
            return {"status": "skip"}

        metadata = {}
        self._status(front.get("status"), metadata, error)
        self._title(source, metadata, error)
        self._template(source, front.get("layout"), metadata, error)
        self._url(source, metadata, error)
        self._taxonomies(front, metadata)
        self._redirects(front.get("redirect_from"), metadata, error)
        for key, value in front.items():
            if key in HANDLED:
                if key in ("layout", "permalink", "categories"):
                    metadata[key] = value  # kept as written, for templates
                continue
            if key in self.config.markdown_fields and not isinstance(value, str):
                error(
                    key,
                    f"« {key} » doit être un texte (Markdown)",
                    "écrivez le texte sur la même ligne entre guillemets, ou "
                    "après `|` sur les lignes suivantes, en retrait",
                )
                continue
            try:
                metadata.update(
                    front_metadata.convert({key: value}, self.settings, self.markdown, source.rel)
                )
                if key in self.settings["FORMATTED_FIELDS"]:  # just rendered as Markdown
                    errors.extend(_refused_attributes(self.markdown, source, source.line(key)))
            except (ValueError, TypeError, OverflowError):  # Pelican's own keys: modified…
                error(
                    key,
                    f"la valeur de « {key} » est illisible",
                    "corrigez-la (une date s'écrit AAAA-MM-JJ) ou retirez la ligne",
                )
        return metadata

    @staticmethod
    def _status(status, metadata, error):
        """Pelican's `status:`; drafts are already set aside."""
        if status is None:
            return
        if str(status).lower() in ("published", "hidden"):
            metadata["status"] = str(status).lower()
        else:
            error(
                "status",
                f"« status: {status} » n'est pas un état connu",
                "écrivez `status: hidden` (page construite mais hors des listes), "
                "`status: draft` (brouillon) ou retirez la ligne",
            )

    def _title(self, source, metadata, error):
        for key in ("title", *self.config.title_fallbacks):
            value = source.front.get(key)
            if value is not None and str(value).strip():
                metadata["title"] = str(value).strip()
                return
        keys = ", ".join(("title", *self.config.title_fallbacks))
        error(
            None,
            f"la page n'a pas de titre (clés lues : {keys})",
            "ajoutez dans l'en-tête une ligne `title: Le titre de la page`",
        )

    def layouts_for(self, source):
        """The layouts to offer a file: a post those that `defaults` give posts, a page the rest."""
        for_posts = {
            str(values["layout"])
            for path, values in self.config.defaults
            if "layout" in values and path and root_of(path, self.sources.article_roots)
        }
        offered = [
            name for name in sorted(self.config.layouts) if (name in for_posts) != source.is_page
        ]
        return offered or sorted(self.config.layouts)

    def _template(self, source, layout, metadata, error):
        if layout is None:
            offered = self.layouts_for(source)
            error(
                None,
                "la page n'a pas de mise en page",
                f"ajoutez dans l'en-tête `layout: {'page' if 'page' in offered else offered[0]}` "
                f"(mises en page connues : {', '.join(offered)})",
            )
            return
        template = self.config.layouts.get(str(layout))
        if template is None:
            offered = self.layouts_for(source)
            known = ", ".join(offered)
            near = difflib.get_close_matches(str(layout), offered, n=1, cutoff=0.6)
            hint = f"vouliez-vous écrire « {near[0]} » ? Sinon, u" if near else "u"
            error(
                "layout",
                f"la mise en page « {layout} » est inconnue",
                f"{hint}tilisez l'une de : {known}",
            )
        elif not self._template_exists(template):
            error(
                "layout",
                f"la mise en page « {layout} » renvoie au gabarit « {template}.html », "
                "absent du dossier des gabarits",
                f"utilisez l'une de : {', '.join(self.layouts_for(source))} ; ou ajoutez le "
                f"gabarit templates/{template}.html",
            )
        else:
            metadata["template"] = template

    def _template_exists(self, name):
        for folder in self.template_dirs:
            path = os.path.abspath(os.path.join(folder, name + ".html"))
            found = os.path.isfile(path)
            if self.recording is not None:
                self.recording.exists[path] = found
            if found:
                return True
        return False

    def _date(self, source, error):
        name_date = None
        try:
            name_date, title_part = filenames.split_dated_name(source.stem, source.rel)
        except EditorError as err:
            error(None, err.problem, err.fix)
            return None, None  # told once: no second "no date" message
        if source.is_page:
            title_part = source.stem  # Jekyll pages keep their whole name
        value = source.front.get("date", name_date)
        if value is None or isinstance(value, datetime.datetime):
            return value, title_part
        if isinstance(value, datetime.date):
            return SafeDatetime(value.year, value.month, value.day), title_part
        try:
            return get_date(str(value).strip()), title_part
        except (ValueError, OverflowError):
            error(
                "date",
                f"la date « {value} » est illisible",
                "écrivez-la AAAA-MM-JJ, par exemple `date: 2017-09-26`",
            )
            return None, title_part

    def _url(self, source, metadata, error):
        date, title_part = self._date(source, error)
        if title_part is None:
            return
        if date is not None:
            metadata["date"] = date
        elif not source.is_page:
            error(
                None,
                "le défi n'a pas de date",
                "nommez le fichier AAAA-MM-JJ-titre.md ou ajoutez `date: AAAA-MM-JJ`",
            )
            return  # its URL waits for the date: one message is enough
        slug_value = source.front.get("slug")
        title = str(slug_value) if slug_value else title_part
        metadata["slug"] = permalinks.slugify(title)
        pattern = source.front.get("permalink")
        if pattern is None or (isinstance(pattern, str) and pattern in permalinks.STYLES):
            style = pattern or self.config.permalink
            if style in permalinks.STYLES:
                pattern = permalinks.default_pattern(style, source.is_page)
            else:
                pattern = style  # a site-wide pattern
        if not isinstance(pattern, str):
            error(
                "permalink",
                f"le permalien « {pattern} » n'est pas un texte",
                "écrivez un chemin comme `permalink: /reglement/`",
            )
            return
        try:
            url = permalinks.expand(
                pattern,
                date=date,
                title=title,
                slug=metadata["slug"],
                categories=[str(c) for c in _categories(source.front)],
                path=source.subdir,
                basename=source.stem,
            )
        except permalinks.PermalinkError as err:
            error("permalink", str(err), "écrivez un chemin du site comme `permalink: /reglement/`")
            return
        metadata["url"], metadata["save_as"] = permalinks.output_path(url)

    def _taxonomies(self, front, metadata):
        categories = _categories(front)
        if categories:
            metadata["category"] = Category(str(categories[0]), self.settings)
        # Jekyll's `tag` (one, kept whole) wins over `tags` (several).
        if front.get("tag") is not None:
            tags = _as_list(front.get("tag"), split=False)
        else:
            tags = _as_list(front.get("tags"))
        if tags:
            metadata["tags"] = [Tag(str(t), self.settings) for t in tags]

    def _redirects(self, value, metadata, error):
        if value is None:
            return
        urls = []
        for old in _as_list(value, split=False):
            try:
                url = permalinks.normalize(str(old) if old is not None else "")
            except permalinks.PermalinkError as err:
                error(
                    "redirect_from",
                    f"ancienne adresse refusée : {err}",
                    "écrivez un chemin du site comme `- /ancienne-page/`",
                )
                continue
            problem = redirects.old_url_problem(url)
            if problem:
                error(
                    "redirect_from",
                    f"ancienne adresse refusée : {problem}",
                    "n'y gardez que lettres sans accent, chiffres, / - _ . ~ et les codes %XX "
                    "(une espace s'écrit %20, « é » %C3%A9)",
                )
                continue
            urls.append(url)
        metadata["redirect_from"] = urls

    # -- body ------------------------------------------------------------------

    def render_body(self, source, metadata, errors):
        """Liquid, then Markdown; an empty body takes the first Markdown field."""
        page = {
            **source.front,
            "title": metadata.get("title"),
            "url": "/" + metadata.get("url", ""),
            "date": metadata.get("date"),
            "slug": metadata.get("slug"),
            "path": source.rel,
        }
        try:
            text = self.liquid.render_text(source.body, source.rel, site=self.site, page=page)
        except LiquidError as err:
            errors.append(to_editor_error(err, source.rel, source.body_line, self.liquid))
            return ""
        if not text.strip():
            for field in self.config.markdown_fields:
                if field in metadata:
                    return str(metadata[field])
        html = self.markdown.reset().convert(text)
        errors.extend(_refused_attributes(self.markdown, source))
        return html

    # -- links between pages ---------------------------------------------------

    def url_of(self, target):
        """The URL of the page built from `target` (a path from the site root)."""
        rel = posixize_path(os.path.normpath(target.strip().strip("\"'").lstrip("/")))
        fix = (
            "écrivez le chemin du fichier depuis la racine du site, par exemple "
            "`{% link pages/reglement.md %}`"
        )
        if rel.startswith("..") or not os.path.isfile(os.path.join(self.root, rel)):
            raise EditorError(rel, None, f"le fichier lié « {target} » n'existe pas", fix)
        suffix = PurePosixPath(rel).suffix.lstrip(".")
        if suffix not in self.file_extensions or not self.sources.is_content(rel):
            raise EditorError(rel, None, f"« {target} » n'est pas une page du site", fix)
        draft_problem = f"« {target} » est un brouillon, jamais publié"
        draft = EditorError(rel, None, draft_problem, "publiez-le ou retirez le lien")
        if filenames.is_draft(rel):
            raise draft
        problems, metadata = [], {}
        try:
            metadata = self.metadata(self._load(rel), problems)
        except EditorError:
            problems.append(None)
        if metadata.get("status") == "skip":
            raise draft
        if problems or "url" not in metadata:
            raise EditorError(
                rel,
                None,
                f"le fichier lié « {target} » a lui-même une erreur",
                "corrigez d'abord ce fichier (voir son message)",
            )
        return f"{self.settings.get('SITEURL', '')}/{metadata['url']}"


def _refused_attributes(md, source, line=None):
    """What a Markdown extension's attribute lists refused (pelican_jekyll.markdown notes it), told
    at `line`, or at the body's line that asks for it."""
    allowed, refused = refused_attributes(md)
    allowed = ", ".join(sorted(allowed))
    found = []
    for name, tag in refused:
        pattern = re.compile(rf"\{{:[^}}]*\b{re.escape(name)}\s*=?", re.IGNORECASE)
        at = line
        if at is None:
            offset = next(
                (n for n, text in enumerate(source.body.split("\n")) if pattern.search(text)),
                None,
            )
            at = None if offset is None else source.body_line + offset
        found.append(
            EditorError(
                source.rel,
                at,
                f"la liste d'attributs {{: … }} donne à <{tag}> l'attribut « {name} », "
                "qui n'est pas permis",
                f"retirez-le ; attributs permis : {allowed}",
            )
        )
    return found


def _categories(front):
    """Jekyll's `category` (one) and `categories` (several), in that order."""
    return _as_list(front.get("category"), split=False) + _as_list(front.get("categories"))


def _as_list(value, split=True):
    """Jekyll's lists: a YAML list, or words separated by spaces."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [v for v in value if v is not None]
    return str(value).split() if split else [value]
