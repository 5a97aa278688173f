"""The README's commands: `make serve` serves the site and rebuilds it on save."""

import subprocess

import pytest
from conftest import ROOT
from serving import get, make_serve, wait_for, wait_until

pytestmark = pytest.mark.slow


@pytest.fixture
def served(tmp_path):
    with make_serve(tmp_path) as served:
        yield served


def test_make_serve_serves_the_welcome_page(served):
    body = wait_for(served.url + "/", "Bienvenue sur le site d’appel à candidatures")
    assert body is not None, served.output()


def test_make_serve_keeps_the_last_good_site_on_error(served):
    url = served.url
    assert wait_for(url + "/cgu/", "Conditions générales d'utilisation"), served.output()
    page = served.site / "pages" / "cgu.md"
    good = page.read_text(encoding="utf-8")
    page.write_text(good.replace("layout: page", "layout: inconnue"), encoding="utf-8")
    wait_until(lambda: "Erreur : le site servi reste" in served.output())
    assert "pages/cgu.md:2: la mise en page « inconnue » est inconnue" in served.output()
    status, body = get(url + "/cgu/")
    assert status == 200
    assert "Conditions générales d'utilisation" in body
    page.write_text(good + "\nRéparée.\n", encoding="utf-8")
    assert wait_for(url + "/cgu/", "Réparée."), served.output()
    # One build per save: the error was told once, not in a loop.
    assert served.output().count("la mise en page « inconnue » est inconnue") == 1


def test_make_serve_rebuilds_on_save(served):
    assert wait_for(served.url + "/cgu/", "Conditions générales d'utilisation"), served.output()
    page = served.site / "pages" / "cgu.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\nUne phrase ajoutée à l'instant.\n", encoding="utf-8"
    )
    # The Markdown's apostrophe is shown curled, as Jekyll's typography has it.
    body = wait_for(served.url + "/cgu/", "Une phrase ajoutée à l’instant.")
    assert body is not None, served.output()


def test_make_serve_warns_about_what_make_defi_left_and_still_serves_it(served):
    assert wait_for(served.url + "/cgu/", "Conditions générales d'utilisation"), served.output()
    page = served.site / "pages" / "cgu.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nÀ compléter.\n", encoding="utf-8")
    line = len(page.read_text(encoding="utf-8").splitlines())
    assert wait_for(served.url + "/cgu/", "À compléter."), served.output()
    told = f"attention : pages/cgu.md:{line}: « À compléter » est encore là"
    assert told in served.output()


def test_make_help_lists_the_targets():
    result = subprocess.run(["make", "help"], cwd=ROOT, capture_output=True, text=True, check=True)
    for target in ("help", "html", "serve", "publish", "check", "test", "lint", "clean"):
        assert f"make {target} " in result.stdout


def test_ci_runs_make_test():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
