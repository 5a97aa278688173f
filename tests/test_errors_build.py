"""Errors over a whole build: all told, duplicates named, nothing written."""

from conftest import PAGE, assert_fails_with, page

# -- the whole run ---------------------------------------------------------------


def test_two_files_on_one_url_are_both_named(build):
    result = build(
        {
            "pages/a.md": page("layout: page\ntitle: A\npermalink: /commun/\n"),
            "pages/b.md": page("layout: page\ntitle: B\npermalink: /commun/\n"),
        }
    )
    assert_fails_with(
        result,
        "pages/a.md: 2 fichiers donnent la même adresse /commun/ : pages/a.md et pages/b.md — "
        "changez le `permalink:` (ou le nom) de l'un d'eux pour que chaque page ait sa propre "
        "adresse",
    )


def test_redirect_onto_a_page_is_a_duplicate(build):
    result = build(
        {
            "pages/a.md": page("layout: page\ntitle: A\n"),
            "pages/b.md": page("layout: page\ntitle: B\nredirect_from: /a/\n"),
        }
    )
    assert result.returncode == 1
    assert result.error_lines()[0].startswith(
        "pages/a.md: 2 fichiers donnent la même adresse /a/ : pages/a.md et pages/b.md"
    )


def test_every_problem_of_the_run_is_reported(build):
    result = build(
        {
            "pages/a.md": page("layout: inconnue\n"),
            "pages/b.md": page("layout: page\ntitle: [\n"),
            "pages/c.md": PAGE,
        }
    )
    assert result.returncode == 1
    lines = result.error_lines()
    assert lines[0].startswith("pages/a.md:2: la mise en page « inconnue » est inconnue")
    assert lines[1].startswith("pages/a.md: la page n'a pas de titre")
    assert lines[2].startswith("pages/b.md:3: l'en-tête YAML est invalide")
    assert lines[3].startswith("BuildFailed: site non construit : 3 erreurs")


def test_failed_build_leaves_previous_output_alone(build):
    first = build({"pages/x.md": PAGE})
    assert first.returncode == 0
    before = (first.output / "x/index.html").read_bytes()
    second = build({"pages/x.md": page("layout: page\ntitle: [\n")})
    assert second.returncode == 1
    assert (second.output / "x/index.html").read_bytes() == before


def test_bad_plugin_setting_is_told_at_start(build):
    result = build({"pages/x.md": PAGE}, JEKYLL_COMPAT={"layout": {}})
    assert result.returncode == 1
    assert "Traceback" not in result.log
    assert (
        "SettingsError: jekyll_compat: clé inconnue dans JEKYLL_COMPAT : layout (connues : "
        "layouts, title_fallbacks, markdown_fields, permalink, defaults, includes, "
        "redirect_template, read_seconds)"
    ) in result.log


def test_a_watchdog_time_out_of_bounds_is_told_at_start(build):
    result = build({"pages/x.md": PAGE}, JEKYLL_COMPAT={"read_seconds": 0})
    assert result.returncode == 1
    assert "Traceback" not in result.log
    assert (
        "SettingsError: jekyll_compat: JEKYLL_COMPAT['read_seconds'] doit être un entier de 1 à 60"
    ) in result.log


def test_a_file_pelican_cannot_read_fails_the_build(build):
    """Not a Jekyll file, yet never silently dropped from the site."""
    html = '<html><head><title>T</title><meta name="date" content="jamais"></head></html>'
    result = build({"pages/x.md": PAGE, "pages/autre.html": html})
    assert_fails_with(
        result,
        "pages/autre.html: Pelican n'a pas pu lire ce fichier — relancez la construction avec "
        "`-D` pour le détail, et signalez-le à l'équipe technique",
    )
