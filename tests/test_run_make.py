"""`make` run by a test in a copy of the project never reinstalls the project's environment."""

import os
import time

from conftest import copy_real_project, run_make


def test_a_newer_requirements_file_in_a_copy_installs_nothing(tmp_path):
    site = copy_real_project(tmp_path / "site")
    requirements = site / "requirements.txt"
    later = time.time() + 60
    os.utime(requirements, (later, later))  # newer than the environment's mark
    status, log = run_make(site, "--dry-run", "html")
    assert status == 0, log
    assert "pip install" not in log, log
    assert "scripts/build.py" in log, log
