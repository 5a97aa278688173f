"""The next call, prepared as docs/appel/cycle-de-vie.md tells: the real-site tests still pass.

On a copy of the project (its git files), the team's whole scenario: new dates, a new
form, new key dates, two challenges removed, one added with `make defi` then filled in,
one written by hand, one renamed with `redirect_from`. The copy then publishes, and the
real-site test modules run on it (EIG_SITE), expecting what its content says.
"""

import os
import re
import shutil
import subprocess
import sys

import pytest
import site_content
from conftest import ROOT, run_command, run_make
from settings_edits import with_assignments

pytestmark = pytest.mark.slow

NEW_OPENS = "2031-03-02T09:00"
NEW_CLOSES = "2031-04-15T18:30"
NEW_FORM = "https://formulaires.example.gouv.fr/eig-promotion-3"
NEW_KEY_DATES = [
    {"summary": "Auditions des candidats présélectionnés", "start": "2031-05-12"},
    {"summary": "Début du programme", "start": "2031-09-01", "end": "2031-09-30"},
]
# The form linked, not embedded; its address naming the challenge; a mailing list offered.
NEW_CALL_SETTINGS = (
    "FORM_EMBED = not FORM_EMBED\n"
    "APPLICATION_CALL['challenge_parameter'] = "
    "None if APPLICATION_CALL['challenge_parameter'] else 'defi'\n"
    "MAILING_LIST = None if MAILING_LIST else "
    "{'url': 'https://listes.example.gouv.fr/eig', 'operator': 'la DINUM'}\n"
)
# The real-site tests that cover pages, cards, skills, sitemap, links and the states; the
# 2017 files beside the content (a renamed challenge keeps an address one of them has);
# the hostile-content check of the whole site, the call open (its moment, from the dates);
# the home page's block, the English pages and the policy, which follow the call's settings.
CHECKS = [
    "tests/test_pages.py",
    "tests/test_call_states.py",
    "tests/test_deploy_rules.py",
    "tests/test_jekyll2017.py",
    "tests/test_hostile_content.py::test_the_real_site_has_nothing_unsafe",
    "tests/test_home_first.py",
    "tests/test_english.py",
    "tests/test_security_policy.py",
]
HAND_WRITTEN = """---
title: Cartes des communs
numero: 40
administration: Ministère de la Culture
lieu: Lyon (69)
profils:
  - "Développement : construire l'outil avec ses usagers"
competences: [développement, design]
---
## Le problème

Les communs culturels sont mal connus.

## L'objectif

Les cartographier avec les collectivités.
"""


def copy_of_the_project(dest):
    """The project's files as git knows them (tracked, or new and not ignored)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for rel in filter(None, listed.split("\0")):
        source = ROOT / rel
        if source.is_file():  # a file deleted but not yet committed is still listed
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / rel)
    return dest


def set_setting(conf, name, value):
    """Replace the value of a top-level `NAME = ...` assignment, as an editor would."""
    line = f"{name} = {value!r}".replace("'", '"')
    text = conf.read_text(encoding="utf-8")
    conf.write_text(with_assignments(text, {name: line}), encoding="utf-8")


def front_and_body(path):
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return front, body


def fill_in(path):
    """What the editor writes in place of each « À compléter » of `make defi`."""
    front, body = front_and_body(path)
    front = re.sub(r"(?m)^administration: .*$", "administration: Ministère de la Mer", front)
    front = re.sub(
        r"(?m)^profils:\n(?:- .*\n)+", 'profils:\n- "Data science : prévoir les marées"\n', front
    )
    body = body.replace("À compléter.", "Un texte écrit par l'équipe de l'appel.")
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")


def test_the_next_call_prepared_by_the_team_passes_the_real_site_tests(tmp_path):
    site = copy_of_the_project(tmp_path / "projet")
    conf = site / "pelicanconf.py"
    defis = site / "content" / "defis"
    before = site_content.challenges(site)
    assert len(before) >= 4, "the scenario needs challenges to remove and rename"

    # The dates, the form and the key dates of the new call.
    set_setting(conf, "CALL_OPENS", NEW_OPENS)
    set_setting(conf, "CALL_CLOSES", NEW_CLOSES)
    set_setting(conf, "APPLICATION_FORM_URL", NEW_FORM)
    with conf.open("a", encoding="utf-8") as out:
        out.write(f"\nAPPLICATION_CALL = {{**APPLICATION_CALL, 'key_dates': {NEW_KEY_DATES!r}}}\n")
        # The call's other settings, each the other way round from the real site's.
        out.write(NEW_CALL_SETTINGS)

    # Two challenges of the last call removed, one renamed with its old address kept.
    removed, renamed = before[-2:], before[0]
    for challenge in removed:
        (site / challenge.source).unlink()
    old_file = site / renamed.source
    new_file = old_file.with_name(old_file.name.replace(renamed.slug, "defi-renomme"))
    front, body = front_and_body(old_file)
    front = re.sub(r"(?m)^redirect_from:\n(?:  - .*\n)+", "", front)
    redirects = [*renamed.redirects, renamed.url]
    front += "redirect_from:\n" + "".join(f"  - {url}\n" for url in redirects)
    new_file.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    old_file.unlink()

    # One challenge added with `make defi`, then filled in; one written by hand.
    status, log = run_make(
        site, "defi", "SLUG=nouveau-defi", "TITLE=Nouveau défi", "DATE=2031-02-01"
    )
    assert status == 0, log
    created = defis / "2031-02-01-nouveau-defi.md"
    status, log = run_command([sys.executable, "scripts/build.py", "-s", "publishconf.py"], site)
    assert status == 1 and f"{created.relative_to(site)}:" in log, log  # not filled in yet
    fill_in(created)
    (defis / "2031-02-02-cartes-des-communs.md").write_text(HAND_WRITTEN, encoding="utf-8")

    # It publishes: nothing left to fill in, every page builds.
    status, log = run_command([sys.executable, "scripts/build.py", "-s", "publishconf.py"], site)
    assert status == 0, log
    output = site / "output"
    for challenge in removed:
        assert not (output / challenge.save_as).exists(), challenge.source
    assert (output / "defis/defi-renomme/index.html").is_file()
    assert "refresh" in (output / renamed.save_as).read_text(encoding="utf-8")
    assert (output / "defis/nouveau-defi/index.html").is_file()
    assert (output / "defis/cartes-des-communs/index.html").is_file()

    # The real-site tests, run on the copy, expect what its content says.
    # A run of its own, not a worker of this one: under pytest-xdist's variables, it would
    # take the builds this session's workers share (conftest.py's session_folder) for its
    # own, and check pages built from another copy.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_XDIST_")}
    env["EIG_SITE"] = str(site)
    env.pop("SITEURL", None)
    command = [sys.executable, "-m", "pytest", *CHECKS, "-p", "no:cacheprovider", "-v"]
    # Its own temporary folder, where it builds the copy's site; no other run's is pruned.
    command += ["--basetemp", str(tmp_path / "pytest")]
    command += ["-m", "not browser and not nginx and not slow", "--tb=short"]
    status, log = run_command(command, ROOT, env)
    assert status == 0, log
    assert "test_the_13_files_build PASSED" in log, log
    assert "test_the_real_site_has_nothing_unsafe PASSED" in log, log
    for new in ("nouveau-defi", "cartes-des-communs", "defi-renomme"):
        assert re.search(rf"test_open_challenge_page_offers_to_apply\[{new}\] PASSED", log), log
    for gone in removed:
        assert f"[{gone.slug}]" not in log
