"""How many documents of real Jekyll sites pelican-jekyll renders as Jekyll 4.3 does:
`python bench/jekyll_sites.py FOLDER... [--show N]`.

Each FOLDER is a Jekyll site (or holds several, one per sub-folder with a _config.yml).
Both builds read the same copy of the site, made in a temporary folder: `theme:`,
`plugins:` and `gems:` are taken out of its _config.yml, and its `_layouts/` is removed,
so that Jekyll writes each document's content alone, as pelican-jekyll does. A document
counts as identical when its body gives the same HTML5 tree (parity.normalise).
`--drop-tag NAME` takes a plugin's Liquid tag out of the copy, for both builds.
Nothing fetched is kept: fetch the sites into a folder outside the repository.
"""

import argparse
import collections
import difflib
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins" / "pelican-jekyll"))

from pelican_jekyll.build import SiteErrors, build  # noqa: E402
from pelican_jekyll.config import parse_yaml  # noqa: E402
from pelican_jekyll.markdown import parity  # noqa: E402

BODY = re.compile(r"<body>(.*)</body>", re.S)
# Plugins and themes are not installed offline; `sass:` holds Ruby symbols newer Psych refuses.
STRIPPED_KEYS = ("theme", "remote_theme", "plugins", "gems", "destination", "sass")


def sites_in(paths):
    for given in map(Path, paths):
        if (given / "_config.yml").is_file():
            yield given
        else:
            yield from sorted(p.parent for p in given.glob("*/_config.yml"))


LIQUID_SUFFIXES = (".md", ".markdown", ".html")


def has_front_matter(path):
    with path.open("rb") as handle:
        return handle.read(3) == b"---"


def prepare(site, work, drop_tags=()):
    """A copy of the site that both tools can build offline, without layouts."""
    copy = Path(work) / "src"
    shutil.copytree(site, copy, symlinks=True, ignore=shutil.ignore_patterns(".git", "_site"))
    shutil.rmtree(copy / "_layouts", ignore_errors=True)
    for path in [*copy.rglob("*.scss"), *copy.rglob("*.sass"), *copy.rglob("*.coffee")]:
        path.unlink()  # their imports come from npm or bower, absent here; not documents
    if drop_tags:
        # A plugin's tag in content (jekyll-assets' `asset`) stops both builds: taken out.
        tags = re.compile(r"\{%-?\s*(?:" + "|".join(map(re.escape, drop_tags)) + r")\b.*?%\}")
        for path in copy.rglob("*"):
            # Jekyll runs Liquid in includes and in any file with front matter (a .json too).
            if path.is_file() and (path.suffix in LIQUID_SUFFIXES or has_front_matter(path)):
                text = path.read_text("utf-8", errors="surrogateescape")
                path.write_text(tags.sub("", text), "utf-8", errors="surrogateescape")
    config = parse_yaml((copy / "_config.yml").read_text(encoding="utf-8")) or {}
    for key in STRIPPED_KEYS:
        config.pop(key, None)
    (copy / "_config.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return copy


def jekyll_build(source, output):
    done = subprocess.run(
        ["jekyll", "build", "--safe", "-q", "-s", str(source), "-d", str(output)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    return done.returncode, (done.stdout + done.stderr).strip()


def _tag(line):
    word = line.strip().split(" ")[0]
    return word.rstrip(">") if word.startswith("<") else None


def cause(reference, ours):
    """A short name for the first difference between two normalised trees."""
    if reference is None:
        return "path: not written by Jekyll"
    if ours is None:
        return "path: not written by pelican-jekyll"
    for a, b in zip(reference.split("\n"), ours.split("\n"), strict=False):
        if a == b:
            continue
        tag_a, tag_b = _tag(a), _tag(b)
        if tag_a and tag_a == tag_b:
            if re.fullmatch(r"<h[1-6]", tag_a):
                return "heading id"
            if "markdown=" in b:
                return "markdown=1 inside HTML"
            if "class=" in a + b:
                return "attribute list {: ...}"
            return f"attributes of {tag_a}>"
        if tag_a or tag_b:
            if "**" in b or "\n*" in b or "`" in b:
                return "Markdown inside HTML blocks (parse_block_html)"
            return "block structure (lists, paragraphs, quotes)"
        if a.strip().startswith("'") and "\\n" in a + b:
            return "code block text"
        return "inline text (typography, escapes)"
    return "content cut short"


def compare(site, show, drop_tags, keep=None):
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(keep) / site.name if keep else Path(temporary)
        if keep:
            shutil.rmtree(work, ignore_errors=True)
        copy = prepare(site, work, drop_tags)
        jekyll_out, ours_out = Path(work) / "jekyll", Path(work) / "ours"
        started = time.perf_counter()
        code, log = jekyll_build(copy, jekyll_out)
        jekyll_seconds = time.perf_counter() - started
        if code:
            return {"site": site.name, "error": "jekyll: " + log.splitlines()[-1]}
        started = time.perf_counter()
        try:
            built = build(copy, ours_out)
            ours_seconds = time.perf_counter() - started
        except SiteErrors as failed:
            first = failed.errors[0] if failed.errors else "?"
            return {"site": site.name, "error": f"pelican-jekyll: {first}"}
        causes, same, total, shown = collections.Counter(), 0, 0, 0
        for doc in built.documents.values():
            if not doc.output:
                continue
            total += 1
            theirs, mine = jekyll_out / doc.dest, ours_out / doc.dest
            reference = parity.normalise(theirs.read_text("utf-8")) if theirs.is_file() else None
            body = BODY.search(mine.read_text("utf-8")) if mine.is_file() else None
            ours = parity.normalise(body.group(1)) if body else None
            if reference is not None and reference == ours:
                same += 1
                continue
            causes[cause(reference, ours)] += 1
            if shown < show and reference is not None and ours is not None:
                shown += 1
                print(f"--- {site.name}/{doc.rel} -> {doc.dest}")
                diff = difflib.unified_diff(
                    reference.split("\n"), ours.split("\n"), "jekyll", "ours", lineterm="", n=1
                )
                print("\n".join(list(diff)[:40]))
        # An HTML file Jekyll wrote and pelican-jekyll did not: a document it missed, unless
        # it is one already counted (a document not written, or written at another path).
        dests = {doc.dest for doc in built.documents.values() if doc.output}
        missed = [
            path
            for path in jekyll_out.rglob("*.html")
            if path.relative_to(jekyll_out).as_posix() not in dests
            and not (ours_out / path.relative_to(jekyll_out)).exists()
        ]
        elsewhere = causes["path: not written by Jekyll"]
        extra = max(0, len(missed) - elsewhere)
        total += extra
        if extra:
            causes["path: not written by pelican-jekyll"] += extra
        return {
            "site": site.name,
            "documents": total,
            "identical": same,
            "causes": causes,
            "seconds": (jekyll_seconds, ours_seconds),
        }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--show", type=int, default=0, help="print the first N differences")
    parser.add_argument(
        "--drop-tag", action="append", default=[], help="a plugin's Liquid tag to take out"
    )
    parser.add_argument("--keep", help="a folder where both builds are kept, to look into")
    args = parser.parse_args()
    rows = [compare(site, args.show, args.drop_tag, args.keep) for site in sites_in(args.paths)]
    print(
        f"{'site':24} {'documents':>9} {'identical':>9} {'%':>5} {'jekyll s':>8} "
        f"{'ours s':>6}  first difference in each other document"
    )
    all_docs = all_same = 0
    for row in rows:
        if "error" in row:
            print(f"{row['site']:24} not built: {row['error']}")
            continue
        all_docs += row["documents"]
        all_same += row["identical"]
        share = 100 * row["identical"] / max(row["documents"], 1)
        top = "; ".join(f"{name} ({n})" for name, n in row["causes"].most_common())
        theirs, ours = row["seconds"]
        print(
            f"{row['site']:24} {row['documents']:9} {row['identical']:9} {share:5.1f} "
            f"{theirs:8.1f} {ours:6.1f}  {top}"
        )
    share = 100 * all_same / max(all_docs, 1)
    print(f"{'all':24} {all_docs:9} {all_same:9} {share:5.1f}")


if __name__ == "__main__":
    main()
