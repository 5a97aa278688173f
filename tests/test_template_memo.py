"""MEMO renders a macro once per build for each set of plain arguments, and only for those."""

from types import SimpleNamespace

from jinja2 import DictLoader, Environment
from markupsafe import Markup
from strict_templates.memo import MacroMemo, install

TEMPLATES = {
    # The macro counts its calls through a global, so that the tests see how often it runs.
    "parts.html": "{% macro part(label, items, ui={}) %}{{ COUNT() }}<p>{{ label }}"
    "{% for item in items %}[{{ item }}]{% endfor %}{{ ui.extra }}</p>{% endmacro %}",
    "page.html": '{% from "parts.html" import part %}{{ MEMO(part, label, items, ui=ui) }}',
}


def environment():
    calls = []
    env = Environment(loader=DictLoader(TEMPLATES), autoescape=True)
    env.globals.update(MEMO=MacroMemo(), COUNT=lambda: calls.append(1) or "")
    return env, calls


def test_same_plain_arguments_render_once_and_print_the_same():
    env, calls = environment()
    page = env.get_template("page.html")
    first = page.render(label="Défis & co", items=["a", ("b", 1)], ui={"extra": "<x>"})
    again = page.render(label="Défis & co", items=["a", ("b", 1)], ui={"extra": "<x>"})
    assert first == again == "<p>Défis &amp; co[a][(&#39;b&#39;, 1)]&lt;x&gt;</p>"
    assert len(calls) == 1


def test_other_arguments_render_again():
    env, calls = environment()
    page = env.get_template("page.html")
    outputs = {
        page.render(label="A", items=["a"], ui={}),
        page.render(label="B", items=["a"], ui={}),
        page.render(label="A", items=["b"], ui={}),
        page.render(label="A", items=("a",), ui={}),  # a tuple is not the list it equals
        page.render(label="A", items=[1], ui={}),
        page.render(label="A", items=[True], ui={}),  # True is not 1
        page.render(label="A", items=["a"], ui={"extra": "e"}),
    }
    assert len(calls) == 7
    assert len(outputs) == 6  # ("a",) prints as ["a"] does


def test_markup_objects_and_undefined_are_never_cached():
    env, calls = environment()
    page = env.get_template("page.html")
    page.render(label=Markup("<b>A</b>"), items=[], ui={})
    page.render(label=Markup("<b>A</b>"), items=[], ui={})
    changing = SimpleNamespace(name="first")
    assert "first" in page.render(label=changing, items=[], ui={})
    changing.name = "second"  # same object, other content: it must show
    assert "second" in page.render(label=changing, items=[], ui={})
    page.render(items=[], ui={})  # label undefined
    page.render(items=[], ui={})
    assert len(calls) == 6


def test_each_build_gets_a_fresh_memo():
    first, second = SimpleNamespace(settings={}), SimpleNamespace(settings={"JINJA_GLOBALS": {}})
    install(first)
    install(second)
    assert first.settings["JINJA_GLOBALS"]["MEMO"] is not second.settings["JINJA_GLOBALS"]["MEMO"]
