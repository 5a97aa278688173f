"""Write synthetic sites of N challenges for the build benchmark, deterministically.

The same N always gives the same bytes (a seeded generator, no clock). One set of
challenges is written in four layouts: our site (the real pages, templates and plugins
with content/defis/ replaced), stock Pelican (its own metadata lines, minimal theme),
Jekyll and Hugo (YAML front matter, minimal layouts). The text of each challenge is
about as long as a real one.

Usage: python bench/generate.py DEST --count 1000 [--flavor ours|stock|jekyll|hugo]
"""

import argparse
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from content_schema.schema import SKILLS  # noqa: E402  (needs the plugins folder on the path)

SEED = 2017
DATE = "2017-09-27"
# What a copy of our site needs to build, besides its challenges.
SITE_PARTS = ("pages", "templates", "static", "plugins")
SITE_SETTINGS = ("pelicanconf.py", "publishconf.py")
FLAVORS = ("ours", "stock", "jekyll", "hugo")

WORDS = [
    "administration",
    "données",
    "publiques",
    "équipe",
    "numérique",
    "service",
    "usagers",
    "outil",
    "agents",
    "ministère",
    "analyse",
    "projet",
    "territoire",
    "santé",
    "sécurité",
    "éducation",
    "transport",
    "emploi",
    "entreprise",
    "impact",
    "objectif",
    "problème",
    "solution",
    "prototype",
    "mission",
    "transformation",
    "citoyens",
    "accès",
    "information",
    "plateforme",
    "collecte",
    "qualité",
    "décision",
    "ouverture",
    "code",
    "source",
    "libre",
    "expérimentation",
    "amélioration",
    "pilotage",
    "suivi",
    "évaluation",
    "partage",
]
ADMINISTRATIONS = (
    "Ministère de l'Intérieur",
    "Ministère des Armées",
    "Ministère de la Culture",
    "Ministères sociaux",
    "Ministère de l'Économie et des Finances",
)
PLACES = ("Paris (75)", "Lyon (69)", "Nantes (44)", "Toulouse (31)", "Lille (59)")


@dataclass(frozen=True)
class Challenge:
    number: int
    slug: str
    title: str
    summary: str
    administration: str
    place: str
    skills: tuple
    body: str


def _sentence(rng, words=14):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _paragraph(rng, sentences=4):
    return " ".join(_sentence(rng) for _ in range(sentences))


def challenges(count):
    """`count` challenges, the same ones on every call."""
    rng = random.Random(SEED)
    result = []
    for number in range(1, count + 1):
        sections = [
            f"## {heading}\n\n{_paragraph(rng)}\n\n{_paragraph(rng)}"
            for heading in ("Le problème", "L'objectif", "L'impact attendu")
        ]
        result.append(
            Challenge(
                number=number,
                slug=f"defi-{number:05d}",
                title=f"Défi {number}",
                summary=_sentence(rng, 18),
                administration=rng.choice(ADMINISTRATIONS),
                place=rng.choice(PLACES),
                skills=tuple(sorted(rng.sample(SKILLS, rng.randint(1, 2)))),
                body="\n\n".join(sections) + "\n",
            )
        )
    return result


def _yaml_front_matter(challenge, extra=()):
    skills = ", ".join(challenge.skills)
    lines = [
        f"title: {challenge.title}",
        f"date: {DATE}",
        *extra,
        f'resume: "{challenge.summary}"',
        f'administration: "{challenge.administration}"',
        f'lieu: "{challenge.place}"',
        "profils:",
        '  - "Science des données : explorer et analyser les données"',
        '  - "Développement : réaliser l\'outil"',
        f"competences: [{skills}]",
    ]
    return "---\n" + "\n".join(lines) + "\n---\n"


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_ours(dest, items):
    """Our real site (pages, theme, plugins, settings) with these challenges only."""
    for name in SITE_PARTS:
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in SITE_SETTINGS:
        shutil.copyfile(ROOT / name, dest / name)
    # Like the tools it is compared with, which draw no image: only the site's share
    # image; bench.py measures what one per challenge costs (plugins/share_images).
    with (dest / "pelicanconf.py").open("a", encoding="utf-8") as conf:
        conf.write(SHARE_IMAGES_OFF)
    for c in items:
        text = _yaml_front_matter(c, extra=[f"numero: {c.number}"]) + c.body
        _write(dest / "content" / "defis" / f"{DATE}-{c.slug}.md", text)


SHARE_IMAGES_OFF = '\nSHARE_IMAGES = {**SHARE_IMAGES, "challenges": False}\n'

STOCK_SETTINGS = """\
# Stock Pelican: no plugin, a minimal theme, no page but the challenges and the index.
SITENAME = "Synthétique"
PATH = "content"
THEME = "theme"
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
ARTICLE_URL = "defis/{slug}/"
ARTICLE_SAVE_AS = "defis/{slug}/index.html"
DIRECT_TEMPLATES = ["index"]
DEFAULT_PAGINATION = False
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
PLUGINS = []
"""
STOCK_TEMPLATES = {
    "base.html": (
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">'
        "<title>{% block title %}{{ SITENAME }}{% endblock %}</title></head>"
        "<body>{% block content %}{% endblock %}</body></html>\n"
    ),
    "article.html": (
        '{% extends "base.html" %}{% block title %}{{ article.title }}{% endblock %}'
        "{% block content %}<h1>{{ article.title }}</h1>"
        "<p>{{ article.administration }}</p>{{ article.content }}{% endblock %}\n"
    ),
    "index.html": (
        '{% extends "base.html" %}{% block content %}<ul>{% for a in articles %}'
        '<li><a href="/{{ a.url }}">{{ a.title }}</a> {{ a.resume }}</li>'
        "{% endfor %}</ul>{% endblock %}\n"
    ),
    "page.html": '{% extends "base.html" %}{% block content %}{{ page.content }}{% endblock %}\n',
}


def write_stock(dest, items):
    """The same challenges for stock Pelican, with its own metadata lines."""
    _write(dest / "pelicanconf.py", STOCK_SETTINGS)
    for name, text in STOCK_TEMPLATES.items():
        _write(dest / "theme" / "templates" / name, text)
    for c in items:
        meta = [
            f"Title: {c.title}",
            f"Date: {DATE}",
            f"Slug: {c.slug}",
            f"Resume: {c.summary}",
            f"Administration: {c.administration}",
            f"Tags: {', '.join(c.skills)}",
        ]
        _write(dest / "content" / f"{c.slug}.md", "\n".join(meta) + "\n\n" + c.body)


JEKYLL_CONFIG = """\
title: Synthétique
permalink: /defis/:title/
markdown: kramdown
exclude: [vendor, Gemfile, Gemfile.lock]
"""
JEKYLL_LAYOUT = (
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{{ page.title }}</title>'
    "</head><body><h1>{{ page.title }}</h1><p>{{ page.administration }}</p>{{ content }}"
    "</body></html>\n"
)
JEKYLL_INDEX = (
    "---\nlayout: default\ntitle: Accueil\n---\n<ul>{% for post in site.posts %}"
    '<li><a href="{{ post.url }}">{{ post.title }}</a> {{ post.resume }}</li>{% endfor %}</ul>\n'
)


def write_jekyll(dest, items):
    _write(dest / "_config.yml", JEKYLL_CONFIG)
    _write(dest / "_layouts" / "default.html", JEKYLL_LAYOUT)
    _write(dest / "index.html", JEKYLL_INDEX)
    for c in items:
        text = _yaml_front_matter(c, extra=["layout: default"]) + c.body
        _write(dest / "_posts" / f"{DATE}-{c.slug}.md", text)


HUGO_CONFIG = """\
baseURL = "http://localhost/"
languageCode = "fr"
title = "Synthétique"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[permalinks]
  defis = "/defis/:slug/"
"""
HUGO_LAYOUTS = {
    "_default/baseof.html": (
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{{ .Title }}</title>'
        '</head><body>{{ block "main" . }}{{ end }}</body></html>\n'
    ),
    "_default/single.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Params.administration }}</p>'
        "{{ .Content }}{{ end }}\n"
    ),
    "_default/list.html": (
        '{{ define "main" }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">'
        "{{ .Title }}</a> {{ .Params.resume }}</li>{{ end }}</ul>{{ end }}\n"
    ),
    "index.html": (
        '{{ define "main" }}<ul>{{ range where .Site.RegularPages "Section" "defis" }}'
        '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.resume }}</li>'
        "{{ end }}</ul>{{ end }}\n"
    ),
}


def write_hugo(dest, items):
    _write(dest / "config.toml", HUGO_CONFIG)
    for name, text in HUGO_LAYOUTS.items():
        _write(dest / "layouts" / name, text)
    for c in items:
        text = _yaml_front_matter(c, extra=[f"slug: {c.slug}"]) + c.body
        _write(dest / "content" / "defis" / f"{c.slug}.md", text)


WRITERS = {"ours": write_ours, "stock": write_stock, "jekyll": write_jekyll, "hugo": write_hugo}


def write_site(dest, count, flavor="ours"):
    """Write the synthetic site of `count` challenges for `flavor` into `dest`; return dest."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    WRITERS[flavor](dest, challenges(count))
    return dest


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--flavor", choices=FLAVORS, default="ours")
    args = parser.parse_args(argv)
    write_site(args.dest, args.count, args.flavor)
    print(f"{args.count} challenges ({args.flavor}) written to {args.dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
