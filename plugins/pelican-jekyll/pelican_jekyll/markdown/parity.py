"""Render documents with the real Jekyll and compare HTML as a browser reads it."""

import re
import subprocess
from pathlib import Path

import html5lib

# HTML's boolean attributes: `disabled`, `disabled=""` and `disabled="disabled"` are one.
BOOLEAN = frozenset({"checked", "disabled", "hidden", "multiple", "open", "readonly", "selected"})
PERMALINK = re.compile(r"^permalink:\s*(/\S*)\s*$", re.M)


def jekyll_render(documents, workdir, config="", timeout=300):
    """{path.md: text with front matter} → {path.md: HTML}, in one `jekyll build`.

    `config` is added to a _config.yml that leaves kramdown at Jekyll's defaults; files
    whose path starts with `_` (includes) are written and not rendered."""
    source, output = Path(workdir) / "src", Path(workdir) / "out"
    source.mkdir(parents=True, exist_ok=True)
    (source / "_config.yml").write_text("quiet: true\n" + config, encoding="utf-8")
    for rel, text in documents.items():
        path = source / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    done = subprocess.run(
        ["jekyll", "build", "--safe", "-q", "-s", str(source), "-d", str(output)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"jekyll build failed:\n{done.stdout}{done.stderr}")
    rendered = {}
    for rel, text in documents.items():
        written = _written(output, rel, text)
        if written is not None:
            rendered[rel] = written.read_text(encoding="utf-8")
    return rendered


def _written(output, rel, text):
    """Where Jekyll wrote a page: its permalink, else the pretty or the plain path."""
    stem = Path(rel).with_suffix("")
    permalink = PERMALINK.search(text.split("\n---", 1)[0])
    candidates = [output / stem / "index.html", output / stem.with_suffix(".html")]
    if permalink:
        candidates.insert(0, output / permalink.group(1).strip("/") / "index.html")
    return next((path for path in candidates if path.is_file()), None)


def normalise(fragment):
    """An HTML fragment as an indented tree: attributes sorted, whitespace collapsed, blank
    text between blocks dropped; the text of a `pre` kept exactly, without its tags."""
    tree = html5lib.parseFragment(fragment, treebuilder="etree", namespaceHTMLElements=False)
    lines = []
    _walk(tree, 0, lines)
    return "\n".join(lines)


def _walk(element, depth, lines):
    tag = element.tag if isinstance(element.tag, str) else "#comment"
    if tag == "#comment":
        lines.append("  " * depth + f"<!--{element.text}-->")
        _text(element.tail, depth, lines)
        return
    if tag != "DOCUMENT_FRAGMENT":
        attributes = " ".join(
            f'{k}="{"" if k in BOOLEAN else v}"' for k, v in sorted(element.attrib.items())
        )
        lines.append("  " * depth + f"<{tag}{' ' + attributes if attributes else ''}>")
        depth += 1
    if tag == "pre":
        lines.append("  " * depth + repr("".join(element.itertext())))
    else:
        _text(element.text, depth, lines)
        for child in element:
            _walk(child, depth, lines)
    if tag != "DOCUMENT_FRAGMENT":
        _text(element.tail, depth - 1, lines)


def _text(text, depth, lines):
    text = re.sub(r"[ \t\r\n\f]+", " ", text or "")
    if text.strip():
        lines.append("  " * depth + repr(text.strip()))


def same(one, other):
    """True when two fragments give the same normalised tree."""
    return normalise(one) == normalise(other)
