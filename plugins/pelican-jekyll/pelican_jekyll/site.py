"""What Jekyll 4.3 would build from a folder: its documents, where each goes, its static files."""

import dataclasses
import datetime
import fnmatch
import os
import re
import zoneinfo
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import yaml

from . import config as site_config
from . import data as site_data
from . import urls
from .reader import front_matter
from .reader.errors import EditorError
from .reader.messages import say

DOCUMENT_EXTENSIONS = {".md", ".markdown", ".html"}
MARKDOWN_EXTENSIONS = {".md", ".markdown"}
# Document::DATE_FILENAME_MATCHER
DATED_NAME = re.compile(r"^(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$")
FRONT_MATTER_START = re.compile(rb"\A---\s*\r?\n")
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_FILES = 200_000  # a walk is bounded: a site this large is not a Jekyll site


@dataclass
class Document:
    """A file Jekyll renders: a page, a post, or a document of a collection."""

    rel: str  # path from the site's folder
    collection: str | None  # None for a page
    front: dict  # defaults, then the file's own front matter
    key_lines: dict
    body: str
    body_line: int
    url: str = ""
    dest: str = ""
    date: datetime.datetime | None = None
    slug: str = ""
    title: str | None = None
    categories: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    output: bool = True  # False in a collection without `output: true`

    @property
    def is_markdown(self):
        return PurePosixPath(self.rel).suffix.lower() in MARKDOWN_EXTENSIONS

    def line(self, key):
        return self.key_lines.get(key)


@dataclass
class Site:
    source: str
    config: site_config.SiteConfig
    data: dict
    documents: dict  # rel -> Document, in reading order
    static_files: list  # rel paths copied as they are
    skipped: list  # rel paths with front matter that this port does not render
    errors: list
    warnings: list  # what Jekyll accepts and an editor should still fix


def has_front_matter(path):
    with open(path, "rb") as handle:
        return bool(FRONT_MATTER_START.match(handle.read(64)))


def _matches(rel, patterns):
    """EntryFilter#glob_include?: a pattern names a path, a folder above it, or a glob."""
    for pattern in patterns:
        bare = pattern.strip("/")
        if not bare:
            continue
        if rel == bare or rel.startswith(bare + "/") or fnmatch.fnmatch(rel, bare):
            return True
        if fnmatch.fnmatch(PurePosixPath(rel).name, bare) and "/" not in bare and "*" in bare:
            return True
    return False


def _filtered(rel, name, cfg):
    """Whether Jekyll leaves this entry out (EntryFilter#filter)."""
    if _matches(rel, cfg.include) or name in cfg.include:
        return False
    if name.startswith((".", "_", "#")) or name.endswith("~"):
        return True
    return _matches(rel, cfg.exclude)


def _walk(source, start, cfg, counter):
    """Files below `start` (relative), with Jekyll's filters, symlinks left out (safe mode)."""
    found = []
    root = os.path.join(source, start)
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = os.path.relpath(dirpath, source).replace(os.sep, "/")
        rel_dir = "" if rel_dir == "." else rel_dir

        def keep(name, rel_dir=rel_dir):
            rel = f"{rel_dir}/{name}" if rel_dir else name
            if os.path.islink(os.path.join(source, rel)):
                return False
            return not _filtered(rel, name, cfg)

        dirnames[:] = sorted(d for d in dirnames if keep(d))
        for name in sorted(filenames):
            if keep(name):
                counter[0] += 1
                if counter[0] > MAX_FILES:
                    raise EditorError(
                        start or ".",
                        None,
                        say("the site has too many files", "le site a trop de fichiers"),
                        say(f"keep it under {MAX_FILES}", f"gardez-en moins de {MAX_FILES}"),
                    )
                found.append(f"{rel_dir}/{name}" if rel_dir else name)
    return found


def _collection_dir(cfg, label):
    name = "_" + label
    return f"{cfg.collections_dir}/{name}" if cfg.collections_dir else name


def _post_dirs(source, cfg):
    """Every `_posts` folder Jekyll reads: in the collections' folder and any folder below
    it that Jekyll does not filter."""
    dirs = []
    for dirpath, dirnames, _ in os.walk(os.path.join(source, cfg.collections_dir)):
        rel_dir = os.path.relpath(dirpath, source).replace(os.sep, "/")
        rel_dir = "" if rel_dir == "." else rel_dir
        if "_posts" in dirnames:
            dirs.append(f"{rel_dir}/_posts" if rel_dir else "_posts")
        dirnames[:] = [
            d
            for d in dirnames
            if not _filtered(f"{rel_dir}/{d}" if rel_dir else d, d, cfg)
            and not os.path.islink(os.path.join(dirpath, d))
        ]
    return dirs


def _defaults_for(rel, kind, cfg):
    """FrontmatterDefaults#all: matching rules, the most specific last."""
    matching = []
    for rule in cfg.defaults:
        if rule.type and rule.type != kind:
            continue
        if rule.path and not (
            rel == rule.path
            or rel.startswith(rule.path + "/")
            or ("*" in rule.path and fnmatch.fnmatch(rel, rule.path))
        ):
            continue
        matching.append(rule)
    values = {}
    for rule in sorted(matching, key=lambda r: (len(r.path), r.type is not None)):
        values.update(rule.values)
    return values


def _as_list(value, split=True):
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if v is not None]
    return str(value).split() if split else [str(value)]


def _zone(name):
    """The zone Jekyll's `timezone:` names (it sets TZ), or None for the machine's."""
    if not name:
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None  # Ruby's TZ then falls back to UTC, as the machine here may not


def _local(value, zone):
    """An aware time in Jekyll's local time (`timezone:`, else the machine's), naive."""
    return value.astimezone(zone).replace(tzinfo=None)


def _name_date(text, zone=None):
    """The date of a dated file name; a two-digit year is Ruby's: 69-99 are 19xx, else 20xx."""
    year, month, day = text.split("-")
    if len(year) == 2:
        year = ("19" if int(year) >= 69 else "20") + year
    return _date(f"{year}-{month}-{day}", zone)


def _date(value, zone=None):
    """A front-matter date as Jekyll holds it: local time (`timezone:`, else the machine's)."""
    if isinstance(value, datetime.datetime):
        return _local(value, zone) if value.tzinfo else value
    if isinstance(value, datetime.date):
        return datetime.datetime(value.year, value.month, value.day)
    text = str(value).strip()
    for pattern in ("%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M %z", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
        try:
            parsed = datetime.datetime.strptime(text, pattern)
        except ValueError:
            continue
        return _local(parsed, zone) if parsed.tzinfo else parsed
    return None


def _titleize(slug):
    return " ".join(word.capitalize() for word in slug.split("-"))


class Reader:
    """Reads a site folder into a Site; every problem becomes an EditorError."""

    def __init__(self, source, exclude=()):
        self.source = os.path.abspath(source)
        self.exclude = tuple(exclude)
        self.errors = []
        self.warnings = []

    def read(self):
        cfg = site_config.load(self.source)
        if self.exclude:
            cfg = dataclasses.replace(cfg, exclude=(*cfg.exclude, *self.exclude))
        data, data_errors = site_data.load(self.source)
        self.errors.extend(data_errors)
        documents, static, skipped = {}, [], []
        counter = [0]
        now = datetime.datetime.now()

        for rel in _walk(self.source, "", cfg, counter):
            self._classify(rel, None, cfg, documents, static, skipped)
        for posts in _post_dirs(self.source, cfg):
            for rel in _walk(self.source, posts, cfg, counter):
                self._classify(rel, "posts", cfg, documents, [], skipped, posts_dir=posts)
        for label in cfg.collections:
            folder = _collection_dir(cfg, label)
            if label == "posts" or not os.path.isdir(os.path.join(self.source, folder)):
                continue
            for rel in _walk(self.source, folder, cfg, counter):
                # A collection's files without front matter are not copied by this port.
                self._classify(rel, label, cfg, documents, [], skipped)
        for doc in list(documents.values()):
            published = doc.front.get("published", True)
            future = doc.date is not None and doc.date > now and not cfg.future
            if published is False or future:
                del documents[doc.rel]
        self._check_destinations(documents, static)
        return Site(self.source, cfg, data, documents, static, skipped, self.errors, self.warnings)

    def _classify(self, rel, collection, cfg, documents, static, skipped, posts_dir=None):
        path = os.path.join(self.source, rel)
        suffix = PurePosixPath(rel).suffix.lower()
        try:
            front = has_front_matter(path)
        except OSError:
            return
        if collection == "posts" and not DATED_NAME.match(PurePosixPath(rel).name):
            return  # Jekyll reads only dated names in _posts
        if not front:
            static.append(rel)
            return
        # A collection's file without an extension is a document too, written as it is.
        extensionless = suffix == "" and collection not in (None, "posts")
        if suffix not in DOCUMENT_EXTENSIONS and not extensionless:
            skipped.append(rel)  # a .xml or .scss with front matter: not rendered here
            return
        try:
            doc = self._document(rel, collection, cfg, posts_dir)
        except EditorError as err:
            self.errors.append(err)
            return
        if collection is not None:
            doc.output = cfg.collections[collection].output
        documents[rel] = doc

    def _document(self, rel, collection, cfg, posts_dir):
        with open(os.path.join(self.source, rel), "rb") as handle:
            raw = handle.read()
        parsed = self._front_matter(front_matter.decode(raw, rel), rel)
        kind = "pages" if collection is None else collection
        front = {**_defaults_for(rel, kind, cfg), **parsed.data}
        # Jekyll's front-matter pattern (`---\s*$\n?`) also eats the blank lines after it.
        body = parsed.body.lstrip(" \t\n")
        start = parsed.body[: len(parsed.body) - len(body)]
        body = parsed.body[start.rfind("\n") + 1 :] if "\n" in start else parsed.body
        line = parsed.body_line + start.count("\n")
        doc = Document(rel, collection, front, parsed.key_lines, body, line)
        pure = PurePosixPath(rel)
        try:
            if collection is None:
                self._page_url(doc, pure, cfg)
            else:
                self._document_url(doc, pure, collection, cfg, posts_dir)
        except urls.PermalinkError as err:
            raise EditorError(
                rel,
                doc.line("permalink"),
                str(err),
                say(
                    "fix the permalink (see Jekyll's permalink placeholders)",
                    "corrigez le permalien (voir les paramètres de permalien de Jekyll)",
                ),
            ) from None
        title = front.get("title")
        doc.title = str(title) if title is not None else doc.title
        return doc

    def _front_matter(self, text, rel):
        """The reader's front matter; what it refuses and Jekyll reads (a key written
        twice: the last one wins) is read as Jekyll reads it, with a warning."""
        try:
            return front_matter.load(text, rel)
        except EditorError as err:
            yaml_text, body, body_line = front_matter.split(text, rel)
            try:
                data = yaml.load(yaml_text, Loader=SAFE_LOADER)
            except yaml.YAMLError:
                raise err from None
            if not isinstance(data, dict):
                raise
            self.warnings.append(err)
            return front_matter.FrontMatter(
                {str(k): v for k, v in data.items()}, {}, body, body_line
            )

    def _page_url(self, doc, pure, cfg):
        basename = pure.stem
        folder = str(pure.parent) if str(pure.parent) != "." else ""
        permalink = doc.front.get("permalink")
        template = (
            str(permalink) if permalink else urls.page_template(basename, ".html", cfg.permalink)
        )
        values = {"path": folder, "basename": basename, "output_ext": ".html"}
        # Jekyll replaces only a page's known placeholders; others stay as written.
        url = template
        for key in sorted(values, key=len, reverse=True):
            url = url.replace(":" + key, urls.quote(values[key], safe=urls.URL_SAFE))
        doc.url = urls.generate(url, {})
        doc.dest = urls.destination(doc.url)
        date = doc.front.get("date")
        doc.date = _date(date, _zone(cfg.timezone)) if date is not None else None

    def _document_url(self, doc, pure, collection, cfg, posts_dir):
        inside = pure.relative_to(posts_dir or _collection_dir(cfg, collection))
        match = DATED_NAME.match(pure.name)
        slug = match.group(2) if match else pure.stem
        slug = re.sub(r"\.*$", "", slug)
        zone = _zone(cfg.timezone)
        date = doc.front.get("date")
        doc.date = _date(date, zone) if date is not None else None
        if doc.date is None and match:
            doc.date = _name_date(match.group(1), zone)
        doc.title = _titleize(slug)
        front_slug = doc.front.get("slug")
        slug = str(front_slug) if front_slug else slug
        doc.slug = slug
        categories = []
        if collection == "posts":
            above = posts_dir.removeprefix(cfg.collections_dir).split("/")[:-1]
            categories = [c for c in above if c]
        for value in (
            *_as_list(doc.front.get("category"), split=False),
            *_as_list(doc.front.get("categories")),
        ):
            if value not in categories:
                categories.append(value)
        doc.categories = categories
        doc.tags = _as_list(doc.front.get("tags")) + _as_list(doc.front.get("tag"), split=False)
        permalink = doc.front.get("permalink")
        template = (
            str(permalink)
            if permalink
            else urls.collection_template(cfg.collections[collection], cfg.permalink)
        )
        stem = str(inside.with_suffix(""))
        output_ext = ".html" if pure.suffix else ""  # the identity converter keeps none
        values = {
            "collection": collection,
            "path": "/" + stem,
            "name": urls.slugify(pure.stem),
            "title": urls.slugify(slug, mode="pretty", cased=True),
            "slug": urls.slugify(slug),
            "categories": "/".join(dict.fromkeys(c.lower() for c in categories)),
            "output_ext": output_ext,
            **urls.date_values(doc.date or datetime.datetime.now()),
        }
        doc.url = urls.generate(template, values)
        doc.dest = urls.destination(doc.url, output_ext)

    def _check_destinations(self, documents, static):
        """Two files that Jekyll would write to one place: an error naming both."""
        seen = {}
        for doc in documents.values():
            if not doc.output:
                continue
            if doc.dest in seen:
                self.errors.append(
                    EditorError(
                        doc.rel,
                        doc.line("permalink"),
                        say(
                            f"“{doc.dest}” is already written by {seen[doc.dest]}",
                            f"« {doc.dest} » est déjà écrit par {seen[doc.dest]}",
                        ),
                        say(
                            "give one of the two files another `permalink:`",
                            "donnez à l'un des deux fichiers un autre `permalink:`",
                        ),
                    )
                )
            seen[doc.dest] = doc.rel
        for rel in static:
            if rel in seen:
                self.errors.append(
                    EditorError(
                        rel,
                        None,
                        say(
                            f"this file is copied to “{rel}”, already written by {seen[rel]}",
                            f"ce fichier est copié en « {rel} », déjà écrit par {seen[rel]}",
                        ),
                        say(
                            "rename it or change the other file's `permalink:`",
                            "renommez-le ou changez le `permalink:` de l'autre fichier",
                        ),
                    )
                )


def read(source, exclude=()):
    """The Site in `source`, leaving out the paths in `exclude`; its problems are in `.errors`."""
    reader = Reader(source, exclude)
    try:
        return reader.read()
    except EditorError as err:
        return Site(reader.source, None, {}, {}, [], [], [*reader.errors, err], reader.warnings)
