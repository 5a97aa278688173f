"""JekyllLiquid.render_text gives what Liquid gives, whether or not it parses the text."""

import pytest
from liquid.exceptions import OutputStreamLimitError
from pelican_jekyll.reader.liquid_tags import JekyllLiquid

TEXTS = [
    "",
    "Un texte { sans } balise, avec {: .classe} et `{ x }`.\n",
    "Une ligne\r\nune autre\rfin\n",  # Liquid's output turns "\r" line ends into "\n"
    "Titre : {{ page.title }}\n",
    "{% raw %}{{ x }}{% endraw %} {%- if true -%} oui {%- endif -%}\n",
]


@pytest.fixture
def liquid(tmp_path):
    return JekyllLiquid(str(tmp_path), "_includes", url_of=lambda target: target)


@pytest.mark.parametrize("text", TEXTS)
def test_a_text_renders_as_liquid_renders_it(liquid, text):
    page = {"title": "Défi"}
    expected = liquid.from_string(text, name="x.md").render(page=page)
    assert liquid.render_text(text, "x.md", page=page) == expected


def test_a_text_without_markup_past_the_output_limit_is_still_refused(liquid):
    text = "é" * (liquid.output_stream_limit // 2 + 1)  # two bytes each in UTF-8
    with pytest.raises(OutputStreamLimitError):
        liquid.from_string(text, name="x.md").render()
    with pytest.raises(OutputStreamLimitError):
        liquid.render_text(text, "x.md")
