"""Pelican writes a page type only when our theme has its template."""

PAGE = "---\nlayout: post\ntitle: Un défi\ncategory: Santé\ntags: données\n---\nCorps.\n"


def test_untemplated_page_types_are_not_written(build):
    result = build({"content/defis/2017-09-26-un-defi.md": PAGE})
    assert result.returncode == 0, result.log
    assert result.files() == {"santé/2017/09/26/un-defi/index.html"}


def test_a_templated_page_type_is_written(build, tmp_path):
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "category.html").write_text("<p>{{ category }}</p>", encoding="utf-8")
    (overrides / "index.html").write_text("<p>index</p>", encoding="utf-8")
    result = build(
        {"content/defis/2017-09-26-un-defi.md": PAGE},
        THEME_TEMPLATES_OVERRIDES=[str(overrides)],
    )
    assert result.returncode == 0, result.log
    assert result.files() == {
        "santé/2017/09/26/un-defi/index.html",
        "category/sante.html",
        "index.html",
    }
