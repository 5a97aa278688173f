"""Preview server for `make serve`: build, serve output/, rebuild on every save, reload the page.

Each rebuild is made as scripts/build.py makes it (output/ is only replaced by a
build that succeeded), by a build process that stays up between saves
(scripts/build_worker.py): Pelican is imported once, and a file is only read
again if something it was made from changed. A change to Python code (a plugin,
the settings) starts a new build process. A build that stops on an editor's
mistake prints its messages, waits for the next save, and leaves the last good
site being served.

Live reload: as pages are served (never in output/), a same-origin script is
added to them, `/__livereload.js`, which listens to `/__livereload` (server-sent
events) and reloads the page once a newer good build is announced. No inline
code, so it works under the site's Content-Security-Policy (`default-src 'self'`).
"""

import argparse
import errno
import re
import sys
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import placeholders
import watchfiles
from build import output_folder
from build_worker import BuildWorker

ROOT = Path(__file__).resolve().parent.parent
# What a build reads: content, pages, theme, plugins and settings.
WATCHED = ("content", "pages", "templates", "static", "plugins", "pelicanconf.py")
# Read once by a running build process: a change to one of these needs a new process.
CODE = ("plugins",)
LIVERELOAD_SCRIPT = Path(__file__).with_name("livereload.js")
SCRIPT_URL = "/__livereload.js"
EVENTS_URL = "/__livereload"
# A comment line now and then, so that a page closed meanwhile ends its thread.
KEEPALIVE_SECONDS = 10
HEAD_END = re.compile(rb"</head\s*>", re.IGNORECASE)
# What marks the back office's page (templates/admin.html): Decap CMS's config link.
BACK_OFFICE = b'rel="cms-config-url"'


class GoodBuilds:
    """How many builds have succeeded so far; pages wait for the number to change."""

    def __init__(self):
        self.count = 0
        self._changed = threading.Condition()

    def one_more(self):
        with self._changed:
            self.count += 1
            self._changed.notify_all()

    def wait_for_other_than(self, seen, timeout):
        with self._changed:
            self._changed.wait_for(lambda: self.count != seen, timeout)
            return self.count


def script_tag(build_number):
    """What is added to each served page: which build it shows, and the reload script."""
    return f'<script src="{SCRIPT_URL}" data-build="{build_number}" defer></script>'.encode()


def with_script(html, build_number):
    tag = script_tag(build_number)
    match = HEAD_END.search(html)
    if match is None:
        return html + tag
    return html[: match.start()] + tag + html[match.start() :]


class PreviewHandler(SimpleHTTPRequestHandler):
    """output/ as a static host serves it, plus the live-reload script and events."""

    # Decap CMS reads its config.yml as YAML only when told so.
    extensions_map: ClassVar = {**SimpleHTTPRequestHandler.extensions_map, ".yml": "text/yaml"}

    def end_headers(self):
        # Always the latest build: the browser must not keep an old page or stylesheet.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self):
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path == SCRIPT_URL:
            self._send(HTTPStatus.OK, "text/javascript", LIVERELOAD_SCRIPT.read_bytes())
        elif path == EVENTS_URL:
            self._send_events()
        else:
            self._send_site_file(path)

    def _send_site_file(self, path):
        # Read the number first: a build landing meanwhile then costs one more reload, not one.
        build_number = self.server.builds.count
        file = Path(self.translate_path(path))
        if file.is_dir():
            if not path.endswith("/"):
                super().do_GET()  # the usual redirect to the folder's address
                return
            file = file / "index.html"
        status = HTTPStatus.OK
        if not file.is_file():
            # Like a static host: the site's own 404 page, if it has one.
            file, status = Path(self.directory) / "404.html", HTTPStatus.NOT_FOUND
            if not file.is_file():
                self.send_error(HTTPStatus.NOT_FOUND)
                return
        if file.suffix != ".html":
            super().do_GET()
            return
        page = file.read_bytes()
        # Not the back office (`make cms`): a reload there would drop what is being typed.
        if BACK_OFFICE not in page:
            page = with_script(page, build_number)
        self._send(status, "text/html; charset=utf-8", page)

    def _send(self, status, content_type, body):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _send_events(self):
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        seen = None
        try:
            while True:
                count = self.server.builds.wait_for_other_than(seen, KEEPALIVE_SECONDS)
                if count == seen:
                    self.wfile.write(b": en attente\n\n")
                else:
                    self.wfile.write(f"data: {count}\n\n".encode())
                    seen = count
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the page was closed or reloaded

    def log_message(self, format, *args):
        # The terminal is for build messages, not for an access log.
        pass


class PreviewServer(ThreadingHTTPServer):
    # Each open page keeps its events connection: one thread per request, none
    # of them keeping Ctrl-C waiting.
    daemon_threads = True

    def __init__(self, address, handler, builds):
        super().__init__(address, handler)
        self.builds = builds

    def handle_error(self, request, client_address):
        # A page closed mid-download drops its connection: nothing to report.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def open_server(output, builds, host, port):
    """The server of the output folder, by its path (each request sees the latest build).

    Bound before the first build, so that a port already taken is told at once."""
    handler = partial(PreviewHandler, directory=str(output))
    try:
        return PreviewServer((host, port), handler, builds)
    except OSError as err:
        if err.errno == errno.EADDRINUSE:
            problem = f"le port {port} est déjà pris (un autre `make serve` tourne-t-il ?)"
        else:
            problem = f"impossible d'écouter sur {host}:{port} ({err.strerror})"
        sys.exit(
            f"Erreur : {problem} ; arrêtez-le, ou choisissez un autre port : make serve PORT=8001"
        )


def serve(httpd, output, host, port):
    """Start answering requests."""
    output.mkdir(parents=True, exist_ok=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    print(f"Site servi sur http://{host}:{port}/ (Ctrl-C pour arrêter)", flush=True)


def needs_new_process(changed):
    """Whether the changed paths include code a running build process has already loaded."""
    for path in changed:
        rel = Path(path).relative_to(ROOT)
        if rel.suffix == ".py" or rel.parts[:1] in [(name,) for name in CODE]:
            return True
    return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--settings", default="pelicanconf.py")
    args = parser.parse_args()

    builds = GoodBuilds()
    output = output_folder(args.settings).path
    httpd = open_server(output, builds, args.host, args.port)
    worker = BuildWorker(args.settings)
    paths = [ROOT / name for name in WATCHED if (ROOT / name).exists()]
    # Watch first, then build and serve: once a page is served, no save can slip
    # past the watcher. Its first (empty) yield comes once it is in place.
    started = False
    try:
        for changes in watchfiles.watch(*paths, yield_on_timeout=True, rust_timeout=300):
            if not started:
                placeholders.report(args.settings)  # pelicanconf.py: a warning only
                if worker.build() == 0:
                    builds.one_more()
                serve(httpd, output, args.host, args.port)
                started = True
            if not changes:
                continue
            changed = sorted({p for _, p in changes})
            names = ", ".join(Path(p).relative_to(ROOT).as_posix() for p in changed)
            print(f"Modifié : {names} — reconstruction…", flush=True)
            if needs_new_process(changed):
                worker.restart()
            placeholders.report(args.settings)
            if worker.build() == 0:
                builds.one_more()
                print("Site reconstruit : les pages ouvertes se rechargent.", flush=True)
            else:
                print("Erreur : le site servi reste la dernière version réussie.", flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        worker.stop()


if __name__ == "__main__":
    main()
