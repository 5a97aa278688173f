"""Hostile content for tests/test_hostile_content.py: what an attacker writes, a copy of the
real site rebuilt by a kept build process, and what a browser would find unsafe in the result."""

import os
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import html5lib
from build_worker import BuildWorker
from conftest import copy_real_site, tree
from hypothesis import strategies as st

# Known ways past a filter that reads text, not HTML (OWASP's cheat sheet, the issue's own).
VECTORS = [
    "<script>alert(1)</script>",
    "<script src=/static/x.js></script>",
    "<img src=/static/a.png alt=a onerror=alert(1)>",
    '<img src="x" alt="a" onerror="alert(1)"/>',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<svg><foreignObject><iframe srcdoc=x></iframe></foreignObject></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<!--> <script>alert(1)</script>",
    "<!-- --!> <script>alert(1)</script> -->",
    "<![CDATA[ x > <img src=x alt=a onerror=alert(1)>",
    "<? x > <img src=x alt=a onerror=alert(1)>",
    '<noscript><p title="</noscript><img src=x alt=a onerror=alert(1)>">',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<iframe src="https://evil.example/"></iframe>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<base href="https://evil.example/">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<object data="/static/x.swf"></object>',
    '<embed src="/static/x.swf">',
    "<style>body{display:none}</style>",
    '<p style="background:url(https://evil.example/)">x</p>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt&#58;alert(1)">x</a>',
    '<a href="&#x6A;avascript:alert(1)">x</a>',
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href=" &#1;javascript:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "[x](javascript:alert(1))",
    "[x](  JAVASCRIPT:alert(1))",
    "![x](javascript:alert(1))",
    "[x](data:text/html,<script>alert(1)</script>)",
    '<form action="https://evil.example/"><button>x</button></form>',
    "<details open ontoggle=alert(1)><summary>x</summary></details>",
    "<body onload=alert(1)>",
    "<html onmouseover=alert(1)>",
    "<template><script>alert(1)</script></template>",
    "<textarea><script>alert(1)</script></textarea>",
    "<xmp><script>alert(1)</script></xmp>",
    "<select><style><img src=x onerror=alert(1)></style></select>",
    'Paragraphe\n{: onclick="alert(1)" }',
    '<p markdown="1">*x* <span onmouseover="alert(1)">y</span></p>',
    '<a title="',
    "<div title='x",
    "<em>ouvert",
    "</div></main><script>alert(1)</script>",
]
# What makes ordinary text: Markdown, entities, stray tags, safe HTML.
NOISE = [
    "## Un titre",
    "Un paragraphe *en italique* et **gras**.",
    "- un\n- deux",
    "&amp; &lt;script&gt; &#60;b&#62; &nbsp; &eacute;",
    "`<script>alert(1)</script>` dans du code",
    "```\n<script>alert(1)</script>\n```",
    "<p>Un paragraphe HTML.</p>",
    "<em>x</em> <strong>y</strong>",
    "</p>",
    "<p>",
    "[un lien](/defis/)",
    "> une citation",
    "<",
    ">",
    '"',
]
PIECES = st.sampled_from(VECTORS) | st.sampled_from(NOISE)
# A body: pieces on their own lines, or run together, and sometimes a vector within a line.
BODIES = st.lists(PIECES, min_size=1, max_size=5).flatmap(
    lambda pieces: st.sampled_from(["\n\n", "\n", " ", ""]).map(lambda sep: sep.join(pieces))
)
VALUES = (st.sampled_from(VECTORS) | st.text(min_size=1, max_size=20)).map(
    lambda value: value.replace("\n", " ").strip() or "x"
)

# An SVG file with hostile parts, as an attacker would commit beside the pages.
SVG_PARTS = [
    "<script>alert(1)</script>",
    '<rect width="1" height="1" onload="alert(1)"/>',
    '<a href="javascript:alert(1)"><text>x</text></a>',
    '<use href="https://evil.example/x.svg#a"/>',
    '<image href="https://evil.example/x.png"/>',
    "<foreignObject><p xmlns='http://www.w3.org/1999/xhtml'>x</p></foreignObject>",
    "<style>@import url(https://evil.example/x.css);</style>",
    "<![CDATA[ <script>alert(1)</script> ]]>",
    '<animate attributeName="href" to="javascript:alert(1)"/>',
    '<path d="M0 0h1"/>',
    '<circle r="1" fill="#000091"/>',
]
SVG_FILES = st.lists(st.sampled_from(SVG_PARTS), min_size=1, max_size=4).map(
    lambda parts: (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">' + "\n".join(parts) + "</svg>\n"
    )
)
HTML_FILES = BODIES.map(
    lambda body: (
        f'<!doctype html>\n<html lang="fr"><head><meta charset="utf-8">'
        f"<title>x</title></head><body>\n{body}\n</body></html>\n"
    )
)

# Attributes whose value a browser follows or loads as an address.
ADDRESS_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data"}
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")
# The back office is made of scripts of ours, loaded from the site itself.
ADMIN_SCRIPTS = ("/static/decap/", "/static/admin/")
# An editor's message: `path:line: what — what to do` (no line for a file as a whole,
# such as a symbolic link).
MESSAGE = re.compile(r"^(content|pages|static)/[^:\n]+:(\d+:)? .+ — .+$", re.MULTILINE)


def plain(value):
    """An address as browsers read it: controls and spaces around it, tabs and newlines in
    it, dropped; lowercase."""
    return re.sub(r"[\t\n\r]", "", value).strip("".join(chr(c) for c in range(0x21))).lower()


# Attribute namespaces as html5lib's ElementTree names them, and as markup writes them.
PREFIXES = {
    "{http://www.w3.org/1999/xlink}": "xlink:",
    "{http://www.w3.org/XML/1998/namespace}": "xml:",
    "{http://www.w3.org/2000/xmlns/}": "xmlns:",
}


def unsafe_in_html(html, page="", form_origin=""):
    """What a browser would find unsafe in a built page (empty if nothing)."""
    return unsafe_in_readings(readings(html), page, form_origin)


def readings(html):
    """The page's trees, as browsers read it.

    Read by html5lib, which follows the HTML standard and is not the allow-list's parser
    (Lexbor): a defect of one is not hidden by the same defect in the check. Into its
    ElementTree (a third of BeautifulSoup's time on these pages). Read as a browser with
    scripts on reads it, where a <noscript>'s content is text that a "</noscript>" inside
    an attribute ends; and, on a page with a <noscript>, as one with scripts off, where that
    content is markup (the only difference html5lib's `scripting` makes).
    """
    scripting = (True, False) if "<noscript" in html.lower() else (True,)
    return [
        html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False, scripting=on)
        for on in scripting
    ]


def unsafe_in_readings(trees, page="", form_origin=""):
    """What a browser would find unsafe in a page's readings() (empty if nothing)."""
    found = []
    for root in trees:
        for element in root.iter():
            if isinstance(element.tag, str):  # not a comment
                found += [f for f in _unsafe_element(element, page, form_origin) if f not in found]
    return found


def _name(qualified):
    """An element's or attribute's name as markup writes it: `svg`, `xlink:href`."""
    namespace, brace, local = qualified.rpartition("}")
    return PREFIXES.get(namespace + brace, "") + local if brace else qualified


def _opening_tag(name, attrs):
    """For a message: the element's opening tag, cut at 80 characters."""
    return ("<" + " ".join([name, *(f'{a}="{v}"' for a, v in attrs.items())]) + ">")[:80]


def _unsafe_element(element, page, form_origin):
    name = _name(element.tag)
    attrs = {_name(attr): value for attr, value in element.attrib.items()}
    found = []
    if name == "script":
        src = attrs.get("src", "")
        data = attrs.get("type", "") == "application/ld+json" and not src
        if not data and not (page.startswith("admin/") and src.startswith(ADMIN_SCRIPTS)):
            found.append(f"<script> {_opening_tag(name, attrs)} {(element.text or '')[:40]}")
    if name in ("object", "embed", "base", "applet", "frame", "frameset", "style"):
        found.append(f"<{name}>")
    if name == "iframe":
        src = attrs.get("src", "")
        if "srcdoc" in attrs or not form_origin or not src.startswith(form_origin):
            found.append(f"foreign <iframe> {_opening_tag(name, attrs)}")
    if name == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
        target = attrs.get("content", "").partition("url=")[2].strip()
        if not target.startswith("/") or target.startswith("//"):
            found.append(f"refresh to {target[:60]}")
    for attr, value in attrs.items():
        if attr.lower().startswith("on"):
            found.append(f"handler {attr} on <{name}>")
        elif attr.lower() == "style":
            found.append(f"style= on <{name}>")
        elif attr.lower() in ADDRESS_ATTRIBUTES and plain(value).startswith(SCRIPT_SCHEMES):
            found.append(f"{attr}={value[:40]} on <{name}>")
    return found


def unsafe_in_svg(data):
    """What would run or load from elsewhere in a published SVG file."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError:
        return []  # a browser shows an error, and runs nothing
    found = []
    for element in root.iter():
        local = element.tag.rpartition("}")[2]
        if local in ("script", "foreignObject", "iframe", "animate", "set", "image", "style"):
            found.append(f"<{local}>")
        for attr, value in element.attrib.items():
            name = attr.rpartition("}")[2]
            if name.lower().startswith("on"):
                found.append(f"handler {name}")
            if name == "href" and not value.strip().startswith("#"):
                found.append(f"href {value[:40]}")
    return found


def form_origin(settings_url):
    parts = urlsplit(settings_url)
    return f"{parts.scheme}://{parts.netloc}/"


class HostileSite:
    """A copy of the real site, rebuilt by one kept build process after each change."""

    def __init__(self, folder, env=None):
        self.root = copy_real_site(Path(folder))
        self.output = self.root / "output"
        self.log_path = self.root.parent / "build.log"
        self.log_file = open(self.log_path, "wb")  # noqa: SIM115 (kept for the worker's life)
        self.worker = BuildWorker(
            self.root / "pelicanconf.py", cwd=self.root, env=env, log=self.log_file
        )
        status, log = self.build()
        assert status == 0, log
        self.baseline = tree(self.output)
        self.written = []

    def build(self):
        """(exit status, what the build printed)."""
        start = self.log_path.stat().st_size
        status = self.worker.build()
        with open(self.log_path, "rb") as handle:
            handle.seek(start)
            return status, handle.read().decode("utf-8", errors="replace")

    def write(self, files):
        for rel, data in files.items():
            path = self.root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, bytes):
                path.write_bytes(data)
            else:
                path.write_text(data, encoding="utf-8")
            self.written.append(path)

    def link(self, rel, target):
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, path)
        self.written.append(path)

    def undo(self):
        """Remove what the last example wrote (its folders too, when it made them)."""
        for path in reversed(self.written):
            if path.is_symlink() or path.is_file():
                path.unlink()
            elif path.is_dir():
                shutil.rmtree(path)
        self.written = []

    def changed_pages(self):
        """{save_as: text} of the built pages that differ from the site's own build."""
        built = tree(self.output)
        return {
            rel: data.decode("utf-8", errors="replace")
            for rel, data in built.items()
            if self.baseline.get(rel) != data and rel.endswith((".html", ".svg"))
        }

    def close(self):
        self.worker.stop()
        self.log_file.close()
