"""`MEMO(macro, …)` in a template: a macro's HTML made once per build for each set of arguments.

Every page of a language prints the same footer and skip links; rendering them once
saves the macro's work on every other page. Only for macros imported without context
(`{% from … import name %}`, Jinja's default): such a macro sees its arguments and
the build's globals and filters, nothing of the page.

The arguments are the key, as marshal writes them: it writes only plain data (text,
numbers, True/False/None, lists, tuples, dicts, sets of them; bytes), with their
types, and refuses anything else. A refused value (an object, Markup, an Undefined),
whose content could differ from one page to the next behind the same identity, makes
the call an ordinary one, uncached.
"""

import marshal


class MacroMemo:
    """The HTML of each (macro, arguments) rendered so far in this build."""

    def __init__(self):
        self.outputs = {}

    def __repr__(self):
        # The same at every build: jekyll_compat's read memo keys on the settings' repr.
        return f"{type(self).__name__}()"

    def __call__(self, macro, *args, **kwargs):
        try:
            key = (macro, marshal.dumps((args, kwargs)))
        except ValueError:  # not plain data
            return macro(*args, **kwargs)
        if key not in self.outputs:
            self.outputs[key] = macro(*args, **kwargs)
        return self.outputs[key]


def install(pelican):
    """A fresh memo for each build (the build process of `make serve` runs several)."""
    settings = pelican.settings
    settings["JINJA_GLOBALS"] = {**(settings.get("JINJA_GLOBALS") or {}), "MEMO": MacroMemo()}
