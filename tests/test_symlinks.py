"""The project tree is the boundary: no symbolic link is followed, in or out of it."""

import os
import shutil

import pytest
from conftest import FIXTURES, page
from refused_builds import assert_refused, build_then_refuse

FIX = (
    "remplacez-le par une copie du fichier (ou du dossier) dans le dépôt : "
    "la construction ne suit aucun lien symbolique"
)


def outside(name, target, kind="ce fichier"):
    return f"{name}: {kind} est un lien symbolique vers « {target} », hors du projet — {FIX}"


def link(rel, target):
    """What an editor commits: a symbolic link at `rel` to `target`."""

    def hostile(site):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).symlink_to(target)

    return hostile


@pytest.fixture
def host(tmp_path):
    """A folder of the build machine, out of the project, with a secret in it."""
    folder = tmp_path / "host"
    folder.mkdir()
    (folder / "secret.txt").write_text("mot de passe\n", encoding="utf-8")
    (folder / "defi.md").write_text(page("title: Volé\n", "Secret.\n"), encoding="utf-8")
    return folder


def test_a_static_file_linked_to_the_hosts_passwd_is_refused(tmp_path):
    refused = build_then_refuse(tmp_path / "site", link("static/passwd.txt", "/etc/passwd"))
    assert_refused(refused, outside("static/passwd.txt", "/etc/passwd"))


def test_a_static_folder_linked_to_a_host_folder_is_refused(tmp_path, host):
    refused = build_then_refuse(tmp_path / "site", link("static/hote", host))
    assert_refused(refused, outside("static/hote", host, "ce dossier"))


def test_a_challenge_linked_out_of_the_project_is_refused(tmp_path, host):
    rel = "content/defis/2017-09-28-vole.md"
    refused = build_then_refuse(tmp_path / "site", link(rel, host / "defi.md"))
    assert_refused(refused, outside(rel, host / "defi.md"))


def test_an_include_linked_out_of_the_project_is_refused(tmp_path, host):
    files = {"pages/_includes/note.md": "Une note.\n"}
    files["pages/note.md"] = page("layout: page\ntitle: Note\n", "{% include note.md %}\n")
    rel = "pages/_includes/secret.md"
    refused = build_then_refuse(tmp_path / "site", link(rel, host / "secret.txt"), files)
    assert_refused(refused, outside(rel, host / "secret.txt"))


def test_a_whole_content_folder_linked_out_is_refused(tmp_path, host):
    def hostile(site):
        os.rename(site / "content" / "defis", site / "defis-avant")
        (site / "content" / "defis").symlink_to(host)

    refused = build_then_refuse(tmp_path / "site", hostile)
    assert_refused(refused, outside("content/defis", host, "ce dossier"))


def test_a_template_linked_out_is_refused(tmp_path, host):
    theme = tmp_path / "theme"
    shutil.copytree(FIXTURES / "theme", theme)
    target = host / "secret.txt"
    hostile = link(theme / "templates" / "secret.html", target)
    refused = build_then_refuse(tmp_path / "site", hostile, THEME=str(theme))
    assert_refused(refused, outside(str(theme / "templates" / "secret.html"), target))


def test_a_link_inside_the_project_is_refused_too(tmp_path):
    # A copy is as easy to commit; the output then holds no link, and no loop.
    refused = build_then_refuse(tmp_path / "site", link("static/boucle", ".."))
    message = f"static/boucle: ce dossier est un lien symbolique vers « . » — {FIX}"
    assert_refused(refused, message)


def test_a_named_pipe_is_refused_before_anything_reads_it(tmp_path):
    refused = build_then_refuse(tmp_path / "site", lambda site: os.mkfifo(site / "static/x.css"))
    assert_refused(
        refused,
        "static/x.css: ce n'est ni un fichier ni un dossier (tube nommé, socket, "
        "périphérique…) — supprimez-le : le dépôt ne contient que des fichiers et des dossiers",
    )


def test_every_link_is_told_at_once(tmp_path, host):
    def hostile(site):
        link("static/passwd.txt", "/etc/passwd")(site)
        link("pages/vole.md", host / "defi.md")(site)

    refused = build_then_refuse(tmp_path / "site", hostile)
    assert_refused(
        refused,
        outside("pages/vole.md", host / "defi.md"),
        outside("static/passwd.txt", "/etc/passwd"),
    )
