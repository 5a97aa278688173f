"""The last tracebacks of issue 14 are messages: impossible dates, huge numbers, NUL
characters, unread file names, `{{ site }}`, full disks, a symlinked output/, a busy port."""

import errno
import os
import shutil
import socket
import subprocess
import sys

import build as build_script
import pytest
from conftest import (
    FIXTURE_SETTINGS,
    FIXTURES,
    ROOT,
    assert_fails_with,
    at_moment,
    build_fixture,
    copy_real_project,
    module_folder,
    page,
    run_command,
    run_make,
    tree,
)

POST = "layout: post\ntitle: T\n"
FIX_DATE = (
    "écrivez une date du calendrier, AAAA-MM-JJ (mois de 01 à 12, jour du mois), par exemple "
    "`date: 2017-09-26`"
)


@pytest.mark.parametrize("date", ["2017-13-45", "2017-02-30", "2017-00-10"])
def test_an_impossible_date_is_told_at_its_line(build, date):
    result = build({"content/defis/x.md": page(f"{POST}date: {date}\n")})
    assert_fails_with(result, f"content/defis/x.md:4: la date « {date} » n'existe pas — {FIX_DATE}")


def test_a_number_too_long_for_python_is_told_at_its_line(build):
    digits = "7" * 5000
    result = build({"pages/x.md": page(f"layout: page\ntitle: T\nnumero: {digits}\n")})
    assert_fails_with(
        result,
        "pages/x.md:4: le nombre « 777777777777…(5000 chiffres) » est trop grand — écrivez "
        "un nombre plus court, ou mettez la valeur entre guillemets si c'est un texte",
    )


def test_a_long_number_in_quotes_is_text(build):
    digits = "7" * 5000
    result = build({"pages/x.md": page(f'layout: page\ntitle: T\nnote: "{digits}"\n')})
    assert result.returncode == 0, result.log


NUL_FIX = "supprimez-le : effacez la ligne et retapez-la, sans copier-coller"
NUL_PROBLEM = "le fichier contient un caractère nul (U+0000), invisible dans un éditeur"


def test_a_nul_character_in_a_body_is_refused(build):
    result = build({"pages/x.md": page("layout: page\ntitle: T\n", "Un\n\nDeux\x00.\n")})
    assert_fails_with(result, f"pages/x.md:7: {NUL_PROBLEM} — {NUL_FIX}")


def test_a_nul_character_in_an_include_is_refused_at_the_include(build):
    result = build(
        {
            "pages/_includes/note.md": "Note\x00\n",
            "pages/x.md": page("layout: page\ntitle: T\n", "{% include note.md %}\n"),
        }
    )
    assert_fails_with(
        result,
        f"pages/_includes/note.md:1: {NUL_PROBLEM} (fichier inclus par pages/x.md:5) — {NUL_FIX}",
    )


@pytest.mark.parametrize("name", ["x.MD", "x.Md", "x.mD", "x.MARKDOWN", "x.mkd"])
def test_a_markdown_file_under_an_unread_extension_is_refused(build, name):
    result = build({f"pages/{name}": page("layout: page\ntitle: T\n")})
    suffix = name.partition(".")[2]
    assert_fails_with(
        result,
        f"pages/{name}: l'extension « .{suffix} » n'est pas lue : ce fichier ne serait pas "
        "publié — renommez-le en x.md",
    )


def test_a_markdown_extension_is_read(build):
    result = build({"pages/x.markdown": page("layout: page\ntitle: T\n")})
    assert result.returncode == 0, result.log
    assert "x/index.html" in result.files()


def test_printing_the_whole_site_is_an_error(build):
    result = build({"pages/x.md": page("layout: page\ntitle: T\n", "Un\n\n{{ site }}\n")})
    assert_fails_with(
        result,
        "pages/x.md:7: « {{ site }} » ne s'affiche pas en entier — écrivez la valeur voulue, "
        "par exemple {{ site.title }} ou {{ site.contact_email }}",
    )


@pytest.mark.parametrize("name", ["path", "output_path", "theme", "plugin_paths", "jekyll_compat"])
def test_no_path_nor_object_of_the_build_reaches_a_page(build, name):
    result = build({"pages/x.md": page("layout: page\ntitle: T\n", f"{{{{ site.{name} }}}}\n")})
    assert result.returncode == 1
    assert result.error_lines()[0].startswith(
        f"pages/x.md:5: la variable Liquid « site.{name} » n'est pas définie"
    )


def test_the_sites_own_text_settings_reach_pages_escaped(build):
    result = build(
        {"pages/x.md": page("layout: page\ntitle: T\n", "{{ site.motto }}\n")},
        MOTTO="<b>Servir</b>",
    )
    assert result.returncode == 0, result.log
    body = (result.output / "x/index.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;Servir&lt;/b&gt;" in body
    assert "<b>" not in body


# -- writing the output ------------------------------------------------------------


def _fixture_settings(site, **overrides):
    """A fixture site, built once; its settings file."""
    result = build_fixture(site, {"pages/x.md": page("layout: page\ntitle: T\n")}, **overrides)
    assert result.returncode == 0, result.log
    return site / "test_settings.py"


def _rewrite_settings(site, **overrides):
    """The fixture site's settings file, written again with `overrides`."""
    settings = {**FIXTURE_SETTINGS, "OUTPUT_PATH": str(site / "output"), **overrides}
    text = "".join(f"{key} = {value!r}\n" for key, value in settings.items())
    (site / "test_settings.py").write_text(text, encoding="utf-8")


def _run_build_script(site, env=None):
    command = [sys.executable, str(ROOT / "scripts" / "build.py"), "-s", "test_settings.py"]
    result = subprocess.run(
        command, cwd=site, capture_output=True, text=True, env=env, check=False, timeout=300
    )
    return result.returncode, result.stdout + result.stderr


PLUGINS = [str(ROOT / "plugins"), str(FIXTURES / "plugins")]


@pytest.fixture(scope="module")
def built_by_script(request):
    """A fixture site built by scripts/build.py, for the tests to copy and change."""
    with module_folder(request, "built-by-script") as folder:
        site = folder / "site"
        _fixture_settings(site, PLUGIN_PATHS=PLUGINS)
        returncode, log = _run_build_script(site)
        assert returncode == 0, log
        yield site


@pytest.mark.slow
@pytest.mark.parametrize(
    ("code", "cause", "fix"),
    [
        (errno.ENOSPC, "le disque est plein", "libérez de la place"),
        (
            errno.EROFS,
            "le dossier est en lecture seule",
            "construisez depuis une copie du projet où vous pouvez écrire",
        ),
        (
            errno.EACCES,
            "vous n'avez pas le droit d'y écrire",
            "vérifiez les droits du dossier du projet (ls -ld)",
        ),
    ],
)
def test_a_refused_write_is_one_message_and_output_stays(
    built_by_script, tmp_path, code, cause, fix
):
    site = shutil.copytree(built_by_script, tmp_path / "site", symlinks=True)
    before = tree(site / "output")
    _rewrite_settings(site, PLUGIN_PATHS=PLUGINS, PLUGINS=["jekyll_compat", "disk_full"])
    returncode, log = _run_build_script(site, env={**os.environ, "FAIL_ERRNO": str(code)})
    assert returncode == 1
    assert "Traceback" not in log
    lines = [line for line in log.splitlines() if line.strip()]
    assert len(lines) == 1, log
    assert lines[0].startswith("site non construit : écriture impossible dans ")
    assert lines[0].endswith(
        f" ({cause}) — {fix}, puis relancez la construction. Le dossier de sortie n'a pas changé."
    )
    assert tree(site / "output") == before


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES, errno.ENOSPC])
def test_a_project_folder_refusing_writes_is_one_message(tmp_path, monkeypatch, capsys, code):
    settings = _fixture_settings(tmp_path / "site")

    def refuse(self):
        raise OSError(code, os.strerror(code), str(self.path.parent))

    monkeypatch.setattr(build_script.OutputFolder, "new_build", refuse)
    monkeypatch.setattr(sys, "argv", ["build.py", "-s", str(settings)])
    with pytest.raises(SystemExit) as stopped:
        build_script.main()
    message = str(stopped.value.code)
    assert message.startswith(
        f"Erreur : site non construit : écriture impossible dans {tmp_path / 'site'} ("
    )
    assert message.endswith("Le dossier de sortie n'a pas changé.")


def test_an_output_folder_that_is_a_symlink_is_refused(tmp_path):
    site = tmp_path / "site"
    _fixture_settings(site)
    elsewhere = tmp_path / "ailleurs"
    (site / "output").rename(elsewhere)
    (site / "output").symlink_to(elsewhere)
    before = tree(elsewhere)
    returncode, log = _run_build_script(site)
    assert returncode == 1
    assert log.strip() == (
        f"Erreur : site non construit : {site / 'output'} est un lien symbolique (vers "
        f"{elsewhere}) et non un dossier — supprimez le lien (rm output) puis relancez : la "
        "construction en fait un vrai dossier."
    )
    assert (site / "output").is_symlink()
    assert tree(elsewhere) == before


def test_make_serve_on_a_busy_port_says_so_before_building(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        site = tmp_path / "site"
        settings = _fixture_settings(site)
        before = tree(site / "output")
        command = [
            sys.executable,
            str(ROOT / "scripts" / "serve.py"),
            "--port",
            str(port),
            "--settings",
            str(settings),
        ]
        result = subprocess.run(
            command, cwd=site, capture_output=True, text=True, timeout=60, check=False
        )
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"Erreur : le port {port} est déjà pris (un autre `make serve` tourne-t-il ?) ; "
        "arrêtez-le, ou choisissez un autre port : make serve PORT=8001"
    )
    assert tree(site / "output") == before


def test_a_number_too_long_in_a_liquid_tag_is_told_in_french(build):
    result = build({"pages/x.md": page("layout: page\ntitle: T\n", "{{ " + "7" * 5000 + " }}\n")})
    assert_fails_with(
        result,
        "pages/x.md:5: un nombre de la balise Liquid est trop long pour être lu — écrivez un "
        "nombre plus court, ou mettez-le entre guillemets si c'est un texte",
    )


@pytest.mark.slow
def test_a_refused_build_exits_as_documented(tmp_path):
    """scripts/build.py says 1; `make html` says 2, as make does for any failed command."""
    site = copy_real_project(tmp_path / "site")
    (site / "pages" / "x.md").write_text(page("layout: page\ntitle: T\ndate: 2017-02-30\n"))
    returncode, log = run_command(
        [sys.executable, "scripts/build.py", "-s", "pelicanconf.py"], site, at_moment("open")
    )
    assert returncode == 1
    assert "pages/x.md:4: la date « 2017-02-30 » n'existe pas" in log
    assert "Traceback" not in log
    returncode, log = run_make(site, "html", env=at_moment("open"))
    assert returncode == 2
    assert "Traceback" not in log
