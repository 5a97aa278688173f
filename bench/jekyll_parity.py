"""How many Markdown documents render as Jekyll 4.3 renders them, before and after
pelican_jekyll.markdown: `python bench/jekyll_parity.py FOLDER_OR_FILE... [--show N]`.

Only the Markdown is compared (Liquid is left as text on both sides); a file whose body
is empty is compared on its `description`, as the site renders it. Each FOLDER gets its
own row; each document that differs is counted under the kind of its first difference.
"""

import argparse
import collections
import difflib
import re
import sys
import tempfile
from pathlib import Path

import markdown
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from pelican_jekyll.markdown import parity  # noqa: E402

FRONT = re.compile(r"\A---\s*\n(.*?\n)?---\s*\n", re.S)
PELICAN_DEFAULT = {
    "extension_configs": {
        "markdown.extensions.codehilite": {"css_class": "highlight"},
        "markdown.extensions.extra": {},
    },
    "output_format": "html5",
}
# Folders Jekyll never reads (its default `exclude`, and the output).
SKIPPED = frozenset({"_site", "node_modules", "vendor", ".git", ".bundle", ".jekyll-cache"})
TYPOGRAPHY = re.compile("[\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00ab\u00bb]")


def markdown_of(path):
    """The Markdown a file gives to render: its body, or its description."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None  # not a text file Jekyll would read as UTF-8
    match = FRONT.match(text)
    body = text[match.end() :] if match else text
    if not body.strip() and match:
        try:
            front = yaml.safe_load(match.group(1) or "") or {}
        except yaml.YAMLError:
            return None  # Jekyll does not read it either
        body = str(front.get("description", "")) if isinstance(front, dict) else ""
    return body


def documents(paths):
    """{key: (label, path, Markdown)} of the files under each given path."""
    found = {}
    for given in map(Path, paths):
        files = sorted(given.rglob("*.md")) + sorted(given.rglob("*.markdown"))
        if not given.is_dir():
            files = [given]
        for path in files:
            parts = path.relative_to(given).parts if given.is_dir() else ()
            if not path.is_file() or SKIPPED.intersection(parts):
                continue
            body = markdown_of(path)
            if body is not None and "endraw" not in body:
                found[f"d{len(found):05d}.md"] = (given.name, path, body)
    return found


def kind(reference, ours):
    """A short name for the first difference between two normalised trees."""
    for a, b in zip(reference.split("\n"), ours.split("\n"), strict=False):
        if a == b:
            continue
        if re.match(r"\s*<h[1-6]", a) and re.match(r"\s*<h[1-6]", b):
            return "heading id"
        if a.lstrip().startswith("<") and b.lstrip().startswith("<"):
            if a.split()[0] == b.split()[0]:
                return f"attributes of {a.split()[0].lstrip('<').rstrip('>')}"
            return f"element: jekyll {a.split()[0]} / ours {b.split()[0]}"
        if a.lstrip().startswith("<") or b.lstrip().startswith("<"):
            return "element where the other has text"
        if TYPOGRAPHY.search(a) or TYPOGRAPHY.search(b):
            return "text: typography"
        return "text"
    return "content cut short"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--show", type=int, default=0, help="print the first N differences")
    args = parser.parse_args()
    docs = documents(args.paths)
    with tempfile.TemporaryDirectory() as work:
        jekyll = parity.jekyll_render(
            {k: "---\n---\n{% raw %}" + body + "{% endraw %}" for k, (_, _, body) in docs.items()},
            work,
        )
    before = markdown.Markdown(**PELICAN_DEFAULT)
    after = markdown.Markdown(extensions=["pelican_jekyll.markdown"], output_format="html5")
    rows = collections.defaultdict(collections.Counter)
    kinds, shown = collections.Counter(), 0
    for key, (label, path, body) in docs.items():
        reference = parity.normalise(jekyll[key])
        ours = parity.normalise(after.reset().convert(body))
        row = rows[label]
        row["documents"] += 1
        row["before"] += parity.normalise(before.reset().convert(body)) == reference
        row["after"] += ours == reference
        if ours != reference:
            kinds[kind(reference, ours)] += 1
            if shown < args.show:
                shown += 1
                print(f"--- {path}")
                diff = difflib.unified_diff(
                    reference.split("\n"), ours.split("\n"), "jekyll", "ours", lineterm="", n=1
                )
                print("\n".join(list(diff)[:30]))
    total = sum(rows.values(), collections.Counter())
    print(f"{'folder':40} {'documents':>9} {'before':>12} {'after':>12}")
    for label, row in [*sorted(rows.items()), ("all", total)]:
        n = max(row["documents"], 1)
        print(
            f"{label:40} {row['documents']:9} {row['before']:6} {100 * row['before'] / n:4.1f} %"
            f" {row['after']:6} {100 * row['after'] / n:4.1f} %"
        )
    for name, count in kinds.most_common():
        print(f"  {count:5}  {name}")


if __name__ == "__main__":
    main()
