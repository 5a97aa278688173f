"""Build small sites with real Pelican, in-process or in a subprocess, and read what it wrote.

Nothing is built at collection: the real site's builds are session fixtures, made the
first time a test asks for one, once for all the pytest-xdist workers of the session
(the first to ask builds, under a file lock; the others read its output, and build
another one their tests ask for while they wait). The real-site
tests build SITE_ROOT: this project, or the copy that EIG_SITE names
(tests/test_next_call.py), and expect what its content and settings say
(tests/site_content.py).
"""

import contextlib
import fcntl
import gc
import json
import os
import secrets
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pelican_run
import pytest
import site_content
import xdist_groups
from parsed_pages import forget_removed_pages, parse_file

ROOT = Path(__file__).resolve().parent.parent
SITE_ROOT = site_content.SITE_ROOT
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"

# Settings of the fixture sites: the plugins under test, on a small test theme.
FIXTURE_SETTINGS = {
    "SITENAME": "Site de test",
    "SITEURL": "",
    "TIMEZONE": "Europe/Paris",
    "DEFAULT_LANG": "fr",
    "PATH": ".",
    "ARTICLE_PATHS": ["content"],
    "PAGE_PATHS": ["pages"],
    "STATIC_PATHS": [],
    "THEME": str(FIXTURES / "theme"),
    "THEME_STATIC_PATHS": [],
    "IGNORE_FILES": ["**/.*"],
    "PLUGIN_PATHS": [str(ROOT / "plugins")],
    "PLUGINS": ["jekyll_compat", "templated_only"],
    "FEED_ALL_ATOM": None,
    "CATEGORY_FEED_ATOM": None,
    "TRANSLATION_FEED_ATOM": None,
    "AUTHOR_FEED_ATOM": None,
    "AUTHOR_FEED_RSS": None,
    "ARTICLE_TRANSLATION_ID": None,
    "PAGE_TRANSLATION_ID": None,
    "JEKYLL_COMPAT": {
        "includes": "pages/_includes",
        "defaults": [{"scope": {"path": "content/defis"}, "values": {"layout": "post"}}],
    },
}


@pytest.hookimpl(trylast=True)  # after the module's fixtures have removed their folders
def pytest_runtest_teardown(item, nextitem):
    if nextitem is None or nextitem.path != item.path:
        forget_removed_pages()


@dataclass
class Build:
    """What one Pelican run did: its exit status, its log, its output folder."""

    returncode: int
    log: str
    output: Path

    def files(self):
        """Every file written, as paths relative to the output folder."""
        if not self.output.exists():
            return set()
        written = (p for p in self.output.rglob("*") if p.is_file())
        return {p.relative_to(self.output).as_posix() for p in written}

    def html(self, save_as):
        """The page as a browser's parser reads it (parsed once while the file is unchanged)."""
        return parse_file(self.output / save_as)

    def tree(self, save_as):
        """The page as Lexbor (a browser's HTML5 parsing, selectolax) reads it: for tests
        that read a few tags of many pages (parsed once while the file is unchanged)."""
        return parse_file(self.output / save_as, "lexbor")

    def meta(self, save_as, key):
        """A metadata value as the fixture theme prints it."""
        cell = self.html(save_as).select_one(f'dd[data-key="{key}"]')
        return None if cell is None else cell.decode_contents()

    def error_lines(self):
        """The log's lines that name a file, as editors read them."""
        return [line for line in self.log.splitlines() if line and not line.startswith(" ")]


def run_command(command, cwd, env=None):
    """(exit status, stdout and stderr) of `command` run in `cwd`."""
    result = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=300, env=env, check=False
    )
    return result.returncode, result.stdout + result.stderr


def run_pelican(site, settings_file, env=None):
    """Run the pelican command as `make html` does, with a plain log."""
    command = [sys.executable, "-m", "pelican", "--log-handler", "plain", "-s", str(settings_file)]
    return run_command(command, site, env)


def write_files(site, files):
    for rel, text in files.items():
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")


def build_fixture(site, files=None, in_process=True, **overrides):
    """Write `files` under `site` and build it with the fixture settings.

    In this process by default; `in_process=False` runs the pelican command, for tests
    of what the command itself prints or exits with, and of what a plugin imports: here,
    every plugin an earlier test loaded is already in sys.modules.
    """
    write_files(site, files or {})
    settings = {**FIXTURE_SETTINGS, "OUTPUT_PATH": str(site / "output"), **overrides}
    settings_file = site / "test_settings.py"
    settings_file.write_text(
        "".join(f"{key} = {value!r}\n" for key, value in settings.items()), encoding="utf-8"
    )
    if in_process:
        returncode, log = pelican_run.run(settings_file, site)
    else:
        returncode, log = run_pelican(site, settings_file)
    return Build(returncode, log, site / "output")


# The share images drawn by this session's builds of copies of the real site, given to
# the next copies' caches: drawing them is a fifth of a build. Images are named by the
# digest of all they are drawn from (plugins/share_images/cache.py), so a copy that
# changes a title draws that image anew. Set by the session fixture share_images_drawn.
SESSION_IMAGES = None


def share_image_cache(site):
    """The share images' cache folder of a copy of the real site."""
    return site / site_content.settings()["SHARE_IMAGES"]["cache_path"]


def copy_real_site(dest, drawn_images=True, plugins=True):
    """A copy of the site under test (settings, pages, content, theme, plugins); its
    share-image cache holds the images this session drew, unless `drawn_images` is False
    (a test of the cache itself). `plugins=False` leaves plugins/ out of a copy that only
    this process builds: Pelican then imports them from the project's folder, where the
    test process has already imported them (pyproject.toml's pythonpath), as it would
    reuse those modules anyway; a copy built by another process needs them."""
    names = ("content", "pages", "templates", "static", "plugins" if plugins else None)
    ignore = shutil.ignore_patterns("__pycache__")
    for name in filter(None, names):
        if (SITE_ROOT / name).exists():
            shutil.copytree(SITE_ROOT / name, dest / name, ignore=ignore)
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(SITE_ROOT / name, dest / name)
    if drawn_images and SESSION_IMAGES is not None and SESSION_IMAGES.is_dir():
        ignore = shutil.ignore_patterns(".*")  # another worker's file being written
        shutil.copytree(SESSION_IMAGES, share_image_cache(dest), ignore=ignore)
    return dest


def keep_drawn_images(site):
    """Give the session the share images this copy's build drew."""
    cache = share_image_cache(site)
    if SESSION_IMAGES is None or not cache.is_dir():
        return
    SESSION_IMAGES.mkdir(parents=True, exist_ok=True)
    for path in cache.glob("*.png"):
        if not (SESSION_IMAGES / path.name).exists():
            aside = SESSION_IMAGES / f".{path.name}.{secrets.token_hex(4)}"
            shutil.copyfile(path, aside)
            os.replace(aside, SESSION_IMAGES / path.name)  # whole, for another worker


def build_real_site(site, conf="pelicanconf.py", env=None, in_process=True):
    """Build a copy of the real site; `in_process=False` runs the pelican command."""
    if in_process:
        returncode, log = pelican_run.run(site / conf, site, env=env)
    else:
        returncode, log = run_pelican(site, site / conf, env=env)
    if returncode == 0:
        keep_drawn_images(site)
    return Build(returncode, log, site / "output")


def build_real_site_with(dest, settings_lines, env=None):
    """A copy of the real site, built with `settings_lines` added to its pelicanconf.py."""
    site = copy_real_site(dest, plugins=False)
    conf = site / "pelicanconf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + "\n" + settings_lines, encoding="utf-8")
    return build_real_site(site, env=env)


@contextlib.contextmanager
def module_folder(request, name):
    """A new folder for a module-scoped fixture, removed as the fixture ends if no test
    failed meanwhile and tmp_path_retention_policy is "failed" (what pytest does with a
    passing test's tmp_path): each worker removes its own, while the tests run, rather
    than pytest's controller, alone, after the last test."""
    folder = request.getfixturevalue("tmp_path_factory").mktemp(name)
    failed = request.session.testsfailed
    yield folder
    kept = request.config.getini("tmp_path_retention_policy") != "failed"
    if not kept and request.session.testsfailed == failed:
        shutil.rmtree(folder, ignore_errors=True)


# -- editor errors ---------------------------------------------------------------

PAGE = "---\nlayout: page\ntitle: Titre\n---\nCorps.\n"


def page(front, body="Corps.\n"):
    """A content file from its front-matter lines and its body."""
    return f"---\n{front}---\n{body}"


def assert_fails_with(result, *lines):
    """The build stopped with exactly these editor messages, told so, and wrote nothing."""
    assert result.returncode == 1, result.log
    assert "Traceback" not in result.log
    assert "Could not process" not in result.log
    assert result.error_lines()[:-1] == list(lines)
    count = len(lines)
    plural = "s" if count > 1 else ""
    assert result.error_lines()[-1] == (
        f"BuildFailed: site non construit : {count} erreur{plural} dans le contenu, "
        f"détaillée{plural} ci-dessus. Rien n'a été écrit dans le dossier de sortie."
    )
    assert result.files() == set()


# -- fixtures --------------------------------------------------------------------


@pytest.fixture
def build(tmp_path):
    """Build a fixture site from a dict of files: `build({"pages/x.md": "..."})`."""

    def _build(files, **overrides):
        return build_fixture(tmp_path / "site", files, **overrides)

    return _build


@pytest.fixture(scope="session")
def features(tmp_path_factory):
    """The feature fixture site (tests/fixtures/features), built once."""
    site = tmp_path_factory.mktemp("features")
    shutil.copytree(FIXTURES / "features", site, dirs_exist_ok=True)
    result = build_fixture(
        site,
        SITEURL="https://eig.example",
        APPLICATION_FORM_URL="https://form.example/apply",
        JEKYLL_SITE={"motto": "Servir l'intérêt général"},
    )
    assert result.returncode == 0, result.log
    return result


# Build moments in each state of the call, from CALL_OPENS and CALL_CLOSES.
CALL_MOMENTS = site_content.call_moments()


def at_moment(state):
    """The environment of a build made at CALL_MOMENTS[state]."""
    return {**os.environ, "SOURCE_DATE_EPOCH": str(int(CALL_MOMENTS[state].timestamp()))}


def another_time_zone():
    """A time zone other than this process's, for a second build to compare with a session's."""
    return "America/Cayenne" if os.environ.get("TZ") != "America/Cayenne" else "Asia/Tokyo"


def session_folder(tmp_path_factory):
    """A folder all the workers of this test session share (pytest-xdist's recipe)."""
    basetemp = tmp_path_factory.getbasetemp()
    # A pytest started by a worker's test inherits its PYTEST_XDIST_WORKER: only the
    # worker's own basetemp (popen-gwN) has the session's folder as its parent.
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    return basetemp.parent if worker and basetemp.name == f"popen-{worker}" else basetemp


def locked(lock, wait):
    """Whether this process now holds `lock` (an open file), waiting for it if `wait`."""
    try:
        fcntl.flock(lock, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


@pytest.fixture(scope="session", autouse=True)
def share_images_drawn(tmp_path_factory):
    """Where the session keeps the share images its builds drew (SESSION_IMAGES)."""
    global SESSION_IMAGES
    SESSION_IMAGES = session_folder(tmp_path_factory) / "share-images-drawn"
    yield SESSION_IMAGES
    SESSION_IMAGES = None


# Collections of the youngest objects every 7,000 allocations, not 700: the builds and
# parsed pages allocate millions, and each pass promotes survivors towards the full
# collections that walk the whole heap (13 a worker in make check, 4-5 s of its time).
GC_THRESHOLDS = (7000, 10, 10)


def tune_garbage_collector():
    """What is alive once the tests are collected (modules, tests, fixtures) lives to the
    end: frozen, no collection walks it again. Then rarer young collections."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """The process is ending: freeze what it holds too, so that the collections Python
    makes as it exits walk none of it (a worker's end 1.5 s -> 0.6 s in make check)."""
    gc.freeze()


# The session's builds of the real site, by fixture: folder, settings file, moment of the call.
REAL_BUILDS = {
    "real_site": ("real-open", "pelicanconf.py", "open"),
    "upcoming_site": ("real-upcoming", "pelicanconf.py", "upcoming"),
    "closed_site": ("real-closed", "pelicanconf.py", "closed"),
    "published_site": ("published", "publishconf.py", "open"),
}
# Those this worker's tests ask for (set once they are collected).
WANTED_BUILDS = pytest.StashKey[frozenset]()


def pytest_collection_finish(session):
    """Note which session builds the collected tests ask for; set the garbage collector
    for a long run (tune_garbage_collector)."""
    tune_garbage_collector()
    wanted = set()
    for item in session.items:
        if not isinstance(item, pytest.Function):  # a doctest asks for no fixture
            continue
        names = set(item.fixturenames)
        callspec = getattr(item, "callspec", None)  # a build chosen by a parameter's value
        if callspec is not None:
            names |= {value for value in callspec.params.values() if isinstance(value, str)}
        wanted |= names & REAL_BUILDS.keys()
    session.config.stash[WANTED_BUILDS] = frozenset(wanted)


def build_once(base, fixture, wait=True):
    """Build the session's copy for `fixture` under `base` unless it is built; False, when
    not `wait`, if another worker is building it."""
    name, conf, moment = REAL_BUILDS[fixture]
    folder = base / name
    with open(f"{folder}.lock", "a") as lock:
        if not locked(lock, wait):
            return False
        try:
            made = folder / "build.json"
            if not made.exists():
                env = at_moment(moment)
                if conf == "publishconf.py":
                    env.pop("SITEURL", None)  # publishconf.py's own, not one from the shell
                site = copy_real_site(folder / "site", plugins=False)
                result = build_real_site(site, conf=conf, env=env)
                made.write_text(json.dumps([result.returncode, result.log]), encoding="utf-8")
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return True


def built_once(request, fixture):
    """The copy of the real site for `fixture`, built once for the whole session: while
    another worker builds it, this one builds another that the session will ask for."""
    base = session_folder(request.getfixturevalue("tmp_path_factory"))
    wanted = request.config.stash.get(WANTED_BUILDS, frozenset()) - {fixture}
    while not build_once(base, fixture, wait=False):
        others = [
            f for f in sorted(wanted) if not (base / REAL_BUILDS[f][0] / "build.json").exists()
        ]
        if not any(build_once(base, other, wait=False) for other in others):
            build_once(base, fixture)  # nothing else to build meanwhile: wait for it
            break
    folder = base / REAL_BUILDS[fixture][0]
    returncode, log = json.loads((folder / "build.json").read_text(encoding="utf-8"))
    result = Build(returncode, log, folder / "site" / "output")
    assert result.returncode == 0, result.log
    return result


@pytest.fixture(scope="session")
def real_site(request):
    """The project's own site with pelicanconf.py, built once while the call is open."""
    return built_once(request, "real_site")


@pytest.fixture(scope="session")
def upcoming_site(request):
    """The project's own site, built the minute before the call opens."""
    return built_once(request, "upcoming_site")


@pytest.fixture(scope="session")
def closed_site(request):
    """The project's own site, built the minute after the call closes."""
    return built_once(request, "closed_site")


@pytest.fixture(scope="session")
def published_site(request):
    """The project's own site with publishconf.py (absolute URLs), while the call is open."""
    return built_once(request, "published_site")


# -- content schema and strict build -----------------------------------------------

STRICT_PLUGINS = [*FIXTURE_SETTINGS["PLUGINS"], "content_schema", "strict_content"]


@pytest.fixture
def strict_build(tmp_path):
    """Like `build`, with the content schema and the strict checks on."""

    def _build(files, **overrides):
        return build_fixture(tmp_path / "site", files, **{"PLUGINS": STRICT_PLUGINS, **overrides})

    return _build


# -- the project's commands ------------------------------------------------------


def copy_real_project(dest):
    """A copy of the real site and of what `make` needs to build and serve it."""
    site = copy_real_site(dest)
    # copy2 keeps the dates: a newer requirements.txt would make `make` reinstall the venv.
    for name in ("Makefile", "requirements.txt", "package.json", "package-lock.json"):
        shutil.copy2(SITE_ROOT / name, site / name)
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(SITE_ROOT / "scripts", site / "scripts", ignore=ignore)
    return site


def run_make(site, *args, env=None):
    """`make <args>` in `site`, with this test run's virtual environment, never installed
    again: its mark (the Makefile's INSTALLED) counts as up to date, whatever the dates of
    the copy's requirements.txt, or `make` would reinstall the project's environment from
    the copy (its pelican-jekyll then pointing into a temporary folder)."""
    kept = [f"--old-file={mark}" for mark in Path(sys.prefix).glob(".installed-*")]
    return run_command(["make", *kept, *args, f"VENV={sys.prefix}"], site, env)


def tree(folder):
    """Every file under `folder` and its bytes, by relative path."""
    folder = Path(folder)
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


# -- markers -----------------------------------------------------------------------

# Fixtures that drive a browser or nginx, in modules where other tests need neither.
BROWSER_FIXTURES = {"cms", "visits"}
NGINX_FIXTURES = {"server"}


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook: absent under `-p no:xdist`
def pytest_xdist_make_scheduler(config, log):
    """`--dist loadgroup`: the tests that share a costly fixture run in one worker."""
    if config.getvalue("dist") == "loadgroup":
        return xdist_groups.GroupScheduling(config, log)
    return None


def pytest_collection_modifyitems(config, items):
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if names & NGINX_FIXTURES:
            item.add_marker(pytest.mark.nginx)
