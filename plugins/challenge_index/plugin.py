"""The challenges in order, and one page per skill listing the challenges that seek it.

Filtering by skill is a set of static pages, so it needs no JavaScript.
"""

import logging
import unicodedata
from dataclasses import dataclass, field

from eig_common import boundaries
from eig_common.options import Check, Option, SettingsError, Spec, SubConfig, Text
from eig_common.shared import shared
from pelican import signals
from pelican.generators import Generator
from pelican.utils import slugify

logger = logging.getLogger(__name__)
__all__ = ["SPEC", "SettingsError", "load", "register"]  # SettingsError: eig_common's

SETTING = "CHALLENGE_INDEX"
DEFAULTS = {
    "order_by": "numero",  # front-matter key giving the challenges' order
    "skills_key": "competences",  # front-matter key listing a challenge's skills
    "skill_url": "defis/competence/{slug}/",
    "skill_save_as": "defis/competence/{slug}/index.html",
    "skill_template": "competence",
}


@dataclass
class Skill:
    name: str
    slug: str
    url: str
    save_as: str
    challenges: list = field(default_factory=list)


def _with_slug(value, where):
    if "{slug}" not in str(value):
        Option.fail(f"{where} doit contenir {{slug}}")
    return value


SPEC = Spec(
    "challenge_index",
    {
        SETTING: SubConfig(
            {
                "order_by": Text(default=DEFAULTS["order_by"]),
                "skills_key": Text(default=DEFAULTS["skills_key"]),
                "skill_url": Check(_with_slug, default=DEFAULTS["skill_url"]),
                "skill_save_as": Check(_with_slug, default=DEFAULTS["skill_save_as"]),
                "skill_template": Text(default=DEFAULTS["skill_template"]),
            },
            quote="'",
        )
    },
)


def load(settings):
    return SPEC.load(settings)[SETTING]


def sort_key(text):
    """French alphabetical order: accents and case do not count."""
    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return plain.casefold()


def _order(challenge, key):
    value = getattr(challenge, key, None)
    # Challenges without a number come last, by title.
    number = value if isinstance(value, (int, float)) else 0
    return (value is None, number, sort_key(challenge.title))


def index(generator):
    """Order the challenges and group them by skill, in the shared context."""
    options = load(generator.settings)
    challenges = sorted(generator.articles, key=lambda c: _order(c, options["order_by"]))
    skills = {}
    for challenge in challenges:
        names = getattr(challenge, options["skills_key"], None) or []
        if isinstance(names, str):
            names = [n.strip() for n in names.split(",") if n.strip()]
        links = []
        for name in names:
            slug = slugify(str(name), regex_subs=generator.settings["SLUG_REGEX_SUBSTITUTIONS"])
            if slug not in skills:
                skills[slug] = Skill(
                    str(name),
                    slug,
                    options["skill_url"].format(slug=slug),
                    options["skill_save_as"].format(slug=slug),
                )
            skills[slug].challenges.append(challenge)
            links.append(skills[slug])
        challenge.skills = links
    generator.context["challenges"] = challenges
    generator.context["skills"] = sorted(skills.values(), key=lambda s: sort_key(s.name))


class SkillPagesGenerator(Generator):
    """Writes /defis/competence/<skill>/: the challenges that seek one skill."""

    def generate_context(self):
        self.options = load(self.settings)
        shared(self.settings).claim(self.output_claims())

    def output_claims(self):
        return [(s.save_as, f"compétence « {s.name} »") for s in self.context.get("skills", ())]

    def generate_output(self, writer):
        if not self.context.get("skills"):  # a theme needs the template only when it is used
            return
        template = self.get_template(self.options["skill_template"])
        for skill in self.context.get("skills", ()):
            writer.write_file(
                skill.save_as,
                template,
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                skill=skill,
                url=skill.url,
            )


def add_generator(pelican):
    return SkillPagesGenerator


def register():
    boundaries.declare("challenge_index", spec=SPEC)
    # article_generator_finalized: every challenge is read, nothing is written;
    # the skill pages are written by their own generator afterwards.
    signals.article_generator_finalized.connect(index)
    signals.get_generators.connect(add_generator)
