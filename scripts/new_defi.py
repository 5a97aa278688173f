"""Create a challenge file for `make defi SLUG=nom-du-defi TITLE="Nom du défi" [DATE=AAAA-MM-JJ]`.

The file, content/defis/<date>-<slug>.md, has every key the challenge schema
(plugins/content_schema) requires, filled with the schema's examples marked
« À compléter » (scripts/placeholders.py: `make publish` refuses them) and each
explained in a YAML comment, then the names of the optional keys. An existing
file is never overwritten. Values come from the environment (make exports its
command-line variables) or from the same-named options.
"""

import argparse
import os
import re
import sys
from datetime import date
from pathlib import Path
from textwrap import wrap

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from jekyll_compat.filenames import DATED_NAME  # noqa: E402
from placeholders import MARK  # noqa: E402

CHALLENGES = Path("content") / "defis"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Keys the file gets elsewhere: its date and slug from its name, its layout from
# the folder's defaults (pelicanconf.py, JEKYLL_COMPAT).
FROM_ELSEWHERE = {"date", "slug", "layout"}
EXAMPLE = 'make defi SLUG=nom-du-defi TITLE="Nom du défi"'
SECTIONS = ("Le problème", "L'objectif", "L'impact attendu")
BODY = "".join(f"## {section}\n\n{MARK}.\n\n" for section in SECTIONS).rstrip() + "\n"


class Refused(Exception):
    """Why no file was written, and what to do instead."""


def check_slug(slug):
    if not slug:
        raise Refused(f"SLUG manque — indiquez l'adresse du défi, par exemple : {EXAMPLE}")
    if not SLUG.match(slug):
        raise Refused(
            f"SLUG « {slug} » n'est pas permis — écrivez des minuscules sans accents, des "
            "chiffres et des tirets, par exemple SLUG=signaux-faibles"
        )


def check_title(title):
    if not title or not title.strip():
        raise Refused(f"TITLE manque — indiquez le titre du défi, par exemple : {EXAMPLE}")


def parse_day(text):
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Refused(
            f"DATE « {text} » n'est pas une date — écrivez AAAA-MM-JJ, par exemple DATE=2017-09-27"
        ) from None


def front_matter(path):
    """A challenge's front matter, or {} if it cannot be read (the build will say why)."""
    text = path.read_text(encoding="utf-8")
    parts = text.split("---", 2)
    if not text.startswith("---") or len(parts) < 3:
        return {}
    try:
        data = yaml.safe_load(parts[1])
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def same_address(folder, slug):
    """An existing challenge served at /defis/<slug>/ (by file name), if any."""
    for path in sorted(folder.glob("*.md")):
        match = DATED_NAME.match(path.stem)
        if match and match.group(4) == slug:
            return path
    return None


def next_number(folder, key):
    numbers = [front_matter(p).get(key) for p in folder.glob("*.md")]
    return max((n for n in numbers if isinstance(n, int)), default=0) + 1


def yaml_lines(name, value):
    dumped = yaml.safe_dump(
        {name: value}, allow_unicode=True, default_flow_style=False, sort_keys=False, width=1000
    )
    return dumped.splitlines()


def comment(text):
    # Never split at a hyphen: key names such as project-date must stay whole.
    return [f"# {line}" for line in wrap(text, 86, break_on_hyphens=False)]


def field_lines(field, value):
    """A required key, with its explanation above it."""
    help_text = field.help or ""
    if field.choices:
        help_text += " Valeurs possibles : " + ", ".join(str(c) for c in field.choices) + "."
    return ["#", *comment(help_text), *yaml_lines(field.name, value)]


def to_complete(field):
    """The schema's example, marked as text to replace wherever free text is allowed."""
    example = field.example
    if field.choices:
        return example  # a marked value would not be one of the choices
    if isinstance(example, str):
        return f"{MARK} (exemple : {example})"
    if isinstance(example, list) and all(isinstance(item, str) for item in example):
        return [f"{MARK} (exemple : {item})" for item in example]
    return example


def render(schema, slug, title, number_key, number):
    lines = [
        "---",
        f"# Défi créé par `make defi`. Remplacez chaque « {MARK} » par le vrai texte",
        "# (`make publish` refuse de publier un défi qui en garde un), puis",
        "# vérifiez avec `make serve` (http://127.0.0.1:8000/defis/" + slug + "/).",
        "# Les lignes qui commencent par « # » sont des explications, ignorées par le site.",
        "# Chaque clé ci-dessous est obligatoire.",
    ]
    optional = []
    for field in schema.fields:
        if field.name in FROM_ELSEWHERE:
            continue
        if not field.required:
            optional.append(field.name)
        elif field.name == "title":
            lines += field_lines(field, title)
        elif field.name == number_key:
            lines += field_lines(field, number)
        else:
            lines += field_lines(field, to_complete(field))
    if optional:
        # All of them would drown the required keys: their names, and where to read more.
        listed = ", ".join(optional)
        lines += [
            "#",
            *comment(f"Clés facultatives (voir docs/editeurs/cles.md) : {listed}."),
        ]
    lines.append("---")
    return "\n".join(lines) + "\n" + BODY


def order_key():
    """The key that orders challenges (CHALLENGE_INDEX in pelicanconf.py)."""
    from pelican.settings import read_settings

    settings = read_settings(str(ROOT / "pelicanconf.py"))
    return (settings.get("CHALLENGE_INDEX") or {}).get("order_by", "numero")


def load_schema():
    try:
        from content_schema.schema import SCHEMAS
    except ImportError:
        raise Refused(
            "le schéma des contenus (plugins/content_schema/schema.py) est introuvable — "
            "signalez-le à l'équipe technique"
        ) from None
    return SCHEMAS["defi"]


def create(slug, title, day):
    """Write the new challenge file; its path, relative to the project's root."""
    check_slug(slug)
    check_title(title)
    day = parse_day(day)
    folder = ROOT / CHALLENGES
    path = folder / f"{day.isoformat()}-{slug}.md"
    if path.exists():
        raise Refused(
            f"{path.relative_to(ROOT)} existe déjà, il n'a pas été modifié — "
            "choisissez un autre SLUG, ou modifiez ce fichier"
        )
    taken = same_address(folder, slug)
    if taken:
        raise Refused(
            f"{taken.relative_to(ROOT)} a déjà l'adresse /defis/{slug}/ — choisissez un autre SLUG"
        )
    schema = load_schema()
    key = order_key()
    text = render(schema, slug, title.strip(), key, next_number(folder, key))
    folder.mkdir(parents=True, exist_ok=True)
    # "x": never overwrite, even a file created since the check above.
    with open(path, "x", encoding="utf-8") as out:
        out.write(text)
    return path.relative_to(ROOT)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--slug", default=os.environ.get("SLUG", ""))
    parser.add_argument("--title", default=os.environ.get("TITLE", ""))
    parser.add_argument("--date", default=os.environ.get("DATE", ""))
    args = parser.parse_args()
    try:
        path = create(args.slug.strip(), args.title, args.date.strip())
    except Refused as refusal:
        print(f"make defi : {refusal}", file=sys.stderr)
        sys.exit(1)
    print(f"Défi créé : {path} — complétez-le, puis vérifiez-le avec `make serve`.")


if __name__ == "__main__":
    main()
