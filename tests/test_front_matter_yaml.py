"""Front matter is parsed by libyaml when PyYAML has it, with the same result as Python's."""

import pytest
import yaml
from conftest import FIXTURES, ROOT
from pelican_jekyll.reader import front_matter

SOURCES = sorted(
    path
    for folder in (ROOT / "content", ROOT / "pages", FIXTURES / "seed")
    for path in folder.rglob("*.md")
)


def test_pyyaml_has_libyaml_here():
    # Without it the build is twice as slow: a wheel without libyaml is a regression.
    assert front_matter.FAST_LOADER is yaml.CSafeLoader


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_libyaml_and_python_read_the_same_front_matter(path):
    yaml_text = front_matter.split(path.read_text(encoding="utf-8"), path.name)[0]
    fast_node, fast = front_matter._compose(yaml_text, yaml.CSafeLoader)
    slow_node, slow = front_matter._compose(yaml_text, yaml.SafeLoader)
    assert fast == slow
    lines = [(k.value, k.start_mark.line) for k, _ in (fast_node.value if fast_node else ())]
    assert lines == [
        (k.value, k.start_mark.line) for k, _ in (slow_node.value if slow_node else ())
    ]


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("title: a: b", "l'en-tête YAML est invalide (mapping values are not allowed here)"),
        ("a:\n\x07", "l'en-tête contient un caractère de contrôle invisible (U+0007)"),
    ],
)
def test_a_mistake_is_told_in_the_python_parsers_words(yaml_text, message):
    with pytest.raises(front_matter.EditorError) as caught:
        front_matter.load(f"---\n{yaml_text}\n---\n", "x.md")
    assert caught.value.problem == message
