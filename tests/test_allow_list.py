"""The allow-list at the HTML boundary: what a page, a static file or an include may hold,
each refusal with its exact message and line."""

import pytest
import strict_content
from conftest import STRICT_PLUGINS, assert_fails_with, page
from strict_content import allow_list, html_tree, safe_markup

NO_SCRIPT = "retirez-la : le contenu d'une page n'exécute pas de JavaScript"
NO_FRAME = "retirez-la : une page n'intègre pas d'autre site ; mettez plutôt un lien vers lui"
NO_HEAD = "retirez-la : l'en-tête de la page (titre, description, styles) est écrit par le gabarit"
NO_STYLE = "la mise en forme vient de la feuille de style du site (DSFR)"
LINK_FIX = (
    "un lien mène à une adresse en https:// (ou http://), mailto: ou tel:, à une page du site "
    "(`/reglement/`) ou à une ancre (`#titre`)"
)
SVG_ELEMENT_FIX = (
    "retirez-la : une image SVG ne contient que du dessin (voir docs/editeurs/html-autorise.md)"
)
COMMENT = (
    "le texte contient un commentaire HTML ou une déclaration (« <!… », « <?… »), que le "
    "navigateur masque — retirez-le : ce qu'il masque reste lisible dans le code de la page"
)


def body(text):
    """A page whose body (from line 5) is `text`."""
    return page("layout: page\ntitle: T\n", text)


def test_what_our_content_uses_builds(strict_build):
    text = (
        "# Titre {: #haut .fr-h2 }\n\n"
        "Un *mot*, un **autre**, `du code`, une abbr HTML[^1] et "
        '<abbr title="Entrepreneurs d\'intérêt général">EIG</abbr>.\n\n'
        "> Une citation.\n\n"
        "| Défi | Équipe |\n|------|--------|\n| A | 3 |\n\n"
        "Terme\n:   Sa définition.\n\n"
        "```python\nprint('x')\n```\n\n"
        "<details><summary>Plus</summary>\n<p>Le détail.</p>\n</details>\n\n"
        "1. un\n2. deux\n\n---\n\n"
        "[haut](#haut) [r](/b/) [s](https://www.etalab.gouv.fr) [m](mailto:eig@example.org) "
        "[t](tel:+33100000000)<br>\n\n"
        '![Un logo](/static/logo.svg) <img src="/static/logo.svg" alt="Logo" width="40">\n\n'
        "[^1]: Une note.\n"
    )
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><defs><symbol id="a">'
        '<path d="M0 0h1z"/></symbol></defs><use href="#a" x="1"/>'
        "<style>.a{fill:#000091}</style></svg>"
    )
    result = strict_build(
        {
            "pages/a.md": body(text),
            "pages/b.md": body("{% include note.html %}\n"),
            "pages/_includes/note.html": '<p class="fr-text--sm">Une <em>note</em>.</p>\n',
            "static/logo.svg": svg,
            "static/plan.html": (
                '<!doctype html>\n<html lang="fr"><head><meta charset="utf-8">'
                "<title>Plan</title></head><body><h1>Plan</h1><p>Texte.</p></body></html>\n"
            ),
        },
        STATIC_PATHS=["static"],
    )
    assert result.returncode == 0, result.log
    built = result.html("a/index.html")
    assert built.select_one("h1#haut.fr-h2") is not None
    assert built.select_one("table td") is not None
    assert built.select_one("details summary") is not None
    assert "Une <em>note</em>" in (result.output / "b/index.html").read_text(encoding="utf-8")


def test_the_issues_vectors_each_stop_at_their_line(strict_build):
    tricks = (
        "Un.\n\n"
        "<!--> <script src=/static/x.js></script>\n\n"
        "<![CDATA[ x > <img alt=a src=/static/a.png onerror=alert(1)>\n\n"
        '<noscript><p title="</noscript><img onerror=x>"></p></noscript>\n'
    )
    # In one text with the tricks above, Markdown's raw-HTML handling garbles these
    # (a browser would then read most of them as the text of a <style>).
    tags = (
        "Un.\n\n"
        '<meta http-equiv=refresh content="0;url=https://ailleurs.example/">\n\n'
        "<style>body{}</style>\n\n"
        '<p style="color:red">rouge</p>\n\n'
        '<iframe srcdoc="<script>alert(1)</script>"></iframe>\n'
    )
    result = strict_build(
        {"pages/x.md": body(tricks), "pages/y.md": body(tags), "static/a.png": b""},
        STATIC_PATHS=["static"],
    )
    assert_fails_with(
        result,
        f"pages/x.md:7: le texte contient une balise <script> — {NO_SCRIPT}",
        "pages/x.md:9: la balise <img> porte l'attribut « onerror », qui exécute du "
        "JavaScript — retirez cet attribut",
        "pages/x.md:11: le texte contient une balise <noscript>, qui n'est pas permise dans une "
        f"page — {NO_SCRIPT}",
        "pages/y.md:7: le texte contient une balise <meta>, qui n'est pas permise dans une "
        f"page — {NO_HEAD}",
        "pages/y.md:9: le texte contient une balise <style>, qui n'est pas permise dans une "
        f"page — retirez-la : {NO_STYLE}",
        f"pages/y.md:11: la balise <p> porte l'attribut « style » — retirez-le : {NO_STYLE}",
        "pages/y.md:13: le texte contient une balise <iframe>, qui n'est pas permise dans une "
        f"page — {NO_FRAME}",
    )


def test_foreign_content_tags_and_attributes_outside_the_list(strict_build):
    text = (
        '<svg><a href="javascript:alert(1)">x</a></svg>\n\n'
        "<math><mi>x</mi></math>\n\n"
        '<p><a href="/x/" target="cadre">x</a> <object data="/x.swf"></object></p>\n\n'
        '<body onload="alert(1)">\n'
    )
    result = strict_build({"pages/x.md": body(text)})
    assert_fails_with(
        result,
        "pages/x.md:5: le texte contient le dessin SVG <svg>, qui n'est pas permis dans une "
        "page — placez le dessin dans static/ et insérez-le comme une image : "
        "`![Ce qu'il montre](/static/nom.svg)`",
        "pages/x.md:7: le texte contient la formule MathML <math>, qui n'est pas permis dans une "
        "page — placez le dessin dans static/ et insérez-le comme une image : "
        "`![Ce qu'il montre](/static/nom.svg)`",
        "pages/x.md:9: la balise <a> porte l'attribut « target », qui n'est pas permis — "
        "retirez-le (attributs permis sur <a> : class, href, id, lang, rel, title ; voir "
        "docs/editeurs/html-autorise.md)",
        "pages/x.md:9: le texte contient une balise <object>, qui n'est pas permise dans une "
        f"page — {NO_FRAME}",
        "pages/x.md:11: la balise <body> porte l'attribut « onload », qui exécute du "
        "JavaScript — retirez cet attribut",
    )


def test_addresses_outside_the_list(strict_build):
    text = (
        "[a](ja&#x09;vascript:alert(1)) [b](//ailleurs.example/) [c](http://ailleurs.example/)"
        "\n\n"
        '[d](data:text/html,x) <a href="/\\ailleurs.example/">e</a>\n\n'
        "![Une image](https://ailleurs.example/i.png)\n"
    )
    result = strict_build({"pages/x.md": body(text)})
    assert_fails_with(
        result,
        "pages/x.md:5: l'adresse « javascript:alert(1) » exécute du JavaScript — remplacez-la "
        "par l'adresse d'une page, ou retirez le lien",
        f"pages/x.md:5: l'adresse « //ailleurs.example/ » du lien n'est pas permise — {LINK_FIX}",
        f"pages/x.md:7: l'adresse « data:text/html,x » du lien n'est pas permise — {LINK_FIX}",
        f"pages/x.md:7: l'adresse « /\\ailleurs.example/ » du lien n'est pas permise — {LINK_FIX}",
        "pages/x.md:9: l'image « https://ailleurs.example/i.png » ne vient pas du site — le site "
        "ne charge rien d'un autre site : placez l'image dans static/ et écrivez "
        "`/static/nom.png`",
    )


def test_comments_and_aligned_table_columns(strict_build):
    text = "Un.\n\n<!-- à relire -->\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n"
    result = strict_build({"pages/x.md": body(text)})
    assert_fails_with(
        result,
        f"pages/x.md:7: {COMMENT}",
        "pages/x.md:10: le tableau aligne ses colonnes (attribut « style » de <th> et <td>), ce "
        "qui n'est pas permis — retirez les « : » de cette ligne de tirets",
    )


def test_a_markdown_field_is_held_to_the_list_at_its_line(strict_build):
    front = 'layout: page\ntitle: T\ndescription: "Voir <img src=/x.png alt=x onerror=alert(1)>"\n'
    result = strict_build({"pages/x.md": page(front, "")})
    assert_fails_with(
        result,
        "pages/x.md:4: la balise <img> porte l'attribut « onerror », qui exécute du "
        "JavaScript — retirez cet attribut",
    )


def test_html_written_by_liquid_is_told_at_its_texts_first_line(strict_build):
    text = 'Un.\n\n{% assign s = "scr" %}<{{ s }}ipt>alert(1)</{{ s }}ipt>\n'
    result = strict_build({"pages/x.md": body(text)})
    assert_fails_with(
        result,
        "pages/x.md:5: le texte contient une balise <script> (dans le texte qui commence à "
        f"cette ligne, écrit par Liquid ou par un fichier inclus) — {NO_SCRIPT}",
    )


def test_static_html_and_svg_files(strict_build):
    html = (
        '<!doctype html>\n<html lang="fr"><head><meta charset="utf-8"><title>T</title>\n'
        '<meta http-equiv="refresh" content="0;url=https://ailleurs.example/">\n'
        "</head><body><p>x</p>\n<script>alert(1)</script></body></html>\n"
    )
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n'
        "<script>alert(1)</script>\n"
        '<rect onload="alert(1)" width="1"/>\n'
        "<foreignObject></foreignObject>\n"
        '<use xlink:href="https://ailleurs.example/x.svg#a"/>\n'
        "<style>@import url(https://ailleurs.example/x.css);</style>\n"
        "</svg>\n"
    )
    entities = '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "b">]>\n<svg>&a;</svg>\n'
    result = strict_build(
        {
            "pages/x.md": body("Un.\n"),
            "static/x.html": html,
            "static/a.svg": svg,
            "static/b.svg": entities,
            "static/c.xhtml": "<html/>",
        },
        STATIC_PATHS=["static"],
    )
    assert_fails_with(
        result,
        "static/a.svg:2: l'image SVG contient la balise <script>, qui n'est pas permise — "
        + SVG_ELEMENT_FIX,
        "static/a.svg:3: la balise <rect> porte l'attribut « onload », qui exécute du "
        "JavaScript — retirez cet attribut",
        "static/a.svg:4: l'image SVG contient la balise <foreignObject>, qui n'est pas permise "
        f"— {SVG_ELEMENT_FIX}",
        "static/a.svg:5: la balise <use> renvoie à « https://ailleurs.example/x.svg#a », hors "
        "de l'image — une image SVG ne renvoie qu'à ses propres parties (`href=\"#id\"`)",
        "static/a.svg:6: le style de l'image SVG charge une ressource ou exécute du code "
        "(@import, url(…), expression(…)) — retirez-le : une image SVG ne charge rien",
        "static/b.svg:2: l'image SVG contient une déclaration <!DOCTYPE> (ou <!ENTITY>) — "
        "retirez-la : une image SVG n'en a pas besoin",
        "static/c.xhtml: le site ne publie pas de fichier « .xhtml » tel quel — écrivez une page "
        "en Markdown dans pages/, ou publiez le document en PDF",
        "static/x.html:3: la balise <meta> porte l'attribut « http-equiv », qui n'est pas "
        "permis — retirez-le : l'en-tête d'un fichier HTML n'a que `<meta charset=\"utf-8\">`, "
        '`<title>` et `<html lang="fr">` (voir docs/editeurs/html-autorise.md)',
        "static/x.html:3: la balise <meta> porte l'attribut « content », qui n'est pas "
        "permis — retirez-le : l'en-tête d'un fichier HTML n'a que `<meta charset=\"utf-8\">`, "
        '`<title>` et `<html lang="fr">` (voir docs/editeurs/html-autorise.md)',
        f"static/x.html:5: le fichier contient une balise <script> — {NO_SCRIPT}",
    )


def test_includes_are_checked_even_when_no_page_uses_them(strict_build):
    result = strict_build(
        {
            "pages/x.md": body("Un.\n"),
            "pages/_includes/a.html": '<p>ok</p>\n<p onclick="alert(1)">x</p>\n',
            "pages/_includes/b.html": "<p>ok</p>\n<em>ouvert\n",
            "pages/_includes/c.html": '<p>ok</p>\n<a title="x\n',
        }
    )
    assert_fails_with(
        result,
        "pages/_includes/a.html:2: la balise <p> porte l'attribut « onclick », qui exécute du "
        "JavaScript — retirez cet attribut",
        "pages/_includes/b.html:2: la balise <em> n'est pas fermée à la fin du fichier — "
        "fermez-la par </em> : sinon le navigateur lit la suite de la page comme sa "
        "continuation",
        "pages/_includes/c.html:2: le fichier se termine à l'intérieur d'une balise, d'un "
        "attribut ou d'un commentaire resté ouvert — fermez-le (guillemet, « > » ou « --> ») : "
        "sinon le navigateur lit la suite de la page comme sa continuation",
    )


# -- the parser and the address rules alone ---------------------------------------


def test_a_fragment_that_swallows_what_follows_is_unclosed():
    assert html_tree.fragment("<p>x</p>").unclosed is None
    assert html_tree.fragment("<p>x").unclosed == "p"
    assert html_tree.fragment('<a title="x').unclosed == ""
    assert html_tree.fragment("<!-- x").unclosed == ""
    assert html_tree.fragment("<table><tr><td>x").unclosed == "td"


def test_the_parser_reads_as_a_browser():
    names = [n.name for n in html_tree.fragment("<!--> <script></script>").nodes]
    assert "script" in names
    names = [n.name for n in html_tree.fragment("<![CDATA[ x > <img onerror=x>").nodes]
    assert "img" in names
    attrs = [n.attrs for n in html_tree.fragment('<a href="ja&#x09;vascript:1">x</a>').nodes]
    assert {"href": "ja\tvascript:1"} in attrs


def test_address_rules():
    refused = allow_list.address_refusal
    assert refused("a", "href", "/reglement/", "") is None
    assert refused("a", "href", "#haut", "") is None
    assert refused("a", "href", "https://ailleurs.example/", "") is None
    assert refused("a", "href", " \x01JaVa\nScRiPt:alert(1)", "") is not None
    assert refused("img", "src", "https://eig.example/static/a.png", "https://eig.example") is None
    assert refused("img", "src", "https://ailleurs.example/a.png", "https://eig.example")
    assert refused("img", "src", "//ailleurs.example/a.png", "") is not None


def test_markup_lets_through_only_what_the_list_accepts():
    assert str(strict_content.markup('<p>Voir <a href="/faq/">la FAQ</a>.</p>')) == (
        '<p>Voir <a href="/faq/">la FAQ</a>.</p>'
    )
    for refused in ('<p onclick="x">y</p>', "<script>x</script>", '<a title="x', "<!-- x -->"):
        with pytest.raises(safe_markup.RefusedHTML):
            strict_content.markup(refused)


def test_the_markup_jekylls_markdown_writes_builds(strict_build):
    """Footnotes and task lists, as pelican_jekyll.markdown writes them (roles, a disabled box)."""
    text = (
        "Un texte[^1].\n\n- [ ] à faire\n- [x] fait\n\n"
        '[Etalab](https://www.etalab.gouv.fr){:target="_blank"}\n\n[^1]: La note.\n'
    )
    result = strict_build(
        {"pages/a.md": body(text)}, PLUGINS=["pelican_jekyll.markdown", *STRICT_PLUGINS]
    )
    assert result.returncode == 0, result.log
    built = result.html("a/index.html")
    assert built.select_one('sup[role="doc-noteref"] a[rel="footnote"]') is not None
    boxes = built.select("li.task-list-item input[type=checkbox][disabled]")
    assert len(boxes) == 2
    assert built.select_one('a[target="_blank"]')["href"] == "https://www.etalab.gouv.fr"


def test_an_input_other_than_a_task_box_and_an_aria_role_are_refused(strict_build):
    text = 'Un.\n\n<input type="text" name="q">\n\n<a href="/" role="button">x</a>\n'
    result = strict_build(
        {"pages/x.md": body(text)}, PLUGINS=["pelican_jekyll.markdown", *STRICT_PLUGINS]
    )
    assert_fails_with(
        result,
        "pages/x.md:7: la balise <input> porte l'attribut « type », qui n'est pas permis : une "
        "page ne contient pas de formulaire — seule la case d'une liste de tâches "
        "(`- [x] fait`) est permise ; écrivez-la en Markdown",
        "pages/x.md:7: la balise <input> porte l'attribut « name », qui n'est pas permis : une "
        "page ne contient pas de formulaire — seule la case d'une liste de tâches "
        "(`- [x] fait`) est permise ; écrivez-la en Markdown",
        "pages/x.md:7: le texte contient une balise <input>, qui n'est pas permise dans une "
        "page — retirez-la : une page ne contient pas de formulaire ; le formulaire de "
        "candidature est relié par le site lui-même",
        "pages/x.md:9: la balise <a> porte l'attribut « role », qui n'est pas permis — "
        "retirez-le (attributs permis sur <a> : class, href, id, lang, rel, title ; "
        "voir docs/editeurs/html-autorise.md)",
    )
