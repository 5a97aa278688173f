"""What each kind of content file may say in its front matter, declared once as data.

Read by the build (plugins/content_schema), by the key tables of the editors'
guide (docs/editeurs/cles.md, by scripts/schema_docs.py) and by tools that write new files, such as
`make defi`. Importable without Pelican: `from content_schema.schema import SCHEMAS`.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass, field

# Value types, named for what an editor writes.
TEXT = "text"  # one line of text
MARKDOWN = "markdown"  # text in Markdown, possibly on several lines
INTEGER = "integer"
BOOLEAN = "boolean"  # true or false
DATE = "date"  # AAAA-MM-JJ, possibly followed by a time
PATH = "path"  # an address of the site (/reglement/), or a full https:// address
LIST = "list"  # a YAML list, or one line with items separated by commas
WORDS = "words"  # a YAML list, or words separated by spaces (Jekyll's tags)
TYPES = (TEXT, MARKDOWN, INTEGER, BOOLEAN, DATE, PATH, LIST, WORDS)

# The skills a challenge may seek: each becomes a tag and a page of its own, so
# one spelling per skill. Add a new one here, and only here.
SKILLS = ("data science", "datavisualisation", "design", "développement", "géomatique")
# Other spellings of a skill, each shown on the site as its skill. Taken from the
# 2017 site's `misc:` keys and the teams they announced (an ergonomist, a devops
# engineer, linked data, EIG Link's technical coaching...). Case, accents and
# spacing never count (see `plain`). One spelling means one skill (tested).
SKILL_ALIASES = {
    "data science": ("datascience", "science des données", "sciences des données"),
    "datavisualisation": (
        "dataviz",
        "data visualisation",
        "data visualization",
        "visualisation de données",
        "visualisation des données",
    ),
    "design": (
        "design ux",
        "design ui",
        "design ux/ui",
        "design ui/ux",
        "ux design",
        "ui design",
        "ux/ui design",
        "ux",
        "ergonomie",
        "design de service",
        "design de services",
        "design web",
    ),
    "développement": (
        "développement web",
        "développeur",
        "développeuse",
        "devops",
        "web des données",
        "data engineering",
        "ingénierie des données",
        "coaching",
    ),
    "géomatique": ("cartographie", "sig"),
}

CHALLENGE_LAYOUTS = ("post",)
PAGE_LAYOUTS = ("page", "cgu", "faq", "a-propos", "defis", "candidater", "plan-du-site")


@dataclass(frozen=True)
class Field:
    """One front-matter key."""

    name: str
    type: str
    help: str  # one sentence, in French, for editors
    example: object  # a valid value, as YAML would load it
    required: bool = False
    aliases: tuple = ()  # keys of the 2017 site's files that mean the same
    choices: tuple = ()  # allowed values (of each item, for a list)
    minimum: int | None = None  # for integers
    label: str = ""  # a short name, in French, for forms (the back office)
    default: object = None  # what the build assumes when the key is absent, if it matters
    # Other spellings of allowed values: {choice: (alias, ...)}; a value matches a
    # choice or an alias whatever its case, accents and spacing.
    value_aliases: dict = field(default_factory=dict, hash=False)

    def __post_init__(self):
        if not self.label:
            object.__setattr__(self, "label", self.name)

    @property
    def keys(self):
        return (self.name, *self.aliases)

    def canonical(self, value):
        """The allowed value that `value` writes (itself, or one of its aliases), or None."""
        if value in self.choices:
            return value  # the usual case, without normalising
        return self.spellings.get(plain(value))

    @functools.cached_property
    def spellings(self):
        """{plain form: allowed value} of every choice and alias."""
        found = {plain(c): c for c in self.choices}
        for choice, aliases in self.value_aliases.items():
            found.update({plain(a): choice for a in aliases})
        return found


def plain(text):
    """`text` as compared with allowed values: no case, no accent, single spaces."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"\s*/\s*", "/", letters).split())


@dataclass(frozen=True)
class Kind:
    """A kind of content file: where it lives and the keys of its front matter."""

    name: str
    label: str  # in French, for messages: « un défi », « une page »
    folder: str  # where such files live, from the project's root
    fields: tuple
    # A file that gives its title in this key is in the 2017 site's format: of it,
    # only the required fields that have a 2017 alias are asked (the format had
    # no other key).
    legacy_title_key: str | None = None

    def field(self, name):
        return next((f for f in self.fields if f.name == name), None)

    def field_for_key(self, key):
        """The field that `key` (its name or one of its aliases) gives."""
        return next((f for f in self.fields if key in f.keys), None)

    def required_fields(self, front):
        """The fields that a file with front matter `front` must give."""
        legacy = (
            self.legacy_title_key is not None
            and self.legacy_title_key in front
            and "title" not in front
        )
        return [f for f in self.fields if f.required and (f.aliases or not legacy)]


def _common(kind_word):
    """Keys that pages and challenges share, in the order editors meet them."""
    return (
        Field(
            "date",
            DATE,
            f"La date {kind_word}, AAAA-MM-JJ ; l'emporte sur la date du nom du fichier.",
            "2017-09-27",
            label="Date",
        ),
        Field(
            "slug",
            TEXT,
            "Remplace, dans l'adresse, la partie du nom de fichier après la date.",
            "signaux-faibles",
            label="Nom dans l'adresse",
        ),
        Field(
            "permalink",
            PATH,
            "L'adresse de la page sur le site, si elle doit différer de celle du nom du fichier.",
            "/reglement/",
            label="Adresse (permalien)",
        ),
        Field(
            "published",
            BOOLEAN,
            "`false` fait du fichier un brouillon, jamais publié.",
            False,
            label="Publié",
            default=True,
        ),
        Field(
            "status",
            TEXT,
            "`hidden` : construite mais hors des listes ; `draft` : brouillon.",
            "hidden",
            choices=("published", "hidden", "draft"),
            label="Statut",
        ),
        Field(
            "redirect_from",
            WORDS,
            "Une ancienne adresse, ou une liste d'anciennes adresses, qui renvoient ici.",
            ["/ancienne-adresse/"],
            label="Anciennes adresses",
        ),
        Field(
            "category",
            TEXT,
            "Une catégorie, pour `:categories` dans un permalien.",
            "defi",
            label="Catégorie",
        ),
        Field(
            "categories",
            WORDS,
            "Des catégories (liste, ou mots séparés par des espaces).",
            ["defi"],
            label="Catégories",
        ),
        Field(
            "tags",
            WORDS,
            "Des étiquettes (liste, ou mots séparés par des espaces).",
            ["données"],
            label="Étiquettes",
        ),
        Field(
            "description",
            MARKDOWN,
            "Un texte en Markdown, qui sert de texte quand le corps du fichier est vide.",
            "Le texte, en **Markdown**.",
            label="Description",
        ),
    )


CHALLENGE = Kind(
    name="defi",
    label="un défi",
    folder="content/defis",
    legacy_title_key="modal-id",
    fields=(
        Field(
            "title",
            TEXT,
            "Le nom du défi, titre de sa page et de sa carte.",
            "Signaux faibles",
            required=True,
            aliases=("modal-id",),
            label="Titre",
        ),
        Field(
            "numero",
            INTEGER,
            "Le rang du défi dans les listes (1 pour le premier).",
            16,
            required=True,
            minimum=1,
            label="Numéro",
        ),
        Field(
            "resume",
            TEXT,
            "Une phrase qui présente le défi : texte de sa carte et description pour "
            "les moteurs de recherche.",
            "Détecter au plus tôt les entreprises en difficulté.",
            label="Résumé",
        ),
        Field(
            "administration",
            TEXT,
            "L'administration qui porte le défi.",
            "Ministère de l'Économie et des Finances",
            required=True,
            aliases=("owner",),
            label="Administration",
        ),
        Field(
            "direction",
            TEXT,
            "La direction ou le service qui accueille l'équipe.",
            "Direction générale des entreprises",
            label="Direction",
        ),
        Field(
            "lieu",
            TEXT,
            "La ville où travaille l'équipe, et son département.",
            "Paris (75)",
            label="Lieu",
        ),
        Field(
            "profils",
            LIST,
            "Les entrepreneurs recherchés, un par ligne ; `[]` s'ils ne sont pas encore connus.",
            ["Science des données : analyser les données", "Développement : réaliser l'outil"],
            required=True,
            label="Profils recherchés",
        ),
        Field(
            "competences",
            LIST,
            "Les compétences recherchées, chacune prise dans la liste permise ; "
            "`[]` si elles ne sont pas encore connues.",
            ["data science", "développement"],
            required=True,
            aliases=("misc",),
            choices=SKILLS,
            value_aliases=SKILL_ALIASES,
            label="Compétences",
        ),
        # The English page of the challenge (plugins/translations) reads these three.
        Field(
            "title_en",
            TEXT,
            "Le nom du défi en anglais, pour sa page anglaise ; sans lui, le nom français.",
            "Weak signals",
            label="En anglais : titre",
        ),
        Field(
            "resume_en",
            TEXT,
            "Le résumé en anglais, pour la page et la carte anglaises du défi.",
            "Detect companies in difficulty as early as possible.",
            label="En anglais : résumé",
        ),
        Field(
            "profils_en",
            LIST,
            "Les profils recherchés en anglais, un par ligne ; sans eux, les profils en français.",
            ["Data science: analyse the data", "Software development: build the tool"],
            label="En anglais : profils recherchés",
        ),
        Field(
            "layout",
            TEXT,
            "La mise en page ; `post` par défaut dans content/defis/, la ligne peut être omise.",
            "post",
            choices=CHALLENGE_LAYOUTS,
            label="Mise en page",
        ),
        *_common("du défi"),
        Field(
            "project-date",
            TEXT,
            "Au format de 2017 : le début du projet, en toutes lettres.",
            "Janvier 2018",
            label="Début du projet (format 2017)",
        ),
        Field(
            "img",
            PATH,
            "Au format de 2017 : l'image du défi (chemin du site ou adresse https).",
            "/img/defi.png",
            label="Image (format 2017)",
        ),
    ),
)

PAGE = Kind(
    name="page",
    label="une page",
    folder="pages",
    legacy_title_key="modal-id",
    fields=(
        Field(
            "title",
            TEXT,
            "Le titre de la page.",
            "Règlement",
            required=True,
            aliases=("modal-id",),
            label="Titre",
        ),
        Field(
            "layout",
            TEXT,
            "La mise en page ; `page` par défaut dans pages/, la ligne peut être omise.",
            "page",
            choices=PAGE_LAYOUTS,
            label="Mise en page",
        ),
        Field(
            "resume",
            TEXT,
            "Une phrase qui présente la page, pour les moteurs de recherche et les "
            "réseaux sociaux.",
            "Les conditions pour candidater au programme.",
            label="Résumé",
        ),
        Field(
            "sommaire",
            BOOLEAN,
            "`true` : la page s'ouvre sur la liste de ses sections (titres `##`), chacune "
            "un lien ; `false` : jamais ; sans la clé, dès 6 sections (PAGE_SUMMARY).",
            True,
            label="Sommaire",
        ),
        Field(
            "lang",
            TEXT,
            "La langue de la page : `en` par défaut dans pages/en/ (la version anglaise), "
            "`fr` ailleurs ; la ligne peut être omise.",
            "en",
            choices=("fr", "en"),
            label="Langue",
        ),
        *_common("de la page"),
    ),
)

# The English version of the pages (plugins/translations): the same keys, in their own
# folder, so that the back office has a collection for them.
PAGE_EN = Kind(
    name="page_en",
    label="une page anglaise",
    folder="pages/en",
    legacy_title_key=PAGE.legacy_title_key,
    fields=PAGE.fields,
)

SCHEMAS = {kind.name: kind for kind in (CHALLENGE, PAGE, PAGE_EN)}


def yaml_value(value):
    """`value` as it would be written after `key: ` in a front matter."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(yaml_value(v) for v in value) + "]"
    if isinstance(value, str) and (
        not value or value[0] in "!&*@`[{>|%'\"-?#" or ": " in value or " #" in value
    ):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value)
