"""Editor errors in front matter, layouts and titles: exact message, exit 1."""

from conftest import assert_fails_with, page

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
        "a-propos, cgu, faq, page",
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
        "(mises en page connues : a-propos, cgu, faq, page)",
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
