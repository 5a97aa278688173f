"""The allow-list's verdicts kept between builds of one process (plugins/strict_content/verdicts.py)
change no message: a text seen before is still checked against what each build builds."""

from conftest import STRICT_PLUGINS, assert_fails_with, build_fixture, page
from strict_content import verdicts

LINK_FIX = (
    "corrigez l'adresse, ou liez la page par son fichier : `[texte]({% link pages/reglement.md %})`"
)


def body(text):
    """A page whose body (from line 5) is `text`."""
    return page("layout: page\ntitle: T\n", text)


def test_a_link_seen_before_is_checked_again_when_its_page_is_gone(tmp_path):
    text = body("Voir [b](/b/).\n")
    files = {"pages/a.md": text, "pages/b.md": body("B.\n")}
    first = build_fixture(tmp_path / "one", files, PLUGINS=STRICT_PLUGINS)
    assert first.returncode == 0, first.log
    again = build_fixture(tmp_path / "two", {"pages/a.md": text}, PLUGINS=STRICT_PLUGINS)
    assert_fails_with(
        again,
        "pages/a.md:5: le lien « /b/ » mène à une page que le site ne construit pas — " + LINK_FIX,
    )


def test_a_refused_text_seen_before_is_told_at_its_line_each_time(strict_build):
    files = {"pages/x.md": body("Un.\n\n<script>alert(1)</script>\n")}
    told = []
    for _ in range(2):
        result = strict_build(files)
        assert result.returncode == 1, result.log
        told.append(result.error_lines())
    assert told[0] == told[1]
    assert told[0][0].startswith("pages/x.md:7: le texte contient une balise <script>")


def test_a_verdict_depends_on_the_sites_address():
    image = '<p><img src="https://eig.example/static/a.png" alt="A"></p>'
    assert verdicts.verdict(image, "https://eig.example") == verdicts.Verdict(
        False, False, (("img", "https://eig.example/static/a.png"),)
    )
    assert verdicts.verdict(image, "").refused


def test_the_kept_verdicts_are_bounded():
    for number in range(verdicts.MAX_KEPT + 10):
        verdicts.verdict(f"<p>{number}</p>")
    assert len(verdicts._KEPT) == verdicts.MAX_KEPT
