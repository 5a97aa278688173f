"""Each plugin alone builds with its work done, or stops at start naming what it needs;
a plugin Pelican cannot load or register stops the build."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import module_folder

# Each runs Pelican in a fresh interpreter (nothing imported before the plugin).
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
PLUGINS = ROOT / "plugins"
RUN_PELICAN = ROOT / "scripts" / "run_pelican.py"
BUILD = ROOT / "scripts" / "build.py"


def _is_plugin(folder):
    """A folder of plugins/ whose package or plugin module defines register()."""
    sources = [folder / "__init__.py", folder / "plugin.py"]
    return any(p.is_file() and "def register" in p.read_text(encoding="utf-8") for p in sources)


OUR_PLUGINS = sorted(p.name for p in PLUGINS.iterdir() if _is_plugin(p))
# Plugins of the installed port (plugins/pelican-jekyll), loaded by their module's name.
PACKAGE_PLUGINS = ["pelican_jekyll.markdown"]

THEME = {
    "templates/index.html": "<title>{{ SITENAME }}</title>",
    "templates/page.html": (
        '{% if CSP is defined %}<meta content="{{ CSP.meta }}">{% endif %}{{ page.content }}'
    ),
    "templates/article.html": "{{ article.content }}",
    "templates/competence.html": "{{ skill.name }}",
}
PAGE = "---\ntitle: Accueil\nlayout: page\n---\nTexte.\n"
SETTINGS = {
    "PATH": ".",
    "PAGE_PATHS": ["pages"],
    "ARTICLE_PATHS": ["articles"],
    "STATIC_PATHS": ["static"],
    "THEME": "theme",
    "PLUGIN_PATHS": [str(PLUGINS)],
    "TIMEZONE": "Europe/Paris",
    "DIRECT_TEMPLATES": ["index"],
    "FEED_ALL_ATOM": None,
    "CATEGORY_FEED_ATOM": None,
    "APPLICATION_FORM_URL": "https://form.example/",
    "CALL_OPENS": "2020-01-01T00:00",
    "CALL_CLOSES": "2020-02-01T00:00",
}
# What each plugin that works alone does to the built site: (files added, settings, check).
WORKS_ALONE = {
    "jekyll_compat": ({}, {}, lambda out: (out / "a" / "index.html").is_file()),
    "templated_only": (
        {},
        {"DIRECT_TEMPLATES": ["index", "tags", "archives"]},
        lambda out: (out / "index.html").is_file() and not (out / "tags.html").exists(),
    ),
    "application_call": ({}, {}, lambda out: (out / "calendrier.ics").is_file()),
    "strict_templates": ({}, {}, lambda out: (out / "index.html").is_file()),
    "setting_urls": ({}, {}, lambda out: (out / "index.html").is_file()),
    "pelican_jekyll.markdown": (
        {"pages/b.md": 'Title: Citation\n\nIl dit "oui"...\n'},
        {},
        lambda out: "Il dit “oui”…" in (out / "pages/citation.html").read_text(),
    ),
    "security_policy": (
        {},
        {},
        lambda out: "default-src 'self'" in (out / "pages/accueil.html").read_text(),
    ),
    "page_summary": (
        {
            "theme/templates/page.html": (
                '<p id="menu"></p>{% set s = page | page_summary %}'
                '{{ s.entries | map("first") | join }}'
            ),
            "pages/b.md": 'Title: Sections\n\n<h2 id="menu">Menu</h2>\n',
        },
        {"PAGE_SUMMARY": {"min_headings": 1}},
        lambda out: (out / "pages/sections.html").read_text() == '<p id="menu"></p>menu-1',
    ),
    "asset_fingerprints": (
        {"static/x.css": "body { color: red }\n"},
        {},
        lambda out: len(list((out / "static").glob("x.*.css"))) == 1,
    ),
    "share_images": (
        {},
        {
            "SHARE_IMAGES": {
                f"{k}_font": str(ROOT / f"static/dsfr/fonts/Marianne-{w}.woff2")
                for k, w in (("title", "Bold"), ("text", "Medium"))
            }
        },
        lambda out: len(list((out / "static" / "partage").glob("site.*.png"))) == 1,
    ),
}
# Plugins that need another: each stops at start, naming every plugin it lacks.
NEEDS = {
    "content_schema": ["jekyll_compat"],
    # It tells an administration or place that would have no page among the editors' errors.
    "challenge_index": ["jekyll_compat"],
    "open_data": ["challenge_index", "content_schema"],
    "challenge_feed": ["strict_content", "challenge_index", "application_call"],
    "strict_content": ["jekyll_compat"],
    "deploy_rules": ["security_policy"],
    "decap_admin": ["asset_fingerprints", "security_policy"],
    "sitemap_lastmod": ["application_call", "sitemap"],
    "job_postings": ["application_call"],
    "translations": ["jekyll_compat", "challenge_index", "sitemap"],
}


def make_site(tmp_path, plugins, files=None, **settings):
    for rel, text in {**{f"theme/{k}": v for k, v in THEME.items()}, "pages/a.md": PAGE}.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    for rel, text in (files or {}).items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    (tmp_path / "articles").mkdir(exist_ok=True)
    (tmp_path / "static").mkdir(exist_ok=True)
    values = {**SETTINGS, "PLUGINS": plugins, "OUTPUT_PATH": "out", **settings}
    conf = tmp_path / "conf.py"
    conf.write_text("".join(f"{k} = {v!r}\n" for k, v in values.items()), encoding="utf-8")
    return conf


def run(command, cwd):
    """(exit status, log) of a fresh interpreter: nothing else is imported before the plugin."""
    result = subprocess.run(
        [sys.executable, *map(str, command)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return result.returncode, result.stdout + result.stderr


def pelican(tmp_path, conf):
    return run([RUN_PELICAN, "--log-handler", "plain", "-s", conf], tmp_path)


def test_every_plugin_is_either_working_alone_or_needing_others():
    # A new plugin must be added to one of the two tables, so the tests below cover it.
    assert sorted([*WORKS_ALONE, *NEEDS]) == sorted([*OUR_PLUGINS, *PACKAGE_PLUGINS])


@pytest.mark.parametrize("plugin", sorted(WORKS_ALONE))
def test_a_plugin_alone_builds_and_does_its_work(tmp_path, plugin):
    files, settings, works = WORKS_ALONE[plugin]
    status, log = pelican(tmp_path, make_site(tmp_path, [plugin], files, **settings))
    assert status == 0, log
    assert "Cannot" not in log, log
    assert works(tmp_path / "out"), log


@pytest.mark.parametrize("plugin", sorted(NEEDS))
def test_a_plugin_alone_stops_at_start_naming_what_it_needs(tmp_path, plugin):
    status, log = pelican(tmp_path, make_site(tmp_path, [plugin]))
    assert status == 1, log
    assert "Traceback" not in log
    for needed in NEEDS[plugin]:
        assert (
            f"{plugin}: ce greffon a besoin du greffon {needed} : ajoutez « {needed} » "
            "à PLUGINS dans pelicanconf.py"
        ) in log
    assert not (tmp_path / "out").exists()  # stopped before anything is read or written


def test_a_plugin_listed_after_one_it_builds_on_is_named(tmp_path):
    plugins = ["asset_fingerprints", "decap_admin", "security_policy"]
    status, log = pelican(tmp_path, make_site(tmp_path, plugins))
    assert status == 1
    assert "decap_admin: le greffon security_policy doit être listé avant lui dans PLUGINS" in log


def test_every_problem_at_start_is_listed_together(tmp_path):
    conf = make_site(
        tmp_path,
        ["application_call", "deploy_rules"],
        CALL_OPENS="hier",
        DEPLOY_RULES={"brotli": "oui"},
    )
    status, log = pelican(tmp_path, conf)
    assert status == 1
    assert "Traceback" not in log
    assert "SettingsError: 3 réglages à corriger :" in log
    assert "  application_call: CALL_OPENS = 'hier' n'est pas une date" in log
    assert "  deploy_rules: ce greffon a besoin du greffon security_policy" in log
    assert '  deploy_rules: DEPLOY_RULES["brotli"] doit valoir True ou False' in log


# In one fresh interpreter, each plugin loaded as Pelican loads it (PLUGIN_PATHS searched,
# never put on sys.path), after every module of plugins/ is forgotten: no plugin finds
# another already imported.
IMPORT_EACH = """
import importlib.machinery, importlib.util, json, sys
folder, names = sys.argv[1], sys.argv[2:]
results = {}
for name in names:
    files = {m: getattr(v, "__file__", None) or "" for m, v in sys.modules.items()}
    for module in [m for m, file in files.items() if file.startswith(folder)]:
        del sys.modules[module]
    sys.path[:] = [p for p in sys.path if p != folder]
    try:
        spec = importlib.machinery.PathFinder.find_spec(name, [folder])
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        module.register()
        results[name] = "registered"
    except Exception as err:
        results[name] = f"{type(err).__name__}: {err}"
print(json.dumps(results))
"""


@pytest.fixture(scope="module")
def imported_alone(request):
    with module_folder(request, "imports") as folder:
        status, log = run(["-c", IMPORT_EACH, str(PLUGINS), *OUR_PLUGINS], folder)
    assert status == 0, log
    return json.loads(log.strip().splitlines()[-1])


@pytest.mark.parametrize("plugin", OUR_PLUGINS)
def test_a_plugin_imports_and_registers_on_its_own_as_pelican_loads_it(imported_alone, plugin):
    assert imported_alone[plugin] == "registered"


def test_a_plugin_that_cannot_be_found_stops_the_build(tmp_path):
    conf = make_site(tmp_path, ["jekyll_compat", "strict_contnet"])
    status, log = run([BUILD, "-s", conf], tmp_path)
    assert status == 1
    assert "Traceback" not in log
    assert "PluginLoadFailed: PLUGINS : un greffon n'a pas pu être chargé ou enregistré" in log
    assert "Cannot load plugin `strict_contnet` — Cannot import plugin `strict_contnet`" in log
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (
            "import no_such_module\n\ndef register():\n    pass\n",
            "No module named 'no_such_module'",
        ),
        ("def register():\n    raise RuntimeError('boum')\n", "RuntimeError: boum"),
    ],
)
def test_a_plugin_that_fails_to_import_or_register_stops_the_build_with_the_reason(
    tmp_path, code, reason
):
    (tmp_path / "own" / "broken").mkdir(parents=True)
    (tmp_path / "own" / "broken" / "__init__.py").write_text(code, encoding="utf-8")
    conf = make_site(tmp_path, ["broken"], PLUGIN_PATHS=[str(tmp_path / "own")])
    status, log = run([BUILD, "-s", conf], tmp_path)
    assert status == 1
    assert "PluginLoadFailed" in log
    assert "`broken`" in log
    assert reason in log
    assert not (tmp_path / "out").exists()


def test_the_kept_build_process_of_make_serve_stops_on_a_plugin_it_cannot_load(tmp_path):
    conf = make_site(tmp_path, ["strict_contnet"])
    code = (
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT / 'scripts')!r})\n"
        "from build_worker import BuildWorker\n"
        f"worker = BuildWorker({str(conf)!r})\n"
        "print('status', worker.build())\n"
        "worker.stop()\n"
    )
    status, log = run(["-c", code], tmp_path)
    assert status == 0, log
    assert "status 1" in log
    assert "Cannot load plugin `strict_contnet`" in log
