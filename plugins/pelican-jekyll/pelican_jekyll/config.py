"""A Jekyll site's `_config.yml`, read as Jekyll 4.3 reads it, with Jekyll's defaults."""

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .reader.errors import EditorError
from .reader.messages import say

# Jekyll 4.3's Configuration::DEFAULTS that change what is built, and where.
DEFAULTS = {
    "baseurl": "",
    "url": "",
    "permalink": "date",
    "collections": {},
    "collections_dir": "",
    "defaults": [],
    "exclude": [],
    "include": [".htaccess"],
    "future": False,
    "show_drafts": False,
    "excerpt_separator": "\n\n",
    "liquid": {"strict_variables": False, "strict_filters": False},
}
# Jekyll adds these to any `exclude:` a site gives (Configuration#add_default_excludes).
DEFAULT_EXCLUDES = (
    ".sass-cache",
    ".jekyll-cache",
    "gemfiles",
    "Gemfile",
    "Gemfile.lock",
    "node_modules",
    "vendor/bundle/",
    "vendor/cache/",
    "vendor/gems/",
    "vendor/ruby/",
)
CONFIG_NAME = "_config.yml"
# Psych (Jekyll's YAML) takes a tab before a comment, which PyYAML refuses.
TAB_BEFORE_COMMENT = re.compile(r"(?<=\S)[ \t]*\t[ \t]*(?=#)")


@dataclass(frozen=True)
class Collection:
    label: str
    output: bool
    permalink: str | None  # the collection's own `permalink:`, if any


@dataclass(frozen=True)
class DefaultRule:
    path: str  # relative to the site, "" for every file; may hold * globs
    type: str | None  # pages, posts, drafts, or a collection's label
    values: dict


@dataclass(frozen=True)
class SiteConfig:
    raw: dict  # every key, as `site.*` shows them
    baseurl: str
    url: str
    permalink: str
    collections: dict  # label -> Collection, "posts" always there
    collections_dir: str  # the folder that holds `_posts` and the collections
    defaults: tuple
    exclude: tuple
    include: tuple
    future: bool
    excerpt_separator: str
    strict_variables: bool
    strict_filters: bool
    destination: str
    timezone: str | None  # `timezone:`, an IANA name: the zone of every date, else the machine's


def _error(line, problem, fix):
    return EditorError(CONFIG_NAME, line, problem, fix)


def parse_yaml(text):
    """YAML as Psych reads it: a text PyYAML refuses only for a tab before a comment is
    read again with a space there."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        fixed = TAB_BEFORE_COMMENT.sub(" ", text)
        if fixed == text:
            raise
        return yaml.safe_load(fixed)


def _load_yaml(path):
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except UnicodeDecodeError:
        raise _error(
            1,
            say("the file is not UTF-8", "le fichier n'est pas encodé en UTF-8"),
            say("save it as UTF-8", "enregistrez-le en UTF-8"),
        ) from None
    try:
        data = parse_yaml(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(err, "problem", None) or str(err)
        raise _error(
            line,
            say(f"the YAML is invalid ({problem})", f"le YAML est invalide ({problem})"),
            say(
                "check the indentation and the quotes of this line",
                "vérifiez l'indentation et les guillemets de cette ligne",
            ),
        ) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise _error(
            1,
            say("the file is not a set of keys", "le fichier n'est pas une suite de clés"),
            say("write `key: value`", "écrivez `clé: valeur`"),
        )
    return {str(k): v for k, v in data.items()}


def _collections(raw, permalink):
    given = raw.get("collections") or {}
    if isinstance(given, list):  # Jekyll also takes a list of labels
        given = {str(label): {} for label in given}
    if not isinstance(given, dict):
        raise _error(
            None,
            say(
                "“collections” is neither a list nor a set of keys",
                "« collections » n'est ni une liste ni une suite de clés",
            ),
            say("write the collections' labels", "écrivez les noms des collections"),
        )
    found = {}
    for label, meta in given.items():
        meta = meta if isinstance(meta, dict) else {}
        found[str(label)] = Collection(
            str(label), bool(meta.get("output", False)), meta.get("permalink")
        )
    posts = found.get("posts")
    found["posts"] = Collection("posts", True, posts.permalink if posts else None)
    if found["posts"].permalink is None:
        found["posts"] = Collection("posts", True, permalink)
    return found


def _defaults(raw):
    rules = raw.get("defaults") or []
    if not isinstance(rules, list):
        raise _error(
            None,
            say("“defaults” is not a list", "« defaults » n'est pas une liste"),
            say("write a list of scope/values", "écrivez une liste de scope/values"),
        )
    checked = []
    for rule in rules:
        if not isinstance(rule, dict) or not isinstance(rule.get("values"), dict):
            continue  # Jekyll ignores an entry without values
        scope = rule.get("scope") if isinstance(rule.get("scope"), dict) else {}
        path = str(scope.get("path") or "").strip("/")
        kind = scope.get("type")
        checked.append(DefaultRule(path, str(kind) if kind else None, dict(rule["values"])))
    return tuple(checked)


def _strings(value):
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value if v is not None)


def load(source):
    """The site's configuration: `SRC/_config.yml` over Jekyll's defaults."""
    raw = {**DEFAULTS, **_load_yaml(Path(source) / CONFIG_NAME)}
    permalink = str(raw.get("permalink") or "date")
    liquid = raw.get("liquid") if isinstance(raw.get("liquid"), dict) else {}
    baseurl = str(raw.get("baseurl") or "").rstrip("/")
    return SiteConfig(
        raw=raw,
        baseurl=baseurl,
        url=str(raw.get("url") or "").rstrip("/"),
        permalink=permalink,
        collections=_collections(raw, permalink),
        collections_dir=str(raw.get("collections_dir") or "").strip("/"),
        defaults=_defaults(raw),
        exclude=(*_strings(raw.get("exclude")), *DEFAULT_EXCLUDES),
        include=_strings(raw.get("include")),
        future=bool(raw.get("future")),
        excerpt_separator=str(raw.get("excerpt_separator") or "\n\n"),
        strict_variables=bool(liquid.get("strict_variables")),
        strict_filters=bool(liquid.get("strict_filters")),
        destination=str(raw.get("destination") or "_site").strip("./") or "_site",
        timezone=str(raw["timezone"]) if raw.get("timezone") else None,
    )
