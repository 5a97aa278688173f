"""A settings file edited as the call team edits it: whole top-level assignments replaced."""

import ast


def with_assignments(text, replacements):
    """`text` (a settings file) with the top-level assignment to each name of
    `replacements` replaced by that line, wherever and however the file lays it out now.
    Each name must be assigned exactly once there."""
    lines = text.splitlines(keepends=True)
    spans = {}
    for node in ast.parse(text).body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            spans.setdefault(node.targets[0].id, []).append((node.lineno, node.end_lineno))
    wrong = sorted(name for name in replacements if len(spans.get(name, [])) != 1)
    assert not wrong, f"not assigned exactly once in the settings: {wrong}"
    # From the bottom up, so that the line numbers above stay right.
    for name in sorted(replacements, key=lambda name: -spans[name][0][0]):
        first, last = spans[name][0]
        lines[first - 1 : last] = [replacements[name] + "\n"]
    return "".join(lines)
