"""Two builds of one commit with one SOURCE_DATE_EPOCH write the same bytes."""

import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
import site_content
from conftest import CALL_MOMENTS, another_time_zone, at_moment, copy_real_project, tree

pytestmark = pytest.mark.slow

MOMENT = CALL_MOMENTS["open"]


def make_html(site, **env):
    result = subprocess.run(
        [sys.executable, "scripts/build.py", "-s", "pelicanconf.py"],
        cwd=site,
        env={**at_moment("open"), **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return tree(site / "output")


def test_two_builds_of_one_commit_are_byte_identical(real_site, tmp_path):
    # The first is the session's build of its own copy, made in a test process (its zone,
    # a random hash seed) at the same moment of the call; the second, `make html` here.
    one = tree(real_site.output)
    second = copy_real_project(tmp_path / "elsewhere" / "second")
    # The second copy's files look a day older, as after another checkout.
    for path in second.rglob("*"):
        os.utime(path, (time.time() - 86400,) * 2)
    # Not the same second of wall clock either, so that no clock reading can match.
    second_start = int(time.time()) + 1
    while time.time() < second_start:
        time.sleep(0.05)
    two = make_html(second, PYTHONHASHSEED="2", TZ=another_time_zone())
    assert sorted(one) == sorted(two)
    differing = [name for name in one if one[name] != two[name]]
    assert differing == []


def _lastmods(site):
    xml = (site.output / "sitemap.xml").read_text(encoding="utf-8")
    urls = xml.split("<url>")[1:]
    return {
        url.split("<loc>")[1].split("</loc>")[0]: url.split("<lastmod>")[1].split("</lastmod>")[0]
        for url in urls
    }


def test_the_sitemap_dates_pages_by_content_or_by_source_date_epoch(real_site):
    lastmods = _lastmods(real_site)
    # A challenge: its date (file name); a page without one: the build's moment.
    zone = ZoneInfo(site_content.settings()["TIMEZONE"])
    for challenge in site_content.challenges():
        front = site_content.front_matter(site_content.SITE_ROOT / challenge.source)
        if challenge.listed and "date" not in front:
            day = datetime.fromisoformat(challenge.source.rsplit("/", 1)[1][:10])
            assert lastmods[challenge.url] == day.replace(tzinfo=zone).isoformat()
    build_moment = MOMENT.astimezone(UTC).isoformat()
    undated = [
        p.url
        for p in site_content.pages()
        if p.listed and "date" not in site_content.front_matter(site_content.SITE_ROOT / p.source)
    ]
    assert undated
    for url in undated:
        assert lastmods[url] == build_moment
    for skill in site_content.skills():
        assert lastmods[skill.url] == build_moment


def test_the_calendar_is_stamped_with_source_date_epoch(real_site):
    text = (real_site.output / "calendrier.ics").read_text(encoding="utf-8")
    stamps = {line for line in text.splitlines() if line.startswith("DTSTAMP:")}
    assert stamps == {f"DTSTAMP:{MOMENT.astimezone(UTC):%Y%m%dT%H%M%SZ}"}
