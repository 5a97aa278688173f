"""`site.data`: every file of `_data/` (YAML, JSON, CSV, TSV), by folder and name."""

import csv
import io
import json
from pathlib import Path

import yaml

from .reader.errors import EditorError
from .reader.messages import say

READERS = {".yml", ".yaml", ".json", ".csv", ".tsv"}
MAX_DEPTH = 16  # folders inside _data: bounded, as every walk is


def _parse(path, rel):
    text = path.read_text(encoding="utf-8-sig")
    suffix = path.suffix.lower()
    try:
        if suffix in (".yml", ".yaml"):
            return yaml.safe_load(text)
        if suffix == ".json":
            return json.loads(text)
        dialect = "excel-tab" if suffix == ".tsv" else "excel"
        return list(csv.DictReader(io.StringIO(text), dialect=dialect))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or str(err)
        raise EditorError(
            rel,
            mark.line + 1 if mark else 1,
            say(f"the YAML is invalid ({problem})", f"le YAML est invalide ({problem})"),
            say(
                "check the indentation and the quotes of this line",
                "vérifiez l'indentation et les guillemets de cette ligne",
            ),
        ) from None
    except json.JSONDecodeError as err:
        raise EditorError(
            rel,
            err.lineno,
            say(f"the JSON is invalid ({err.msg})", f"le JSON est invalide ({err.msg})"),
            say("fix it", "corrigez-le"),
        ) from None
    except csv.Error as err:
        raise EditorError(
            rel,
            None,
            say(f"the CSV cannot be read ({err})", f"le CSV est illisible ({err})"),
            say("fix it", "corrigez-le"),
        ) from None


def load(source, folder="_data"):
    """{name: value} for `site.data`, with sub-folders as nested names."""
    root = Path(source) / folder
    errors = []

    def walk(directory, depth):
        values = {}
        if depth > MAX_DEPTH:
            return values
        for path in sorted(directory.iterdir()):
            if path.name.startswith(".") or path.is_symlink():
                continue
            if path.is_dir():
                values[path.name] = walk(path, depth + 1)
            elif path.suffix.lower() in READERS:
                rel = path.relative_to(source).as_posix()
                try:
                    values[path.stem] = _parse(path, rel)
                except EditorError as err:
                    errors.append(err)
                except UnicodeDecodeError:
                    errors.append(
                        EditorError(
                            rel,
                            None,
                            say("the file is not UTF-8", "le fichier n'est pas en UTF-8"),
                            say("save it as UTF-8", "enregistrez-le en UTF-8"),
                        )
                    )
        return values

    data = walk(root, 0) if root.is_dir() else {}
    return data, errors
