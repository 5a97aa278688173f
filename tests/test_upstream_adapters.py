"""Each internal of upstream we use (plugins/eig_common/upstream.py) still behaves as we use it.

One test per touch: the day Pelican, pelican-sitemap or python-liquid changes it, its
test fails here, naming the adapter to rewrite (docs/architecture/adaptateurs.md).
"""

import ast
import json
import logging
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

from eig_common import upstream
from liquid import Environment
from liquid import parser as liquid_parser
from pelican.contents import Page, Static
from pelican.log import LimitFilter
from pelican.readers import find_empty_alt
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import memoized

ROOT = Path(__file__).resolve().parent.parent


def settings(tmp_path):
    return {**DEFAULT_CONFIG, "PATH": str(tmp_path), "SITEURL": ""}


class Records(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(record)


def test_pelican_logs_a_file_it_skips_as_could_not_process(tmp_path):
    """jekyll_compat turns that record into an error naming the file: the build fails."""
    (tmp_path / "pages").mkdir()
    bad = '<html><head><title>T</title><meta name="date" content="jamais"></head></html>'
    (tmp_path / "pages" / "x.html").write_text(bad, encoding="utf-8")
    (tmp_path / "conf.py").write_text(
        'PATH = "."\nPAGE_PATHS = ["pages"]\nARTICLE_PATHS = []\nPLUGINS = []\n'
        'TIMEZONE = "UTC"\nFEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\n',
        encoding="utf-8",
    )
    code = (
        "import json, logging, sys\n"
        "from eig_common import upstream\n"
        "from pelican import Pelican\n"
        "from pelican.settings import read_settings\n"
        "found = []\n"
        "class Watch(logging.Handler):\n"
        "    def emit(self, record):\n"
        "        found.append(upstream.unprocessed_file(record))\n"
        "logging.getLogger().addHandler(Watch())\n"
        "Pelican(read_settings('conf.py', override={'OUTPUT_PATH': 'out'})).run()\n"
        "print(json.dumps([f for f in found if f]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"PYTHONPATH": upstream.__file__.rsplit("/eig_common/", 1)[0]},
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == ["pages/x.html"]


def test_pelican_warns_of_an_empty_alt_in_these_words():
    """strict_content tells it itself, with the line: Pelican's own warning is dropped."""
    handler = Records()
    logger = logging.getLogger("pelican.readers")
    logger.addHandler(handler)
    try:
        find_empty_alt('<p><img src="a.png" alt=""></p>', "pages/x.md")
    finally:
        logger.removeHandler(handler)
    assert [upstream.is_empty_alt_warning(r) for r in handler.records] == [True]
    assert [upstream.is_told_better_warning(r) for r in handler.records] == [True]


def test_pelican_warns_of_a_dead_filename_link_in_these_words(tmp_path):
    """strict_content tells a dead {filename} link with its line, Pelican without."""
    handler = Records()
    logger = logging.getLogger("pelican.contents")
    logger.addHandler(handler)
    try:
        page = Page(
            '<p><a href="{filename}nulle-part.md">x</a></p>',
            {"title": "T"},
            settings(tmp_path),
            str(tmp_path / "a.md"),
            {"generated_content": {}, "static_content": {}},
        )
        page.get_content("")
    finally:
        logger.removeHandler(handler)
    assert [upstream.is_told_better_warning(r) for r in handler.records] == [True]


def test_a_renamed_static_file_is_written_and_linked_under_its_new_name(tmp_path):
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "a.css").write_text("", encoding="utf-8")
    static = Static("", {}, settings(tmp_path), str(tmp_path / "static" / "a.css"), {})
    assert static.save_as == "static/a.css"
    upstream.rename_static(static, "static/a.0123456789ab.css")
    assert (static.save_as, static.url) == ("static/a.0123456789ab.css",) * 2


def test_pelican_tells_a_repeated_warning_once_until_we_forget_it(monkeypatch):
    # Pelican's own default (in-process test builds lower it, through pelican.log.init).
    monkeypatch.setattr(LimitFilter, "LOGS_DEDUP_MIN_LEVEL", logging.WARNING)
    handler = Records()
    logger = logging.getLogger("pelican.test_upstream_adapters")
    logger.addHandler(handler)
    try:
        for _ in range(2):
            logger.warning("le même avertissement")
        assert len(handler.records) == 1  # the behaviour the kept build process undoes
        upstream.forget_logged_warnings()
        logger.warning("le même avertissement")
    finally:
        logger.removeHandler(handler)
    assert len(handler.records) == 2


def test_pelicans_memoized_content_methods_keep_each_page_until_we_forget_them(tmp_path):
    methods = upstream.memoized_content_methods()
    assert methods and all(isinstance(m, memoized) for m in methods)
    page = Page("<p>x</p>", {"title": "T"}, settings(tmp_path), str(tmp_path / "a.md"), {})
    page.get_content("")
    assert any(m.cache for m in methods)
    upstream.forget_memoized_contents()
    assert not any(m.cache for m in methods)


def test_pelican_sitemap_dates_undated_pages_with_the_moment_we_give(tmp_path, monkeypatch):
    from pelican.plugins.sitemap import sitemap

    monkeypatch.setattr(sitemap.generator, "now", sitemap.generator.now)  # restored after
    upstream.forget_sitemap_run()  # a failed test build before this one may have left its own
    pelican = SimpleNamespace(settings={"SITEURL": "", "SITEMAP": {}}, output_path=str(tmp_path))
    sitemap.generator.init(pelican)
    undated = SimpleNamespace(url="a/", status="published")
    sitemap.generator.queue_page(str(tmp_path / "a" / "index.html"), {"page": undated})
    upstream.set_sitemap_undated_lastmod(datetime(2001, 2, 3, 4, 5, tzinfo=UTC))
    sitemap.generator.finalize(pelican)
    assert "<lastmod>2001-02-03T04:05:00+00:00</lastmod>" in (tmp_path / "sitemap.xml").read_text()


def test_pelican_sitemap_keeps_a_failed_build_until_we_forget_it(tmp_path):
    from pelican.plugins.sitemap import sitemap

    failed = SimpleNamespace(settings={"SITEURL": "", "SITEMAP": {}}, output_path=str(tmp_path))
    sitemap.generator.init(failed)  # then no `finalized`: the build stopped
    sitemap.generator.queue_page(str(tmp_path / "vieux" / "index.html"), {})
    upstream.forget_sitemap_run()
    (tmp_path / "neuf").mkdir()
    pelican = SimpleNamespace(
        settings={"SITEURL": "", "SITEMAP": {}}, output_path=str(tmp_path / "neuf")
    )
    sitemap.generator.init(pelican)
    sitemap.generator.queue_page(str(tmp_path / "neuf" / "a" / "index.html"), {})
    sitemap.generator.finalize(pelican)
    written = (tmp_path / "neuf" / "sitemap.xml").read_text()
    assert "/a/" in written
    assert "vieux" not in written


def test_liquid_keeps_a_parser_per_environment_until_we_forget_them():
    Environment().from_string("{{ x }}")
    assert liquid_parser.get_parser.cache_info().currsize > 0
    upstream.forget_liquid_parsers()
    assert liquid_parser.get_parser.cache_info().currsize == 0


# namedtuple's documented API, despite its underscore.
PUBLIC_UNDERSCORED = {"_replace", "_asdict", "_fields"}


def _own_private_names(tree):
    """The private names a file defines itself: its methods, and attributes it assigns."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                for leaf in ast.walk(target):
                    if isinstance(leaf, ast.Attribute):
                        names.add(leaf.attr)
                    elif isinstance(leaf, ast.Name):
                        names.add(leaf.id)
    return names


def private_uses(path):
    """(line, name) of each private attribute of another package that a Python file uses:
    on another object, or inherited (on `self`, but never defined in the file)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own = _own_private_names(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            name = node.attr
            owner = node.value.id if isinstance(node.value, ast.Name) else None
            private = name.startswith("_") and not name.startswith("__")
            if owner in ("self", "cls"):
                private = private and name not in own
            if private and name not in PUBLIC_UNDERSCORED:
                found.append((node.lineno, name))
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module or "", *(a.name for a in node.names)]
            found += [
                (node.lineno, n) for n in names if any(p.startswith("_") for p in n.split("."))
            ]
    return found


def test_no_private_internal_is_used_outside_the_adapter_module():
    files = [*(ROOT / "plugins").rglob("*.py"), *(ROOT / "scripts").glob("*.py")]
    uses = {
        f"{path.relative_to(ROOT)}:{line}": name
        for path in files
        if path.name != "upstream.py"
        for line, name in private_uses(path)
    }
    assert uses == {}
