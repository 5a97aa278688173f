"""What `make defi` leaves to fill in: `make html` warns, `make publish` refuses, naming lines."""

import io
import subprocess
import sys

import placeholders
import pytest
import site_content
import yaml
from conftest import ROOT, copy_real_project, run_make, tree

TOLD = "« À compléter » est encore là, laissé par `make defi` — remplacez-le par le vrai texte"
CHALLENGE = (
    "---\n"
    "# À compléter : a comment, which no reader sees\n"
    "title: Mon défi\n"
    "administration: 'À compléter (exemple : Ministère)'\n"
    "---\n"
    "## Le problème\n\nÀ compléter.\n"
)


def fixture_site(tmp_path, refuse):
    (tmp_path / "content/defis").mkdir(parents=True)
    (tmp_path / "pages").mkdir()
    (tmp_path / "content/defis/2030-01-01-mon-defi.md").write_text(CHALLENGE, encoding="utf-8")
    (tmp_path / "pages/faite.md").write_text("---\ntitle: Faite\n---\nComplète.\n", "utf-8")
    conf = tmp_path / "conf.py"
    conf.write_text(
        f'PATH = "."\nARTICLE_PATHS = ["content"]\nPAGE_PATHS = ["pages"]\n'
        f"REFUSE_PLACEHOLDERS = {refuse}\n",
        encoding="utf-8",
    )
    return conf


def test_every_placeholder_is_found_with_its_line_but_not_in_comments(tmp_path):
    fixture_site(tmp_path, refuse=False)
    found = placeholders.find(tmp_path, ["content", "pages"])
    assert [str(p) for p in found] == [
        f"content/defis/2030-01-01-mon-defi.md:4: {TOLD}",
        f"content/defis/2030-01-01-mon-defi.md:8: {TOLD}",
    ]


def test_the_preview_settings_only_warn(tmp_path):
    out = io.StringIO()
    assert placeholders.report(fixture_site(tmp_path, refuse=False), out=out) is False
    assert out.getvalue().splitlines() == [
        f"attention : content/defis/2030-01-01-mon-defi.md:4: {TOLD}",
        f"attention : content/defis/2030-01-01-mon-defi.md:8: {TOLD}",
        "attention : 2 textes à compléter : `make publish` refusera de publier le site "
        "tant qu'il en reste.",
    ]


def test_the_publishing_settings_refuse(tmp_path):
    out = io.StringIO()
    assert placeholders.report(fixture_site(tmp_path, refuse=True), out=out) is True
    assert out.getvalue().splitlines()[-1] == (
        "publication refusée : 2 textes à compléter, détaillés ci-dessus. "
        "Rien n'a été écrit dans le dossier de sortie."
    )


def test_a_complete_site_says_nothing(tmp_path):
    conf = fixture_site(tmp_path, refuse=True)
    (tmp_path / "content/defis/2030-01-01-mon-defi.md").unlink()
    out = io.StringIO()
    assert placeholders.report(conf, out=out) is False
    assert out.getvalue() == ""


def test_only_publishing_refuses_and_the_site_has_no_placeholder_today():
    assert not site_content.settings()[placeholders.SETTING]
    assert site_content.settings("publishconf.py")[placeholders.SETTING] is True
    conf = site_content.settings()
    assert placeholders.find(conf["PATH"], placeholders.content_folders(conf)) == []


def test_the_deploy_job_publishes_what_make_publish_built():
    workflow = yaml.safe_load((ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    runs = [step.get("run", "") for step in steps]
    uses = [step.get("uses", "") for step in steps]
    publish = next(i for i, run in enumerate(runs) if "make publish" in run)
    pages = next(i for i, use in enumerate(uses) if "upload-pages-artifact" in use)
    assert publish < pages
    assert workflow["jobs"]["deploy"]["needs"] == "build"


@pytest.mark.slow
def test_make_publish_refuses_a_new_challenge_left_as_make_defi_wrote_it(tmp_path):
    site = copy_real_project(tmp_path / "site")
    returncode, log = run_make(site, "defi", "SLUG=mon-defi", "TITLE=Mon défi", "DATE=2030-01-01")
    assert returncode == 0, log
    new = "content/defis/2030-01-01-mon-defi.md"
    lines = (site / new).read_text(encoding="utf-8").splitlines()
    marked = [n for n, line in enumerate(lines, 1) if "À compléter" in line and line[0] != "#"]

    def build(conf):
        command = [sys.executable, "scripts/build.py", "-s", conf]
        result = subprocess.run(command, cwd=site, capture_output=True, text=True, check=False)
        return result.returncode, result.stdout + result.stderr

    # make html: a warning per line, and the site is built.
    returncode, log = build("pelicanconf.py")
    assert returncode == 0, log
    assert [f"attention : {new}:{n}: {TOLD}" for n in marked] == [
        line for line in log.splitlines() if line.startswith(f"attention : {new}")
    ]
    assert (site / "output/defis/mon-defi/index.html").is_file()
    before = tree(site / "output")
    # make publish: refused, each line named, and output/ as it was.
    returncode, log = build("publishconf.py")
    assert returncode == 1
    assert [f"{new}:{n}: {TOLD}" for n in marked] == [
        line for line in log.splitlines() if line.startswith(new)
    ]
    assert "publication refusée" in log
    assert "Traceback" not in log
    assert tree(site / "output") == before
