"""Which tests one pytest-xdist worker runs together: those that share a costly fixture.

Each worker has its own session fixtures: tests of one page spread over two workers
load that page in a browser twice, and the Nu checker (Java) would check every page
in each worker. With `--dist loadgroup` (the Makefile), conftest.py gives xdist this
scheduler (its hook pytest_xdist_make_scheduler), which sends each group below to one
worker and spreads the rest test by test.

Adapter: xdist 3.8's own loadgroup scheduling does nothing under pytest 9 (it renames
each marked item through an attribute pytest no longer reads), so the groups are told
by node id here, overriding `_split_scope`, the method xdist's own schedulers override.
tests/test_xdist_groups.py fails the day xdist stops calling it.
"""

import re

from xdist.scheduler import LoadScopeScheduling

CONFORMANCE = "tests/test_conformance.py::"
# (node ids, the group they belong to; \\1 is the pattern's first group)
GROUPS = [
    # One Nu checker run over every page and redirect stub (fixture nu_messages).
    (re.compile(rf"^{CONFORMANCE}test_(page_is_valid_html|redirect_stub_\w+)\["), "nu-checker"),
    # Read the built files only: any worker.
    (re.compile(rf"^{CONFORMANCE}test_page_(links_and_anchors|images_have)\w*\[.*$"), None),
    # One page's browser tests, on one load of it (fixture visit): by the page's id.
    (re.compile(rf"^{CONFORMANCE}test_page_\w+\[(.*)\]$"), r"page \1"),
    # The page-weight tests that are not per build share one visit of every page (fixture
    # visits, module-scoped); the others are parametrized by build.
    (re.compile(r"^tests/test_budgets\.py::test_\w+$"), "budget-visits"),
    # The tests that import frictionless (a second of imports), in one worker only.
    (
        re.compile(r"^tests/test_open_data\.py::test_(each_file_is_valid|the_schema_itself)"),
        "frictionless",
    ),
    # Tests that share a costly module-scoped fixture (builds and a browser, nginx,
    # `make cms`, `make html`): in one worker, which makes it once.
    (re.compile(r"^(tests/test_(home_first_browser|nginx|atomic_output)\.py)::"), r"\1"),
    (re.compile(r"^tests/test_admin\.py::test_(an_edit|a_challenge_created)_in_the_back_"), "cms"),
    (re.compile(r"^(tests/test_editor_errors_more\.py::test_a_refused_write_)"), r"\1"),
]


def group_of(nodeid):
    """The group a test belongs to: a name its group shares, or its own node id."""
    for pattern, group in GROUPS:
        found = pattern.match(nodeid)
        if found:
            return nodeid if group is None else found.expand(group)
    return nodeid


class GroupScheduling(LoadScopeScheduling):
    """xdist's scheduling by scope, the scopes being the groups above."""

    def _split_scope(self, nodeid):
        return group_of(nodeid)
