"""Vendor a trimmed build of the French State design system (DSFR) into static/dsfr/.

Fetches `@gouvfr/dsfr` with `npm pack` (npm checks the registry integrity), then writes
one minified CSS file holding the core and the components the site uses, the fonts and
icons that CSS references, the favicons, the licence and a VERSION file. No JavaScript
is shipped: the site works without it.

The CSS is then purged: the real site is built (in each state of the call, and with the
public settings) and every rule, custom property and font no built page can use is
dropped. Rerun this script when a template starts using a DSFR class it did not use.

Usage: .venv/bin/python scripts/vendor_dsfr.py [--version X.Y.Z] [--legacy] [--no-purge]
"""

import argparse
import datetime as dt
import gzip
import json
import os
import re
import runpy
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

import npm_package
from css_purge import purge_css
from css_selectors import html_elements
from dsfr_css import (
    BANNER_RE,
    VendorError,
    add_unicode_range,
    broken_urls,
    component_order,
    css_urls,
    defined_classes,
    externalize_data_uris,
    minify,
    rewrite_urls,
    strip_non_woff2,
)

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
    "summary",
    "translate",  # the language selector (templates/partials/language_selector.html)
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

# What a copy of the site needs to build (tests/conftest.py copies the same).
SITE_PARTS = ("content", "pages", "templates", "static", "plugins")
SITE_SETTINGS = ("pelicanconf.py", "publishconf.py")

# The fonts keep the characters of French text only (Google Fonts' "latin" range, and Ÿ):
# a third of their size. @font-face says so in unicode-range, so a character outside
# it (a rare one an editor pastes) comes from the fallback font instead of a blank.
FONT_UNICODE_RANGE = (
    "U+0000-00FF,U+0131,U+0152-0153,U+0178,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,"
    "U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD"
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


# --- pure helpers (unit-tested) -------------------------------------------------------


def gzip_size(data):
    # mtime=0 so the figure does not depend on the clock.
    return len(gzip.compress(data, compresslevel=9, mtime=0))


# --- steps with side effects ----------------------------------------------------------


def extract(tarball, dest):
    """Extract the parts of the package we read (and its licence)."""

    def wanted(name):
        licence = re.fullmatch(r"package/LICEN[CS]E[^/]*", name)
        return licence or (
            name.startswith(EXTRACT_PREFIXES) and not name.endswith(EXTRACT_SKIP_SUFFIXES)
        )

    return npm_package.extract(tarball, dest, wanted)


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


def subset_font(path, unicode_range):
    """Rewrite a woff2 font in place with only the glyphs of `unicode_range`."""
    # Imported here: only this step needs fontTools (and brotli, for woff2).
    from fontTools import subset
    from fontTools.ttLib import TTFont

    # recalcTimestamp=False: the same input gives the same bytes on every run.
    font = TTFont(path, recalcTimestamp=False)
    options = subset.Options()
    options.flavor = "woff2"
    options.name_IDs = ["*"]  # keep the copyright and licence notices
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(unicode_range))
    subsetter.subset(font)
    font.save(path)


def call_moments(settings):
    """A build date in each state of the call (before, during, after), as epoch seconds."""
    zone = ZoneInfo(settings.get("TIMEZONE", "UTC"))
    opens = dt.datetime.fromisoformat(settings["CALL_OPENS"]).replace(tzinfo=zone)
    closes = dt.datetime.fromisoformat(settings["CALL_CLOSES"]).replace(tzinfo=zone)
    moments = (
        opens - dt.timedelta(days=1),
        opens + dt.timedelta(minutes=1),
        closes + dt.timedelta(days=1),
    )
    return [int(moment.timestamp()) for moment in moments]


def site_elements(workdir):
    """The elements of every page the site builds: each call state, and the public build.

    Pages differ by state (the call to action, the embedded form) and the public build
    has absolute links, which attribute selectors such as [href^=http] may see.
    """
    site = Path(workdir) / "site"
    for name in SITE_PARTS:
        shutil.copytree(ROOT / name, site / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in SITE_SETTINGS:
        shutil.copyfile(ROOT / name, site / name)
    settings = runpy.run_path(str(ROOT / "pelicanconf.py"))
    builds = [("pelicanconf.py", epoch) for epoch in call_moments(settings)]
    builds.append(("publishconf.py", call_moments(settings)[1]))
    elements = set()
    for i, (conf, epoch) in enumerate(builds):
        output = Path(workdir) / f"built-{i}"
        env = {k: v for k, v in os.environ.items() if k != "SITEURL"}
        env["SOURCE_DATE_EPOCH"] = str(epoch)
        # scripts/run_pelican.py: a plugin that cannot be loaded fails this build too.
        command = [sys.executable, str(ROOT / "scripts" / "run_pelican.py")]
        command += ["--log-handler", "plain", "-s", conf]
        command += ["-o", str(output)]
        result = subprocess.run(command, cwd=site, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise VendorError(f"the site does not build ({conf}):\n{result.stdout}{result.stderr}")
        for page in sorted(output.rglob("*.html")):
            elements |= html_elements(page.read_text(encoding="utf-8"))
    return elements


def site_css():
    """The site's own style sheets, served beside DSFR's: what they name must stay."""
    return "".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "static" / "css").glob("*.css"))
    )


def write_version(stage, version, integrity, components, legacy, purged):
    lines = [
        f"package: {PACKAGE}",
        f"version: {version}",
        f"integrity: {integrity}",
        "css: "
        + ("full .min.css (with IE11 legacy rules)" if legacy else "main + print")
        + (", purged of what the built pages never use" if purged else ""),
        f"components: {' '.join(components)}",
    ]
    (stage / "VERSION").write_text("\n".join(lines) + "\n", encoding="utf-8")


def build(version, legacy, workdir, purge=True):
    """Write a complete, checked static/dsfr/ tree into `workdir/stage`; return it."""
    tarball, integrity = npm_package.npm_pack(f"{PACKAGE}@{version}", workdir)
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
    css, inline_images = externalize_data_uris(css)
    missing = sorted(path for path in assets if not (dist / path).is_file())
    if missing:
        raise VendorError(f"assets referenced by the CSS are missing from the package: {missing}")
    if re.search(r"\.woff(?!2)\b|format\(['\"]?woff['\"]?\)", css):
        raise VendorError("a non-woff2 font reference survived")
    classes = defined_classes(css)
    absent = [name for name in LAYOUT_CLASSES if name not in classes]
    if absent:
        raise VendorError(f"layout classes missing from core in {version}: {absent}")
    if purge:
        css = purge_css(css, site_elements(workdir), extra_css=site_css())
        # Only the fonts and images the remaining rules name are shipped.
        referenced = {re.split(r"[?#]", target)[0] for target in css_urls(css)}
        assets = {path for path in assets if path in referenced}
        inline_images = {p: data for p, data in inline_images.items() if p in referenced}
    css = add_unicode_range(css, FONT_UNICODE_RANGE)

    stage = Path(workdir) / "stage"
    stage.mkdir()
    (stage / CSS_NAME).write_bytes(css.encode("utf-8"))
    for path in sorted(assets):
        (stage / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(dist / path, stage / path)
        if path.endswith(".woff2"):
            subset_font(stage / path, FONT_UNICODE_RANGE)
    for path, data in sorted(inline_images.items()):
        (stage / path).parent.mkdir(parents=True, exist_ok=True)
        (stage / path).write_bytes(data)
    copy_favicons(dist, stage)
    licences = sorted(p for p in package.iterdir() if re.fullmatch(r"LICEN[CS]E.*", p.name))
    if not licences:
        raise VendorError("no LICENSE/LICENCE file in the package")
    shutil.copyfile(licences[0], stage / "LICENSE")
    write_version(stage, version, integrity, components, legacy, purge)

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
    parser.add_argument(
        "--no-purge", action="store_true", help="ship every rule of the components (no purge)"
    )
    args = parser.parse_args(argv)
    if not VERSION_RE.fullmatch(args.version):
        parser.error(f"--version must look like X.Y.Z, not {args.version!r}")

    with tempfile.TemporaryDirectory(prefix="vendor-dsfr-") as workdir:
        try:
            stage = build(args.version, args.legacy, workdir, purge=not args.no_purge)
        except (VendorError, npm_package.PackageError) as error:
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
