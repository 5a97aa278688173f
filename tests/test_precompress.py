"""`make publish` writes .gz and .br beside every text file, the same bytes at each build.

Scripts are the exception: the public pages have none, and the back office's Decap CMS
comes with its .gz from scripts/vendor_decap.py (5 MB would slow every build).
"""

import gzip

import brotli
import pytest
from conftest import ROOT, at_moment, build_real_site, copy_real_site, tree

TEXT = {".css", ".html", ".ics", ".svg", ".txt", ".webmanifest", ".xml"}
VENDORED = "static/decap/"  # copied with their .gz, never compressed by the build


def _text_files(output):
    return sorted(p for p in output.rglob("*") if p.is_file() and p.suffix in TEXT)


@pytest.mark.parametrize(
    ("suffix", "decompress"), [(".gz", gzip.decompress), (".br", brotli.decompress)]
)
def test_every_text_file_has_its_compressed_twin(published_site, suffix, decompress):
    checked = 0
    for path in _text_files(published_site.output):
        twin = path.with_name(path.name + suffix)
        if not twin.exists():
            # Only a file too small to gain from compression goes without (robots.txt).
            assert len(gzip.compress(path.read_bytes(), mtime=0)) >= path.stat().st_size, path
            continue
        assert decompress(twin.read_bytes()) == path.read_bytes(), twin
        checked += 1
    assert checked > 50


def test_pages_and_stylesheets_are_all_compressed(published_site):
    for path in _text_files(published_site.output):
        if path.suffix in {".html", ".css"}:
            assert path.with_name(path.name + ".gz").exists(), path
            assert path.with_name(path.name + ".br").exists(), path


def test_gzip_files_carry_no_time(published_site):
    for twin in published_site.output.rglob("*.gz"):
        # Bytes 4 to 7 of a gzip header are the modification time (RFC 1952).
        assert twin.read_bytes()[4:8] == b"\0\0\0\0", twin


def test_back_office_scripts_are_served_with_their_vendored_gzip(published_site):
    scripts = sorted((published_site.output / VENDORED).glob("*.js"))
    assert len(scripts) > 50
    for path in scripts:
        twin = path.with_name(path.name + ".gz")
        assert gzip.decompress(twin.read_bytes()) == path.read_bytes(), twin
        # As vendored: the build wrote nothing through these links into static/decap/.
        assert twin.read_bytes() == (ROOT / VENDORED / twin.name).read_bytes(), twin
    # Not compressed again at each build: no brotli twin of the 5 MB.
    assert not list((published_site.output / VENDORED).glob("*.js.br"))


def test_the_development_build_writes_no_compressed_file(real_site):
    made = [
        p.relative_to(real_site.output).as_posix()
        for p in [*real_site.output.rglob("*.gz"), *real_site.output.rglob("*.br")]
    ]
    assert made and all(name.startswith(VENDORED) and name.endswith(".js.gz") for name in made)


def _publish(tmp_path, name):
    """A build made as the session's published_site is (conftest.py's REAL_BUILDS)."""
    site = copy_real_site(tmp_path / name)
    env = {k: v for k, v in at_moment("open").items() if k != "SITEURL"}
    result = build_real_site(site, conf="publishconf.py", env=env)
    assert result.returncode == 0, result.log
    return tree(result.output)


@pytest.mark.slow
def test_two_builds_of_the_same_sources_give_the_same_bytes(published_site, tmp_path):
    # The session's build is the first of the two: only the second is made here.
    first, second = tree(published_site.output), _publish(tmp_path, "two")
    assert sorted(first) == sorted(second)
    # pelican-sitemap dates pages without a date by the clock, not SOURCE_DATE_EPOCH:
    # not this plugin's output, left out here.
    differ = [n for n in first if first[n] != second[n] and not n.startswith("sitemap.xml")]
    assert differ == []
