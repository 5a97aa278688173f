"""The tests that share a costly fixture run in one worker (tests/xdist_groups.py)."""

import os
import subprocess
import sys

import pytest
import xdist_groups
from conftest import ROOT

PAGES = [f"/page-{n}/" for n in range(8)]
# A stand-in for tests/test_conformance.py: two browser tests and a file test per page,
# each noting which worker ran it.
FAKE_CONFORMANCE = f"""
import os
import pytest

PAGES = {PAGES!r}


def note(name, path):
    with open(os.environ["NOTES"], "a", encoding="utf-8") as notes:
        notes.write(f"{{name}} {{path}} {{os.environ['PYTEST_XDIST_WORKER']}}\\n")


@pytest.mark.parametrize("page_path", PAGES, ids=PAGES)
def test_page_has_no_accessibility_violation(page_path):
    note("axe", page_path)


@pytest.mark.parametrize("page_path", PAGES, ids=PAGES)
def test_page_fits_a_phone_screen(page_path):
    note("phone", page_path)


@pytest.mark.parametrize("page_path", PAGES, ids=PAGES)
def test_page_is_valid_html(page_path):
    note("nu", page_path)
"""
CONFTEST = """
import xdist_groups


def pytest_xdist_make_scheduler(config, log):
    return xdist_groups.GroupScheduling(config, log)
"""


def test_a_pages_browser_tests_share_a_group_and_the_nu_checkers_are_one():
    page = xdist_groups.CONFORMANCE + "test_page_{}[/defis/x/[closed]]"
    axe = xdist_groups.group_of(page.format("has_no_accessibility_violation"))
    assert axe == xdist_groups.group_of(page.format("works_without_javascript"))
    assert axe != xdist_groups.group_of(page.format("has_no_accessibility_violation[/]"))
    nu = xdist_groups.group_of(page.format("is_valid_html"))
    redirect = xdist_groups.CONFORMANCE + "test_redirect_stub_is_valid_html_and_leads_to_x[/a/]"
    assert nu == xdist_groups.group_of(redirect) != axe
    links = page.format("links_and_anchors_resolve")
    assert xdist_groups.group_of(links) == links  # alone
    assert xdist_groups.group_of("tests/test_other.py::test_x") == "tests/test_other.py::test_x"


@pytest.mark.slow
def test_xdist_sends_each_group_to_one_worker(tmp_path):
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_conformance.py").write_text(FAKE_CONFORMANCE, encoding="utf-8")
    (tmp_path / "tests" / "conftest.py").write_text(CONFTEST, encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    notes = tmp_path / "notes.txt"
    env = {**os.environ, "NOTES": str(notes), "PYTHONPATH": str(ROOT / "tests")}
    command = [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-q"]
    command += ["-p", "no:cacheprovider", "tests/test_conformance.py"]
    result = subprocess.run(
        command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    ran = [line.split() for line in notes.read_text(encoding="utf-8").splitlines()]
    assert len(ran) == 3 * len(PAGES)
    workers = {}
    for name, path, worker in ran:
        workers.setdefault("nu" if name == "nu" else path, set()).add(worker)
    assert all(len(one) == 1 for one in workers.values()), workers
    assert len(set.union(*workers.values())) == 2, workers  # still spread over both


def test_the_tests_that_import_frictionless_share_one_worker():
    ids = [
        "tests/test_open_data.py::test_each_file_is_valid_against_the_table_schema[csv]",
        "tests/test_open_data.py::test_each_file_is_valid_against_the_table_schema[json]",
        "tests/test_open_data.py::test_the_schema_itself_is_a_valid_table_schema",
    ]
    assert len({xdist_groups.group_of(nodeid) for nodeid in ids}) == 1
