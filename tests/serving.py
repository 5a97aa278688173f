"""`make serve` on a copy of the site, and waiting for what it serves or prints."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from conftest import copy_real_project

WAIT_SECONDS = 60  # a bound on waiting for the server, not a speed requirement


@dataclass
class Served:
    site: Path
    url: str
    log: Path

    def output(self):
        return self.log.read_text(encoding="utf-8")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except OSError:
        return None, ""


def wait_until(condition):
    """Poll `condition` until it holds or WAIT_SECONDS pass; its last value."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not (value := condition()) and time.monotonic() < deadline:
        time.sleep(0.1)  # a tenth of a second: a wait ends soon after its condition holds
    return value


def wait_for(url, text):
    """The page at `url` once it contains `text`, else None."""

    def body():
        status, body = get(url)
        return body if status == 200 and text in body else None

    return wait_until(body)


@contextlib.contextmanager
def make_serve(tmp_path, prepare=None, target="serve"):
    """`make serve` (or `target`) on a copy of the site, first changed by `prepare(site)`."""
    site = copy_real_project(tmp_path / "site")
    if prepare:
        prepare(site)
    port = free_port()
    log_path = tmp_path / "serve.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            ["make", target, f"PORT={port}", f"VENV={sys.prefix}"],
            cwd=site,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            yield Served(site, f"http://127.0.0.1:{port}", log_path)
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
