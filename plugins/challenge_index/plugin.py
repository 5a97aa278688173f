"""The challenges in order, and one page per skill, administration and place.

Browsing by these facts is a set of static pages, so it needs no JavaScript.
"""

import logging

from eig_common import boundaries
from eig_common.options import Check, Option, SettingsError, Spec, SubConfig, Text
from eig_common.shared import shared
from jekyll_compat.errors import ERROR_LOG, EditorError
from jekyll_compat.read_memo import MEMO
from pelican import signals
from pelican.generators import Generator
from pelican.utils import slugify

from .groups import Grouping, names_of, sort_key

logger = logging.getLogger(__name__)
__all__ = ["SPEC", "SettingsError", "load", "register", "sort_key"]  # SettingsError: eig_common's

SETTING = "CHALLENGE_INDEX"
# The facts a challenge is browsed by: (name, context key, label in messages).
FACETS = (
    ("skill", "skills", "de compétence"),
    ("administration", "administrations", "d'administration"),
    ("place", "places", "de lieu"),
)
DEFAULTS = {
    "order_by": "numero",  # front-matter key giving the challenges' order
    "skills_key": "competences",  # front-matter key listing a challenge's skills
    "skill_url": "defis/competence/{slug}/",
    "skill_save_as": "defis/competence/{slug}/index.html",
    "skill_template": "competence",
    "administration_key": "administration",
    "administration_url": "defis/administration/{slug}/",
    "administration_save_as": "defis/administration/{slug}/index.html",
    "administration_template": "administration",
    "place_key": "lieu",
    "place_url": "defis/lieu/{slug}/",
    "place_save_as": "defis/lieu/{slug}/index.html",
    "place_template": "lieu",
    # The place group of the challenges that give none.
    "unknown_place": "lieu à préciser",
}


def _with_slug(value, where):
    if "{slug}" not in str(value):
        Option.fail(f"{where} doit contenir {{slug}}")
    return value


def _option(key):
    if key.endswith(("_url", "_save_as")):
        return Check(_with_slug, default=DEFAULTS[key])
    return Text(default=DEFAULTS[key])


SPEC = Spec("challenge_index", {SETTING: SubConfig({k: _option(k) for k in DEFAULTS}, quote="'")})


def load(settings):
    return SPEC.load(settings)[SETTING]


def _order(challenge, key):
    value = getattr(challenge, key, None)
    # Challenges without a number come last, by title.
    number = value if isinstance(value, (int, float)) else 0
    source = getattr(challenge, "relative_source_path", None) or ""  # ties: by file
    return (value is None, number, sort_key(challenge.title), source)


def _line(challenge, key):
    parsed = MEMO.front_matter(challenge.relative_source_path or "")
    return parsed[1].get(key) if parsed else None


def _report(grouping, facet, key):
    """Names that cannot have a page of their own, told as the editor's errors."""
    _, _, of = facet
    for challenge, name in grouping.empty:
        ERROR_LOG.report(
            EditorError(
                challenge.relative_source_path,
                _line(challenge, key),
                f"« {name} » ({key}) ne contient ni lettre ni chiffre : sa page {of} "
                "n'aurait pas d'adresse",
                "écrivez le nom en toutes lettres",
            )
        )
    for clash in grouping.clashes:
        (first, first_name), (challenge, name) = clash.first, clash.second
        ERROR_LOG.report(
            EditorError(
                challenge.relative_source_path,
                _line(challenge, key),
                f"« {name} » ({key}) et « {first_name} » ({first.relative_source_path}) "
                f"auraient la même page {of} (/{clash.url})",
                "écrivez-les de la même façon s'il s'agit du même nom, sinon distinguez-les "
                "par une lettre ou un chiffre",
            )
        )


def index(generator):
    """Order the challenges and group them by each fact, in the shared context."""
    options = load(generator.settings)
    subs = generator.settings["SLUG_REGEX_SUBSTITUTIONS"]

    slugs = {}  # few names, many challenges: each name slugified once

    def slug_of(name):
        if name not in slugs:
            slugs[name] = slugify(str(name), regex_subs=subs)
        return slugs[name]

    challenges = sorted(generator.articles, key=lambda c: _order(c, options["order_by"]))
    for facet in FACETS:
        name, context_key, _ = facet
        unknown = options["unknown_place"] if name == "place" else None
        grouping = Grouping(
            slug_of, options[f"{name}_url"], options[f"{name}_save_as"], unknown=unknown
        )
        key = options[f"{name}s_key" if name == "skill" else f"{name}_key"]
        for challenge in challenges:
            names = names_of(getattr(challenge, key, None), split=name == "skill")
            found = grouping.add(challenge, names)
            if name == "skill":
                challenge.skills = found
            else:
                setattr(challenge, f"{name}_group", found[0] if found else None)
        _report(grouping, facet, key)
        generator.context[context_key] = grouping.sorted()
    generator.context["challenges"] = challenges


class GroupPagesGenerator(Generator):
    """Writes /defis/competence/…/, /defis/administration/…/, /defis/lieu/…/."""

    def generate_context(self):
        self.options = load(self.settings)
        shared(self.settings).claim(self.output_claims())

    def output_claims(self):
        return [
            (group.save_as, f"page {of} « {group.name} »")
            for _, context_key, of in FACETS
            for group in self.context.get(context_key, ())
        ]

    def generate_output(self, writer):
        for name, context_key, _ in FACETS:
            groups = self.context.get(context_key) or ()
            if not groups:  # a theme needs the template only when it is used
                continue
            template = self.get_template(self.options[f"{name}_template"])
            for group in groups:
                writer.write_file(
                    group.save_as,
                    template,
                    self.context,
                    relative_urls=self.settings["RELATIVE_URLS"],
                    group=group,
                    skill=group,  # the skill template's name for its group
                    url=group.url,
                )


def add_generator(pelican):
    return GroupPagesGenerator


def register():
    boundaries.declare("challenge_index", needs=["jekyll_compat"], spec=SPEC)
    # article_generator_finalized: every challenge is read, nothing is written;
    # the group pages are written by their own generator afterwards. jekyll_compat
    # tells the errors found here, with the reading's.
    signals.article_generator_finalized.connect(index)
    signals.get_generators.connect(add_generator)
