"""The challenges' Atom feed at /feed.xml (Pelican's FEED_ATOM, completed by
plugins/challenge_feed): valid Atom (RFC 4287), linked in <head>, entries checked by the
allow-list, dated by the content only, served as Atom."""

import http.client
import re
import sys
import xml.etree.ElementTree as ET
from datetime import datetime
from types import SimpleNamespace
from urllib.parse import urlsplit

import feedparser
import pytest
import site_content
from challenge_feed import plugin
from conftest import another_time_zone, at_moment, copy_real_project, run_command
from jekyll_compat.permalinks import output_path
from nginx_server import nginx
from strict_content.safe_markup import RefusedHTML, accepted

ATOM = "{http://www.w3.org/2005/Atom}"
PUBLISHED = site_content.settings("publishconf.py")
FEED = PUBLISHED["FEED_ATOM"]
SITEURL = PUBLISHED["SITEURL"]
CALENDAR = PUBLISHED["APPLICATION_CALL"]["calendar_save_as"]
LISTED = [c for c in site_content.challenges() if c.listed]
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


def _root(site):
    return ET.parse(site.output / FEED).getroot()


def _entries(site):
    return _root(site).findall(f"{ATOM}entry")


def test_the_feed_is_at_the_2017_address():
    assert FEED == "feed.xml"


def test_feed_readers_read_it_as_atom_without_error(published_site):
    parsed = feedparser.parse((published_site.output / FEED).read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert [e.link for e in parsed.entries] == [
        e.find(f"{ATOM}link").get("href") for e in _entries(published_site)
    ]


def test_the_feed_has_the_elements_rfc_4287_requires(published_site):
    root = _root(published_site)
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert len(root.findall(f"{ATOM}{name}")) == 1, name
        assert root.find(f"{ATOM}{name}").text.strip()
    assert RFC3339.match(root.find(f"{ATOM}updated").text)
    assert root.find(f"{ATOM}author/{ATOM}name").text.strip()  # every entry has an author
    self_link = root.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link == f"{SITEURL}/{FEED}"
    ids = []
    for entry in _entries(published_site):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
            assert entry.find(f"{ATOM}{name}").text.strip()
        assert RFC3339.match(entry.find(f"{ATOM}updated").text)
        assert entry.find(f"{ATOM}link[@rel='alternate']").get("href").startswith(SITEURL + "/")
        assert entry.find(f"{ATOM}content").get("type") == "html"
        ids.append(entry.find(f"{ATOM}id").text)
    assert len(set(ids)) == len(ids)
    assert all(urlsplit(i).scheme for i in ids)  # absolute IRIs


def test_one_entry_per_listed_challenge_with_its_title_summary_and_administration(published_site):
    by_link = {SITEURL + c.url: c for c in LISTED}
    entries = _entries(published_site)
    parsed = feedparser.parse((published_site.output / FEED).read_bytes())
    summaries = {e.link: e.get("summary") for e in parsed.entries}  # as a reader shows it
    assert sorted(e.find(f"{ATOM}link").get("href") for e in entries) == sorted(by_link)
    for entry in entries:
        challenge = by_link[entry.find(f"{ATOM}link").get("href")]
        front = site_content.front_matter(site_content.SITE_ROOT / challenge.source)
        assert entry.find(f"{ATOM}title").text == challenge.title
        assert entry.find(f"{ATOM}author/{ATOM}name").text == challenge.administration
        if front.get("resume"):
            assert summaries[SITEURL + challenge.url] == front["resume"]
        else:
            assert entry.find(f"{ATOM}summary") is None
        terms = [c.get("term") for c in entry.findall(f"{ATOM}category")]
        assert terms == list(challenge.skills)


def test_each_entrys_html_is_what_the_allow_list_accepts(published_site):
    for entry in _entries(published_site):
        assert accepted(entry.find(f"{ATOM}content").text)


def test_every_date_comes_from_the_content_not_the_clock(published_site):
    days = set()
    for challenge in LISTED:
        front = site_content.front_matter(site_content.SITE_ROOT / challenge.source)
        days.add(str(front.get("date") or challenge.source.rsplit("/", 1)[1][:10])[:10])
    text = (published_site.output / FEED).read_text(encoding="utf-8")
    stamps = re.findall(r"<(?:updated|published)>([^<]+)<", text)
    assert stamps
    assert {s[:10] for s in stamps} <= days
    assert _root(published_site).find(f"{ATOM}updated").text[:10] == max(days)


def test_entries_are_newest_first_then_in_the_lists_order(published_site):
    order = {SITEURL + c.url: rank for rank, c in enumerate(LISTED)}
    keys = [
        (e.find(f"{ATOM}updated").text, -order[e.find(f"{ATOM}link").get("href")])
        for e in _entries(published_site)
    ]
    assert keys == sorted(keys, reverse=True)


def test_every_published_page_links_the_feed_in_its_head(published_site):
    title = _root(published_site).find(f"{ATOM}title").text
    for url in site_content.page_urls():
        page = published_site.html(output_path(url)[1])
        link = page.select_one('head link[rel="alternate"][type="application/atom+xml"]')
        assert link["href"] == f"{SITEURL}/{FEED}", url
        assert link["title"] == title, url


def test_a_build_without_an_address_writes_no_feed_and_links_none(real_site):
    assert not (real_site.output / "feed.xml").exists()
    assert real_site.html("index.html").select('link[type="application/atom+xml"]') == []


def test_nginx_sends_the_feed_as_atom_and_the_data_with_their_types(published_site, tmp_path):
    expected = {
        f"/{FEED}": "application/atom+xml; charset=utf-8",
        "/defis.csv": "text/csv; charset=utf-8",
        "/defis.json": "application/json",
        f"/{CALENDAR}": "text/calendar; charset=utf-8",
    }
    with nginx(published_site.output, tmp_path) as url:
        parts = urlsplit(url)
        for path, content_type in expected.items():
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                assert response.status == 200, path
                assert response.headers["Content-Type"] == content_type, path
                assert response.headers["X-Content-Type-Options"] == "nosniff"
            finally:
                connection.close()


def test_the_netlify_headers_give_the_same_types(published_site):
    headers = (published_site.output / "_headers").read_text(encoding="utf-8")
    assert f"/{FEED}\n  Content-Type: application/atom+xml; charset=utf-8\n" in headers
    assert "/defis.csv\n  Content-Type: text/csv; charset=utf-8\n" in headers
    assert f"/{CALENDAR}\n  Content-Type: text/calendar; charset=utf-8\n" in headers


# -- the plugin alone --------------------------------------------------------------


def _feed(items):
    return SimpleNamespace(feed={}, items=items)


def _context(**more):
    moment = datetime(2020, 1, 2, 3, 4, 5)
    return {
        "FEED_TITLE": "Défis – Site",
        "SITENAME": "Site",
        "SITEURL": "https://x.example",
        "CALL": SimpleNamespace(settings=SimpleNamespace(now=moment)),
        **more,
    }


def test_an_entry_whose_html_the_allow_list_refuses_stops_the_build():
    item = {
        "link": "https://x.example/a/",
        "content": "<script>alert(1)</script>",
        "pubdate": datetime(2020, 1, 1),
        "updateddate": None,
    }
    with pytest.raises(RefusedHTML):
        plugin.complete(_context(), _feed([item]))


def test_a_summary_is_the_resume_as_text():
    challenge = SimpleNamespace(
        url="a/", resume="<b>Gras</b> & co", administration="Min", skills=[]
    )
    item = {
        "link": "https://x.example/a/",
        "content": "<p>x</p>",
        "pubdate": datetime(2020, 1, 1),
        "updateddate": None,
    }
    plugin.complete(_context(challenges=[challenge]), _feed([item]))
    assert item["description"] == "&lt;b&gt;Gras&lt;/b&gt; &amp; co"
    assert item["author_name"] == "Min"


def test_an_empty_feed_is_dated_by_the_builds_moment_not_the_clock():
    feed = _feed([])
    plugin.complete(_context(), feed)
    assert feed.latest_post_date() == datetime(2020, 1, 2, 3, 4, 5)


@pytest.mark.slow
def test_two_published_builds_write_the_same_feed_and_data(published_site, tmp_path):
    # The first is the session's, made in a test process (its zone, a random hash seed);
    # the second, `make publish` in another zone with another seed.
    site = copy_real_project(tmp_path / "two")
    env = {**at_moment("open"), "TZ": another_time_zone(), "PYTHONHASHSEED": "2"}
    env.pop("SITEURL", None)  # publishconf.py's own, as for the session's build
    command = [sys.executable, "scripts/build.py", "-s", "publishconf.py"]
    status, log = run_command(command, site, env)
    assert status == 0, log
    names = [FEED, "defis.csv", "defis.json", "defis.schema.json"]
    made = [
        {n: (output / n).read_bytes() for n in names}
        for output in (published_site.output, site / "output")
    ]
    assert made[0] == made[1]
