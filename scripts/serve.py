"""Preview server for `make serve`: build, serve output/, rebuild on every save.

Each rebuild is a fresh `pelican` process, so a build that stops on an
editor's mistake prints its messages once, waits for the next save, and
leaves the last good site being served.
"""

import argparse
import subprocess
import sys
import threading
from pathlib import Path

import watchfiles
from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer

ROOT = Path(__file__).resolve().parent.parent
# What a build reads: content, pages, theme, plugins and settings.
WATCHED = ("content", "pages", "templates", "static", "plugins", "pelicanconf.py")


def build(settings):
    command = [sys.executable, "-m", "pelican", "--log-handler", "plain", "-s", settings]
    return subprocess.run(command, cwd=ROOT, check=False).returncode == 0


def serve(output, host, port):
    output.mkdir(parents=True, exist_ok=True)
    httpd = RootedHTTPServer(str(output), (host, port), ComplexHTTPRequestHandler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    print(f"Site servi sur http://{host}:{port}/ (Ctrl-C pour arrêter)", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--settings", default="pelicanconf.py")
    args = parser.parse_args()

    build(args.settings)
    serve(ROOT / "output", args.host, args.port)
    paths = [ROOT / name for name in WATCHED if (ROOT / name).exists()]
    try:
        for changes in watchfiles.watch(*paths):
            names = ", ".join(sorted({Path(p).relative_to(ROOT).as_posix() for _, p in changes}))
            print(f"Modifié : {names} — reconstruction…", flush=True)
            if not build(args.settings):
                print("Erreur : le site servi reste la dernière version réussie.", flush=True)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
