"""Vendor a trimmed build of the French State design system (DSFR) into static/dsfr/.

Fetches `@gouvfr/dsfr` with `npm pack` (npm checks the registry integrity), then writes
one minified CSS file holding the core and the components the site uses, the fonts and
icons that CSS references, the favicons, the licence and a VERSION file. No JavaScript
is shipped: the site works without it.

Usage: python3 scripts/vendor_dsfr.py [--version X.Y.Z] [--legacy]
"""

import argparse
import base64
import gzip
import hashlib
import json
import posixpath
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

# Pinned with `npm view @gouvfr/dsfr versions --json` (latest 1.x).
DSFR_VERSION = "1.15.3"
PACKAGE = "@gouvfr/dsfr"

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "static" / "dsfr"
CSS_NAME = "dsfr.min.css"

# Components the templates use; missing ones are skipped (not every 1.x has all of them).
COMPONENTS = (
    "skiplink",
    "header",
    "footer",
    "logo",
    "navigation",
    "breadcrumb",
    "card",
    "tag",
    "button",
    "callout",
    "link",
)

# Layout helpers the templates rely on. In 1.x they are in core, not in the (huge)
# utility file, so the script fails rather than ship a CSS where they vanished.
LAYOUT_CLASSES = (
    "fr-container",
    "fr-grid-row",
    "fr-col-12",
    "fr-col-md-6",
    "fr-col-lg-4",
    "fr-mt-4w",
    "fr-mb-4w",
    "fr-py-4w",
    "fr-sr-only",
)

FAVICONS = ("apple-touch-icon.png", "favicon.svg", "favicon.ico", "manifest.webmanifest")

# Only these parts of the package are read; the rest (JS, maps, docs, examples) is skipped.
EXTRACT_PREFIXES = (
    "package/dist/",
    "package/src/dsfr/component/main.scss",
    "package/package.json",
)
EXTRACT_SKIP_SUFFIXES = (".js", ".map", ".md")

VERSION_RE = re.compile(r"\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?")

# url(...) in its three spellings; quoted forms may hold ")" (data URIs) so match them whole.
URL_RE = re.compile(
    r"""url\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^"'()\s]*))\s*\)""",
    re.IGNORECASE,
)
STRING_OR_COMMENT_RE = re.compile(r"""("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|/\*.*?\*/""", re.S)
BANNER_RE = re.compile(r"/\*!.*?\*/", re.S)
CHARSET_RE = re.compile(r"""@charset\s+(?:"[^"]*"|'[^']*')\s*;""", re.IGNORECASE)
# Breakpoint markers such as `@media (min-width:36em){/*! media sm */}` are empty once
# comments are gone; the build tool needs them, browsers do not.
EMPTY_AT_RULE_RE = re.compile(r"@media[^{};]*\{\s*\}")
FONT_FACE_RE = re.compile(r"@font-face\s*\{([^{}]*)\}", re.IGNORECASE)
SAFE_URL_RE = re.compile(r"[A-Za-z0-9._/~#?=&-]+")


class VendorError(Exception):
    """A check failed: the output would be broken, so nothing is written."""


# --- pure helpers (unit-tested) -------------------------------------------------------


def split_top_level(text, sep):
    """Split `text` on `sep`, ignoring separators inside quotes or parentheses."""
    parts, depth, quote, start = [], 0, None, 0
    i = 0
    while i < len(text):
        char = text[i]
        if quote:
            if char == "\\":
                i += 1
            elif char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif char == sep and depth == 0:
            parts.append(text[start:i])
            start = i + 1
        i += 1
    parts.append(text[start:])
    return parts


def url_target(match):
    """Return the target of a URL_RE match as written (quotes removed, escapes kept)."""
    return next(group for group in match.groups() if group is not None)


def is_data_uri(target):
    return target.strip().lower().startswith("data:")


def resolve_asset(css_dir, target):
    """Map a url() target of a CSS file at `css_dir` (relative to dist/) to a dist/ path.

    Returns (path, suffix) where suffix is a `?query`/`#fragment` kept for the browser.
    Raises VendorError for remote or absolute URLs and for paths leaving dist/.
    """
    if re.match(r"^[a-z][a-z0-9+.-]*:|^/", target, re.IGNORECASE):
        raise VendorError(f"non-relative url() in {css_dir}: {target}")
    cut = min((i for i in (target.find("?"), target.find("#")) if i >= 0), default=len(target))
    path, suffix = target[:cut], target[cut:]
    resolved = posixpath.normpath(posixpath.join(css_dir, path))
    if resolved.startswith("../") or resolved in ("..", ".") or resolved.startswith("/"):
        raise VendorError(f"url() leaves the package dist/ folder in {css_dir}: {target}")
    return resolved, suffix


def format_url(target):
    """Write url() unquoted when that is unambiguous, quoted otherwise."""
    if SAFE_URL_RE.fullmatch(target):
        return f"url({target})"
    escaped = target.replace("\\", "\\\\").replace('"', '\\"')
    return f'url("{escaped}")'


def rewrite_urls(css, css_dir):
    """Rebase relative url()s of a CSS file at `css_dir` so they resolve from dist/'s root.

    The output CSS sits where dist/ was (static/dsfr/ mirrors dist/), so a dist/ path is
    the new relative URL. data: URIs are left untouched. Returns (css, set of dist paths).
    """
    assets = set()

    def replace(match):
        target = url_target(match)
        if is_data_uri(target):
            return match.group(0)
        path, suffix = resolve_asset(css_dir, target)
        assets.add(path)
        return format_url(path + suffix)

    return URL_RE.sub(replace, css), assets


def _is_woff2_source(item):
    """Keep `local()` and woff2 entries of an @font-face src list, drop everything else."""
    item = item.strip()
    if item.lower().startswith("local("):
        return True
    match = URL_RE.search(item)
    if not match:
        return False
    target = url_target(match)
    if is_data_uri(target):
        return "woff2" in target[:40].lower()
    return re.split(r"[?#]", target)[0].lower().endswith(".woff2")


def strip_non_woff2(css):
    """Drop woff (and other non-woff2) alternatives from every @font-face src list."""

    def fix_block(match):
        declarations = split_top_level(match.group(1), ";")
        kept = []
        for declaration in declarations:
            name, _, value = declaration.partition(":")
            if name.strip().lower() == "src":
                sources = [s.strip() for s in split_top_level(value, ",") if _is_woff2_source(s)]
                if not sources:
                    raise VendorError(f"@font-face without a woff2 source: {match.group(0)}")
                declaration = f"{name.strip()}:{','.join(sources)}"
            kept.append(declaration)
        return "@font-face{" + ";".join(kept) + "}"

    return FONT_FACE_RE.sub(fix_block, css)


def minify(css):
    """Drop comments, @charset, empty breakpoint markers and whitespace around braces.

    The DSFR files are minified already; this only removes what concatenation repeats.
    """

    def keep_strings(match):
        return match.group(1) or ""

    css = STRING_OR_COMMENT_RE.sub(keep_strings, css)
    css = CHARSET_RE.sub("", css)
    previous = None
    while previous != css:
        previous, css = css, EMPTY_AT_RULE_RE.sub("", css)
    # Whitespace next to braces and semicolons never matters outside strings.
    pieces = re.split(r"""("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')""", css)
    for i in range(0, len(pieces), 2):
        pieces[i] = re.sub(r"\s*([{};])\s*", r"\1", pieces[i])
    return "".join(pieces).strip()


def defined_classes(css):
    """Class names used in selectors (declaration blocks, hence url()s, are ignored)."""
    # Strings first (they may hold braces), then the innermost blocks: what remains is
    # selectors and at-rule preludes, at any nesting depth.
    selectors = re.sub(r"""("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')""", "", css)
    selectors = re.sub(r"\{[^{}]*\}", "{}", selectors)
    return set(re.findall(r"\.(-?[_a-zA-Z][\w-]*)", selectors))


def component_order(main_scss, wanted):
    """Order `wanted` components like DSFR's own bundle (dependencies first).

    The cascade matters (header overrides button, for instance), so follow the @import
    order of src/dsfr/component/main.scss; components it does not list keep their order.
    """
    imported = re.findall(r"""@(?:import|use|forward)\s+['"]([\w-]+)/main['"]""", main_scss)
    rank = {name: i for i, name in enumerate(imported)}
    return sorted(wanted, key=lambda name: (rank.get(name, len(rank)), wanted.index(name)))


def sri_sha512(data):
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def check_member(member):
    """Refuse tar members that could write outside the extraction folder."""
    path = PurePosixPath(member.name)
    if path.is_absolute() or ".." in path.parts:
        raise VendorError(f"unsafe path in tarball: {member.name}")
    if not (member.isfile() or member.isdir()):
        raise VendorError(f"unexpected member type in tarball: {member.name}")


def css_urls(css):
    """The non-data url() targets of a CSS text."""
    return [t for t in (url_target(m) for m in URL_RE.finditer(css)) if not is_data_uri(t)]


def broken_urls(css, base_dir):
    """url() targets that do not resolve to a file inside `base_dir`."""
    base = base_dir.resolve()
    broken = []
    for target in css_urls(css):
        path = re.split(r"[?#]", target)[0]
        resolved = (base / path).resolve()
        if base not in resolved.parents or not resolved.is_file():
            broken.append(target)
    return broken


def gzip_size(data):
    # mtime=0 so the figure does not depend on the clock.
    return len(gzip.compress(data, compresslevel=9, mtime=0))


# --- steps with side effects ----------------------------------------------------------


def npm_pack(version, workdir):
    """Download the package tarball with npm; return (path, integrity)."""
    spec = f"{PACKAGE}@{version}"
    command = ["npm", "pack", spec, "--json", "--ignore-scripts", "--silent"]
    result = subprocess.run(command, cwd=workdir, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise VendorError(f"`{' '.join(command)}` failed:\n{result.stderr.strip()}")
    try:
        info = json.loads(result.stdout)[0]
    except (ValueError, IndexError, KeyError) as error:
        raise VendorError(f"unexpected `npm pack` output: {result.stdout[:500]}") from error
    tarball = Path(workdir) / info["filename"]
    integrity = info["integrity"]
    # npm checked the download against the registry; check the file we are about to read.
    if sri_sha512(tarball.read_bytes()) != integrity:
        raise VendorError(f"{tarball.name} does not match its integrity {integrity}")
    return tarball, integrity


def extract(tarball, dest):
    """Extract the parts of the package we read, refusing unsafe members."""
    with tarfile.open(tarball, "r:gz") as archive:
        members = []
        for member in archive.getmembers():
            check_member(member)
            licence = re.fullmatch(r"package/LICEN[CS]E[^/]*", member.name)
            wanted = member.name.startswith(EXTRACT_PREFIXES) and not member.name.endswith(
                EXTRACT_SKIP_SUFFIXES
            )
            if member.isfile() and (wanted or licence):
                members.append(member)
        if hasattr(tarfile, "data_filter"):
            archive.extractall(dest, members=members, filter="data")
        else:  # Python < 3.11.4: the checks above are the guard.
            archive.extractall(dest, members=members)
    return Path(dest) / "package"


def pick_css(dist, folder, name, legacy):
    """Return [(dist-relative dir, text)] for one bundle: main + print, or the full .min.css.

    `<name>.min.css` is main + legacy (IE11-only rules under -ms-high-contrast) + print;
    without --legacy the IE11 part is left out, which saves about a quarter of the bytes.
    """
    base = dist / folder
    main, print_ = base / f"{name}.main.min.css", base / f"{name}.print.min.css"
    if not legacy and main.is_file():
        files = [main] + ([print_] if print_.is_file() else [])
    else:
        files = [base / f"{name}.min.css"]
    return [(folder, path.read_text(encoding="utf-8")) for path in files]


def build_css(dist, components, legacy):
    """Concatenate, rebase and minify the CSS; return (css, dist paths of assets)."""
    sources = pick_css(dist, "core", "core", legacy)
    for name in components:
        sources += pick_css(dist, f"component/{name}", name, legacy)
    banner_match = BANNER_RE.search(sources[0][1])
    chunks, assets = [], set()
    for folder, text in sources:
        text, used = rewrite_urls(strip_non_woff2(text), folder)
        assets |= used
        chunks.append(minify(text))
    css = "".join(chunks)
    # Keep the DSFR licence notice once, at the top, as the upstream files do.
    header = banner_match.group(0) + "\n" if banner_match else ""
    if not css.isascii():
        header = '@charset "UTF-8";' + header
    return header + css + "\n", assets


def copy_favicons(dist, stage):
    """Copy the favicons, and the manifest with the icons it names."""
    source, target = dist / "favicon", stage / "favicon"
    names = [name for name in FAVICONS if (source / name).is_file()]
    manifest = source / "manifest.webmanifest"
    if manifest.is_file():
        for icon in json.loads(manifest.read_text(encoding="utf-8")).get("icons", []):
            src = icon.get("src", "")
            # The manifest stays byte-identical, so its icon paths must be plain siblings.
            if not re.fullmatch(r"[\w.-]+", src) or not (source / src).is_file():
                raise VendorError(f"manifest icon does not resolve next to it: {src!r}")
            names.append(src)
    target.mkdir(parents=True)
    for name in sorted(set(names)):
        shutil.copyfile(source / name, target / name)


def write_version(stage, version, integrity, components, legacy):
    lines = [
        f"package: {PACKAGE}",
        f"version: {version}",
        f"integrity: {integrity}",
        "css: " + ("full .min.css (with IE11 legacy rules)" if legacy else "main + print"),
        f"components: {' '.join(components)}",
    ]
    (stage / "VERSION").write_text("\n".join(lines) + "\n", encoding="utf-8")


def build(version, legacy, workdir):
    """Write a complete, checked static/dsfr/ tree into `workdir/stage`; return it."""
    tarball, integrity = npm_pack(version, workdir)
    package = extract(tarball, Path(workdir) / "x")
    meta = json.loads((package / "package.json").read_text(encoding="utf-8"))
    if meta.get("version") != version:
        raise VendorError(f"package.json says {meta.get('version')}, expected {version}")
    dist = package / "dist"

    available = [name for name in COMPONENTS if (dist / "component" / name).is_dir()]
    for name in COMPONENTS:
        if name not in available:
            print(f"note: component {name!r} does not exist in {version}, skipped")
    main_scss = package / "src" / "dsfr" / "component" / "main.scss"
    scss = main_scss.read_text(encoding="utf-8") if main_scss.is_file() else ""
    components = component_order(scss, available)

    css, assets = build_css(dist, components, legacy)
    missing = sorted(path for path in assets if not (dist / path).is_file())
    if missing:
        raise VendorError(f"assets referenced by the CSS are missing from the package: {missing}")
    if re.search(r"\.woff(?!2)\b|format\(['\"]?woff['\"]?\)", css):
        raise VendorError("a non-woff2 font reference survived")
    classes = defined_classes(css)
    absent = [name for name in LAYOUT_CLASSES if name not in classes]
    if absent:
        raise VendorError(f"layout classes missing from core in {version}: {absent}")

    stage = Path(workdir) / "stage"
    stage.mkdir()
    (stage / CSS_NAME).write_bytes(css.encode("utf-8"))
    for path in sorted(assets):
        (stage / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(dist / path, stage / path)
    copy_favicons(dist, stage)
    licences = sorted(p for p in package.iterdir() if re.fullmatch(r"LICEN[CS]E.*", p.name))
    if not licences:
        raise VendorError("no LICENSE/LICENCE file in the package")
    shutil.copyfile(licences[0], stage / "LICENSE")
    write_version(stage, version, integrity, components, legacy)

    broken = broken_urls(css, stage)
    if broken:
        raise VendorError(f"url()s that do not resolve in the output: {broken}")
    shipped_js = [p for p in stage.rglob("*") if p.suffix in (".js", ".mjs")]
    if shipped_js:
        raise VendorError(f"JavaScript would be shipped: {shipped_js}")
    return stage


def print_table(out_dir):
    """Print file, bytes and gzip bytes, with the CSS figure singled out."""
    rows = []
    for path in sorted(p for p in out_dir.rglob("*") if p.is_file()):
        data = path.read_bytes()
        rows.append((path.relative_to(out_dir).as_posix(), len(data), gzip_size(data)))
    width = max(len(row[0]) for row in rows)
    print(f"{'file':<{width}}  {'bytes':>8}  {'gzip':>8}")
    for name, size, packed in rows:
        print(f"{name:<{width}}  {size:>8}  {packed:>8}")
    print(f"{'total':<{width}}  {sum(r[1] for r in rows):>8}  {sum(r[2] for r in rows):>8}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default=DSFR_VERSION, help=f"default: {DSFR_VERSION}")
    parser.add_argument(
        "--legacy", action="store_true", help="keep the IE11 rules (use the full .min.css files)"
    )
    args = parser.parse_args(argv)
    if not VERSION_RE.fullmatch(args.version):
        parser.error(f"--version must look like X.Y.Z, not {args.version!r}")

    with tempfile.TemporaryDirectory(prefix="vendor-dsfr-") as workdir:
        try:
            stage = build(args.version, args.legacy, workdir)
        except VendorError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        # Everything checked: only now replace the old copy, so a failed run leaves it intact
        # and a successful one leaves no stale asset behind.
        if OUT_DIR.exists():
            shutil.rmtree(OUT_DIR)
        shutil.copytree(stage, OUT_DIR, copy_function=shutil.copyfile)

    print(f"{PACKAGE} {args.version} vendored into {OUT_DIR.relative_to(ROOT)}/")
    print_table(OUT_DIR)
    return 0


if __name__ == "__main__":
    sys.exit(main())
