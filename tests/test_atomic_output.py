"""`make html` replaces output/ whole, and only with a build that fully succeeded."""

import os
import shutil
import signal
import subprocess
import sys

import build
import pytest
import site_content
from conftest import FIXTURES, copy_real_project, module_folder, run_make, tree
from serving import wait_until

pytestmark = pytest.mark.slow

CHALLENGE = site_content.challenges()[0]  # any challenge of the content


@pytest.fixture(scope="module")
def built(request):
    """A copy of the project, built once with `make html`: the tests only read it."""
    with module_folder(request, "built") as folder:
        site = copy_real_project(folder / "site")
        returncode, log = run_make(site, "html")
        assert returncode == 0, log
        yield site


@pytest.fixture
def site(built, tmp_path):
    """A copy of that built project, output/ and hidden files with their dates, to change."""
    return shutil.copytree(built, tmp_path / "site", symlinks=True)


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def leftovers(site):
    return sorted(p.name for p in site.glob(".output-*"))


def test_a_content_error_leaves_output_as_the_last_good_build(site):
    before = tree(site / "output")
    edit(site / "pages/cgu.md", "Conditions", "Texte ajouté. Conditions")
    edit(site / CHALLENGE.source, "title: ", 'title: "')  # an unclosed quote
    returncode, log = run_make(site, "html")
    assert returncode != 0
    assert any(
        line.startswith(f"{CHALLENGE.source}:") and "l'en-tête YAML est invalide" in line
        for line in log.splitlines()
    ), log
    assert "Traceback" not in log
    assert tree(site / "output") == before
    assert leftovers(site) == []


def test_a_build_failing_while_writing_leaves_output_as_the_last_good_build(site):
    # Challenges are written before pages: the changed challenge page would be on
    # disk by the time the page template fails, were output/ written in place.
    before = tree(site / "output")
    source = site / CHALLENGE.source
    source.write_text(source.read_text(encoding="utf-8") + "\nUne phrase ajoutée.\n")
    edit(site / "templates/page.html", "{% block title %}", "{% block title %}{{ NO_SUCH }}")
    returncode, log = run_make(site, "html")
    assert returncode != 0
    assert "'NO_SUCH' is undefined" in log
    assert tree(site / "output") == before
    assert leftovers(site) == []


def test_a_failed_build_exits_and_speaks_as_pelican_does(site):
    edit(site / "pages/cgu.md", "layout: page", "layout: inconnue")
    direct = subprocess.run(
        [sys.executable, "-m", "pelican", "--log-handler", "plain", "-s", "pelicanconf.py"],
        cwd=site,
        capture_output=True,
        text=True,
        check=False,
    )
    through = subprocess.run(
        [sys.executable, "scripts/build.py", "-s", "pelicanconf.py"],
        cwd=site,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (through.returncode, through.stdout, through.stderr) == (
        direct.returncode,
        direct.stdout,
        direct.stderr,
    )
    assert through.returncode == 1
    assert "pages/cgu.md:2: la mise en page « inconnue » est inconnue" in through.stderr


def test_a_build_killed_half_way_leaves_output_and_the_next_build_cleans_up(site):
    before = tree(site / "output")
    conf = site / "pelicanconf.py"
    good_conf = conf.read_text(encoding="utf-8")
    conf.write_text(
        good_conf
        + f"\nPLUGIN_PATHS = [*PLUGIN_PATHS, {str(FIXTURES / 'plugins')!r}]"
        + "\nPLUGINS = [*PLUGINS, 'hang_after_first_page']\n",
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [sys.executable, "scripts/build.py", "-s", "pelicanconf.py"],
        cwd=site,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        written = wait_until(lambda: [p for p in site.glob(".output-build-*/**/*") if p.is_file()])
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    assert written, "the build never wrote its first page"
    assert tree(site / "output") == before
    assert leftovers(site) != []

    conf.write_text(good_conf, encoding="utf-8")
    returncode, log = run_make(site, "html")
    assert returncode == 0, log
    assert leftovers(site) == []


def test_a_renamed_page_leaves_no_stale_file(site):
    old = site / "output" / CHALLENGE.save_as
    assert old.is_file()
    source = site / CHALLENGE.source
    source.rename(source.with_name(source.name.replace(CHALLENGE.slug, "nouveau-nom")))
    returncode, log = run_make(site, "html")
    assert returncode == 0, log
    assert (site / "output/defis/nouveau-nom/index.html").is_file()
    assert not old.parent.exists()


def test_output_stays_a_plain_folder_with_the_usual_rights(built):
    output = built / "output"
    assert output.is_dir()
    assert not output.is_symlink()
    umask = os.umask(0)
    os.umask(umask)
    assert output.stat().st_mode & 0o777 == 0o777 & ~umask


# -- where the system cannot exchange two folders ----------------------------------


@pytest.fixture
def no_exchange(monkeypatch):
    monkeypatch.setattr(build, "_exchange", lambda a, b: False)


def test_without_exchange_two_renames_replace_output(tmp_path, no_exchange):
    folder = build.OutputFolder(tmp_path / "output")
    (tmp_path / "output").mkdir()
    (tmp_path / "output/old.html").write_text("ancien")
    new = folder.new_build()
    (new / "new.html").write_text("nouveau")
    folder.replace_with(new)
    assert tree(tmp_path / "output") == {"new.html": b"nouveau"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_a_build_killed_between_the_two_renames_gets_output_back(tmp_path):
    folder = build.OutputFolder(tmp_path / "output")
    folder.previous.mkdir()
    (folder.previous / "index.html").write_text("dernier bon")
    folder.tidy()
    assert tree(tmp_path / "output") == {"index.html": b"dernier bon"}
    assert not folder.previous.exists()
