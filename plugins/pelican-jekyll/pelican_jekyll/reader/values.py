"""A front-matter date or number that YAML reads but Python cannot make, told at its line."""

import yaml

from .errors import EditorError
from .messages import say

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
            say(
                f"the date “{node.value}” does not exist", f"la date « {node.value} » n'existe pas"
            ),
            say(
                "write a date of the calendar, YYYY-MM-DD (month 01 to 12, a day of that "
                "month), for example `date: 2017-09-26`",
                "écrivez une date du calendrier, AAAA-MM-JJ (mois de 01 à 12, jour du mois), "
                "par exemple `date: 2017-09-26`",
            ),
        )
    digits = say("digits", "chiffres")
    shown = (
        node.value if len(node.value) <= 30 else f"{node.value[:12]}…({len(node.value)} {digits})"
    )
    return (
        say(f"the number “{shown}” is too large", f"le nombre « {shown} » est trop grand"),
        say(
            "write a shorter number, or put the value between quotes if it is text",
            "écrivez un nombre plus court, ou mettez la valeur entre guillemets si c'est un texte",
        ),
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
        path,
        2,
        say("a value of the front matter cannot be read", "une valeur de l'en-tête est illisible"),
        say("fix the dates and the numbers", "corrigez les dates et les nombres"),
    )
