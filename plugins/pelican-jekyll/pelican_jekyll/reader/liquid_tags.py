"""Liquid as Jekyll runs it in a page body: include, link, raw, and bounded work.

Strict by default: an undefined variable, an unknown tag or filter, a missing include
is an error with the file and line, never silent empty text.
"""

import os
import re
from pathlib import PurePosixPath

from liquid import Environment, FileSystemLoader, StrictUndefined
from liquid.ast import Node
from liquid.builtin.expressions import FilteredExpression, tokenize
from liquid.exceptions import (
    LiquidError,
    LiquidSyntaxError,
    TemplateNotFoundError,
    UndefinedError,
    UnknownFilterError,
)
from liquid.stream import TokenStream
from liquid.tag import Tag
from liquid.token import TOKEN_EXPRESSION, TOKEN_TAG

from . import limits, nesting
from .digests import MISSING, digest
from .errors import EditorError
from .front_matter import nul_error
from .messages import say

# The tags an editor may write, as Jekyll 4 (Liquid 4) has them, for messages: the
# environment also registers python-liquid's own (`illegal`, `output`, `doc`…).
EDITOR_TAGS = (
    "assign",
    "break",
    "capture",
    "case",
    "comment",
    "continue",
    "cycle",
    "decrement",
    "for",
    "if",
    "ifchanged",
    "include",
    "increment",
    "link",
    "raw",
    "tablerow",
    "unless",
)
# What starts Liquid markup (tags, output statements); this environment has no `{# #}`.
LIQUID_MARKUP = re.compile(r"\{[{%]")
INCLUDE_PARAM = re.compile(r"""\s*([\w-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"']+)""")


class TargetNode(Node):
    """A tag's one argument (a file, a post), written as what the environment's `resolve`
    method makes of it (its URL)."""

    __slots__ = ("resolve", "target")

    def __init__(self, token, target, resolve):
        super().__init__(token)
        self.target, self.resolve = target, resolve
        self.blank = False

    def render_to_output(self, context, buffer):
        return buffer.write(getattr(context.env, self.resolve)(self.target, self.token))


class TargetTag(Tag):
    """A tag with one argument that the environment resolves: `resolve` names its method,
    `missing` is the error for a tag written without its argument."""

    block = False
    resolve = ""
    missing = ""

    def parse(self, stream):
        token = stream.eat(TOKEN_TAG)
        if stream.current.kind != TOKEN_EXPRESSION or not stream.current.value.strip():
            raise LiquidSyntaxError(self.missing, token=token)
        return TargetNode(token, stream.current.value.strip(), self.resolve)


class LinkTag(TargetTag):
    """`{% link pages/x.md %}`: the URL of the page built from that file."""

    # The reader gives the environment its way of finding another page's URL.
    name = "link"
    resolve = "url_of"
    missing = "link: missing file path"


class IncludeNode(Node):
    __slots__ = ("name", "params")

    def __init__(self, token, name, params):
        super().__init__(token)
        self.name, self.params = name, params
        self.blank = False

    def render_to_output(self, context, buffer):
        params = {key: expr.evaluate(context) for key, expr in self.params.items()}
        try:
            template = context.env.get_template(self.name, context=context, tag="include")
        except TemplateNotFoundError as err:
            # This very include is missing: told at its tag, in the including file.
            err.token, err.template_name = self.token, None
            raise
        except LiquidError as err:
            # Refused as it was read (a NUL character): told in the include, by its path.
            err.template_name = context.env.include_path(self.name)
            err.included_at = token_line(self.token)
            raise
        context.env.count_include(context, self.token)
        context.env.note_include(self.name)
        try:
            with context.extend({"include": params}, template=template):
                template.render_with_context(context, buffer, partial=True)
                # What python-liquid's own include returns: a block (a {% for %}'s body)
                # adds up what its nodes return.
                return True
        except LiquidError as err:
            # An error inside the include is told at the include's own line, and at the
            # line of the page that includes it (the outermost include sets it last).
            if err.template_name is None:
                err.template_name = context.env.include_path(self.name)
            err.included_at = token_line(self.token)
            raise


class IncludeTag(Tag):
    """Jekyll's `{% include note.md key="value" %}`: an unquoted file name."""

    name = "include"
    block = False

    def parse(self, stream):
        token = stream.eat(TOKEN_TAG)
        expression = stream.current
        if expression.kind != TOKEN_EXPRESSION or not expression.value.strip():
            raise LiquidSyntaxError("include: missing file name", token=token)
        name, _, rest = expression.value.strip().partition(" ")
        name = name.strip("\"'")
        if PurePosixPath(name).is_absolute() or ".." in PurePosixPath(name).parts:
            raise TemplateNotFoundError(name, token=expression)
        params = {}
        position = 0
        while rest[position:].strip():
            match = INCLUDE_PARAM.match(rest, position)
            if not match:
                raise LiquidSyntaxError(
                    f"include: expected key=value, found {rest[position:].strip()!r}",
                    token=expression,
                )
            key, value = match.groups()
            params[key] = FilteredExpression.parse(
                self.env, TokenStream(tokenize(value, parent_token=expression))
            )
            position = match.end()
        return IncludeNode(token, name, params)


class DigestingLoader(FileSystemLoader):
    """FileSystemLoader that also keeps the digest of the bytes of each file it reads, and
    refuses an include whose Markdown nests too deep."""

    def __init__(self, search_path, search_rel):
        super().__init__(search_path)
        self.search_rel = search_rel  # the folder, as editors name it
        self.digests = {}  # absolute path -> digest

    def _read(self, source_path):
        raw = source_path.read_bytes()
        self.digests[os.path.abspath(source_path)] = digest(raw)
        # As text mode reads it: universal newlines.
        text = raw.decode(self.encoding).replace("\r\n", "\n").replace("\r", "\n")
        if "\x00" in text:
            error = nul_error(source_path, text.count("\n", 0, text.index("\x00")) + 1)
            raise LiquidSyntaxError(f"{error.problem} — {error.fix}", token=None)
        rel = os.path.relpath(source_path, self.search_path[0]).replace(os.sep, "/")
        too_deep = nesting.check(text, f"{self.search_rel}/{rel}", 1)
        if too_deep is not None:
            raise nesting.IncludeTooDeep(too_deep)
        return text, source_path.stat().st_mtime


class JekyllLiquid(Environment):
    """A strict Liquid environment with Jekyll's include and link tags, and bounded work."""

    context_depth_limit = limits.LIQUID_CONTEXT_DEPTH
    loop_iteration_limit = limits.LIQUID_LOOP_ITERATIONS
    output_stream_limit = limits.LIQUID_OUTPUT_CHARACTERS
    local_namespace_limit = limits.LIQUID_LOCALS_SIZE
    block_nesting_limit = limits.LIQUID_BLOCK_NESTING

    @property
    def undefined_fix(self):
        """What to do about an undefined variable: a site says where its `site.*` come from."""
        return say(
            "fix its name: page.x reads the key x of the page's front matter",
            "corrigez son nom : page.x lit la clé x de l'en-tête de la page",
        )

    def __init__(self, includes_dir, includes_rel, url_of, autoescape=True):
        loader = DigestingLoader(includes_dir, includes_rel)
        # autoescape: a value printed by {{ … }} is text (front matter, settings), never HTML.
        # Jekyll itself escapes nothing (a page may print a post's `content`).
        super().__init__(loader=loader, undefined=StrictUndefined, autoescape=autoescape)
        self.includes_rel = includes_rel
        self._url_of = url_of
        self.recording = None  # the reader's record of what a file depends on, while it is read

    def render_text(self, text, name, **variables):
        """`text` rendered as a Liquid template named `name`; text without markup as it is."""
        # As Liquid renders it, without parsing: one content token, written unchanged into
        # its output (whose StringIO would turn "\r" line ends into "\n"), within its limit.
        if (
            LIQUID_MARKUP.search(text) is None
            and "\r" not in text
            and len(text.encode("utf-8")) <= self.output_stream_limit
        ):
            return text
        return self.from_string(text, name=name).render(**variables)

    @staticmethod
    def count_include(context, token):
        """One more include rendered for this page (its render context, shared by includes)."""
        count = context.tag_namespace.get("jekyll_includes", 0) + 1
        if count > limits.LIQUID_INCLUDES_PER_PAGE:
            raise limits.IncludeCountError("include limit reached", token=token)
        context.tag_namespace["jekyll_includes"] = count

    def note_include(self, name):
        """The page being read depends on the bytes of this include, as they were read."""
        if self.recording is not None:
            path = os.path.abspath(self.loader.resolve_path(name))
            self.recording.files[path] = self.loader.digests.get(path, MISSING)

    def setup_tags_and_filters(self, **kwargs):
        super().setup_tags_and_filters(**kwargs)
        self.tags["include"] = IncludeTag(self)
        self.tags["link"] = LinkTag(self)

    def editor_tags(self):
        """The tags of EDITOR_TAGS this environment has (`raw` is read before any tag)."""
        return [name for name in EDITOR_TAGS if name in self.tags or name == "raw"]

    def add_site_filters(self, site):
        """Jekyll's URL filters, from the site's address."""
        self.filters["relative_url"] = lambda value: f"{site['baseurl']}/{str(value).lstrip('/')}"
        self.filters["absolute_url"] = lambda value: f"{site['url']}/{str(value).lstrip('/')}"

    def include_path(self, name):
        return f"{self.includes_rel}/{name}"

    def url_of(self, target, token):
        try:
            return self._url_of(target)
        except EditorError as err:
            # Told at the tag's line, as any other Liquid error.
            raise LiquidSyntaxError(f"{err.problem} — {err.fix}", token=token) from None


def _line(err):
    context = err.context()
    return context[0] if context else 1


def token_line(token):
    """The line of its template where a tag starts."""
    return token.source.count("\n", 0, max(token.start_index, 0)) + 1


def to_editor_error(err, path, body_line, tags):
    """A Liquid error as `path:line: what — what to do` for the page's editor."""
    if isinstance(err, nesting.IncludeTooDeep):
        return err.error
    if not err.template_name or str(err.template_name) == path:
        return _editor_error(err, path, body_line - 1 + _line(err), tags)
    error = _editor_error(err, str(err.template_name), _line(err), tags)
    including = getattr(err, "included_at", None)
    at = f"{path}:{body_line - 1 + including}" if including else path
    error.problem += say(f" (file included by {at})", f" (fichier inclus par {at})")
    return error


def _editor_error(err, path, line, tags):
    message = str(err.message)
    limit = limits.liquid_problem(err)
    if limit is not None:
        return EditorError(path, line, *limit)
    if isinstance(err, UndefinedError):
        name = message.removesuffix(" is undefined").strip("'")
        return EditorError(
            path,
            line,
            say(
                f"the Liquid variable “{name}” is not defined",
                f"la variable Liquid « {name} » n'est pas définie",
            ),
            tags.undefined_fix,
        )
    if isinstance(err, UnknownFilterError):
        return EditorError(
            path,
            line,
            say(f"unknown Liquid filter ({message})", f"filtre Liquid inconnu ({message})"),
            say("fix the filter's name or remove it", "corrigez le nom du filtre ou retirez-le"),
        )
    if isinstance(err, TemplateNotFoundError):
        return EditorError(
            path,
            line,
            say(
                f"the file to include “{message}” does not exist in {tags.includes_rel}/",
                f"le fichier à inclure « {message} » n'existe pas dans {tags.includes_rel}/",
            ),
            say(
                "create it or fix its name in the include tag",
                "créez-le ou corrigez son nom dans la balise include",
            ),
        )
    unexpected = re.match(r"unexpected tag '([^']*)'", message)
    if unexpected:
        return EditorError(
            path,
            line,
            say(
                f"unknown Liquid tag “{{% {unexpected.group(1)} %}}”",
                f"balise Liquid inconnue « {{% {unexpected.group(1)} %}} »",
            ),
            say(
                "known tags: " + ", ".join(tags.editor_tags()) + "; to write “{%” as "
                "it is, put the passage between {% raw %}…{% endraw %}",
                "balises reconnues : " + ", ".join(tags.editor_tags()) + " ; pour "
                "écrire « {% » tel quel, entourez le passage de {% raw %}…{% endraw %}",
            ),
        )
    if "integer string conversion" in message:  # Python's limit on digits (4300)
        return EditorError(
            path,
            line,
            say(
                "a number of the Liquid tag is too long to be read",
                "un nombre de la balise Liquid est trop long pour être lu",
            ),
            say(
                "write a shorter number, or put it between quotes if it is text",
                "écrivez un nombre plus court, ou mettez-le entre guillemets si c'est un texte",
            ),
        )
    if " — " in message:  # already in an editor's words (link tag)
        problem, fix = message.split(" — ", 1)
        return EditorError(path, line, problem, fix)
    return EditorError(
        path,
        line,
        say(f"Liquid error: {message}", f"erreur Liquid : {message}"),
        say(
            "fix the tag; to write “{{” or “{%” as it is, put the passage between "
            "{% raw %}…{% endraw %}",
            "corrigez la balise ; pour écrire « {{ » ou « {% » tel quel, entourez "
            "le passage de {% raw %}…{% endraw %}",
        ),
    )
