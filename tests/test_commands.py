"""The README's commands: `make serve` serves the site and rebuilds it on save."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT, copy_real_site

WAIT_SECONDS = 60  # a bound on waiting for the server, not a speed requirement


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except OSError:
        return None, ""


def _wait_for(url, text):
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        status, body = _get(url)
        if status == 200 and text in body:
            return body
        time.sleep(0.3)
    return None


@pytest.fixture
def served(tmp_path):
    """`make serve` on a copy of the site, with this run's virtual environment."""
    site = copy_real_site(tmp_path / "site")
    for name in ("Makefile", "requirements.txt"):
        shutil.copy(ROOT / name, site / name)
    shutil.copytree(ROOT / "scripts", site / "scripts")
    port = _free_port()
    venv = Path(sys.prefix)
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        ["make", "serve", f"PORT={port}", f"VENV={venv}"],
        cwd=site,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        yield site, f"http://127.0.0.1:{port}", tmp_path / "serve.log"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()


def test_make_serve_serves_the_welcome_page(served):
    _, url, log = served
    body = _wait_for(url + "/", "Bienvenue sur le site d’appel à candidatures")
    assert body is not None, log.read_text()


def test_make_serve_keeps_the_last_good_site_on_error(served):
    site, url, log = served
    assert _wait_for(url + "/cgu/", "Conditions générales d'utilisation"), log.read_text()
    page = site / "pages" / "cgu.md"
    good = page.read_text(encoding="utf-8")
    page.write_text(good.replace("layout: page", "layout: inconnue"), encoding="utf-8")
    deadline = time.monotonic() + WAIT_SECONDS
    while "Erreur : le site servi reste" not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.3)
    assert "pages/cgu.md:2: la mise en page « inconnue » est inconnue" in log.read_text()
    assert _get(url + "/cgu/")[0] == 200
    page.write_text(good + "\nRéparée.\n", encoding="utf-8")
    assert _wait_for(url + "/cgu/", "Réparée."), log.read_text()
    # One build per save: the error was told once, not in a loop.
    assert log.read_text().count("la mise en page « inconnue » est inconnue") == 1


def test_make_serve_rebuilds_on_save(served):
    site, url, log = served
    assert _wait_for(url + "/cgu/", "Conditions générales d'utilisation"), log.read_text()
    page = site / "pages" / "cgu.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\nUne phrase ajoutée à l'instant.\n", encoding="utf-8"
    )
    body = _wait_for(url + "/cgu/", "Une phrase ajoutée à l'instant.")
    assert body is not None, log.read_text()


def test_make_help_lists_the_targets():
    result = subprocess.run(["make", "help"], cwd=ROOT, capture_output=True, text=True, check=True)
    for target in ("help", "html", "serve", "publish", "test", "lint", "clean"):
        assert f"make {target} " in result.stdout


def test_ci_runs_make_test():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
