"""Vendor Decap CMS (npm `decap-cms`, the editors' back office at /admin/) into static/decap/.

Fetches the pinned version with `npm pack` (npm checks the registry integrity) and
copies its browser build as it is: the main script, the chunks it loads on demand from
its own folder (so none of these files may be renamed or fingerprinted), the
WebAssembly files some chunks use, the bundled licences, and a VERSION file. Source
maps and the duplicate `cms.js` build are left out.

Each script also gets its gzip copy (`.js.gz`, made here once, byte-for-byte the same
at each run), which servers send as it is (nginx's gzip_static): compressing 5 MB at
each `make publish` would multiply the build's time by ten. The public pages have no
script, so publishconf.py leaves .js out of its own precompression.

Usage: .venv/bin/python scripts/vendor_decap.py [--version X.Y.Z]
"""

import argparse
import gzip
import re
import shutil
import sys
import tempfile
from pathlib import Path

import npm_package

# Pinned with `npm view decap-cms version` (latest 3.x on 2026-11-29).
DECAP_VERSION = "3.16.3"
PACKAGE = "decap-cms"

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "static" / "decap"
MAIN = "decap-cms.js"
# The files of package/dist/ that the browser may load: the main script, its numbered
# chunks, their WebAssembly, and the licences of what the build bundles.
SHIPPED = re.compile(
    r"(decap-cms\.js|\d+\.decap-cms\.js|[0-9a-f]+\.wasm|decap-cms\.js\.LICENSE\.txt)"
)
VERSION_RE = re.compile(r"\d+\.\d+\.\d+")


def build(version, workdir):
    """Stage the vendored files in workdir; return the stage folder."""
    tarball, integrity = npm_package.npm_pack(f"{PACKAGE}@{version}", workdir)
    package = npm_package.extract(
        tarball,
        workdir,
        lambda name: (
            name == "package/package.json"
            or (name.startswith("package/dist/") and SHIPPED.fullmatch(name.rpartition("/")[2]))
        ),
    )
    dist = package / "dist"
    if not (dist / MAIN).is_file():
        raise npm_package.PackageError(f"{PACKAGE} {version} has no dist/{MAIN}")
    stage = Path(workdir) / "stage"
    stage.mkdir()
    files = sorted(p.name for p in dist.iterdir())
    for name in files:
        shutil.copyfile(dist / name, stage / name)
        if name.endswith(".js"):
            # mtime=0 and no file name in the header: the same bytes at every run.
            data = gzip.compress((dist / name).read_bytes(), compresslevel=9, mtime=0)
            (stage / f"{name}.gz").write_bytes(data)
    licence = (package / "package.json").read_text(encoding="utf-8")
    licence = re.search(r'"license":\s*"([^"]+)"', licence)
    (stage / "VERSION").write_text(
        f"package: {PACKAGE}\n"
        f"version: {version}\n"
        f"integrity: {integrity}\n"
        f"license: {licence.group(1) if licence else 'unknown'} "
        "(bundled libraries: decap-cms.js.LICENSE.txt)\n"
        f"files: dist/{MAIN}, and the {len(files) - 1} files it loads or credits "
        "(chunks, WebAssembly, licences), unchanged; no source map; a .gz beside each script\n",
        encoding="utf-8",
    )
    return stage


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default=DECAP_VERSION, help=f"default: {DECAP_VERSION}")
    args = parser.parse_args(argv)
    if not VERSION_RE.fullmatch(args.version):
        parser.error(f"--version must look like X.Y.Z, not {args.version!r}")
    with tempfile.TemporaryDirectory(prefix="vendor-decap-") as workdir:
        try:
            stage = build(args.version, workdir)
        except npm_package.PackageError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        # Only now replace the old copy: a failed run leaves it intact, a good one
        # leaves no chunk of an older version behind.
        if OUT_DIR.exists():
            shutil.rmtree(OUT_DIR)
        shutil.copytree(stage, OUT_DIR, copy_function=shutil.copyfile)
    size = sum(p.stat().st_size for p in OUT_DIR.iterdir())
    count = len(list(OUT_DIR.iterdir()))
    print(f"{PACKAGE} {args.version} vendored into {OUT_DIR.relative_to(ROOT)}/: ", end="")
    print(f"{count} files, {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
