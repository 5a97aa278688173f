"""pelican_jekyll.markdown as a Pelican plugin: its settings, its options, what it refuses.

How it renders is tests/test_jekyll_differential.py's business (against the real Jekyll).
"""

from types import SimpleNamespace

import markdown
from conftest import PAGE, STRICT_PLUGINS, assert_fails_with, page
from pelican.settings import DEFAULT_CONFIG
from pelican_jekyll.markdown import JekyllMarkdownExtension
from pelican_jekyll.markdown.plugin import use_extension

PLUGINS = ["pelican_jekyll.markdown", "jekyll_compat", "templated_only"]


def test_pelicans_default_markdown_gives_way_to_jekylls():
    pelican = SimpleNamespace(settings={"MARKDOWN": DEFAULT_CONFIG["MARKDOWN"]})
    use_extension(pelican)
    (extension,) = pelican.settings["MARKDOWN"]["extensions"]
    assert isinstance(extension, JekyllMarkdownExtension)
    assert "extension_configs" not in pelican.settings["MARKDOWN"]
    assert "markdown.extensions.extra" in DEFAULT_CONFIG["MARKDOWN"]["extension_configs"]


def test_a_sites_own_markdown_settings_are_kept():
    own = {"extensions": ["markdown.extensions.toc"], "output_format": "xhtml"}
    pelican = SimpleNamespace(settings={"MARKDOWN": own})
    use_extension(pelican)
    settings = pelican.settings["MARKDOWN"]
    assert settings["output_format"] == "xhtml"
    assert settings["extensions"][0] == "markdown.extensions.toc"
    assert isinstance(settings["extensions"][1], JekyllMarkdownExtension)


def test_guillemets_take_a_no_break_space_as_in_jekyll_or_the_one_set():
    text = "## << Titre >>\n\nUn << mot >>.\n"
    jekyll = markdown.markdown(text, extensions=["pelican_jekyll.markdown"])
    assert '<h2 id="titre">«\u00a0Titre\u00a0»</h2>' in jekyll
    assert "«\u00a0mot\u00a0»" in jekyll
    french = markdown.markdown(text, extensions=[JekyllMarkdownExtension(guillemet_space="\u202f")])
    assert "«\u202fmot\u202f»" in french
    assert 'id="titre"' in french


def test_an_attribute_list_sets_only_safe_attributes(build):
    body = (
        'Un paragraphe\n{: .fr-text--lead onclick="alert(1)"}\n\n'
        '[Lien](https://example.org/){: style="color:red"}\n'
    )
    result = build({"pages/p.md": page("layout: page\ntitle: Titre\n", body)}, PLUGINS=PLUGINS)
    allowed = "class, id, lang, rel, target, title"
    assert_fails_with(
        result,
        "pages/p.md:6: la liste d'attributs {: … } donne à <p> l'attribut « onclick », qui "
        f"n'est pas permis — retirez-le ; attributs permis : {allowed}",
        "pages/p.md:8: la liste d'attributs {: … } donne à <a> l'attribut « style », qui "
        f"n'est pas permis — retirez-le ; attributs permis : {allowed}",
    )


def test_an_attribute_refused_in_a_markdown_field_is_told_at_its_key(build):
    front = 'layout: page\ntitle: Titre\ndescription: "Texte\\n{: onclick=\\"x\\"}"\n'
    result = build({"pages/p.md": page(front, "")}, PLUGINS=PLUGINS)
    assert_fails_with(
        result,
        "pages/p.md:4: la liste d'attributs {: … } donne à <p> l'attribut « onclick », qui "
        "n'est pas permis — retirez-le ; attributs permis : class, id, lang, rel, target, title",
    )


def test_safe_attributes_reach_the_page(build):
    body = "Un paragraphe\n{: .fr-text--lead #intro}\n"
    result = build({"pages/p.md": page("layout: page\ntitle: Titre\n", body)}, PLUGINS=PLUGINS)
    assert result.returncode == 0, result.log
    paragraph = result.html("p/index.html").select_one("main p")
    assert paragraph["class"] == ["fr-text--lead"]
    assert paragraph["id"] == "intro"


def test_without_the_plugin_the_reader_renders_as_before(build):
    result = build({"pages/p.md": PAGE.replace("Corps.", "L'été -- enfin.")})
    assert result.returncode == 0, result.log
    assert result.html("p/index.html").select_one("main p").get_text() == "L'été -- enfin."


def test_a_setting_can_narrow_the_safe_attributes_but_not_widen_them():
    extension = JekyllMarkdownExtension(allowed_attributes=["class", "onclick", "style"])
    md = markdown.Markdown(extensions=[extension])
    html = md.convert('Un paragraphe\n{: .lead #intro onclick="alert(1)" style="color:red"}\n')
    assert html == '<p class="lead">Un paragraphe</p>'
    assert sorted(md.treeprocessors["attr_list"].refused) == [
        ("id", "p"),
        ("onclick", "p"),
        ("style", "p"),
    ]


KRAMDOWN_MARKUP = """<div markdown="1">

## عربي

## Étape

</div>

Un avis.
{:.fr-callout.fr-callout--info}

Voir [le guide](https://example.org/ "https\\://example.org"), un <kbd>l'autre</kbd>.

Texte <p class="x"> en ligne.
"""


def test_what_kramdowns_markup_writes_passes_the_strict_checks(strict_build):
    files = {"pages/p.md": page("layout: page\ntitle: Titre\n", KRAMDOWN_MARKUP)}
    result = strict_build(files, PLUGINS=["pelican_jekyll.markdown", *STRICT_PLUGINS])
    assert result.returncode == 0, result.log
    main = result.html("p/index.html").select_one("main")
    # Inside an HTML block, kramdown's converter names headings: ASCII only, `section` if none.
    assert [h["id"] for h in main.select("div h2")] == ["section", "tape"]
    assert main.select_one("p.fr-callout.fr-callout--info").get_text() == "Un avis."
    assert main.select_one("a")["title"] == "https\\://example.org"
    assert main.select_one("kbd").get_text() == "l'autre"  # kept as written, no typography
    assert '<p class="x">' in main.select("p")[-1].get_text()


def test_unclosed_emphasis_in_bulk_stays_text_within_a_bounded_scan():
    md = markdown.Markdown(extensions=["pelican_jekyll.markdown"])
    html = md.convert("*a " * 3000 + "\n\n" + "_b " * 3000)
    assert "<em>" not in html
    assert html.count("*") == 3000 and html.count("_") == 3000
