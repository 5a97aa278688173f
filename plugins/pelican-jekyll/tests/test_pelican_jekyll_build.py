"""`pelican-jekyll SRC OUT` on a small Jekyll site: where each file goes, what its body holds."""

import contextlib
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican_jekyll.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "site"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The fixture site built once; a test reads one page of it."""
    out = tmp_path_factory.mktemp("out")
    assert main([str(FIXTURE), str(out)]) == 0
    return out


def body(built, path):
    return BeautifulSoup((built / path).read_text(encoding="utf-8"), "html.parser").body


def copy_of_fixture(tmp_path):
    source = tmp_path / "src"
    shutil.copytree(FIXTURE, source)
    return source


def test_documents_are_written_where_jekyll_writes_them(built):
    written = {p.relative_to(built).as_posix() for p in built.rglob("*.html")}
    assert written == {
        "404.html",  # permalink: /404.html
        "about/index.html",  # permalink: pretty, a page
        "index.html",
        "docs/index.html",
        "docs/guide/index.html",
        "news/2020/01/02/hello-world/index.html",  # pretty, with its category
        "blog/2019/05/06/nested/index.html",  # category from the folder above _posts
        "blog/index.html",  # an .html page listing the posts' excerpts
        "custom/second.html",  # its own permalink
        "recettes/pancakes/index.html",  # the collection's permalink
        "plain.html",  # no front matter: copied
    }


def test_static_files_are_copied_unchanged(built):
    assert (built / "assets/style.css").read_bytes() == (FIXTURE / "assets/style.css").read_bytes()
    assert (built / "plain.html").read_bytes() == (FIXTURE / "plain.html").read_bytes()


def test_excluded_files_drafts_and_unpublished_files_are_not_written(built):
    for path in ("notes.txt", "unpublished/index.html", "a-draft/index.html"):
        assert not (built / path).exists()
    assert not list(built.rglob("alice*"))  # a collection without output: true


def test_the_body_holds_the_rendered_markdown_and_no_layout(built):
    page = body(built, "about/index.html")
    assert page.h1.get_text() == "About us"
    assert page.find("strong").get_text() == "Jekyll"
    assert page.find_all(recursive=False)[0].name == "h1"  # nothing from a layout first


def test_link_and_relative_url_carry_the_baseurl(built):
    hrefs = [a["href"] for a in body(built, "about/index.html").find_all("a")]
    assert hrefs == ["/base/docs/guide/", "/base/assets/style.css"]


def test_post_url_gives_the_post_url_with_the_baseurl(built):
    link = body(built, "custom/second.html").find("a")
    assert link["href"] == "/base/news/2020/01/02/hello-world/"


def test_markdown_and_html_includes_are_rendered_with_their_parameters(built):
    guide = body(built, "docs/guide/index.html")
    assert guide.blockquote.strong.get_text() == "Note:"
    assert "Read this first" in guide.blockquote.get_text()
    assert guide.select_one("div.card h3").get_text() == "A card"


def test_defaults_apply_by_type_and_by_path(built):
    assert "by The team" in body(built, "news/2020/01/02/hello-world/index.html").p.get_text()
    assert body(built, "docs/index.html").p.get_text() == "The Documentation section."


def test_an_html_page_lists_posts_newest_first_and_reads_site_data(built):
    home = body(built, "index.html")
    assert [li.a.get_text() for li in home.ul.find_all("li")] == [
        "Second post",
        "Hello, world",
        "Nested post",
    ]
    paragraphs = [p.get_text() for p in home.find_all("p")]
    assert "Team: Alice, Bob" in paragraphs
    assert "Prices: tea=2 cake=3 " in paragraphs
    assert "Links: https://example.org/" in paragraphs
    assert "Staff: Alice" in paragraphs  # a collection without output is still readable


def run_command(source, out, *options):
    """The `pelican-jekyll` command run in a process of its own, as a shell runs it."""
    return subprocess.run(
        [sys.executable, "-m", "pelican_jekyll.cli", *options, str(source), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )


def run_cli(source, out, *options):
    """What the command prints and exits with, from its main() in this process: a tenth
    of the time (the tests that run the command itself use run_command)."""
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        returncode = main([*options, str(source), str(out)])
    return subprocess.CompletedProcess([], returncode, stdout.getvalue(), stderr.getvalue())


def test_broken_front_matter_is_told_with_its_line_and_nothing_is_written(tmp_path):
    source = copy_of_fixture(tmp_path)
    (source / "about.md").write_text("---\ntitle: About\nlayout: [page\n---\nText\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / "kept.txt").write_text("before")
    done = run_command(source, out)
    assert done.returncode == 1
    assert "about.md:3:" in done.stderr  # the line of `[page`
    assert "Traceback" not in done.stderr
    assert [p.name for p in out.iterdir()] == ["kept.txt"]


def test_a_missing_include_is_told_at_the_including_line(tmp_path):
    source = copy_of_fixture(tmp_path)
    (source / "docs/guide.md").write_text(
        "---\ntitle: Guide\n---\nText\n\n{% include nope.html %}\n"
    )
    done = run_cli(source, tmp_path / "out")
    assert done.returncode == 1
    assert "docs/guide.md:6: the file to include “nope.html” does not exist" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()


def test_messages_are_told_in_french_when_asked(tmp_path):
    source = copy_of_fixture(tmp_path)
    (source / "docs/guide.md").write_text(
        "---\ntitle: Guide\n---\nText\n\n{% include nope.html %}\n"
    )
    done = run_cli(source, tmp_path / "out", "--lang", "fr")
    assert done.returncode == 1
    assert "docs/guide.md:6: le fichier à inclure « nope.html » n'existe pas" in done.stderr
    assert "pelican-jekyll : site non construit, 1 erreur(s)" in done.stderr


def test_an_error_inside_an_include_names_the_include(tmp_path):
    source = copy_of_fixture(tmp_path)
    (source / "_includes/card.html").write_text("<div>\n{% if %}\n</div>\n")
    done = run_cli(source, tmp_path / "out")
    assert done.returncode == 1
    assert "_includes/card.html:2:" in done.stderr


def test_two_documents_on_one_path_are_an_error_naming_both(tmp_path):
    source = copy_of_fixture(tmp_path)
    (source / "other.md").write_text("---\ntitle: Other\npermalink: /about/\n---\nText\n")
    done = run_cli(source, tmp_path / "out")
    assert done.returncode == 1
    assert "about/index.html" in done.stderr
    assert "about.md" in done.stderr and "other.md:3:" in done.stderr


def test_broken_config_is_told_with_its_line(tmp_path):
    source = copy_of_fixture(tmp_path)
    (source / "_config.yml").write_text("title: x\npermalink: [\n")
    done = run_command(source, tmp_path / "out")
    assert done.returncode == 1
    assert done.stderr.startswith("_config.yml:3:")


def test_an_output_folder_inside_the_site_is_not_read_again(tmp_path):
    source = copy_of_fixture(tmp_path)
    assert main([str(source), str(source / "out")]) == 0
    assert main([str(source), str(source / "out")]) == 0
    assert not (source / "out" / "out").exists()


def test_an_output_folder_holding_the_site_is_refused(tmp_path):
    source = copy_of_fixture(tmp_path)
    done = run_cli(source, tmp_path)
    assert done.returncode == 1
    assert "the output folder holds the site itself" in done.stderr


def test_a_file_that_is_not_utf8_is_told_with_its_line(tmp_path):
    source = copy_of_fixture(tmp_path)
    (source / "about.md").write_bytes(b"---\ntitle: About\n---\nCaf\xe9\n")
    done = run_cli(source, tmp_path / "out")
    assert done.returncode == 1
    assert "about.md:4: the file is not UTF-8" in done.stderr


def test_a_missing_source_folder_is_told(tmp_path):
    done = run_cli(tmp_path / "nowhere", tmp_path / "out")
    assert done.returncode == 1
    assert "nowhere: this folder does not exist" in done.stderr


def refuse_every_site(pelican):
    raise RuntimeError("another site's plugin ran on pelican-jekyll's build")


def test_another_sites_plugins_in_the_same_process_do_not_run_on_the_build(tmp_path):
    from pelican.plugins import signals
    from pelican_jekyll.build import build

    signals.initialized.connect(refuse_every_site)
    try:
        site = build(FIXTURE, tmp_path / "out")
    finally:
        signals.initialized.disconnect(refuse_every_site)
    assert (tmp_path / "out" / site.documents["about.md"].dest).is_file()
