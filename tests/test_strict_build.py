"""The strict build: links, images, script and Pelican's warnings, each with its exact message."""

from conftest import FIXTURE_SETTINGS, FIXTURES, STRICT_PLUGINS, assert_fails_with, page

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a30000000049454e44ae426082"
)
LINK_FIX = (
    "corrigez l'adresse, ou liez la page par son fichier : `[texte]({% link pages/reglement.md %})`"
)
IMAGE_FIX = "vérifiez son nom : une image se place dans static/ et s'écrit `/static/nom.png`"
# Where tests/fixtures/plugins/warn_when_writing is found.
TEST_PLUGIN_PATHS = [*FIXTURE_SETTINGS["PLUGIN_PATHS"], str(FIXTURES / "plugins")]
WARNING_FIX = "corrigez ce qu'il signale : la construction n'accepte aucun avertissement"


def body(text):
    """A page whose body (from line 5) is `text`."""
    return page("layout: page\ntitle: T\n", text)


def test_links_and_images_that_resolve_build(strict_build):
    result = strict_build(
        {
            "pages/a.md": body(
                "[b](/b/) [b sans barre](/b) [relatif](../b/) [fichier]({filename}b.md) "
                "[accueil](/a/#suite) [plan](/sitemap.xml) [ailleurs](https://ailleurs.example/) "
                "[courriel](mailto:eig@example.org) [ancre](#haut)\n\n"
                '![Un logo](/static/logo.png) <img src="/static/logo.png" alt="Logo">\n'
            ),
            "pages/b.md": body("B.\n"),
            "static/logo.png": PNG,
        },
        STATIC_PATHS=["static"],
    )
    assert result.returncode == 0, result.log
    assert "a/index.html" in result.files()


def test_link_to_a_page_not_built(strict_build):
    result = strict_build({"pages/x.md": body("Un.\n\nVoir [le règlement](/reglement/).\n")})
    assert_fails_with(
        result,
        "pages/x.md:7: le lien « /reglement/ » mène à une page que le site ne construit pas — "
        + LINK_FIX,
    )


def test_relative_link_is_read_from_the_page_address(strict_build):
    result = strict_build({"pages/x.md": body("[b](b/)\n"), "pages/b.md": body("B.\n")})
    assert_fails_with(
        result,
        "pages/x.md:5: le lien « b/ » mène à une page que le site ne construit pas — " + LINK_FIX,
    )


def test_link_with_the_sites_own_address(strict_build):
    result = strict_build(
        {"pages/x.md": body("[r](https://eig.example/reglement/)\n")}, SITEURL="https://eig.example"
    )
    assert_fails_with(
        result,
        "pages/x.md:5: le lien « https://eig.example/reglement/ » mène à une page que le site "
        "ne construit pas — " + LINK_FIX,
    )


def test_image_not_built(strict_build):
    result = strict_build({"pages/x.md": body("![Le logo](/static/absent.png)\n")})
    assert_fails_with(
        result,
        "pages/x.md:5: l'image « /static/absent.png » n'existe pas sur le site — " + IMAGE_FIX,
    )


def test_images_without_alt_text(strict_build):
    result = strict_build(
        {
            "pages/x.md": body('![](/static/logo.png)\n\n<img src="/static/logo.png#2">\n'),
            "static/logo.png": PNG,
        },
        STATIC_PATHS=["static"],
    )
    assert_fails_with(
        result,
        "pages/x.md:5: l'image « /static/logo.png » n'a pas de texte alternatif — décrivez-la "
        'entre les crochets : `![Ce que montre l\'image](/static/logo.png)` (ou `alt="…"` '
        "dans une balise <img>)",
        "pages/x.md:7: l'image « /static/logo.png#2 » n'a pas de texte alternatif — "
        "décrivez-la entre les crochets : `![Ce que montre l'image](/static/logo.png#2)` (ou "
        '`alt="…"` dans une balise <img>)',
    )


def test_script_in_markdown(strict_build):
    text = (
        "Un.\n\n<script>alert(1)</script>\n\n"
        '<p><a href="/x/" onClick="voler()">x</a></p>\n\n'
        "[piège](javascript:alert(1)) et [autre]( JavaScript:void(0))\n"
    )
    result = strict_build({"pages/x.md": body(text)})
    assert_fails_with(
        result,
        "pages/x.md:7: le texte contient une balise <script> — retirez-la : le contenu d'une "
        "page n'exécute pas de JavaScript",
        "pages/x.md:9: la balise <a> porte l'attribut « onclick », qui exécute du JavaScript — "
        "retirez cet attribut",
        "pages/x.md:11: l'adresse « javascript:alert(1) » exécute du JavaScript — remplacez-la "
        "par l'adresse d'une page, ou retirez le lien",
        "pages/x.md:11: l'adresse « JavaScript:void(0) » exécute du JavaScript — remplacez-la "
        "par l'adresse d'une page, ou retirez le lien",
    )


def test_filename_links_that_do_not_resolve(strict_build):
    text = (
        "[a]({filename}absent.md)\n\n[b]({filename}_brouillon.md)\n\n[c]({filename}/pages/c.md)\n"
    )
    result = strict_build(
        {
            "pages/x.md": body(text),
            "pages/_brouillon.md": body("Brouillon.\n"),
            "pages/c.md": page("layout: page\ntitle: [\n"),
        }
    )
    assert_fails_with(
        result,
        "pages/c.md:3: l'en-tête YAML est invalide (expected the node content, but found "
        "'<stream end>') — vérifiez l'indentation et mettez entre guillemets une valeur qui "
        "contient « : » ou commence par un caractère spécial (« * », « & », « ! », « @ », "
        "« ` », « [ », « { »)",
        "pages/x.md:5: le fichier lié « absent.md » n'existe pas — écrivez le chemin du "
        "fichier depuis ce fichier-ci, ou depuis la racine du site en commençant par /",
        "pages/x.md:7: « _brouillon.md » est un brouillon, jamais publié — publiez-le ou "
        "retirez le lien",
        "pages/x.md:9: le fichier lié « /pages/c.md » a lui-même une erreur — corrigez "
        "d'abord ce fichier (voir son message)",
    )


def test_link_in_a_markdown_field_is_checked_at_its_line(strict_build):
    front = 'layout: page\ntitle: T\ndescription: "Voir [r](/reglement/)."\n'
    result = strict_build({"pages/x.md": page(front, "")})
    assert_fails_with(
        result,
        "pages/x.md:4: le lien « /reglement/ » mène à une page que le site ne construit pas — "
        + LINK_FIX,
    )


def test_page_without_title(strict_build):
    result = strict_build({"pages/x.md": page("layout: page\n")})
    assert_fails_with(
        result,
        "pages/x.md: la page n'a pas de titre (clés lues : title, modal-id) — ajoutez dans "
        "l'en-tête une ligne `title: Le titre de la page`",
    )


def test_pelican_warning_while_reading_fails_before_writing(strict_build):
    front = "layout: page\ntitle: T\nmodified: [2017-01-01, 2017-01-02]\n"
    result = strict_build({"pages/x.md": page(front)})
    assert_fails_with(
        result,
        "pages/x.md: avertissement de Pelican : Duplicate definition of 'modified' for "
        "'pages/x.md' ('[datetime.date(2017, 1, 1), datetime.date(2017, 1, 2)]') - using the "
        "first one ('2017-01-01') — " + WARNING_FIX,
    )


def test_pelican_warning_while_writing_fails_the_build(strict_build):
    result = strict_build(
        {"pages/x.md": body("Un.\n")},
        PLUGIN_PATHS=TEST_PLUGIN_PATHS,
        PLUGINS=[*STRICT_PLUGINS, "warn_when_writing"],
    )
    assert result.returncode == 1, result.log
    assert "Traceback" not in result.log
    assert result.error_lines() == [
        "construction: avertissement de Pelican : Something odd while writing "
        f"{result.output / 'x/index.html'} — {WARNING_FIX}",
        "BuildFailed: site non construit : 1 avertissement de Pelican pendant l'écriture, "
        "détaillé ci-dessus. Le dossier de sortie est à reconstruire une fois la cause "
        "corrigée.",
    ]


def test_every_kind_of_problem_is_told_in_one_run(strict_build):
    result = strict_build(
        {
            "pages/a.md": body("[r](/reglement/)\n"),
            "pages/b.md": page("layout: page\ntitle: B\npermalink: /a/\n"),
            "pages/c.md": page("layout: page\ntitle: C\ntitel: C\n"),
            "pages/d.md": page("layout: inconnue\ntitle: D\n"),
        }
    )
    assert result.returncode == 1
    assert [line.split(" — ")[0] for line in result.error_lines()] == [
        "pages/a.md:5: le lien « /reglement/ » mène à une page que le site ne construit pas",
        "pages/a.md: 2 fichiers donnent la même adresse /a/ : pages/a.md et pages/b.md",
        "pages/c.md:4: la clé « titel » n'est pas connue",
        "pages/d.md:2: la mise en page « inconnue » est inconnue",
        "BuildFailed: site non construit : 4 erreurs dans le contenu, détaillées ci-dessus. "
        "Rien n'a été écrit dans le dossier de sortie.",
    ]


def test_bad_setting_is_told_at_start(strict_build):
    result = strict_build({"pages/x.md": body("Un.\n")}, STRICT_CONTENT={"also_built": "x"})
    assert result.returncode == 1
    assert "Traceback" not in result.log
    assert (
        "SettingsError: strict_content: STRICT_CONTENT['also_built'] doit être une liste de "
        "chemins du dossier de sortie, comme « sitemap.xml »"
    ) in result.log
