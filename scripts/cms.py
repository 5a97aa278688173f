"""`make cms`: the back office on this working copy, at http://127.0.0.1:8000/admin/.

Starts decap-server (npm, pinned in package-lock.json) where DECAP_CMS["local_backend"]
says, writing into this folder, then `make serve` (scripts/serve.py): a change saved
in the back office is a changed file here, rebuilt and shown at once, and committed
with git like any other. Ctrl-C stops both.
"""

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import serve
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
DECAP_SERVER = ROOT / "node_modules" / ".bin" / "decap-server"
START_SECONDS = 20  # a bound on decap-server's start, not a target


def local_backend(settings_file):
    """(host, port) where decap-server must listen, from the settings."""
    url = read_settings(str(ROOT / settings_file)).get("DECAP_CMS", {}).get("local_backend")
    if not url:
        sys.exit(f'Erreur : {settings_file} ne donne pas DECAP_CMS["local_backend"].')
    parts = urlsplit(url)
    return parts.hostname, parts.port or 80


def answers(host, port):
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((host, port)) == 0


def wait_for(host, port, process):
    """Whether `process` came to listen on host:port in time."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline and process.poll() is None:
        if answers(host, port):
            return True
        time.sleep(0.1)
    return False


def main():
    # serve.main() reads the same command line; only the address is needed here.
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args, _ = parser.parse_known_args()
    settings = "pelicanconf.py"
    host, port = local_backend(settings)
    if not DECAP_SERVER.exists():
        sys.exit("Erreur : decap-server manque ; lancez `make cms`, qui l'installe (npm ci).")
    env = {
        **os.environ,
        "PORT": str(port),
        "BIND_HOST": host,
        "GIT_REPO_DIRECTORY": str(ROOT),
        "MODE": "fs",  # files written as they are; commits stay the editor's own
        "LOG_LEVEL": "warn",
    }
    if answers(host, port):
        sys.exit(
            f"Erreur : le port {port} est déjà pris (un autre `make cms` tourne-t-il ?) ; "
            'arrêtez-le, ou changez DECAP_CMS["local_backend"].'
        )
    server = subprocess.Popen([str(DECAP_SERVER)], cwd=ROOT, env=env)
    # Stopped by a signal rather than Ctrl-C, still stop decap-server (the finally below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        if not wait_for(host, port, server):
            sys.exit(f"Erreur : decap-server n'a pas démarré sur {host}:{port} (voir ci-dessus).")
        print(
            f"Espace éditeurs : http://{args.host}:{args.port}/admin/ "
            f"(les modifications sont écrites dans {ROOT})",
            flush=True,
        )
        serve.main()
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
