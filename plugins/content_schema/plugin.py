"""Signal wiring of the content_schema plugin."""

import os

import yaml
from eig_common import boundaries
from jekyll_compat import config as jekyll_config
from jekyll_compat.errors import ERROR_LOG, EditorError
from jekyll_compat.read_memo import MEMO
from pelican import signals
from pelican_jekyll.reader import front_matter

from . import settings as schema_settings
from . import validate


def use_canonical_keys(content):
    """A 2017 key (`owner`, `misc`…) gives its field's key, an alias its allowed value."""
    rel = content.relative_source_path or ""
    kind = schema_settings.kind_of(rel.replace(os.sep, "/"), schema_settings.load(content.settings))
    for field in kind.fields if kind else ():
        alias = next((a for a in field.aliases if a in content.metadata), None)
        if field.name not in content.metadata and alias is not None:
            content.metadata[field.name] = content.metadata[alias]
            setattr(content, field.name, content.metadata[alias])
        if field.value_aliases and field.name in content.metadata:
            values = canonical_values(field, content.metadata[field.name])
            content.metadata[field.name] = values
            setattr(content, field.name, values)


def canonical_values(field, value):
    """A list field's items as the site shows them: each alias as its value, once."""
    if value is None:
        return []
    values = []
    for item in validate.items_of(value, field):
        shown = field.canonical(item) or item  # an unknown value is told by check_content
        if shown not in values:
            values.append(shown)
    return values


# Problems found in a file, by what they follow from, for a build process that
# stays up (scripts/build_worker.py): a file unchanged is not checked again.
_PROBLEMS = {}


def _front_matter(root, rel):
    """The file's own front matter, its key lines and the digest of its bytes (None when not
    known), or None when the reader already told why it is unreadable. The reader keeps what
    it parsed in this run: no second parse."""
    parsed = MEMO.front_matter(rel)
    if parsed is not None:
        return parsed
    try:
        with open(os.path.join(root, rel), "rb") as handle:
            parsed = front_matter.load(front_matter.decode(handle.read(), rel), rel)
        return parsed.data, parsed.key_lines, None
    except (OSError, EditorError, yaml.YAMLError):
        # YAMLError: a character YAML refuses, which the reader has already reported.
        return None


def _problems(kind, rel, parsed, known_layouts):
    data, key_lines, digest = parsed
    if digest is None:
        return validate.check(kind, rel, data, key_lines, known_layouts)
    key = (kind.name, rel, digest, known_layouts)
    if key not in _PROBLEMS:
        _PROBLEMS[key] = validate.check(kind, rel, data, key_lines, known_layouts)
    return _PROBLEMS[key]


def check_content(generator):
    """Every content file read in this run, against its kind's schema, before any write."""
    settings = generator.settings
    kinds = schema_settings.load(settings)
    known_layouts = frozenset(jekyll_config.load(settings).layouts)
    if len(_PROBLEMS) > 1 << 16:  # a long session's edits: memory stays flat
        _PROBLEMS.clear()
    for rel in sorted(generator.context.get("generated_content", {})):
        kind = schema_settings.kind_of(rel, kinds)
        parsed = _front_matter(settings["PATH"], rel) if kind else None
        if parsed is None:
            continue
        for error in _problems(kind, rel, parsed, known_layouts):
            ERROR_LOG.report(error)


def register():
    # The settings, and jekyll_compat (its reader and error log), are checked at start
    # (eig_common.boundaries); content_object_init: each file, before
    # the challenges are indexed; static_generator_finalized: the static
    # generator always runs last, so every content file has been read, and
    # jekyll_compat has not yet told the run's errors (all_generators_finalized).
    boundaries.declare("content_schema", needs=["jekyll_compat"], spec=schema_settings.SPEC)
    signals.content_object_init.connect(use_canonical_keys)
    signals.static_generator_finalized.connect(check_content)
