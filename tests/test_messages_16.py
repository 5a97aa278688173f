"""Messages of issue 16: each at the right file and line, with advice that fits the case."""

import pytest
from conftest import assert_fails_with, page
from content_schema.schema import CHALLENGE, SCHEMAS, SKILLS, plain

DEFI = "content/defis/2017-09-27-x.md"
# A challenge with every required key, on lines 2 to 6.
VALID = (
    "title: Un défi\nnumero: 3\nadministration: Ministère\nprofils: [Design]\n"
    "competences: [design]\n"
)
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a30000000049454e44ae426082"
)
# The site's rule for the 2017 images (pelicanconf.py): static/img/… published at /img/….
IMG_SETTINGS = {"STATIC_PATHS": ["static"], "PATH_METADATA": r"static/(?P<path>img/.+)"}
LINK_FIX = (
    "corrigez l'adresse, ou liez la page par son fichier : `[texte]({% link pages/reglement.md %})`"
)
SKILL_FIX = (
    "tilisez l'une de : data science, datavisualisation, design, développement, géomatique ; "
    "pour en ajouter une, ou une autre façon de l'écrire, demandez à l'équipe technique de "
    "compléter la liste (plugins/content_schema/schema.py)"
)


def body(text):
    """A page whose body starts at line 5."""
    return page("layout: page\ntitle: T\n", text)


# -- the line of a link or an image ------------------------------------------------


def test_image_is_told_at_its_body_line_not_at_the_same_path_in_front_matter(strict_build):
    filler = "".join(f"Paragraphe {n}.\n\n" for n in range(1, 33))  # lines 9 to 72
    text = page(
        VALID + "img: /img/portfolio/logo.png\n", filler + "\n![Logo](/img/portfolio/logo.png)\n"
    )
    assert text.splitlines()[73] == "![Logo](/img/portfolio/logo.png)"
    result = strict_build({DEFI: text}, **IMG_SETTINGS)
    assert_fails_with(
        result,
        f"{DEFI}:74: l'image « /img/portfolio/logo.png » n'existe pas sur le site — vérifiez "
        "son nom, ou placez l'image dans static/img/portfolio/logo.png (le fichier que cette "
        "adresse publie)",
    )


def test_image_placed_in_static_img_is_published_at_img(strict_build):
    text = page(VALID + "img: /img/logo.png\n", "![Logo](/img/logo.png)\n")
    result = strict_build({DEFI: text, "static/img/logo.png": PNG}, **IMG_SETTINGS)
    assert result.returncode == 0, result.log
    assert "img/logo.png" in result.files()
    assert "static/img/logo.png" not in result.files()


def test_link_in_a_markdown_field_is_told_at_its_front_matter_line(strict_build):
    front = 'layout: page\ntitle: T\ndescription: "Voir [la page](/absente/)."\n'
    result = strict_build({"pages/x.md": page(front, "")})
    assert_fails_with(
        result,
        "pages/x.md:4: le lien « /absente/ » mène à une page que le site ne construit pas — "
        + LINK_FIX,
    )


# -- errors inside an include ------------------------------------------------------


def test_dead_link_inside_an_include_names_the_include_and_the_page(strict_build):
    result = strict_build(
        {
            "pages/x.md": body("Un.\n\n{% include note.md %}\n"),
            "pages/_includes/note.md": "Note.\n\n[mort](/nulle-part/)\n",
        }
    )
    assert_fails_with(
        result,
        "pages/_includes/note.md:3: le lien « /nulle-part/ » mène à une page que le site ne "
        "construit pas (fichier inclus par pages/x.md:7) — " + LINK_FIX,
    )


def test_image_inside_a_nested_include_names_the_innermost_file(strict_build):
    result = strict_build(
        {
            "pages/x.md": body("{% include a.md %}\n"),
            "pages/_includes/a.md": "A.\n\n{% include b.md %}\n",
            "pages/_includes/b.md": "B.\n\n![Carte](/static/carte.png)\n",
        },
        STATIC_PATHS=["static"],
    )
    assert_fails_with(
        result,
        "pages/_includes/b.md:3: l'image « /static/carte.png » n'existe pas sur le site "
        "(fichier inclus par pages/x.md:5) — vérifiez son nom, ou placez l'image dans "
        "static/carte.png (le fichier que cette adresse publie)",
    )


def test_liquid_error_in_a_nested_include_names_the_page_line(build):
    result = build(
        {
            "pages/x.md": body("Un.\n{% include a.md %}\n"),
            "pages/_includes/a.md": "A.\n{% include b.md %}\n",
            "pages/_includes/b.md": "B.\n\n{{ page.absente }}\n",
        }
    )
    assert_fails_with(
        result,
        "pages/_includes/b.md:3: la variable Liquid « page.absente » n'est pas définie "
        "(fichier inclus par pages/x.md:6) — corrigez son nom : site.x lit le réglage X de "
        "pelicanconf.py listé dans JEKYLL_SITE_SETTINGS (ou la clé x de JEKYLL_SITE), page.x "
        "la clé x de l'en-tête de la page",
    )


# -- keys and layouts --------------------------------------------------------------


def test_tag_is_jekylls_single_tag_not_a_typo_of_tags(strict_build):
    result = strict_build({"pages/x.md": page("layout: page\ntitle: T\ntag: données publiques\n")})
    assert result.returncode == 0, result.log
    built = (result.output / "x" / "index.html").read_text(encoding="utf-8")
    assert "[<Tag 'données publiques'>]" in built  # one tag, kept whole


def test_a_real_typo_of_tags_is_still_told(strict_build):
    result = strict_build({"pages/x.md": page("layout: page\ntitle: T\ntgas: données\n")})
    assert_fails_with(
        result,
        "pages/x.md:4: la clé « tgas » n'est pas connue — vouliez-vous écrire « tags » ? "
        "Corrigez le nom de la clé",
    )


def test_unknown_layout_of_a_challenge_is_offered_challenge_layouts(strict_build):
    result = strict_build({DEFI: page(VALID + "layout: defi\n")})
    assert_fails_with(
        result, f"{DEFI}:7: la mise en page « defi » est inconnue — utilisez l'une de : post"
    )


def test_unknown_layout_close_to_a_challenge_layout_is_named(strict_build):
    result = strict_build({DEFI: page(VALID + "layout: posts\n")})
    assert_fails_with(
        result,
        f"{DEFI}:7: la mise en page « posts » est inconnue — vouliez-vous écrire « post » ? "
        "Sinon, utilisez l'une de : post",
    )


def test_unknown_layout_of_a_page_is_offered_page_layouts(strict_build):
    result = strict_build({"pages/x.md": page("layout: accueil\ntitle: T\n")})
    assert_fails_with(
        result,
        "pages/x.md:2: la mise en page « accueil » est inconnue — utilisez l'une de : "
        "a-propos, cgu, faq, page",
    )


# -- links to files ----------------------------------------------------------------


def test_dead_link_to_a_pdf_is_told_to_use_static(strict_build):
    result = strict_build({"pages/x.md": body("Voir [le pitch](/docs/pitch.pdf).\n")})
    assert_fails_with(
        result,
        "pages/x.md:5: le lien « /docs/pitch.pdf » mène à un fichier absent du site — placez "
        "le fichier dans static/ et liez-le par son chemin, par exemple "
        "`/static/docs/pitch.pdf` pour static/docs/pitch.pdf",
    )


def test_dead_link_to_a_pdf_of_static_names_the_file_to_add(strict_build):
    result = strict_build(
        {"pages/x.md": body("Voir [le pitch](/static/docs/pitch.pdf).\n")}, STATIC_PATHS=["static"]
    )
    assert_fails_with(
        result,
        "pages/x.md:5: le lien « /static/docs/pitch.pdf » mène à un fichier absent du site — "
        "vérifiez son nom, ou placez le fichier dans static/docs/pitch.pdf (le fichier que "
        "cette adresse publie)",
    )


def test_pdf_in_static_links_and_builds(strict_build):
    result = strict_build(
        {"pages/x.md": body("[Pitch](/static/pitch.pdf)\n"), "static/pitch.pdf": b"%PDF-1.4\n"},
        STATIC_PATHS=["static"],
    )
    assert result.returncode == 0, result.log


# -- Liquid tags -------------------------------------------------------------------


def test_known_tags_are_those_editors_may_write(build):
    result = build({"pages/x.md": body("{% youtube abc %}\n")})
    assert_fails_with(
        result,
        "pages/x.md:5: balise Liquid inconnue « {% youtube %} » — balises reconnues : assign, "
        "break, capture, case, comment, continue, cycle, decrement, for, if, ifchanged, "
        "include, increment, link, raw, tablerow, unless ; pour écrire « {% » tel quel, "
        "entourez le passage de {% raw %}…{% endraw %}",
    )


# -- skills ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    ["Data science", "DATA  SCIENCE", "datascience", "Science des données"],
)
def test_a_skill_written_another_way_shows_as_its_skill(strict_build, written):
    result = strict_build({DEFI: page(VALID.replace("[design]", f"[{written}]"))})
    assert result.returncode == 0, result.log
    assert result.meta("2017/09/27/x/index.html", "competences") == "['data science']"


def test_2017_misc_line_shows_each_skill_once(strict_build):
    front = VALID.replace("competences: [design]\n", "misc: 'design UX/UI, ergonomie, devops'\n")
    result = strict_build({DEFI: page(front)})
    assert result.returncode == 0, result.log
    shown = result.meta("2017/09/27/x/index.html", "competences")
    assert shown == "['design', 'développement']"


def test_unknown_skill_is_offered_the_nearest(strict_build):
    front = VALID.replace("[design]", "[Desing, Dévelopement  web, cuisine]")
    result = strict_build({DEFI: page(front)})
    assert_fails_with(
        result,
        f"{DEFI}:6: « Desing » n'est pas une valeur permise de « competences » — vouliez-vous "
        f"écrire « design » ? U{SKILL_FIX}",
        f"{DEFI}:6: « Dévelopement  web » n'est pas une valeur permise de « competences » — "
        f"vouliez-vous écrire « développement » ? U{SKILL_FIX}",
        f"{DEFI}:6: « cuisine » n'est pas une valeur permise de « competences » — u{SKILL_FIX}",
    )


def test_unknown_skill_in_misc_names_misc(strict_build):
    front = VALID.replace("competences: [design]\n", "misc: 'data science, juridique'\n")
    result = strict_build({DEFI: page(front)})
    assert_fails_with(
        result,
        f"{DEFI}:6: « juridique » n'est pas une valeur permise de « misc » — u{SKILL_FIX}",
    )


def test_each_spelling_means_one_skill():
    field = CHALLENGE.field("competences")
    seen = {}
    for choice in SKILLS:
        assert choice in field.value_aliases or field.canonical(choice) == choice
        seen[plain(choice)] = choice
    for choice, aliases in field.value_aliases.items():
        assert choice in SKILLS
        for alias in aliases:
            assert seen.setdefault(plain(alias), choice) == choice, alias
    # Only the skills' field has aliases: other keys' values are compared as written.
    others = [f for kind in SCHEMAS.values() for f in kind.fields if f.value_aliases]
    assert others == [field]


def test_image_of_static_img_linked_at_its_source_path_is_told_its_address(strict_build):
    result = strict_build(
        {"pages/x.md": body("![Logo](/static/img/logo.png)\n"), "static/img/logo.png": PNG},
        **IMG_SETTINGS,
    )
    assert_fails_with(
        result,
        "pages/x.md:5: l'image « /static/img/logo.png » n'existe pas sur le site — le fichier "
        "static/img/logo.png est publié à l'adresse `/img/logo.png` : écrivez celle-ci",
    )
