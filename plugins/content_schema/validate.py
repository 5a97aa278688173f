"""One file's front matter against its kind's schema: every problem, as EditorError."""

import difflib

from jekyll_compat.errors import EditorError
from jekyll_compat.reader import HANDLED

from . import schema
from .schema import INTEGER, LIST, PATH, TEXT, WORDS

# What the jekyll_compat reader already checks, with its own messages: checking
# it here too would tell the editor the same mistake twice.
READER_CHECKED = {"date", "published", "status", "permalink", "redirect_from", "description"}
# URL schemes that run code in the browser, never allowed in a value.
SCRIPT_SCHEMES = ("javascript:", "vbscript:")


def edit_distance(a, b):
    """Letters to add, remove, change or swap to turn `a` into `b`."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


def closest(word, candidates):
    """The candidate `word` is most likely a typo of, if any is close enough."""
    plain = str(word).casefold().replace("_", "-")
    if len(plain) < 3:
        return None
    best = None
    for candidate in candidates:
        distance = edit_distance(plain, candidate.casefold().replace("_", "-"))
        if distance <= (1 if len(candidate) <= 5 else 2) and (best is None or distance < best[0]):
            best = (distance, candidate)
    return best[1] if best else None


def nearest_choice(value, field):
    """The allowed value whose spelling (a choice or an alias) is nearest to `value`."""
    spellings = field.spellings
    match = difflib.get_close_matches(schema.plain(value), spellings, n=1, cutoff=0.75)
    return spellings[match[0]] if match else None


def describe(value):
    """A value as an editor wrote it, for a message."""
    if isinstance(value, (list, tuple)):
        return "une liste"
    if isinstance(value, dict):
        return "une suite de clés"
    if value is None:
        return "une valeur vide"
    if isinstance(value, bool):
        return f"« {str(value).lower()} »"
    text = str(value)
    return f"« {text[:60]}… »" if len(text) > 60 else f"« {text} »"


def is_scalar(value):
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def items_of(value, field):
    """The items of a list field (a YAML list, or a line of comma-separated items)."""
    if isinstance(value, (list, tuple)):
        return list(value)
    if field.type == LIST:
        return [item.strip() for item in str(value).split(",") if item.strip()]
    return str(value).split()


def _strings(value):
    """Every text inside a value, however deeply listed."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)


class Checker:
    """The problems of one file of one kind."""

    def __init__(self, kind, path, data, key_lines, known_layouts):
        self.kind, self.path = kind, path
        self.data, self.key_lines = data, key_lines
        self.known_layouts = known_layouts
        self.errors = []

    def error(self, key, problem, fix):
        line = self.key_lines.get(key) if key else None
        self.errors.append(EditorError(self.path, line, problem, fix))

    def run(self):
        self.check_required()
        for key, value in self.data.items():
            field = self.kind.field_for_key(key)
            if field is None:
                self.check_unknown(key)
            elif field.name in READER_CHECKED:
                continue  # its addresses too: a permalink is a path, told so by the reader
            else:
                self.check_value(key, field, value)
            self.check_addresses(key, value)
        return self.errors

    def check_required(self):
        for field in self.kind.required_fields(self.data):
            if field.name == "title":
                continue  # the reader tells a missing title, naming its fallbacks
            if not any(key in self.data for key in field.keys):
                self.error(
                    None,
                    f"il manque la clé « {field.name} », obligatoire pour {self.kind.label}",
                    f"ajoutez dans l'en-tête une ligne comme "
                    f"`{field.name}: {schema.yaml_value(field.example)}` : "
                    f"{_lower_first(field.help)}",
                )

    def check_unknown(self, key):
        if key in HANDLED:
            return  # a Jekyll key the reader reads (`tag`), not a typo of a close one
        known = [k for f in self.kind.fields for k in f.keys]
        guess = closest(key, known)
        if guess:
            self.error(
                key,
                f"la clé « {key} » n'est pas connue",
                f"vouliez-vous écrire « {guess} » ? Corrigez le nom de la clé",
            )

    def check_value(self, key, field, value):
        if value is None or (isinstance(value, str) and not value.strip()):
            if field.required:
                self.error(
                    key,
                    f"la clé « {key} » est vide",
                    f"donnez-lui une valeur, par exemple "
                    f"`{key}: {schema.yaml_value(field.example)}`",
                )
            return
        if field.type in (TEXT, PATH):
            if not is_scalar(value):
                self.error(
                    key,
                    f"« {key} » doit être un texte sur une ligne, pas {describe(value)}",
                    f"écrivez par exemple {example_of(key, field)}",
                )
            elif field.choices:
                self.check_layout_choice(key, field, str(value))
        elif field.type == INTEGER:
            if not isinstance(value, int) or isinstance(value, bool):
                self.error(
                    key,
                    f"« {key} » doit être un nombre entier, pas {describe(value)}",
                    f"écrivez par exemple {example_of(key, field)}",
                )
            elif field.minimum is not None and value < field.minimum:
                self.error(
                    key,
                    f"« {key} » doit valoir au moins {field.minimum} (lu : {value})",
                    f"écrivez par exemple {example_of(key, field)}",
                )
        elif field.type in (LIST, WORDS):
            self.check_items(key, field, value)

    def check_layout_choice(self, key, field, value):
        # A layout the site does not know is the reader's to tell; one it knows
        # but meant for another kind of content is ours.
        if key != "layout" or value in field.choices or value not in self.known_layouts:
            return
        allowed = [c for c in field.choices if c in self.known_layouts]
        self.error(
            key,
            f"la mise en page « {value} » ne convient pas à {self.kind.label}",
            f"utilisez l'une de : {', '.join(allowed)} (ou retirez la ligne : "
            f"`{allowed[0] if allowed else field.example}` est la valeur par défaut)",
        )

    def check_items(self, key, field, value):
        if isinstance(value, dict) or not (isinstance(value, (list, tuple)) or is_scalar(value)):
            self.error(
                key,
                f"« {key} » doit être une liste, pas {describe(value)}",
                f"écrivez par exemple {example_of(key, field)}, ou un élément par ligne, "
                "en retrait, commençant par « - »",
            )
            return
        for item in items_of(value, field):
            if not is_scalar(item):
                self.error(
                    key,
                    f"un élément de « {key} » n'est pas un texte ({describe(item)})",
                    f"écrivez par exemple {example_of(key, field)}",
                )
            elif field.choices and field.canonical(item) is None:
                guess = nearest_choice(item, field)
                hint = f"vouliez-vous écrire « {guess} » ? U" if guess else "u"
                self.error(
                    key,
                    f"« {item} » n'est pas une valeur permise de « {key} »",
                    f"{hint}tilisez l'une de : {', '.join(field.choices)} ; pour en "
                    "ajouter une, ou une autre façon de l'écrire, demandez à l'équipe "
                    "technique de compléter la liste (plugins/content_schema/schema.py)",
                )

    def check_addresses(self, key, value):
        for text in _strings(value):
            address = "".join(text.split()).lower()
            if address.startswith("http://"):
                self.error(
                    key,
                    f"l'adresse « {text.strip()} » n'est pas sécurisée (http://)",
                    "écrivez-la en https:// (vérifiez qu'elle s'ouvre ainsi dans un navigateur)",
                )
            elif address.startswith(SCRIPT_SCHEMES):
                self.error(
                    key,
                    f"« {text.strip()[:60]} » est une adresse qui exécute du code",
                    "retirez-la : l'en-tête ne contient que des adresses https:// ou des "
                    "chemins du site",
                )


def example_of(key, field):
    """A valid line for `key`, for messages (written only when there is one to write)."""
    return f"`{key}: {schema.yaml_value(field.example)}`"


def _lower_first(text):
    text = text.rstrip(".")
    return text[:1].lower() + text[1:]


def check(kind, path, data, key_lines, known_layouts):
    """Every problem of one file's front matter, in the order of its keys."""
    return Checker(kind, path, data, key_lines, known_layouts).run()
