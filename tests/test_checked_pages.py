"""The template-only browser tests check one page per group of same_template_pages()
(tests/checked_pages.py): that page must show every kind of control its group's pages show,
or a kind only the others have would never be walked by keyboard nor read without script."""

import checked_pages
from browser import page_file
from keyboard import FOCUSABLE  # what the keyboard walk must reach

LANDMARKS = {"header", "nav", "main", "aside", "footer"}


def _kinds(build, path):
    """Each kind of control of the page: its tag, its classes and the landmarks around it."""
    tree = build.tree(page_file(build.output, path).relative_to(build.output).as_posix())
    kinds = set()
    for node in tree.css(FOCUSABLE):
        around, parent = [], node.parent
        while parent is not None:
            if parent.tag in LANDMARKS:
                around.append(parent.tag)
            parent = parent.parent
        classes = " ".join(sorted((node.attributes.get("class") or "").split()))
        kinds.add((node.tag, classes, "/".join(reversed(around))))
    return kinds


def test_each_group_checked_by_one_page_has_no_control_that_page_lacks(real_site):
    groups = checked_pages.same_template_pages()
    assert any(len(group) > 1 for group in groups)  # the content has such groups
    missing = []
    for first, *others in (group for group in groups if group):
        shown = _kinds(real_site, first)
        for path in others:
            extra = _kinds(real_site, path) - shown
            missing += [f"{path}: {kind} (not on {first})" for kind in sorted(extra)]
    assert not missing, (
        "pages whose keyboard and no-script reading the template-only tests skip show "
        "controls that the page they check does not; check them too (checked_pages.py):\n"
        + "\n".join(missing)
    )
