"""The in-process runner of tests/pelican_run.py builds as the pelican command does."""

import logging

import blinker
from conftest import PAGE, STRICT_PLUGINS, build_fixture, page
from eig_common import upstream

# A title that only content_schema refuses (a list, not a line of text).
LIST_TITLE = page("layout: page\ntitle: [1, 2]\n")
DUPLICATE = page("layout: page\ntitle: T\nmodified: [2017-01-01, 2017-01-02]\n")


def test_in_process_and_command_give_the_same_status_and_messages(tmp_path):
    files = {"pages/x.md": LIST_TITLE, "pages/y.md": "---\ntitle: [\n---\n"}
    inside = build_fixture(tmp_path / "a", files, PLUGINS=STRICT_PLUGINS)
    command = build_fixture(tmp_path / "b", files, in_process=False, PLUGINS=STRICT_PLUGINS)
    assert inside.returncode == command.returncode == 1
    assert inside.error_lines() == command.error_lines()
    assert inside.files() == command.files() == set()


def test_a_plugin_of_an_earlier_build_does_not_run_in_the_next(tmp_path):
    strict = build_fixture(tmp_path / "a", {"pages/x.md": LIST_TITLE}, PLUGINS=STRICT_PLUGINS)
    assert strict.returncode == 1, strict.log
    plain = build_fixture(tmp_path / "b", {"pages/x.md": LIST_TITLE})
    assert plain.returncode == 0, plain.log


def test_a_warning_is_told_again_in_the_next_build(tmp_path):
    logs = [
        build_fixture(tmp_path / name, {"pages/x.md": DUPLICATE}, PLUGINS=STRICT_PLUGINS).log
        for name in ("a", "b")
    ]
    assert all("Duplicate definition of 'modified'" in log for log in logs), logs


def test_a_build_leaves_no_receiver_and_no_logging_handler_behind(tmp_path):
    root = logging.getLogger()
    handlers = list(root.handlers)
    build_fixture(tmp_path / "a", {"pages/x.md": PAGE}, PLUGINS=STRICT_PLUGINS)
    assert root.handlers == handlers
    assert not any(
        list(signal.receivers_for(blinker.ANY)) for signal in blinker.default_namespace.values()
    )


def test_a_build_leaves_no_page_in_pelicans_memoized_caches(tmp_path):
    """Else every build of the process would stay in memory, walked by each collection."""
    built = build_fixture(tmp_path / "a", {"pages/x.md": PAGE}, PLUGINS=STRICT_PLUGINS)
    assert built.returncode == 0, built.log
    methods = upstream.memoized_content_methods()
    assert methods, "Pelican's content classes have no memoized method left to check"
    assert [m.cache for m in methods if m.cache] == []
