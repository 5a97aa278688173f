"""Split a Jekyll file into YAML front matter and body, and load the YAML safely."""

import re
from dataclasses import dataclass

import yaml

from . import values
from .errors import EditorError
from .messages import say

FENCE = "---"
# Jekyll also closes front matter with "...", the YAML end-of-document marker.
CLOSERS = ("---", "...")
UNKNOWN_TAG = re.compile(r"could not determine a constructor for the tag '([^']*)'")
YAML_TAG_PREFIX = "tag:yaml.org,2002:"
FAST_LOADER = getattr(yaml, "CSafeLoader", None)
# An anchor (&name) or an alias (*name) needs one of these characters.
ALIAS_MARKS = ("&", "*")


class AliasRefused(yaml.YAMLError):
    """An anchor or an alias in a front matter, where it is refused."""

    def __init__(self, mark):
        super().__init__()
        self.problem_mark = mark


class NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases outright: a front matter never needs
    them, and a few lines of aliases (a "billion laughs") expand into gigabytes."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if getattr(event, "anchor", None) is not None:  # AliasEvent has one too
            raise AliasRefused(event.start_mark)
        return super().compose_node(parent, index)


NUL = "\x00"


@dataclass(frozen=True)
class FrontMatter:
    data: dict
    key_lines: dict  # key -> line in the file
    body: str
    body_line: int  # line of the file where the body starts


def decode(raw, path):
    """UTF-8 text with Unix line ends, or an error naming the first bad byte."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        raise EditorError(
            path,
            line,
            say(
                f"the file is not UTF-8 (byte 0x{raw[err.start]:02x} cannot be read)",
                f"le fichier n'est pas encodé en UTF-8 (octet 0x{raw[err.start]:02x} illisible)",
            ),
            say(
                "save it as UTF-8 (in your editor: “Save with encoding” → UTF-8), then "
                "fix the accented characters of this line",
                "enregistrez-le en UTF-8 (dans votre éditeur : « Enregistrer avec "
                "l'encodage » → UTF-8) puis corrigez les caractères accentués de "
                "cette ligne",
            ),
        ) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if NUL in text:
        raise nul_error(path, text.count("\n", 0, text.index(NUL)) + 1)
    return text


def nul_error(path, line):
    """A NUL character: invisible in editors, and no browser shows it."""
    return EditorError(
        path,
        line,
        say(
            "the file holds a NUL character (U+0000), invisible in an editor",
            "le fichier contient un caractère nul (U+0000), invisible dans un éditeur",
        ),
        say(
            "remove it: delete the line and type it again, without copy and paste",
            "supprimez-le : effacez la ligne et retapez-la, sans copier-coller",
        ),
    )


def split(text, path):
    """Cut the `---` block off the top of the file."""
    lines = text.split("\n")
    if lines[0].rstrip() != FENCE:
        raise EditorError(
            path,
            1,
            say(
                "the file does not start with a YAML front matter",
                "le fichier ne commence pas par un en-tête YAML",
            ),
            say(
                "write `---` on the first line, then the keys (`title: …`, "
                "`layout: page`), then a line `---`",
                "mettez en première ligne `---`, puis les clés (`title: …`, "
                "`layout: page`), puis une ligne `---`",
            ),
        )
    for index, line in enumerate(lines[1:], start=1):
        if line.rstrip() in CLOSERS:
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    raise EditorError(
        path,
        1,
        say(
            "the YAML front matter opened on line 1 is never closed",
            "l'en-tête YAML ouvert en ligne 1 n'est jamais fermé",
        ),
        say(
            "add a line `---` after the front matter's last key",
            "ajoutez une ligne `---` après la dernière clé de l'en-tête",
        ),
    )


def _yaml_error(err, path, yaml_text):
    if isinstance(err, AliasRefused):
        return EditorError(
            path,
            err.problem_mark.line + 2,
            say(
                "the YAML front matter uses an anchor (“&name”) or an alias (“*name”), "
                "which are refused",
                "l'en-tête YAML utilise une ancre (« &nom ») ou un alias (« *nom »), refusés",
            ),
            say(
                "write the value itself in each place; a value that starts with “&” or "
                "“*” is written between quotes",
                "écrivez la valeur elle-même à chaque endroit ; une valeur qui commence par "
                "« & » ou « * » s'écrit entre guillemets",
            ),
        )
    if isinstance(err, yaml.reader.ReaderError):
        # A control character, say from a copy and paste: YAML refuses it anywhere.
        line = yaml_text.count("\n", 0, err.position) + 2
        code = err.character if isinstance(err.character, int) else ord(err.character)
        return EditorError(
            path,
            line,
            say(
                f"the front matter holds an invisible control character (U+{code:04X})",
                f"l'en-tête contient un caractère de contrôle invisible (U+{code:04X})",
            ),
            say(
                "remove it: delete the line and type it again, without copy and paste",
                "supprimez-le : effacez la ligne et retapez-la, sans copier-coller",
            ),
        )
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    line = mark.line + 2 if mark else 1  # the YAML starts on the file's line 2
    tag = UNKNOWN_TAG.search(str(getattr(err, "problem", "")))
    if tag:
        name = tag.group(1).replace(YAML_TAG_PREFIX, "!!")
        return EditorError(
            path,
            line,
            say(
                f"the YAML tag “{name}” is not allowed",
                f"l'étiquette YAML « {name} » n'est pas permise",
            ),
            say(
                "remove it: a front matter holds only text, numbers, dates, lists and keys",
                "retirez-la : un en-tête ne contient que du texte, des nombres, "
                "des dates, des listes et des clés",
            ),
        )
    problem = getattr(err, "problem", None) or str(err)
    return EditorError(
        path,
        line,
        say(
            f"the YAML front matter is invalid ({problem})",
            f"l'en-tête YAML est invalide ({problem})",
        ),
        say(
            "check the indentation, and put between quotes a value that holds “:” or "
            "starts with a special character (“*”, “&”, “!”, “@”, “`”, “[”, “{”)",
            "vérifiez l'indentation et mettez entre guillemets une valeur qui "
            "contient « : » ou commence par un caractère spécial (« * », « & », "
            "« ! », « @ », « ` », « [ », « { »)",
        ),
    )


def _compose(yaml_text, loader_class):
    """The YAML's node tree (for key lines) and its data."""
    loader = loader_class(yaml_text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else {}
    finally:
        loader.dispose()


def _parse(yaml_text, path):
    # libyaml (C) when PyYAML has it: most of a build's time went into the pure-Python
    # parser. It is also what Jekyll's Ruby uses. Its error texts differ, though, so a
    # mistake is parsed again in Python, whose messages editors are told (and tested).
    # libyaml composes in C, out of reach of a hook: a text that may hold an anchor or an
    # alias is read by the Python loader that refuses them (rare: « R&D », « *gras* »).
    if FAST_LOADER is not None and not any(mark in yaml_text for mark in ALIAS_MARKS):
        try:
            return _compose(yaml_text, FAST_LOADER)
        except (yaml.YAMLError, RecursionError, ValueError, OverflowError):
            pass
    try:
        return _compose(yaml_text, NoAliasLoader)
    except yaml.YAMLError as err:
        raise _yaml_error(err, path, yaml_text) from None
    except (ValueError, OverflowError):  # a date or a number YAML cannot make
        raise values.unreadable_value(yaml_text, path) from None
    except RecursionError:
        raise EditorError(
            path,
            2,
            say(
                "the YAML front matter nests too deep",
                "l'en-tête YAML est trop profondément imbriqué",
            ),
            say("simplify the nested lists and keys", "simplifiez les listes et clés imbriquées"),
        ) from None


def load(text, path):
    """The front matter of a file, its key lines, and its body."""
    yaml_text, body, body_line = split(text, path)
    node, data = _parse(yaml_text, path)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise EditorError(
            path,
            2,
            say(
                "the YAML front matter is not a set of keys",
                "l'en-tête YAML n'est pas une suite de clés",
            ),
            say(
                "write one key a line, as `key: value`",
                "écrivez une clé par ligne, sous la forme `clé: valeur`",
            ),
        )
    key_lines = {}
    for key_node, _ in node.value if node is not None else ():
        key, line = key_node.value, key_node.start_mark.line + 2
        if not isinstance(key, str):
            key = str(key)
        if key in key_lines:
            raise EditorError(
                path,
                line,
                say(
                    f"the key “{key}” is written twice (already on line {key_lines[key]})",
                    f"la clé « {key} » est écrite deux fois (déjà en ligne {key_lines[key]})",
                ),
                say("keep only one of these lines", "gardez une seule de ces lignes"),
            )
        key_lines[key] = line
    data = {str(k): v for k, v in data.items()}
    return FrontMatter(data, key_lines, body, body_line)
