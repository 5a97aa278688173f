"""What real Jekyll sites write, read as Jekyll 4.3 reads it (each case seen in one)."""

from bs4 import BeautifulSoup
from pelican_jekyll.cli import main


def build_site(tmp_path, files):
    """Write `files` (path -> text) as a Jekyll site, build it, return the output folder."""
    source, out = tmp_path / "src", tmp_path / "out"
    for rel, text in files.items():
        (source / rel).parent.mkdir(parents=True, exist_ok=True)
        (source / rel).write_text(text, encoding="utf-8")
    assert main([str(source), str(out)]) == 0
    return out


def body(out, path):
    return BeautifulSoup((out / path).read_text(encoding="utf-8"), "html.parser").body


def test_an_include_inside_a_for_loop_is_rendered_each_time(tmp_path):
    out = build_site(
        tmp_path,
        {
            "_config.yml": "title: x\n",
            "_data/apis.yml": "- name: one\n- name: two\n",
            "_includes/card.html": "<p>{{ include.api.name }}</p>\n",
            "index.html": "---\n---\n{% for api in site.data.apis %}"
            "{% include card.html api=api %}{% endfor %}\n",
        },
    )
    assert [p.get_text() for p in body(out, "index.html").find_all("p")] == ["one", "two"]


def test_a_tab_before_a_comment_in_the_config_is_read_as_ruby_reads_it(tmp_path):
    out = build_site(
        tmp_path,
        {
            "_config.yml": 'defaults:\n  - scope:\n      path: ""\t# every file\n'
            "    values:\n      team: Etalab\n",
            "about.md": "---\n---\nBy {{ page.team }}\n",
        },
    )
    assert body(out, "about.html").p.get_text() == "By Etalab"


def test_the_slugify_filter_takes_jekylls_modes(tmp_path):
    out = build_site(
        tmp_path,
        {
            "_config.yml": "title: x\n",
            "index.html": "---\n---\n"
            "<p>{{ 'Textes consolidés' | slugify: 'ascii' }}</p>\n"
            "<p>{{ 'Textes consolidés' | slugify }}</p>\n"
            "<p>{{ 'Œuvre d’été' | slugify: 'latin' }}</p>\n"
            "<p>{{ 'Hello, World!' | slugify: 'pretty' }}</p>\n"
            "<p>{{ 'Hello  World' | slugify: 'raw' }}</p>\n",
        },
    )
    assert [p.get_text() for p in body(out, "index.html").find_all("p")] == [
        "textes-consolid-s",
        "textes-consolidés",
        "oeuvre-d-ete",
        "hello,-world!",
        "hello-world",
    ]


def test_a_collection_file_without_extension_is_written_at_its_permalink(tmp_path):
    out = build_site(
        tmp_path,
        {
            "_config.yml": "collections:\n  fasts:\n    output: true\n"
            "    permalink: /fast/:title.html\n",
            "_fasts/15_fast": "---\ntitle: Fifteen\n---\n<h1>{{ page.title }}</h1>\n",
            "_fasts/16_fast.md": "---\ntitle: Sixteen\n---\n# Sixteen\n",
        },
    )
    assert body(out, "fast/15_fast.html").h1.get_text() == "Fifteen"
    assert body(out, "fast/16_fast.html").h1.get_text() == "Sixteen"


def test_dates_are_in_the_configured_timezone_and_two_digit_years_are_rubys(tmp_path):
    out = build_site(
        tmp_path,
        {
            "_config.yml": "timezone: America/Los_Angeles\npermalink: pretty\n",
            # 02:12 in Paris is still the day before in Los Angeles.
            "_posts/2013-05-06-one.md": '---\ntitle: One\ndate: "2013-05-06 02:12:52 +0200"\n'
            "---\nOne\n",
            "_posts/19-11-29-two.md": "---\ntitle: Two\n---\nTwo\n",
        },
    )
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    assert written == ["2013/05/05/one/index.html", "2019/11/29/two/index.html"]
