"""The kept build process answers a build first, then keeps the site it replaced for the next
build to take unchanged files from, and removes the rest; `settle()` returns once that is
done (bench/bench.py measures nothing before)."""

import pytest
from build_worker import BuildWorker
from conftest import copy_real_site

pytestmark = pytest.mark.slow


def test_settle_returns_once_the_earlier_sites_are_tidied(tmp_path):
    site = copy_real_site(tmp_path / "site")
    worker = BuildWorker("pelicanconf.py", cwd=site)
    try:
        # The first build replaces nothing; each later one, the site before it.
        for kept in ([], [".output-build-reusable"], [".output-build-reusable"]):
            assert worker.build() == 0
            assert worker.settle()
            hidden = sorted(p.name for p in site.iterdir() if p.name.startswith(".output"))
            assert hidden == [*kept, ".output.lock"]
            assert (site / "output" / "index.html").is_file()
    finally:
        worker.stop()
    assert not worker.settle()  # no process: nothing to wait for


def test_the_next_build_takes_unchanged_decap_files_from_the_replaced_site(tmp_path):
    site = copy_real_site(tmp_path / "site")
    vendored = sorted((site / "static" / "decap").iterdir())
    changed, kept = vendored[0], vendored[1]
    worker = BuildWorker("pelicanconf.py", cwd=site)
    try:
        assert worker.build() == 0 and worker.settle()
        first = {p.name: p.stat().st_ino for p in (site / "output/static/decap").iterdir()}
        assert worker.build() == 0 and worker.settle()  # replaces the first: reusable now
        changed.write_bytes(changed.read_bytes() + b"\n")
        assert worker.build() == 0 and worker.settle()
        built = site / "output" / "static" / "decap"
        # Moved from the first build's site (a copy of its own), or copied again if changed.
        assert (built / kept.name).stat().st_ino == first[kept.name]
        assert (built / changed.name).stat().st_ino != first[changed.name]
        for source in vendored:
            assert (built / source.name).read_bytes() == source.read_bytes(), source.name
            assert (built / source.name).stat().st_ino != source.stat().st_ino
    finally:
        worker.stop()
    assert sorted(p.name for p in site.iterdir() if p.name.startswith(".output")) == [
        ".output.lock"
    ]
