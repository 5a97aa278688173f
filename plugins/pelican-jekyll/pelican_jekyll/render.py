"""A document's content as Jekyll renders it: Liquid (site, page, includes), then Markdown."""

import datetime
import functools
import html
import json
import os
from collections.abc import Mapping
from pathlib import PurePosixPath
from urllib.parse import quote, quote_plus

import markdown
from liquid import Undefined
from liquid.ast import Node
from liquid.exceptions import LiquidError, LiquidSyntaxError
from liquid.parser import get_parser
from liquid.tag import Tag
from liquid.token import TOKEN_EOF, TOKEN_EXPRESSION, TOKEN_TAG

from . import urls
from .markdown import JekyllMarkdownExtension
from .reader.errors import EditorError
from .reader.liquid_tags import JekyllLiquid, TargetTag, to_editor_error
from .reader.messages import say

INCLUDES = "_includes"


class DocumentDrop(Mapping):
    """`page`, or an item of `site.posts`: front matter and what Jekyll adds to it."""

    def __init__(self, doc, renderer):
        self.doc, self.renderer = doc, renderer

    def _computed(self):
        doc = self.doc
        pure = PurePosixPath(doc.rel)
        values = {
            "url": doc.url,
            "path": doc.rel,
            "relative_path": doc.rel,
            "name": pure.name,
            "dir": "/" + str(pure.parent).strip(".") if doc.collection is None else None,
            "title": doc.title,
            "date": doc.date,
        }
        if doc.collection is not None:
            values.update(
                # Document#id: the URL's folder, then the slug.
                id=f"{PurePosixPath(doc.url).parent.as_posix().rstrip('/')}/{doc.slug}",
                collection=doc.collection,
                slug=doc.slug,
                categories=doc.categories,
                tags=doc.tags,
                ext=pure.suffix,
            )
        return {k: v for k, v in values.items() if v is not None}

    def __getitem__(self, key):
        if key == "content":
            return self.renderer.content(self.doc)
        if key == "excerpt" and self.doc.collection is not None:
            return self.renderer.excerpt(self.doc)
        computed = self._computed()
        if key in computed:
            return computed[key]
        return self.doc.front[key]

    def __iter__(self):
        return iter({**self.doc.front, **self._computed(), "content": None})

    def __len__(self):
        return len({**self.doc.front, **self._computed(), "content": None})


class PostUrlTag(TargetTag):
    """`{% post_url 2010-07-21-name %}`: the post's URL, with the base URL."""

    name = "post_url"
    resolve = "post_url"
    missing = "post_url: missing post name"


class HighlightNode(Node):
    __slots__ = ("block", "language", "linenos")

    def __init__(self, token, language, linenos, block):
        super().__init__(token)
        self.language, self.linenos, self.block = language, linenos, block
        self.blank = False

    def render_to_output(self, context, buffer):
        inner = context.get_buffer(buffer)
        self.block.render(context, inner)
        text = inner.getvalue().strip()
        code = html.escape(text, quote=False)
        lang = html.escape(self.language)
        if self.linenos:  # Rouge's table: a gutter of line numbers, then the code
            numbers = "".join(f"{n}\n" for n in range(1, text.count("\n") + 2))
            code = (
                '<table class="rouge-table"><tbody><tr><td class="gutter gl">'
                f'<pre class="lineno">{numbers}</pre></td><td class="code"><pre>{code}\n'
                "</pre></td></tr></tbody></table>"
            )
        return buffer.write(
            f'<figure class="highlight"><pre><code class="language-{lang}" '
            f'data-lang="{lang}">{code}</code></pre></figure>'
        )


class HighlightTag(Tag):
    """`{% highlight lang %}…{% endhighlight %}`, as Jekyll's markup (no Rouge colours)."""

    name = "highlight"
    end = "endhighlight"

    def parse(self, stream):
        token = stream.eat(TOKEN_TAG)
        words = []
        if stream.current.kind == TOKEN_EXPRESSION:
            words = stream.current.value.split()
            stream.next_token()
        language = words[0] if words else ""
        block = get_parser(self.env).parse_block(stream, frozenset(("endhighlight", TOKEN_EOF)))
        stream.expect(TOKEN_TAG, value="endhighlight")
        return HighlightNode(token, language, "linenos" in words[1:], block)


class SiteLiquid(JekyllLiquid):
    """The reader's Liquid, with Jekyll's own tags and filters for a whole site."""

    def __init__(self, renderer):
        site = renderer.site
        # Jekyll's Liquid escapes nothing: a page prints its posts' `content` as HTML.
        super().__init__(
            os.path.join(site.source, INCLUDES), INCLUDES, renderer.url_of, autoescape=False
        )
        self.renderer = renderer
        if not site.config.strict_variables:
            self.undefined = Undefined  # Jekyll's default: an unknown variable prints nothing
        self.strict_filters = site.config.strict_filters  # Jekyll's default: ignored

    def setup_tags_and_filters(self, **kwargs):
        super().setup_tags_and_filters(**kwargs)
        self.tags["post_url"] = PostUrlTag(self)
        self.tags["highlight"] = HighlightTag(self)

    def post_url(self, target, token):
        try:
            return self.renderer.post_url(target)
        except EditorError as err:
            raise LiquidSyntaxError(f"{err.problem} — {err.fix}", token=token) from None


def _text(value):
    return "" if value is None or isinstance(value, Undefined) else str(value)


class Renderer:
    """Renders each document once, on demand: a page may list posts' content."""

    def __init__(self, site):
        self.site = site
        cfg = site.config
        self.drops = {rel: DocumentDrop(doc, self) for rel, doc in site.documents.items()}
        self.site_drop = self._site_drop()
        self.env = SiteLiquid(self)
        self._filters()
        self.markdown = markdown.Markdown(
            extensions=[JekyllMarkdownExtension()], output_format="html5"
        )
        self.done, self.busy, self.excerpts = {}, set(), {}
        self.errors = []
        self.baseurl = cfg.baseurl

    def _site_drop(self):
        cfg = self.site.config
        docs = list(self.site.documents.values())
        by_collection = {label: [] for label in cfg.collections}
        for doc in docs:
            if doc.collection is not None:
                by_collection[doc.collection].append(self.drops[doc.rel])
        posts = sorted(
            by_collection.pop("posts", []),
            key=lambda d: (d.doc.date or datetime.datetime.min, d.doc.rel),
            reverse=True,
        )
        categories, tags = {}, {}
        for post in posts:
            for name in post.doc.categories:
                categories.setdefault(name, []).append(post)
            for name in post.doc.tags:
                tags.setdefault(name, []).append(post)
        collections = [
            {
                "label": label,
                "docs": by_collection.get(label, posts if label == "posts" else []),
                "output": collection.output,
                "relative_directory": "_" + label,
            }
            for label, collection in cfg.collections.items()
        ]
        return {
            **cfg.raw,
            **by_collection,
            "baseurl": cfg.baseurl,
            "url": cfg.url,
            "data": self.site.data,
            "posts": posts,
            "pages": [self.drops[d.rel] for d in docs if d.collection is None],
            "documents": [self.drops[d.rel] for d in docs if d.collection is not None],
            "collections": collections,
            "categories": categories,
            "tags": tags,
            "time": datetime.datetime.now(),
            "static_files": [{"path": "/" + rel} for rel in self.site.static_files],
        }

    def _filters(self):
        """Jekyll's own filters that content commonly uses."""
        cfg = self.site.config
        filters = self.env.filters

        def relative_url(value):
            path = _text(value)
            return (
                f"{cfg.baseurl}/{path.lstrip('/')}"
                if not path.startswith(("http:", "https:"))
                else path
            )

        filters["relative_url"] = relative_url
        filters["absolute_url"] = lambda value: cfg.url + relative_url(value)
        filters["xml_escape"] = lambda value: html.escape(_text(value))
        filters["cgi_escape"] = lambda value: quote_plus(_text(value))
        filters["uri_escape"] = lambda value: quote(_text(value), safe="/:?#[]@!$&'()*+,;=-._~%")
        filters["jsonify"] = lambda value: json.dumps(value, default=str, ensure_ascii=False)
        filters["slugify"] = lambda value, mode=None: urls.slugify(_text(value), _text(mode))
        filters["number_of_words"] = lambda value: len(_text(value).split())
        filters["markdownify"] = lambda value: markdown.Markdown(
            extensions=[JekyllMarkdownExtension()], output_format="html5"
        ).convert(_text(value))
        filters["date_to_xmlschema"] = lambda value: (
            value.isoformat() if hasattr(value, "isoformat") else _text(value)
        )
        filters["date_to_string"] = lambda value: (
            value.strftime("%d %b %Y") if hasattr(value, "strftime") else _text(value)
        )
        filters["date_to_long_string"] = lambda value: (
            value.strftime("%d %B %Y") if hasattr(value, "strftime") else _text(value)
        )
        filters["normalize_whitespace"] = lambda value: " ".join(_text(value).split())
        filters["array_to_sentence_string"] = _sentence
        filters["where"] = _where
        filters["group_by"] = _group_by
        filters["inspect"] = lambda value: repr(value)
        filters["sort"] = _sort
        filters["push"] = lambda values, item: [*(values or []), item]
        filters["unshift"] = lambda values, item: [item, *(values or [])]
        filters["pop"] = lambda values, n=1: list(values or [])[: -int(n) or None]
        filters["shift"] = lambda values, n=1: list(values or [])[int(n) :]
        filters["to_integer"] = lambda value: int(float(_text(value) or 0))
        filters["find"] = lambda values, key, expected=None: next(
            iter(_where(values, key, expected)), None
        )

    # -- rendering -------------------------------------------------------------

    def content(self, doc):
        """The document's rendered content; its Liquid or Markdown errors go to `.errors`."""
        if doc.rel in self.done:
            return self.done[doc.rel]
        if doc.rel in self.busy:
            return doc.body  # a page that lists itself: Jekyll shows its source too
        self.busy.add(doc.rel)
        try:
            self.done[doc.rel] = self._convert(doc, doc.body, doc.body_line)
        finally:
            self.busy.discard(doc.rel)
        return self.done[doc.rel]

    def excerpt(self, doc):
        if doc.rel not in self.excerpts:
            separator = str(
                doc.front.get("excerpt_separator") or self.site.config.excerpt_separator
            )
            head = doc.body.lstrip("\n").split(separator, 1)[0]
            self.excerpts[doc.rel] = self._convert(doc, head, doc.body_line, report=False)
        return self.excerpts[doc.rel]

    def _convert(self, doc, text, first_line, report=True):
        try:
            text = self.env.render_text(
                text, doc.rel, site=self.site_drop, page=self.drops[doc.rel]
            )
        except LiquidError as err:
            if report:
                self.errors.append(to_editor_error(err, doc.rel, first_line, self.env))
            return ""
        if doc.is_markdown:
            return self.markdown.reset().convert(text)
        return text

    # -- links -----------------------------------------------------------------

    def url_of(self, target):
        """`{% link path %}`: the URL of the document built from `path`, with the base URL."""
        rel = target.strip().strip("\"'").lstrip("/")
        doc = self.site.documents.get(rel)
        if rel in self.site.static_files:
            return f"{self.baseurl}/{quote(rel, safe=urls.URL_SAFE)}"
        if doc is None or not doc.output:
            raise EditorError(
                rel,
                None,
                say(
                    f"the linked file “{target}” is not a document of the site",
                    f"le fichier lié « {target} » n'est pas un document du site",
                ),
                say(
                    "write the file's path from the site's root, for example "
                    "`{% link _posts/2020-01-01-title.md %}`",
                    "écrivez le chemin du fichier depuis la racine du site, par exemple "
                    "`{% link _posts/2020-01-01-titre.md %}`",
                ),
            )
        return self.baseurl + doc.url

    def post_url(self, target):
        wanted = target.strip().strip("\"'").strip("/")
        for doc in self.site.documents.values():
            if doc.collection != "posts":
                continue
            stem = str(PurePosixPath(doc.rel).with_suffix(""))
            if stem.endswith("/" + wanted) or PurePosixPath(stem).name == wanted:
                return self.baseurl + doc.url
        raise EditorError(
            target,
            None,
            say(f"no post is named “{target}”", f"aucun article ne s'appelle « {target} »"),
            say(
                "write the name of the file in _posts without its extension, for example "
                "`{% post_url 2020-01-01-title %}`",
                "écrivez le nom du fichier de _posts sans son extension, par exemple "
                "`{% post_url 2020-01-01-titre %}`",
            ),
        )


def _sentence(values, connector="and"):
    items = [_text(v) for v in (values or [])]
    if len(items) < 2:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} {connector} {items[1]}"
    return ", ".join(items[:-1]) + f", {connector} {items[-1]}"


def _get(item, key):
    try:
        return item[key]
    except (KeyError, TypeError, IndexError):
        return None


def _where(values, key, expected=None):
    return [v for v in (values or []) if _text(_get(v, key)) == _text(expected)]


def _sort(values, key=None, nils="first"):
    """Jekyll's sort: by a property, nils first or last, mixed types compared as text."""
    if values is None or isinstance(values, Undefined):
        return []
    if isinstance(values, Mapping):
        values = list(values.items())
    items = [(_get(v, key) if key is not None else v, v) for v in values]

    def order(a, b):
        (x, _), (y, _) = a, b
        if x is None or y is None:
            if x is None and y is None:
                return 0
            return (-1 if x is None else 1) * (1 if nils == "first" else -1)
        try:
            return (x > y) - (x < y)
        except TypeError:
            return (str(x) > str(y)) - (str(x) < str(y))

    return [v for _, v in sorted(items, key=functools.cmp_to_key(order))]


def _group_by(values, key):
    groups = {}
    for item in values or []:
        groups.setdefault(_text(_get(item, key)), []).append(item)
    return [{"name": name, "items": items, "size": len(items)} for name, items in groups.items()]
