"""The browser suite is a real guard: run on a broken page, it fails and says why."""

import os
import subprocess
import sys

import pytest
from conftest import FIXTURES, ROOT

pytestmark = pytest.mark.browser

BROKEN_SITE = FIXTURES / "broken_site"
# (per-page test that must fail on /casse/, what its message must say)
EXPECTED = [
    ("test_page_images_have_a_text_alternative", '<img src="image.svg"> sans attribut alt'),
    ("test_page_has_no_accessibility_violation", "image-alt (critical)"),
    (
        "test_page_links_and_anchors_resolve",
        '<a href="/absente/">: /absente/ n\'existe pas dans le site construit',
    ),
    ("test_page_violates_no_content_security_policy", "script-src-elem blocked inline"),
]


def test_the_browser_suite_fails_on_a_broken_page_and_names_page_and_faults(tmp_path):
    env = {**os.environ, "EIG_CONFORMANCE_SITE": str(BROKEN_SITE), "EIG_CAPTURES": str(tmp_path)}
    # The per-page tests that must fail, and no other: the Nu checker's Java is not started.
    selected = " or ".join(test for test, _ in EXPECTED)
    command = [sys.executable, "-m", "pytest", "tests/test_conformance.py", "-k", selected]
    command += ["-p", "no:cacheprovider", "-q", "--tb=short", "-rf"]
    # A folder of its own: in pytest's shared one, the run would end by deleting the older
    # sessions' folders there (other runs' builds), which can take longer than the run.
    command.append(f"--basetemp={tmp_path / 'run'}")
    result = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    for test, message in EXPECTED:
        assert f"FAILED tests/test_conformance.py::{test}[/casse/]" in output, output
        assert message in output, f"{test}: {message!r} not in the output:\n{output}"
