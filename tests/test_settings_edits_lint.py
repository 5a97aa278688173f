"""The call team edits pelicanconf.py (docs/appel/cycle-de-vie.md): however they lay out a
valid edit, `make lint` (ruff, as the Makefile runs it) passes; a mistake in Python fails."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from settings_edits import with_assignments

RUFF = Path(sys.executable).parent / "ruff"  # the Makefile's $(BIN)/ruff
# `make lint`'s two ruff commands, run where the edited files are, with the project's config.
LINT = (["check", "."], ["format", "--check", "."])
# The new form's address, longer than a line of code may be: it goes on one line anyway.
LONG_FORM = (
    "https://demarches.example.gouv.fr/commencer/candidature-entrepreneurs-interet-general-2032"
)


def lint(tmp_path, settings_text):
    """(exit status, output) of each of `make lint`'s ruff commands on the settings files."""
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copy(ROOT / "publishconf.py", tmp_path / "publishconf.py")
    (tmp_path / "pelicanconf.py").write_text(settings_text, encoding="utf-8")
    results = []
    for args in LINT:
        done = subprocess.run(
            [str(RUFF), *args], cwd=tmp_path, capture_output=True, text=True, check=False
        )
        results.append((done.returncode, done.stdout + done.stderr))
    return results


def test_a_next_call_edited_by_hand_passes_lint(tmp_path):
    settings = (ROOT / "pelicanconf.py").read_text(encoding="utf-8")
    text = with_assignments(
        settings,
        {
            "APPLICATION_FORM_URL": f"APPLICATION_FORM_URL = '{LONG_FORM}'",
            "CALL_OPENS": "CALL_OPENS   =  '2032-01-10T09:00'   ",
            "CALL_CLOSES": 'CALL_CLOSES = "2032-02-20T18:00"',
        },
    )
    assert len(max(text.splitlines(), key=len)) > 100  # longer than the code's lines
    for status, output in lint(tmp_path, text):
        assert status == 0, output


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("CALL_CLOSES = CALL_OPEN", "F821"),  # a misspelt name: a real error
        ("CALL_CLOSES = '2032-02-20T18:00", "invalid-syntax"),  # an unclosed quote
    ],
)
def test_a_mistake_in_python_still_fails_lint(tmp_path, line, rule):
    settings = (ROOT / "pelicanconf.py").read_text(encoding="utf-8")
    status, output = lint(tmp_path, with_assignments(settings, {"CALL_CLOSES": line}))[0]
    assert status != 0 and rule in output, output
