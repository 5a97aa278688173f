"""The content schema: its declaration, and each of its errors with its exact message."""

import runpy
import subprocess
import sys

import pytest
from conftest import FIXTURES, ROOT, assert_fails_with, page
from content_schema import schema, validate
from content_schema.schema import SCHEMAS
from jekyll_compat import config as jekyll_config

CHALLENGE = "content/defis/2017-09-27-x.md"
# A challenge with every required key, to which each test adds one mistake.
VALID = (
    "title: Un défi\nnumero: 3\nadministration: Ministère\nprofils: [Design]\n"
    "competences: [design]\n"
)
SKILL_FIX = (
    "utilisez l'une de : data science, datavisualisation, design, développement, "
    "géomatique ; pour en ajouter une, ou une autre façon de l'écrire, demandez à l'équipe "
    "technique de compléter la liste (plugins/content_schema/schema.py)"
)

# -- the declaration -------------------------------------------------------------


def test_schema_imports_without_pelican():
    code = (
        "import sys; sys.path.insert(0, 'plugins'); "
        "from content_schema.schema import SCHEMAS; "
        "assert 'pelican' not in sys.modules, 'pelican imported'; "
        "print(sorted(SCHEMAS))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['defi', 'page', 'page_en']"


@pytest.mark.parametrize("kind", SCHEMAS.values(), ids=lambda k: k.name)
def test_every_field_is_described(kind):
    names = [f.name for f in kind.fields]
    assert len(names) == len(set(names))
    for field in kind.fields:
        assert field.type in schema.TYPES, field.name
        assert len(field.help) > 10 and field.help.endswith("."), field.name
        assert field.example is not None, field.name


@pytest.mark.parametrize("kind", SCHEMAS.values(), ids=lambda k: k.name)
def test_every_example_is_valid(kind):
    data = {f.name: f.example for f in kind.fields}
    lines = {name: number for number, name in enumerate(data, start=2)}
    layouts = set(jekyll_config.DEFAULTS["layouts"]) | set(schema.PAGE_LAYOUTS)
    assert validate.check(kind, "x.md", data, lines, layouts) == []


def test_required_keys_of_a_challenge():
    required = [f.name for f in SCHEMAS["defi"].fields if f.required]
    assert required == ["title", "numero", "administration", "profils", "competences"]
    assert [f.name for f in SCHEMAS["page"].fields if f.required] == ["title"]


def test_2017_keys_are_aliases():
    challenge = SCHEMAS["defi"]
    assert challenge.field_for_key("modal-id").name == "title"
    assert challenge.field_for_key("owner").name == "administration"
    assert challenge.field_for_key("misc").name == "competences"


def test_schema_layouts_are_the_sites_layouts():
    """Every layout of pelicanconf.py belongs to one kind, and each kind's layouts exist."""
    settings = runpy.run_path(str(ROOT / "pelicanconf.py"))
    known = set(jekyll_config.load(settings).layouts)
    challenge = SCHEMAS["defi"].field("layout").choices
    pages = SCHEMAS["page"].field("layout").choices
    assert set(challenge) | set(pages) == known
    assert not set(challenge) & set(pages)


def test_typo_distance():
    assert validate.closest("adminstration", ["administration", "direction"]) == "administration"
    assert validate.closest("Titel", ["title"]) == "title"
    assert validate.closest("redirect-from", ["redirect_from"]) == "redirect_from"
    assert validate.closest("owner", ["title", "numero"]) is None
    assert validate.closest("id", ["img"]) is None


# -- errors ----------------------------------------------------------------------


def test_valid_challenge_builds(strict_build):
    result = strict_build({CHALLENGE: page(VALID)})
    assert result.returncode == 0, result.log
    assert "2017/09/27/x/index.html" in result.files()


def test_missing_required_keys_are_all_told(strict_build):
    result = strict_build({CHALLENGE: page("title: Un défi\n")})
    assert_fails_with(
        result,
        f"{CHALLENGE}: il manque la clé « numero », obligatoire pour un défi — ajoutez dans "
        "l'en-tête une ligne comme `numero: 16` : le rang du défi dans les listes (1 pour le "
        "premier)",
        f"{CHALLENGE}: il manque la clé « administration », obligatoire pour un défi — ajoutez "
        "dans l'en-tête une ligne comme `administration: Ministère de l'Économie et des "
        "Finances` : l'administration qui porte le défi",
        f"{CHALLENGE}: il manque la clé « profils », obligatoire pour un défi — ajoutez dans "
        'l\'en-tête une ligne comme `profils: ["Science des données : analyser les données", '
        '"Développement : réaliser l\'outil"]` : les entrepreneurs recherchés, un par ligne ; `[]` '
        "s'ils ne sont pas encore connus",
        f"{CHALLENGE}: il manque la clé « competences », obligatoire pour un défi — ajoutez "
        "dans l'en-tête une ligne comme `competences: [data science, développement]` : les "
        "compétences recherchées, chacune prise dans la liste permise ; `[]` si elles ne sont "
        "pas encore connues",
    )


def test_number_must_be_an_integer(strict_build):
    result = strict_build({CHALLENGE: page(VALID.replace("numero: 3", "numero: trois"))})
    assert_fails_with(
        result,
        f"{CHALLENGE}:3: « numero » doit être un nombre entier, pas « trois » — écrivez par "
        "exemple `numero: 16`",
    )


def test_number_must_be_positive(strict_build):
    result = strict_build({CHALLENGE: page(VALID.replace("numero: 3", "numero: 0"))})
    assert_fails_with(
        result,
        f"{CHALLENGE}:3: « numero » doit valoir au moins 1 (lu : 0) — écrivez par exemple "
        "`numero: 16`",
    )


def test_text_must_not_be_a_list(strict_build):
    result = strict_build({CHALLENGE: page(VALID + "lieu: [Paris, Lyon]\n")})
    assert_fails_with(
        result,
        f"{CHALLENGE}:7: « lieu » doit être un texte sur une ligne, pas une liste — écrivez "
        "par exemple `lieu: Paris (75)`",
    )


def test_profiles_must_be_a_list(strict_build):
    result = strict_build({CHALLENGE: page(VALID.replace("profils: [Design]", "profils: {a: b}"))})
    assert_fails_with(
        result,
        f"{CHALLENGE}:5: « profils » doit être une liste, pas une suite de clés — écrivez par "
        'exemple `profils: ["Science des données : analyser les données", "Développement : '
        "réaliser l'outil\"]`, ou un élément par ligne, en retrait, commençant par « - »",
    )


def test_required_key_left_empty(strict_build):
    result = strict_build(
        {CHALLENGE: page(VALID.replace("administration: Ministère", "administration:"))}
    )
    assert_fails_with(
        result,
        f"{CHALLENGE}:4: la clé « administration » est vide — donnez-lui une valeur, par "
        "exemple `administration: Ministère de l'Économie et des Finances`",
    )


def test_optional_keys_left_empty_are_keys_not_given(strict_build):
    # As the back office writes a field left blank: the file's name still dates it.
    blank = 'date: ""\nlieu: ""\npermalink:\nslug: ""\nredirect_from:\nstatus: ""\n'
    result = strict_build({CHALLENGE: page(VALID + blank)})
    assert result.returncode == 0, result.log
    # Jekyll's default permalink: dated by the file name, as if `date` were absent.
    assert result.files() == {"2017/09/27/x/index.html"}


def test_skills_come_from_one_list(strict_build):
    result = strict_build({CHALLENGE: page(VALID.replace("[design]", "[desing, cuisine]"))})
    assert_fails_with(
        result,
        f"{CHALLENGE}:6: « desing » n'est pas une valeur permise de « competences » — "
        f"vouliez-vous écrire « design » ? U{SKILL_FIX[1:]}",
        f"{CHALLENGE}:6: « cuisine » n'est pas une valeur permise de « competences » — {SKILL_FIX}",
    )


def test_likely_typo_of_a_key(strict_build):
    result = strict_build({CHALLENGE: page(VALID + "adminstration: Ministère\n")})
    assert_fails_with(
        result,
        f"{CHALLENGE}:7: la clé « adminstration » n'est pas connue — vouliez-vous écrire "
        "« administration » ? Corrigez le nom de la clé",
    )


def test_other_unknown_keys_are_kept(strict_build):
    result = strict_build({"pages/x.md": page("layout: page\ntitle: T\nequipe_projet: Oui\n")})
    assert result.returncode == 0, result.log
    assert result.meta("x/index.html", "equipe_projet") == "Oui"


def test_layout_of_another_kind(strict_build):
    result = strict_build({CHALLENGE: page(VALID + "layout: page\n")})
    assert_fails_with(
        result,
        f"{CHALLENGE}:7: la mise en page « page » ne convient pas à un défi — utilisez l'une "
        "de : post (ou retirez la ligne : `post` est la valeur par défaut)",
    )


def test_unknown_layout_is_told_once(strict_build):
    result = strict_build({"pages/x.md": page("layout: pages\ntitle: T\n")})
    assert_fails_with(
        result,
        "pages/x.md:2: la mise en page « pages » est inconnue — vouliez-vous écrire « page » ? "
        "Sinon, utilisez l'une de : a-propos, cgu, faq, page",
    )


def test_http_address_in_front_matter(strict_build):
    front = "layout: page\ntitle: T\nliens:\n  - https://ok.example/\n  - http://ko.example/\n"
    result = strict_build({"pages/x.md": page(front)})
    assert_fails_with(
        result,
        "pages/x.md:4: l'adresse « http://ko.example/ » n'est pas sécurisée (http://) — "
        "écrivez-la en https:// (vérifiez qu'elle s'ouvre ainsi dans un navigateur)",
    )


def test_script_address_in_front_matter(strict_build):
    result = strict_build({"pages/x.md": page("layout: page\ntitle: T\nimg: javascript:x()\n")})
    assert_fails_with(
        result,
        "pages/x.md:4: « javascript:x() » est une adresse qui exécute du code — retirez-la : "
        "l'en-tête ne contient que des adresses https:// ou des chemins du site",
    )


def test_schema_and_reader_errors_of_a_run_are_told_together(strict_build):
    result = strict_build(
        {
            CHALLENGE: page(VALID.replace("numero: 3", "numero: trois")),
            "pages/a.md": page("layout: page\ntitle: [\n"),
            "pages/b.md": page("layout: page\ntitle: B\ntitel: B\n"),
        }
    )
    assert result.returncode == 1
    assert result.error_lines()[:-1] == [
        f"{CHALLENGE}:3: « numero » doit être un nombre entier, pas « trois » — écrivez par "
        "exemple `numero: 16`",
        "pages/a.md:3: l'en-tête YAML est invalide (expected the node content, but found "
        "'<stream end>') — vérifiez l'indentation et mettez entre guillemets une valeur qui "
        "contient « : » ou commence par un caractère spécial (« * », « & », « ! », « @ », "
        "« ` », « [ », « { »)",
        "pages/b.md:4: la clé « titel » n'est pas connue — vouliez-vous écrire « title » ? "
        "Corrigez le nom de la clé",
    ]
    assert result.error_lines()[-1].startswith("BuildFailed: site non construit : 3 erreurs")


def test_2017_challenge_file_is_valid(strict_build):
    example = (FIXTURES / "features" / "content" / "defis" / "17-09-26-exemple.md").read_text(
        encoding="utf-8"
    )
    result = strict_build({"content/defis/17-09-26-exemple.md": example})
    assert result.returncode == 0, result.log


def test_2017_challenge_still_needs_its_administration(strict_build):
    front = 'layout: post\nmodal-id: "Défi de 2017"\nmisc: design\n'
    result = strict_build({"content/defis/17-09-26-x.md": page(front)})
    assert_fails_with(
        result,
        "content/defis/17-09-26-x.md: il manque la clé « administration », obligatoire pour un "
        "défi — ajoutez dans l'en-tête une ligne comme `administration: Ministère de "
        "l'Économie et des Finances` : l'administration qui porte le défi",
    )


def test_2017_keys_fill_the_new_ones(tmp_path):
    """`owner` and `misc` of a 2017 file give the card its administration and skills."""
    from conftest import build_real_site, copy_real_site

    site = copy_real_site(tmp_path, plugins=False)
    example = FIXTURES / "features" / "content" / "defis" / "17-09-26-exemple.md"
    (site / "content/defis/17-09-26-exemple.md").write_bytes(example.read_bytes())
    result = build_real_site(site)
    assert result.returncode == 0, result.log
    tags = result.html("defis/exemple/index.html").select("main .fr-tag")
    assert [t.get_text() for t in tags] == ["data science", "développement"]
    cards = result.html("defis/index.html").select(".fr-card")
    card = next(c for c in cards if "Exemple" in c.get_text())
    assert card.select_one(".fr-card__start").get_text(strip=True) == (
        "Ministère de l'Exemple, Direction des essais"
    )


def test_bad_setting_is_told_at_start(strict_build):
    result = strict_build(
        {"pages/x.md": page("layout: page\ntitle: T\n")},
        CONTENT_SCHEMA={"kinds": {"pages": "article"}},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.log
    assert (
        "SettingsError: content_schema: CONTENT_SCHEMA['kinds']['pages'] vaut « article », qui "
        "n'est pas une sorte de contenu connue (defi, page, page_en)"
    ) in result.log


def test_character_yaml_refuses_is_told_once(strict_build):
    """Found by tests/test_robustness.py: the schema check must not trip on it again."""
    result = strict_build({CHALLENGE: b"---\n\x1f\n---\n"})
    assert_fails_with(
        result,
        f"{CHALLENGE}:2: l'en-tête contient un caractère de contrôle invisible (U+001F) — "
        "supprimez-le : effacez la ligne et retapez-la, sans copier-coller",
    )


def test_full_address_as_permalink_is_told_once(strict_build):
    result = strict_build(
        {"pages/x.md": page("layout: page\ntitle: T\npermalink: http://a.example/\n")}
    )
    assert_fails_with(
        result,
        "pages/x.md:4: « http://a.example/ » est une adresse complète, pas un chemin du site — "
        "écrivez un chemin du site comme `permalink: /reglement/`",
    )
