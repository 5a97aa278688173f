"""The project's own site, built with pelicanconf.py and publishconf.py."""

import re
import shutil

import pytest
import site_content
from conftest import FIXTURES, ROOT, SHARED, build_real_site, copy_real_site

# Byte-for-byte copies of ../shared's files, so that a clone anywhere can test;
# test_copies_match_shared checks them against ../shared where it exists (CI).
SEED = FIXTURES / "seed" / "accueil.md"
REFERENCE_2017 = FIXTURES / "features" / "content" / "defis" / "17-09-26-exemple.md"
CHALLENGE_FACTS = FIXTURES / "reference" / "challenges.yml"
COPIES = {
    SEED: SHARED / "seed" / "accueil.md",
    REFERENCE_2017: SHARED / "reference" / "jekyll-2017-example.md",
    CHALLENGE_FACTS: SHARED / "reference" / "challenges.yml",
}
# The only changes pages/accueil.md may make to the seed: its three placeholders.
PLACEHOLDER_LINKS = [
    (
        "**DEVENEZ ENTREPRENEUR D’INTERET GENERAL (lien formulaire)**",
        "**[DEVENEZ ENTREPRENEUR D’INTERET GENERAL]({{ site.application_form_url }})**",
    ),
    (
        "le règlement du programme\nEntrepreneurs d'intérêt général (lien page règlement).",
        "le [règlement du programme\nEntrepreneurs d'intérêt général]"
        "({% link pages/reglement.md %}).",
    ),
    (
        "conditions générales d'utilisation (lien).",
        "[conditions générales d'utilisation]({% link pages/cgu.md %}).",
    ),
]
HEADING = (
    "Bienvenue sur le site d’appel à candidatures du programme Entrepreneurs d’intérêt général !"
)


@pytest.mark.parametrize("copy", list(COPIES), ids=lambda p: p.name)
def test_copies_match_shared(copy):
    original = COPIES[copy]
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this clone (it is in CI)")
    assert copy.read_bytes() == original.read_bytes()


def test_welcome_page_is_the_seed_with_its_placeholders_linked():
    expected = SEED.read_text(encoding="utf-8")
    for placeholder, link in PLACEHOLDER_LINKS:
        assert expected.count(placeholder) == 1
        expected = expected.replace(placeholder, link)
    assert (ROOT / "pages" / "accueil.md").read_text(encoding="utf-8") == expected


def test_welcome_page_is_served_at_the_root(real_site):
    assert real_site.html("index.html").h1.get_text() == HEADING


def test_welcome_page_links_to_the_form_rules_and_terms(real_site):
    main = real_site.html("index.html").select_one("main")
    form = main.find("a", string="DEVENEZ ENTREPRENEUR D’INTERET GENERAL")
    assert form["href"] == site_content.form_url()
    rules = main.find("a", string=re.compile("^règlement du programme"))
    assert rules["href"] == "/reglement/"
    assert (real_site.output / "reglement/index.html").exists()
    # The page writes a straight apostrophe; Jekyll's typography curls it (pelican_jekyll.markdown).
    terms = main.find("a", string="conditions générales d’utilisation")
    assert terms["href"] == "/cgu/"
    assert (real_site.output / "cgu/index.html").exists()


def test_nothing_of_pelicans_default_theme_is_written(real_site):
    # test_pages.py checks the exact list of pages; here, none comes from Pelican's theme.
    assert not any(
        name.startswith(("theme/", "tag/", "category/", "author")) for name in real_site.files()
    )
    for name in (n for n in real_site.files() if n.endswith(".html")):
        html = (real_site.output / name).read_text(encoding="utf-8")
        assert "notmyidea" not in html
        assert "Powered by" not in html
        assert "/theme/" not in html


def test_the_seed_as_written_builds(tmp_path):
    """The editors' file, byte for byte, with its placeholders still in."""
    site = copy_real_site(tmp_path, plugins=False)
    shutil.copyfile(SEED, site / "pages" / "accueil.md")
    result = build_real_site(site)
    assert result.returncode == 0, result.log
    main = result.html("index.html").select_one("main")
    assert main.h1.get_text() == HEADING
    paragraphs = [p.get_text() for p in main.find_all("p")]
    for number in range(1, 14):
        assert sum(p.startswith(f"{number}.") for p in paragraphs) == 1, number
    assert "13.Programme Entrepreneurs d’intérêt général :" in main.get_text()
    assert "(lien formulaire)" in main.get_text()


def test_2017_challenge_file_becomes_a_challenge_page(tmp_path):
    site = copy_real_site(tmp_path, plugins=False)
    (site / "content" / "defis").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(REFERENCE_2017, site / "content" / "defis" / "17-09-26-exemple.md")
    result = build_real_site(site)
    assert result.returncode == 0, result.log
    page = result.html("defis/exemple/index.html")
    assert page.h1.get_text() == "Exemple : un défi au format du site de 2017"
    assert "Ministère de l'Exemple, Direction des essais" in page.get_text()
    # The description's headings follow the skills that `misc:` gives (content_schema).
    headings = [h2.get_text() for h2 in page.select("main h2")]
    assert headings[:3] == ["Les compétences", "La problématique", "Le défi"]
    assert page.select_one("main li strong").get_text() == "EIG 1 - DATA SCIENCE"


def test_publish_build_links_with_the_public_address(published_site):
    main = published_site.html("index.html").select_one("main")
    rules = main.find("a", string=re.compile("^règlement du programme"))
    assert rules["href"] == "https://entrepreneur-interet-general.etalab.gouv.fr/reglement/"
