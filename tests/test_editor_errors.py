"""An editor's mistake: one line naming file, line and fix; exit 1; no traceback."""

import pytest

PAGE = "---\nlayout: page\ntitle: Titre\n---\nCorps.\n"


def page(front, body="Corps.\n"):
    return f"---\n{front}---\n{body}"


def assert_fails_with(result, *lines):
    """The build stopped with exactly these editor messages, and told so."""
    assert result.returncode == 1, result.log
    assert "Traceback" not in result.log
    assert "Could not process" not in result.log
    assert result.error_lines()[:-1] == list(lines)
    count = len(lines)
    assert result.error_lines()[-1] == (
        f"BuildFailed: site non construit : {count} erreur{'s' if count > 1 else ''} "
        f"dans le contenu, détaillée{'s' if count > 1 else ''} ci-dessus. Rien n'a été "
        "écrit dans le dossier de sortie."
    )
    assert result.files() == set()


# -- front matter ----------------------------------------------------------------


def test_invalid_yaml_names_the_line_in_the_file(build):
    result = build({"pages/x.md": page("layout: page\ntitle: Titre\nowner: [non fermé\n")})
    assert_fails_with(
        result,
        "pages/x.md:4: l'en-tête YAML est invalide (expected ',' or ']', but got '<stream end>')"
        " — vérifiez l'indentation et mettez entre guillemets une valeur qui contient « : » "
        "ou commence par un caractère spécial (« * », « & », « ! », « @ », « ` », « [ », « { »)",
    )


def test_yaml_colon_in_value(build):
    result = build({"pages/x.md": page("layout: page\ntitle: Défi : données: santé\n")})
    assert result.returncode == 1
    assert result.error_lines()[0].startswith(
        "pages/x.md:3: l'en-tête YAML est invalide (mapping values are not allowed here)"
    )


def test_python_yaml_tag_is_rejected_and_not_run(build, tmp_path):
    marker = tmp_path / "ran"
    front = f"layout: page\ntitle: !!python/object/apply:os.system ['touch {marker}']\n"
    result = build({"pages/x.md": page(front)})
    assert_fails_with(
        result,
        "pages/x.md:3: l'étiquette YAML « !!python/object/apply:os.system » n'est pas permise"
        " — retirez-la : un en-tête ne contient que du texte, des nombres, des dates, des "
        "listes et des clés",
    )
    assert not marker.exists()


def test_non_utf8_file_names_the_line(build):
    text = "---\nlayout: page\ntitle: Titre\n---\nUn été\n".encode("latin-1")
    result = build({"pages/x.md": text})
    assert_fails_with(
        result,
        "pages/x.md:5: le fichier n'est pas encodé en UTF-8 (octet 0xe9 illisible) — "
        "enregistrez-le en UTF-8 (dans votre éditeur : « Enregistrer avec l'encodage » → "
        "UTF-8) puis corrigez les caractères accentués de cette ligne",
    )


def test_missing_front_matter(build):
    result = build({"pages/x.md": "# Titre\n"})
    assert_fails_with(
        result,
        "pages/x.md:1: le fichier ne commence pas par un en-tête YAML — mettez en première "
        "ligne `---`, puis les clés (`title: …`, `layout: page`), puis une ligne `---`",
    )


def test_unclosed_front_matter(build):
    result = build({"pages/x.md": "---\nlayout: page\ntitle: Titre\n\nCorps.\n"})
    assert_fails_with(
        result,
        "pages/x.md:1: l'en-tête YAML ouvert en ligne 1 n'est jamais fermé — ajoutez une "
        "ligne `---` après la dernière clé de l'en-tête",
    )


def test_key_written_twice(build):
    result = build({"pages/x.md": page("layout: page\ntitle: Un\ntitle: Deux\n")})
    assert_fails_with(
        result,
        "pages/x.md:4: la clé « title » est écrite deux fois (déjà en ligne 3) — gardez une "
        "seule de ces lignes",
    )


def test_front_matter_that_is_not_keys(build):
    result = build({"pages/x.md": page("- une liste\n")})
    assert_fails_with(
        result,
        "pages/x.md:2: l'en-tête YAML n'est pas une suite de clés — écrivez une clé par "
        "ligne, sous la forme `clé: valeur`",
    )


# -- layouts and titles ----------------------------------------------------------


def test_unknown_layout_names_file_layout_and_known_layouts(build):
    result = build({"pages/x.md": page("layout: accueil\ntitle: Titre\n")})
    assert_fails_with(
        result,
        "pages/x.md:2: la mise en page « accueil » est inconnue — utilisez l'une de : "
        "a-propos, cgu, faq, page, post",
    )


def test_layout_whose_template_is_missing(build):
    result = build(
        {"pages/x.md": page("layout: faq\ntitle: Titre\n")},
        JEKYLL_COMPAT={"layouts": {"faq": "questions"}},
    )
    assert_fails_with(
        result,
        "pages/x.md:2: la mise en page « faq » renvoie au gabarit « questions.html », absent "
        "du dossier des gabarits — utilisez l'une de : a-propos, cgu, faq, page, post ; ou "
        "ajoutez le gabarit templates/questions.html",
    )


def test_missing_layout(build):
    result = build({"pages/x.md": page("title: Titre\n")})
    assert_fails_with(
        result,
        "pages/x.md: la page n'a pas de mise en page — ajoutez dans l'en-tête `layout: page` "
        "(mises en page connues : a-propos, cgu, faq, page, post)",
    )


def test_missing_title(build):
    result = build({"pages/x.md": page("layout: page\n")})
    assert_fails_with(
        result,
        "pages/x.md: la page n'a pas de titre (clés lues : title, modal-id) — ajoutez dans "
        "l'en-tête une ligne `title: Le titre de la page`",
    )


def test_markdown_field_that_is_not_text(build):
    result = build({"pages/x.md": page("layout: page\ntitle: T\ndescription: [a, b]\n")})
    assert_fails_with(
        result,
        "pages/x.md:4: « description » doit être un texte (Markdown) — écrivez le texte sur "
        "la même ligne entre guillemets, ou après `|` sur les lignes suivantes, en retrait",
    )


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
        "nom : site.x lit le réglage X de pelicanconf.py (ou la clé x de JEKYLL_SITE), page.x "
        "la clé x de l'en-tête de la page",
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
        "pages/_includes/note.md:2: la variable Liquid « include.absent » n'est pas définie — "
        "corrigez son nom : site.x lit le réglage X de pelicanconf.py (ou la clé x de "
        "JEKYLL_SITE), page.x la clé x de l'en-tête de la page",
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


# -- the whole run ---------------------------------------------------------------


def test_two_files_on_one_url_are_both_named(build):
    result = build(
        {
            "pages/a.md": page("layout: page\ntitle: A\npermalink: /commun/\n"),
            "pages/b.md": page("layout: page\ntitle: B\npermalink: /commun/\n"),
        }
    )
    assert_fails_with(
        result,
        "pages/a.md: 2 fichiers donnent la même adresse /commun/ : pages/a.md et pages/b.md — "
        "changez le `permalink:` (ou le nom) de l'un d'eux pour que chaque page ait sa propre "
        "adresse",
    )


def test_redirect_onto_a_page_is_a_duplicate(build):
    result = build(
        {
            "pages/a.md": page("layout: page\ntitle: A\n"),
            "pages/b.md": page("layout: page\ntitle: B\nredirect_from: /a/\n"),
        }
    )
    assert result.returncode == 1
    assert result.error_lines()[0].startswith(
        "pages/a.md: 2 fichiers donnent la même adresse /a/ : pages/a.md et pages/b.md"
    )


def test_every_problem_of_the_run_is_reported(build):
    result = build(
        {
            "pages/a.md": page("layout: inconnue\n"),
            "pages/b.md": page("layout: page\ntitle: [\n"),
            "pages/c.md": PAGE,
        }
    )
    assert result.returncode == 1
    lines = result.error_lines()
    assert lines[0].startswith("pages/a.md:2: la mise en page « inconnue » est inconnue")
    assert lines[1].startswith("pages/a.md: la page n'a pas de titre")
    assert lines[2].startswith("pages/b.md:3: l'en-tête YAML est invalide")
    assert lines[3].startswith("BuildFailed: site non construit : 3 erreurs")


def test_failed_build_leaves_previous_output_alone(build):
    first = build({"pages/x.md": PAGE})
    assert first.returncode == 0
    before = (first.output / "x/index.html").read_bytes()
    second = build({"pages/x.md": page("layout: page\ntitle: [\n")})
    assert second.returncode == 1
    assert (second.output / "x/index.html").read_bytes() == before


def test_bad_plugin_setting_is_told_at_start(build):
    result = build({"pages/x.md": PAGE}, JEKYLL_COMPAT={"layout": {}})
    assert result.returncode == 1
    assert "Traceback" not in result.log
    assert (
        "SettingsError: jekyll_compat: JEKYLL_COMPAT['layout'] is not a known key; known keys: "
        "defaults, includes, layouts, markdown_fields, permalink, redirect_template, "
        "title_fallbacks"
    ) in result.log


def test_a_file_pelican_cannot_read_fails_the_build(build):
    """Not a Jekyll file, yet never silently dropped from the site."""
    html = '<html><head><title>T</title><meta name="date" content="jamais"></head></html>'
    result = build({"pages/x.md": PAGE, "pages/autre.html": html})
    assert_fails_with(
        result,
        "pages/autre.html: Pelican n'a pas pu lire ce fichier — relancez la construction avec "
        "`-D` pour le détail, et signalez-le à l'équipe technique",
    )
