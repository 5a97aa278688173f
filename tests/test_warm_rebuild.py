"""`make serve` rebuilds in a process that stays up and keeps what the reader made of
each file: a page must still change whenever anything it is made from changes."""

import re

import pytest
import site_content
from build_worker import BuildWorker
from conftest import copy_real_project
from serve import ROOT, needs_new_process

pytestmark = pytest.mark.slow

NOTE = "pages/_includes/note.md"
ESSAI = "pages/essai.md"
FIRST = site_content.challenges()[0]  # any challenge of the content
CHALLENGE = FIRST.source
CHALLENGE_PAGE = FIRST.url.strip("/")


@pytest.fixture
def site(tmp_path):
    """A copy of the project with a page that includes a file and links to another page."""
    site = copy_real_project(tmp_path / "site")
    (site / "pages/_includes").mkdir(exist_ok=True)
    (site / NOTE).write_text("Texte inclus, première version.\n", encoding="utf-8")
    (site / ESSAI).write_text(
        "---\ntitle: Essai\n---\n{% include note.md %}\n\n"
        "[Le règlement]({% link pages/reglement.md %}), écrire à {{ site.contact_email }}.\n",
        encoding="utf-8",
    )
    return site


@pytest.fixture
def worker(site):
    worker = BuildWorker("pelicanconf.py", cwd=site)
    assert worker.build() == 0
    yield worker
    worker.stop()


def page(site, url):
    return (site / "output" / url / "index.html").read_text(encoding="utf-8")


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_changed_include_changes_the_page_that_includes_it(site, worker):
    assert "première version" in page(site, "essai")
    edit(site / NOTE, "première", "seconde")
    assert worker.build() == 0
    assert "seconde version" in page(site, "essai")


def test_a_changed_link_target_changes_the_link(site, worker):
    assert 'href="/reglement/"' in page(site, "essai")
    edit(site / "pages/reglement.md", "---\n", "---\npermalink: /le-reglement/\n")
    # The menu links to the page too, and its links are checked: it follows the page.
    edit(site / "pelicanconf.py", '("Règlement", "reglement/")', '("Règlement", "le-reglement/")')
    assert worker.build() == 0
    assert 'href="/le-reglement/"' in page(site, "essai")


def test_a_changed_setting_changes_the_site_values_a_page_prints(site, worker):
    assert "eig@data.gouv.fr" in page(site, "essai")
    edit(site / "pelicanconf.py", 'CONTACT_EMAIL = "eig@data.gouv.fr"', 'CONTACT_EMAIL = "x@y.fr"')
    assert worker.build() == 0
    assert "x@y.fr" in page(site, "essai")


def test_a_changed_template_changes_every_page(site, worker):
    edit(site / "templates/base.html", "</body>", "<p>Repère du gabarit</p></body>")
    assert worker.build() == 0
    assert "Repère du gabarit" in page(site, "essai")
    assert "Repère du gabarit" in page(site, CHALLENGE_PAGE)


def test_a_changed_challenge_changes_its_page(site, worker):
    path = site / CHALLENGE
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^title: .*$", "title: Titre modifié", text, count=1))
    assert worker.build() == 0
    assert "Titre modifié" in page(site, CHALLENGE_PAGE)


def test_a_page_in_error_fails_every_build_until_it_is_fixed(site, worker):
    edit(site / ESSAI, "{% include note.md %}", "{% include absente.md %}")
    assert worker.build() != 0
    assert worker.build() != 0
    edit(site / ESSAI, "{% include absente.md %}", "{% include note.md %}")
    assert worker.build() == 0


def test_a_removed_include_fails_the_build(site, worker):
    (site / NOTE).unlink()
    assert worker.build() != 0


def test_a_changed_plugin_needs_a_new_build_process(site, worker):
    closes = site_content.call_dates()[1]
    month = site_content.MONTHS[closes.month - 1]
    shouted = site_content.french_day(closes).replace(month, month.upper())
    assert shouted not in page(site, "candidater")
    edit(site / "plugins/application_call/french_dates.py", f'"{month}"', f'"{month.upper()}"')
    worker.restart()
    assert worker.build() == 0
    assert shouted in page(site, "candidater")


@pytest.mark.parametrize(
    ("changed", "new_process"),
    [
        ("pelicanconf.py", True),
        ("plugins/jekyll_compat/reader.py", True),
        ("plugins/content_schema/schema.py", True),
        ("templates/base.html", False),
        (CHALLENGE, False),
        ("pages/_includes/note.md", False),
        ("static/css/site.css", False),
    ],
)
def test_python_code_changes_need_a_new_build_process(changed, new_process):
    assert needs_new_process([str(ROOT / changed)]) is new_process


def test_a_broken_link_fails_every_build_not_only_the_first(site, worker):
    edit(site / ESSAI, "[Le règlement]", "[Perdu]({filename}/absent.md) [Le règlement]")
    assert worker.build() != 0
    assert worker.build() != 0


def test_a_schema_mistake_in_a_challenge_already_built_fails_the_build(site, worker):
    number = f"numero: {FIRST.numero}"
    edit(site / CHALLENGE, number, "numero: trois")
    assert worker.build() != 0
    edit(site / CHALLENGE, "numero: trois", number)
    assert worker.build() == 0
