"""How many Markdown documents render as Jekyll 4.3 renders them, before and after
pelican_jekyll.markdown: `python bench/jekyll_parity.py FOLDER_OR_FILE... [--show N]`.

Only the Markdown is compared (Liquid is left as text on both sides); a file whose body
is empty is compared on its `description`, as the site renders it.
"""

import argparse
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


def markdown_of(path):
    """The Markdown a file gives to render: its body, or its description."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None  # not a text file Jekyll would read as UTF-8
    match = FRONT.match(text)
    body = text[match.end() :] if match else text
    if not body.strip() and match:
        front = yaml.safe_load(match.group(1) or "") or {}
        body = str(front.get("description", "")) if isinstance(front, dict) else ""
    return body


def documents(paths):
    found = {}
    for given in map(Path, paths):
        files = sorted(given.rglob("*.md")) + sorted(given.rglob("*.markdown"))
        for path in (p for p in (files if given.is_dir() else [given]) if p.is_file()):
            body = markdown_of(path)
            if body is not None:
                found[f"d{len(found):04d}.md"] = (path, body)
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--show", type=int, default=0, help="print the first N differences")
    args = parser.parse_args()
    docs = {k: v for k, v in documents(args.paths).items() if "endraw" not in v[1]}
    with tempfile.TemporaryDirectory() as work:
        jekyll = parity.jekyll_render(
            {k: "---\n---\n{% raw %}" + body + "{% endraw %}" for k, (_, body) in docs.items()},
            work,
        )
    before = markdown.Markdown(**PELICAN_DEFAULT)
    after = markdown.Markdown(extensions=["pelican_jekyll.markdown"], output_format="html5")
    counts, shown = {"before": 0, "after": 0}, 0
    for key, (path, body) in docs.items():
        reference = parity.normalise(jekyll[key])
        counts["before"] += parity.normalise(before.reset().convert(body)) == reference
        ours = parity.normalise(after.reset().convert(body))
        counts["after"] += ours == reference
        if ours != reference and shown < args.show:
            shown += 1
            print(f"--- {path}")
            diff = difflib.unified_diff(
                reference.split("\n"), ours.split("\n"), "jekyll", "ours", lineterm="", n=1
            )
            print("\n".join(diff))
    total = len(docs)
    print(f"documents: {total}")
    for name, count in counts.items():
        print(f"identical to Jekyll {name}: {count} ({100 * count / max(total, 1):.0f} %)")


if __name__ == "__main__":
    main()
