"""Content files read and split, with Jekyll's front-matter defaults applied."""

import os
from dataclasses import dataclass
from pathlib import PurePosixPath

from pelican_jekyll.reader import front_matter, nesting
from pelican_jekyll.reader.digests import digest


@dataclass(frozen=True)
class Source:
    """A Jekyll file read and split, before any rendering."""

    rel: str  # path relative to PATH, with "/"
    is_page: bool
    front: dict  # defaults, then the file's own front matter over them
    own: dict  # the file's own front matter
    key_lines: dict
    digest: bytes  # of the file's bytes, for the read memo
    body: str
    body_line: int
    stem: str
    subdir: str  # folder below the page root, for `:path`

    def line(self, key):
        return self.key_lines.get(key)


def within(rel, folder):
    """Whether `rel` is `folder` or lies below it ("" holds everything)."""
    return folder == "" or rel == folder or rel.startswith(folder + "/")


def root_of(rel, roots):
    """The first of `roots` (folders relative to PATH) that holds `rel`."""
    return next((root for root in roots if within(rel, root)), None)


class Sources:
    """Loads each file once; errors are EditorError naming the file and line."""

    def __init__(self, root, page_roots, article_roots, defaults):
        self.root = root
        self.page_roots = [p.strip("/") for p in page_roots]
        self.article_roots = [p.strip("/") for p in article_roots]
        self.defaults = defaults
        self._loaded = {}

    def is_content(self, rel):
        return root_of(rel, self.page_roots + self.article_roots) is not None

    def load(self, rel):
        if rel not in self._loaded:
            with open(os.path.join(self.root, rel), "rb") as handle:
                raw = handle.read()
            text = front_matter.decode(raw, rel)
            parsed = front_matter.load(text, rel)
            too_deep = too_deep_markdown(parsed, rel)
            if too_deep is not None:
                raise too_deep
            page_root = root_of(rel, self.page_roots)
            is_page = page_root is not None
            root = page_root if is_page else root_of(rel, self.article_roots) or ""
            relative = PurePosixPath(rel).relative_to(root) if root else PurePosixPath(rel)
            self._loaded[rel] = Source(
                rel=rel,
                is_page=is_page,
                front={**self.defaults_for(rel), **given(parsed.data)},
                own=parsed.data,
                key_lines=parsed.key_lines,
                digest=digest(raw),
                body=parsed.body,
                body_line=parsed.body_line,
                stem=relative.stem,
                subdir="" if str(relative.parent) == "." else str(relative.parent),
            )
        return self._loaded[rel]

    def defaults_for(self, rel):
        """Jekyll's front-matter defaults: the most specific path wins."""
        values = {}
        matching = [(path, vals) for path, vals in self.defaults if within(rel, path)]
        for _, vals in sorted(matching, key=lambda rule: len(rule[0])):
            values.update(vals)
        return values


def too_deep_markdown(parsed, rel):
    """The error for a body, or a text of several lines, nested deeper than Markdown may be."""
    for key, value in parsed.data.items():
        if isinstance(value, str) and "\n" in value:
            too_deep = nesting.check(value, rel, parsed.key_lines.get(key, 2) + 1)
            if too_deep is not None:
                return too_deep
    return nesting.check(parsed.body, rel, parsed.body_line)


def given(front):
    """The keys that have a value: a key left empty (`date:` or `date: ""`, as the back
    office writes a field left blank) is a key not given, so defaults still apply."""
    return {
        key: value
        for key, value in front.items()
        if value is not None and not (isinstance(value, str) and not value.strip())
    }
