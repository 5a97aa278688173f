"""A front-matter date or number that YAML reads but Python cannot make, told at its line."""

import yaml

from .errors import EditorError

TIMESTAMP = "tag:yaml.org,2002:timestamp"
INTEGER = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"


def _scalars(node):
    """Every scalar node of a YAML tree, in document order (bounded by the tree's size)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            yield current
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(reversed(current.value))
        elif isinstance(current, yaml.MappingNode):
            for key, value in reversed(current.value):
                stack.extend((value, key))


def _fails(constructor, node):
    try:
        constructor(node)
    except (ValueError, OverflowError):
        return True
    return False


def _problem(node):
    if node.tag == TIMESTAMP:
        return (
            f"la date « {node.value} » n'existe pas",
            "écrivez une date du calendrier, AAAA-MM-JJ (mois de 01 à 12, jour du mois), "
            "par exemple `date: 2017-09-26`",
        )
    shown = (
        node.value if len(node.value) <= 30 else f"{node.value[:12]}…({len(node.value)} chiffres)"
    )
    return (
        f"le nombre « {shown} » est trop grand",
        "écrivez un nombre plus court, ou mettez la valeur entre guillemets si c'est un texte",
    )


def unreadable_value(yaml_text, path):
    """The EditorError for the first value of `yaml_text` that cannot be constructed."""
    loader = yaml.SafeLoader(yaml_text)
    try:
        root = loader.get_single_node()
        constructors = {
            TIMESTAMP: loader.construct_yaml_timestamp,
            INTEGER: loader.construct_yaml_int,
            FLOAT: loader.construct_yaml_float,
        }
        for node in _scalars(root) if root is not None else ():
            if node.tag in constructors and _fails(constructors[node.tag], node):
                problem, fix = _problem(node)
                return EditorError(path, node.start_mark.line + 2, problem, fix)
    finally:
        loader.dispose()
    return EditorError(
        path, 2, "une valeur de l'en-tête est illisible", "corrigez les dates et les nombres"
    )
