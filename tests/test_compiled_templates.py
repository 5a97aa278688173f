"""The in-process builds' compiled templates are reused only where they compile alike."""

import functools

from compiled_templates import CompiledTemplates
from jinja2 import DictLoader, Environment, FileSystemLoader


def environment(cache, templates, **options):
    return Environment(loader=DictLoader(templates), bytecode_cache=cache, **options)


def test_the_same_source_is_compiled_once_for_every_environment():
    cache = CompiledTemplates()
    first = environment(cache, {"t.html": "{{ x }}!"}).get_template("t.html")
    second = environment(cache, {"t.html": "{{ x }}!"}).get_template("t.html")
    assert len(cache.codes) == 1
    assert first.render(x=1) == second.render(x=1) == "1!"


def test_a_changed_source_or_option_is_compiled_again():
    cache = CompiledTemplates()
    environment(cache, {"t.html": "{% if x %}\n{{ x }}{% endif %}"}).get_template("t.html")
    changed = environment(cache, {"t.html": "{{ x }}?"}).get_template("t.html")
    trimmed = environment(cache, {"t.html": "{% if x %}\n{{ x }}{% endif %}"}, trim_blocks=True)
    assert changed.render(x=1) == "1?"
    assert trimmed.get_template("t.html").render(x=1) == "1"
    assert len(cache.codes) == 3


def test_a_filter_folded_on_a_constant_is_never_another_builds():
    cache = CompiledTemplates()
    results = []
    for word in ("un", "deux"):
        env = environment(cache, {"t.html": "{{ 'x' | word }}"})
        env.filters["word"] = functools.partial(lambda value, w: w, w=word)
        results.append(env.get_template("t.html").render())
        closure = environment(cache, {"c.html": "{{ 'x' | word }}"})
        closure.filters["word"] = (lambda w: lambda value: w)(word)
        results.append(closure.get_template("c.html").render())
    assert results == ["un", "un", "deux", "deux"]


def test_each_copy_keeps_its_own_file_name(tmp_path):
    cache = CompiledTemplates()
    names = []
    for copy in ("a", "b"):
        (tmp_path / copy).mkdir()
        (tmp_path / copy / "t.html").write_text("{{ x.y }}", encoding="utf-8")
        env = Environment(loader=FileSystemLoader(tmp_path / copy), bytecode_cache=cache)
        names.append(env.get_template("t.html").filename)
    assert len(cache.codes) == 1
    assert names == [str(tmp_path / "a" / "t.html"), str(tmp_path / "b" / "t.html")]
