"""`make defi SLUG=… TITLE=…` creates a challenge file that builds, and never overwrites one."""

from datetime import date

import pytest
import site_content
import yaml
from conftest import copy_real_project, module_folder, run_make
from content_schema.schema import SCHEMAS
from new_defi import FROM_ELSEWHERE

pytestmark = pytest.mark.slow

CHALLENGES = "content/defis"


@pytest.fixture
def project(tmp_path):
    return copy_real_project(tmp_path / "site")


def defi_schema():
    """The challenge schema `make defi` reads."""
    return SCHEMAS["defi"]


def front_matter(path):
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def challenge_files(site):
    return {p.name: p.read_bytes() for p in (site / CHALLENGES).iterdir()}


def test_make_defi_creates_a_challenge_with_every_required_key(project):
    returncode, log = run_make(project, "defi", "SLUG=mon-defi", "TITLE=L'eau : « défi »")
    assert returncode == 0, log
    path = project / CHALLENGES / f"{date.today().isoformat()}-mon-defi.md"
    assert f"Défi créé : {CHALLENGES}/{path.name}" in log
    data = front_matter(path)
    required = [f.name for f in defi_schema().fields if f.required]
    assert set(required) - FROM_ELSEWHERE <= set(data)
    assert data["title"] == "L'eau : « défi »"
    numbers = [c.numero for c in site_content.challenges() if isinstance(c.numero, int)]
    assert data["numero"] == max(numbers, default=0) + 1  # after the last challenge
    lines = path.read_text(encoding="utf-8").splitlines()
    guide = " ".join(line.removeprefix("#").strip() for line in lines if line.startswith("#"))
    for field in defi_schema().fields:
        if field.name in FROM_ELSEWHERE:
            continue
        if field.required:
            assert " ".join(field.help.split()) in guide
        else:
            assert field.name in guide


def test_the_new_challenge_builds(project):
    arguments = ["SLUG=mon-defi", "TITLE=Mon défi", "DATE=2017-09-27"]
    returncode, log = run_make(project, "defi", *arguments)
    assert returncode == 0, log
    returncode, log = run_make(project, "html")
    assert returncode == 0, log
    page = (project / "output/defis/mon-defi/index.html").read_text(encoding="utf-8")
    assert "<h1>Mon défi</h1>" in page
    assert "/defis/mon-defi/" in (project / "output/defis/index.html").read_text(encoding="utf-8")


# Any existing challenge: its file and its address are taken.
TAKEN = site_content.challenges()[0]
TAKEN_DAY = TAKEN.source.rsplit("/", 1)[1][:10]


REFUSALS = {
    "no slug": (
        ["TITLE=Mon défi"],
        "make defi : SLUG manque — indiquez l'adresse du défi, par exemple : "
        'make defi SLUG=nom-du-defi TITLE="Nom du défi"',
    ),
    "slug with capitals and accents": (
        ["SLUG=Mon-Défi", "TITLE=Mon défi"],
        "make defi : SLUG « Mon-Défi » n'est pas permis — écrivez des minuscules sans accents, "
        "des chiffres et des tirets, par exemple SLUG=signaux-faibles",
    ),
    "slug leaving the folder": (
        ["SLUG=../pages/cgu", "TITLE=Mon défi"],
        "make defi : SLUG « ../pages/cgu » n'est pas permis — écrivez des minuscules sans "
        "accents, des chiffres et des tirets, par exemple SLUG=signaux-faibles",
    ),
    "no title": (
        ["SLUG=mon-defi"],
        "make defi : TITLE manque — indiquez le titre du défi, par exemple : "
        'make defi SLUG=nom-du-defi TITLE="Nom du défi"',
    ),
    "bad date": (
        ["SLUG=mon-defi", "TITLE=Mon défi", "DATE=27/09/2017"],
        "make defi : DATE « 27/09/2017 » n'est pas une date — écrivez AAAA-MM-JJ, "
        "par exemple DATE=2017-09-27",
    ),
    "existing file": (
        [f"SLUG={TAKEN.slug}", "TITLE=Mon défi", f"DATE={TAKEN_DAY}"],
        f"make defi : {TAKEN.source} existe déjà, il n'a pas été modifié "
        "— choisissez un autre SLUG, ou modifiez ce fichier",
    ),
    "address taken by another date's file": (
        [f"SLUG={TAKEN.slug}", "TITLE=Mon défi", "DATE=1999-01-01"],
        f"make defi : {TAKEN.source} a déjà l'adresse /defis/{TAKEN.slug}/ "
        "— choisissez un autre SLUG",
    ),
}


@pytest.fixture(scope="module")
def refusing_project(request):
    """One copy of the project for the refusals: each checks that it wrote nothing there."""
    with module_folder(request, "refusals") as folder:
        yield copy_real_project(folder / "site")


@pytest.mark.parametrize("case", REFUSALS)
def test_make_defi_refuses_and_writes_nothing(refusing_project, case):
    arguments, message = REFUSALS[case]
    before = challenge_files(refusing_project)
    returncode, log = run_make(refusing_project, "defi", *arguments)
    assert returncode != 0
    assert message in log.splitlines()
    assert "Traceback" not in log
    assert challenge_files(refusing_project) == before
