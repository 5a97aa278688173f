"""The CI workflows: actionlint-clean, pinned, least privilege, and actionlint does catch errors."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = Path(sys.executable).parent / "actionlint"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}  # v\d+\.\d+\.\d+$")


def _actionlint(folder):
    files = sorted(str(p) for p in (folder / ".github" / "workflows").glob("*.yml"))
    return subprocess.run(
        [str(ACTIONLINT), "-no-color", *files], cwd=folder, capture_output=True, text=True
    )


def _load(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    data["on"] = data.pop(True, data.get("on"))
    return data


@pytest.fixture
def site():
    return _load(ROOT / ".github" / "workflows" / "site.yml")


def test_there_is_a_workflow():
    assert [p.name for p in WORKFLOWS] == ["site.yml"]


def test_actionlint_finds_nothing_in_our_workflows():
    result = _actionlint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("good", "bad", "message"),
    [
        ("runs-on: ubuntu-24.04", "runs_on: ubuntu-24.04", '"runs-on" section is missing'),
        ("github.event_name", "github.event_nam", 'property "event_nam" is not defined'),
        ("needs: build", "needs: bild", 'job "deploy" needs job "bild" which does not exist'),
    ],
)
def test_actionlint_catches_a_broken_workflow(tmp_path, good, bad, message):
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    for workflow in WORKFLOWS:
        text = workflow.read_text(encoding="utf-8")
        assert good in text
        (folder / workflow.name).write_text(text.replace(good, bad, 1), encoding="utf-8")
    result = _actionlint(tmp_path)
    assert result.returncode == 1
    assert message in result.stdout


def test_every_action_is_pinned_to_a_commit_with_its_version():
    for workflow in WORKFLOWS:
        for line in workflow.read_text(encoding="utf-8").splitlines():
            if "uses:" in line:
                reference = line.split("uses:", 1)[1].strip()
                assert PINNED.match(reference), f"{workflow.name}: {line.strip()}"


def test_pull_requests_main_and_a_daily_schedule_run_it(site):
    assert set(site["on"]) >= {"pull_request", "push", "schedule"}
    assert site["on"]["push"]["branches"] == ["main"]
    assert len(site["on"]["schedule"]) == 1
    # minute hour day-of-month month day-of-week: every day.
    assert site["on"]["schedule"][0]["cron"].split()[2:] == ["*", "*", "*"]


def test_permissions_are_the_least_each_job_needs(site):
    assert site["permissions"] == {}
    assert site["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert site["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_build_tests_then_publishes_with_the_runners_chrome(site):
    build = site["jobs"]["build"]
    assert build["env"]["CHROMIUM_PATH"] == "/usr/bin/google-chrome"
    runs = [step.get("run", "") for step in build["steps"]]
    assert runs.index("make test") < next(i for i, r in enumerate(runs) if "make publish" in r)
    uses = [step.get("uses", "").split("@")[0] for step in build["steps"]]
    assert "actions/upload-artifact" in uses
    assert "actions/upload-pages-artifact" in uses


def test_only_main_deploys_and_deployments_never_overlap(site):
    deploy = site["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert "refs/heads/main" in deploy["if"]
    assert "pull_request" in deploy["if"]
    assert deploy["concurrency"]["cancel-in-progress"] is False
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]


def test_make_lint_runs_actionlint():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    lint = makefile.split("\nlint:", 1)[1].split("\n\n", 1)[0]
    assert "actionlint" in lint
    assert shutil.which(str(ACTIONLINT))
