"""Lighthouse (npm, pinned in package-lock.json) on the home page and one challenge page.

Builds the public site (publishconf.py, its address pointed at a local server so that
canonical links and assets resolve), serves it gzipped as a production server would,
and runs Lighthouse with Debian's Chromium, mobile (Lighthouse's default), three times
per page; prints the median of each of the four scores.

Usage: .venv/bin/python bench/lighthouse.py [--runs 3] [--page /defis/…/]
"""

import argparse
import functools
import gzip
import json
import mimetypes
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
# The flags of tests/browser.py: headless, and no traffic of Chromium's own.
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SITE_PARTS = ("content", "pages", "templates", "static", "plugins")
BUILD_EPOCH = "1507500000"  # the call is open: the pages show their call to action
TEXT_TYPES = ("text/", "image/svg+xml", "application/json", "application/manifest+json")


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, text gzipped when the client accepts it (as the public server will)."""

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().do_GET()  # the base class redirects /x to /x/
            path = path / "index.html"
        kind = mimetypes.guess_type(path.name)[0] or ""
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and accepts and kind.startswith(TEXT_TYPES)):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if "text" in kind else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_public_site(workdir, siteurl):
    site = Path(workdir) / "site"
    for name in SITE_PARTS:
        shutil.copytree(ROOT / name, site / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copyfile(ROOT / name, site / name)
    env = {**os.environ, "SITEURL": siteurl, "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    command = [sys.executable, "-m", "pelican", "--log-handler", "plain", "-s", "publishconf.py"]
    result = subprocess.run(command, cwd=site, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"the site does not build:\n{result.stdout}{result.stderr}")
    return site / "output"


def first_challenge(output):
    pages = sorted(p.parent.name for p in (output / "defis").glob("*/index.html"))
    return f"/defis/{next(p for p in pages if p != 'competence')}/"


def lighthouse(url, workdir):
    """The four scores (0-100) of one Lighthouse run."""
    report = Path(workdir) / "report.json"
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--chrome-path={CHROME}",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    env = {**os.environ, "CHROME_PATH": CHROME}
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES}
    failing = [
        audit["id"]
        for audit in data["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
    ]
    return scores, failing


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--page", help="the challenge page (default: the first one)")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        raise SystemExit("node_modules/.bin/lighthouse is missing: run `npm ci --ignore-scripts`")

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="eig-lighthouse-") as workdir:
        output = build_public_site(workdir, base)
        handler = functools.partial(GzipHandler, directory=str(output))
        server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            rows = []
            for path in ("/", args.page or first_challenge(output)):
                runs, below = [], set()
                for i in range(args.runs):
                    scores, failing = lighthouse(base + path, workdir)
                    runs.append(scores)
                    below.update(failing)
                    print(f"  {path} run {i + 1}/{args.runs}: {scores}", file=sys.stderr)
                medians = {c: statistics.median(r[c] for r in runs) for c in CATEGORIES}
                rows.append((path, medians, sorted(below)))
        finally:
            server.shutdown()
            server.server_close()

    print(f"Lighthouse 12.2.3, mobile, Chromium ({CHROME}), médiane de {args.runs} exécutions\n")
    print("| Page | Performance | Accessibilité | Bonnes pratiques | SEO |")
    print("|---|--:|--:|--:|--:|")
    for path, medians, _ in rows:
        cells = " | ".join(f"{medians[c]:.0f}" for c in CATEGORIES)
        print(f"| `{path}` | {cells} |")
    for path, _, below in rows:
        if below:
            print(f"\nAudits sous 100 sur {path} (au moins une exécution) : {', '.join(below)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
