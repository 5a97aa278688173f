"""The kept build process answers a build first, then removes the site it replaced; `settle()`
returns once that is done (bench/bench.py measures nothing before)."""

import pytest
from build_worker import BuildWorker
from conftest import copy_real_site

pytestmark = pytest.mark.slow


def test_settle_returns_once_the_replaced_site_is_removed(tmp_path):
    site = copy_real_site(tmp_path / "site")
    worker = BuildWorker("pelicanconf.py", cwd=site)
    try:
        for _ in range(2):  # the second build replaces the first's site
            assert worker.build() == 0
            assert worker.settle()
            assert sorted(p.name for p in site.iterdir() if p.name.startswith(".output")) == [
                ".output.lock"
            ]
            assert (site / "output" / "index.html").is_file()
    finally:
        worker.stop()
    assert not worker.settle()  # no process: nothing to wait for
