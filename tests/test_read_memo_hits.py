"""`make serve`'s second build takes every unchanged file from the reader's memo: a
setting whose value changes at each build (an object named by its address) would make
it read and render every file again, and the rebuild as slow as a cold build."""

import sys

import pytest
import site_content
from conftest import copy_real_project
from pelican_run import run

pytestmark = pytest.mark.slow

# As publishconf.py reads pelicanconf.py; JEKYLL_READ_MEMO as scripts/build_worker.py sets it.
MEMO_SETTINGS = (
    "import os\nimport sys\n\nsys.path.append(os.curdir)\n"
    "from pelicanconf import *  # noqa: F403\n\nJEKYLL_READ_MEMO = True\n"
)


def test_a_second_build_in_one_process_reads_no_unchanged_file_again(tmp_path):
    site = copy_real_project(tmp_path / "site")
    (site / "memo_conf.py").write_text(MEMO_SETTINGS, encoding="utf-8")
    status, log = run("memo_conf.py", site, env={"SOURCE_DATE_EPOCH": "1507500000"})
    assert status == 0, log
    memo = sys.modules["jekyll_compat.read_memo"].MEMO
    kept = dict(memo.kept)
    # Every challenge file was read and kept (so the check below covers them all).
    assert {c.source for c in site_content.challenges(site)} <= set(kept)
    status, log = run("memo_conf.py", site, env={"SOURCE_DATE_EPOCH": "1507500000"})
    assert status == 0, log
    read_again = sorted(rel for rel, result in kept.items() if memo.kept.get(rel) is not result)
    assert read_again == []
