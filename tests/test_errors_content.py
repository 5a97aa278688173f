"""Editor errors in dates, permalinks and Liquid: exact message, exit 1."""

import pytest
from conftest import assert_fails_with, page

# -- dates, drafts, permalinks ---------------------------------------------------


def test_unreadable_date(build):
    result = build({"pages/x.md": page("layout: page\ntitle: T\ndate: le 3 mars\n")})
    assert_fails_with(
        result,
        "pages/x.md:4: la date « le 3 mars » est illisible — écrivez-la AAAA-MM-JJ, par "
        "exemple `date: 2017-09-26`",
    )


@pytest.mark.parametrize("name", ["17-02-30-x.md", "2017-02-30-x.md"])
def test_impossible_date_in_file_name(build, name):
    result = build({f"content/defis/{name}": page("layout: post\ntitle: T\n")})
    assert_fails_with(
        result,
        f"content/defis/{name}: la date du nom de fichier « {name[:-5]} » n'existe pas — "
        "renommez le fichier en AAAA-MM-JJ-titre.md avec une date réelle",
    )


def test_challenge_without_date(build):
    result = build({"content/defis/x.md": page("title: T\n")})
    assert_fails_with(
        result,
        "content/defis/x.md: le défi n'a pas de date — nommez le fichier AAAA-MM-JJ-titre.md "
        "ou ajoutez `date: AAAA-MM-JJ`",
    )


def test_published_must_be_true_or_false(build):
    result = build({"pages/x.md": page("layout: page\ntitle: T\npublished: peut-être\n")})
    assert_fails_with(
        result,
        "pages/x.md:4: « published: peut-être » n'est ni true ni false — écrivez "
        "`published: false` pour un brouillon, ou retirez la ligne",
    )


@pytest.mark.parametrize(
    ("permalink", "problem"),
    [
        ("/../../etc/", "« /../../etc/ » sort du site avec « .. » ou « . »"),
        (
            "https://ailleurs.example/",
            "« https://ailleurs.example/ » est une adresse complète, pas un chemin du site",
        ),
        (
            "/:nom/",
            "le permalien contient « :nom », qui n'est pas un paramètre connu (connus : "
            ":year, :month, :i_month, :day, :i_day, :short_year, :y_day, :title, :slug, "
            ":categories, :path, :basename, :output_ext)",
        ),
    ],
)
def test_bad_permalink(build, permalink, problem):
    result = build({"pages/x.md": page(f"layout: page\ntitle: T\npermalink: {permalink}\n")})
    assert_fails_with(
        result,
        f"pages/x.md:4: {problem} — écrivez un chemin du site comme `permalink: /reglement/`",
    )


def test_permalink_that_is_not_text(build):
    result = build({"pages/x.md": page("layout: page\ntitle: T\npermalink: [a, b]\n")})
    assert_fails_with(
        result,
        "pages/x.md:4: le permalien « ['a', 'b'] » n'est pas un texte — écrivez un chemin comme "
        "`permalink: /reglement/`",
    )


def test_unknown_status(build):
    result = build({"pages/x.md": page("layout: page\ntitle: T\nstatus: archivé\n")})
    assert_fails_with(
        result,
        "pages/x.md:4: « status: archivé » n'est pas un état connu — écrivez `status: hidden` "
        "(page construite mais hors des listes), `status: draft` (brouillon) ou retirez la "
        "ligne",
    )


def test_unreadable_pelican_key(build):
    result = build({"pages/x.md": page("layout: page\ntitle: T\nmodified: hier\n")})
    assert_fails_with(
        result,
        "pages/x.md:4: la valeur de « modified » est illisible — corrigez-la (une date "
        "s'écrit AAAA-MM-JJ) ou retirez la ligne",
    )


def test_bad_redirect_from(build):
    result = build({"pages/x.md": page("layout: page\ntitle: T\nredirect_from: /../x/\n")})
    assert_fails_with(
        result,
        "pages/x.md:4: ancienne adresse refusée : « /../x/ » sort du site avec « .. » ou « . » "
        "— écrivez un chemin du site comme `- /ancienne-page/`",
    )


# -- Liquid ----------------------------------------------------------------------


def test_undefined_variable_names_its_line(build):
    result = build({"pages/x.md": page("layout: page\ntitle: T\n", "Un\n\n{{ site.inconnu }}\n")})
    assert_fails_with(
        result,
        "pages/x.md:7: la variable Liquid « site.inconnu » n'est pas définie — corrigez son "
        "nom : site.x lit le réglage X de pelicanconf.py listé dans JEKYLL_SITE_SETTINGS (ou "
        "la clé x de JEKYLL_SITE), page.x la clé x de l'en-tête de la page",
    )


def test_undefined_page_key(build):
    result = build({"pages/x.md": page("layout: page\ntitle: T\n", "{{ page.owner }}\n")})
    assert result.returncode == 1
    assert result.error_lines()[0].startswith(
        "pages/x.md:5: la variable Liquid « page.owner » n'est pas définie"
    )


def test_unknown_tag_names_its_line(build):
    result = build({"pages/x.md": page("layout: page\ntitle: T\n", "Un\n{% youtube abc %}\n")})
    assert result.returncode == 1
    assert result.error_lines()[0].startswith(
        "pages/x.md:6: balise Liquid inconnue « {% youtube %} » — balises reconnues : "
    )
    assert ", include, " in result.error_lines()[0]
    assert ", link, " in result.error_lines()[0]


def test_unknown_filter(build):
    result = build({"pages/x.md": page("layout: page\ntitle: T\n", "{{ page.title | zzz }}\n")})
    assert_fails_with(
        result,
        "pages/x.md:5: filtre Liquid inconnu (unknown filter 'zzz') — corrigez le nom du "
        "filtre ou retirez-le",
    )


def test_missing_include(build):
    result = build({"pages/x.md": page("layout: page\ntitle: T\n", "{% include absent.md %}\n")})
    assert_fails_with(
        result,
        "pages/x.md:5: le fichier à inclure « absent.md » n'existe pas dans pages/_includes/ "
        "— créez-le ou corrigez son nom dans la balise include",
    )


def test_error_inside_an_include_names_the_include(build):
    result = build(
        {
            "pages/x.md": page("layout: page\ntitle: T\n", "{% include note.md %}\n"),
            "pages/_includes/note.md": "Ligne un\n{{ include.absent }}\n",
        }
    )
    assert_fails_with(
        result,
        "pages/_includes/note.md:2: la variable Liquid « include.absent » n'est pas définie "
        "(fichier inclus par pages/x.md:5) — "
        "corrigez son nom : site.x lit le réglage X de pelicanconf.py listé dans "
        "JEKYLL_SITE_SETTINGS (ou la clé x de JEKYLL_SITE), page.x la clé x de l'en-tête "
        "de la page",
    )


def test_link_to_a_missing_file(build):
    result = build({"pages/x.md": page("layout: page\ntitle: T\n", "{% link pages/absent.md %}\n")})
    assert_fails_with(
        result,
        "pages/x.md:5: le fichier lié « pages/absent.md » n'existe pas — écrivez le chemin du "
        "fichier depuis la racine du site, par exemple `{% link pages/reglement.md %}`",
    )


def test_link_to_a_draft(build):
    result = build(
        {
            "pages/x.md": page("layout: page\ntitle: T\n", "{% link pages/y.md %}\n"),
            "pages/y.md": page("layout: page\ntitle: Y\npublished: false\n"),
        }
    )
    assert_fails_with(
        result,
        "pages/x.md:5: « pages/y.md » est un brouillon, jamais publié — publiez-le ou retirez "
        "le lien",
    )
