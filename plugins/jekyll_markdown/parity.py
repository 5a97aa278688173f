"""Render documents with the real Jekyll and compare HTML as a browser reads it."""

import re
import subprocess
from pathlib import Path

import html5lib

CONFIG = "markdown: kramdown\nquiet: true\n"  # everything else: Jekyll's defaults


def jekyll_render(documents, workdir, timeout=300):
    """{name: Markdown with front matter} → {name: HTML body}, in one `jekyll build`."""
    source, output = Path(workdir) / "src", Path(workdir) / "out"
    source.mkdir(parents=True, exist_ok=True)
    (source / "_config.yml").write_text(CONFIG, encoding="utf-8")
    for name, text in documents.items():
        path = source / f"{name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    subprocess.run(
        ["jekyll", "build", "--safe", "-q", "-s", str(source), "-d", str(output)],
        check=True,
        capture_output=True,
        timeout=timeout,
    )
    return {
        name: (output / f"{name}.html").read_text(encoding="utf-8")
        for name in documents
        if (output / f"{name}.html").is_file()
    }


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
        attributes = " ".join(f'{k}="{v}"' for k, v in sorted(element.attrib.items()))
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
