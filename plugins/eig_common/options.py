"""One settings layer for every plugin: typed options with their default and check.

A plugin declares its settings as a `Spec` (inspired by MkDocs' config_options);
`Spec.load` checks every key and value and raises one `SettingsError` listing every
problem, in French, each naming the setting; `check_declared` does so at start for
every plugin of the build at once.
"""

from . import urls

REQUIRED = object()  # an option's default when the setting must be given


class Invalid(Exception):
    """One value refused by an option; its message names the setting."""


class SettingsError(Exception):
    """Every problem in the settings, found at start: (plugin, message) pairs."""

    exitcode = 1
    editor_facing = True  # the message says what to change: no traceback

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(self.problems)

    def __str__(self):
        lines = [f"{plugin}: {message}" for plugin, message in self.problems]
        if len(lines) == 1:
            return lines[0]
        return f"{len(lines)} réglages à corriger :\n" + "\n".join(f"  {line}" for line in lines)

    @classmethod
    def one(cls, plugin, message):
        return cls([(plugin, message)])


class Option:
    """A setting's value: its default, and a check that returns it (possibly converted)."""

    def __init__(self, default=REQUIRED):
        self.default = default

    def validate(self, value, where):
        return value

    @staticmethod
    def fail(message):
        raise Invalid(message)


class Any(Option):
    """Any value, kept as given."""


class Bool(Option):
    def validate(self, value, where):
        if not isinstance(value, bool):
            self.fail(f"{where} doit valoir True ou False")
        return value


class Int(Option):
    def __init__(self, default=REQUIRED, minimum=None, maximum=None):
        super().__init__(default)
        self.minimum, self.maximum = minimum, maximum

    def validate(self, value, where):
        low, high = self.minimum, self.maximum
        if (
            not isinstance(value, int)
            or isinstance(value, bool)
            or (low is not None and value < low)
            or (high is not None and value > high)
        ):
            bounds = {
                (False, False): f" de {low} à {high}",
                (False, True): f" d'au moins {low}",
                (True, False): f" d'au plus {high}",
            }.get((low is None, high is None), "")
            self.fail(f"{where} doit être un entier{bounds}")
        return value


class Text(Option):
    """A non-empty string; `pattern(value)` and `hint` refine it."""

    def __init__(self, default=REQUIRED, check=None, hint="un texte non vide"):
        super().__init__(default)
        self.check, self.hint = check, hint

    def validate(self, value, where):
        if not isinstance(value, str) or not value or (self.check and not self.check(value)):
            self.fail(f"{where} doit être {self.hint}")
        return value


class Choice(Option):
    def __init__(self, choices, default=REQUIRED):
        super().__init__(default)
        self.choices = tuple(choices)

    def validate(self, value, where):
        if value not in self.choices:
            names = " ou ".join(f"« {c} »" for c in self.choices)
            self.fail(f"{where} vaut {value!r} ; valeurs possibles : {names}")
        return value


class URL(Option):
    """An absolute address of one of `schemes` with a host, and no quote, bracket, space or
    control character (eig_common.urls). bare: a site's address, to which pages add
    "/path"; loopback_http: http:// too for 127.0.0.1 and localhost."""

    def __init__(self, default=REQUIRED, schemes=("https",), bare=False, loopback_http=False):
        super().__init__(default)
        self.schemes, self.bare, self.loopback_http = tuple(schemes), bare, loopback_http

    def validate(self, value, where):
        problem = urls.url_problem(value, where, self.schemes, self.bare, self.loopback_http)
        if problem:
            self.fail(problem)
        return value


class Optional(Option):
    """None, or what `option` accepts."""

    def __init__(self, option, default=None):
        super().__init__(default)
        self.option = option

    def validate(self, value, where):
        return None if value is None else self.option.validate(value, where)


class ListOf(Option):
    """A list (or tuple) whose every item `item` accepts; `hint` says what is expected."""

    def __init__(self, item, default=REQUIRED, hint=None, non_empty=False):
        super().__init__(default)
        self.item, self.hint, self.non_empty = item, hint, non_empty

    def validate(self, value, where):
        if not isinstance(value, (list, tuple)) or (self.non_empty and not value):
            self.fail(f"{where} doit être {self.hint or 'une liste'}")
        try:
            return [self.item.validate(v, f"{where}[{i}]") for i, v in enumerate(value)]
        except Invalid:
            if self.hint:
                self.fail(f"{where} doit être {self.hint}")
            raise


class Mapping(Option):
    """A dict whose keys and values `keys` and `values` accept."""

    def __init__(self, keys=None, values=None, default=REQUIRED, hint=None):
        super().__init__(default)
        self.keys, self.values, self.hint = keys or Any(), values or Any(), hint

    def validate(self, value, where):
        if not isinstance(value, dict):
            self.fail(f"{where} doit être {self.hint or 'un dictionnaire'}")
        checked = {}
        for key, item in value.items():
            try:
                key = self.keys.validate(key, f"{where} (clé {key!r})")
                checked[key] = self.values.validate(item, f"{where}[{key!r}]")
            except Invalid:
                if self.hint:
                    self.fail(f"{where} doit être {self.hint}")
                raise
        return checked


class Check(Option):
    """An option whose check is a function `check(value, where)` returning the value."""

    def __init__(self, check, default=REQUIRED):
        super().__init__(default)
        self.check = check

    def validate(self, value, where):
        return self.check(value, where)


class SubConfig(Option):
    """A dict with known keys, each its own option: unknown keys are refused."""

    def __init__(self, options, default=None, quote='"'):
        super().__init__({} if default is None else default)
        self.options, self.quote = options, quote

    def validate(self, value, where):
        problems = []
        checked = self.check_all(value, where, problems)
        if problems:
            raise Invalid("\n".join(problems)) if len(problems) > 1 else Invalid(problems[0])
        return checked

    def check_all(self, value, where, problems):
        """The checked dict, defaults filled in; each problem appended to `problems`."""
        if not isinstance(value, dict):
            problems.append(f"{where} doit être un dictionnaire")
            return None
        unknown = sorted(str(k) for k in set(value) - set(self.options))
        if unknown:
            problems.append(
                f"clé inconnue dans {where} : {', '.join(unknown)} "
                f"(connues : {', '.join(self.options)})"
            )
        checked = {}
        for key, option in self.options.items():
            inner = f"{where}[{self.quote}{key}{self.quote}]"
            if key not in value and option.default is REQUIRED:
                problems.append(f"{inner} est obligatoire")
                continue
            given = value.get(key, option.default)
            try:
                checked[key] = option.validate(given, inner)
            except Invalid as err:
                problems.extend(str(err).split("\n"))
        return checked


class Spec:
    """A plugin's settings: top-level keys of pelicanconf.py, each an option.

    `checks` are functions `check(values)` run once every option is valid; each
    returns the messages of what is wrong across options (CALL_CLOSES before
    CALL_OPENS…).
    """

    def __init__(self, plugin, settings, checks=()):
        self.plugin = plugin
        self.settings = settings
        self.checks = tuple(checks)

    def problems(self, settings):
        """(values, messages): the checked values by setting name, and what is wrong."""
        values, messages = {}, []
        for name, option in self.settings.items():
            given = settings.get(name)
            if given is None:
                if option.default is REQUIRED:
                    messages.append(f"{name} est obligatoire")
                    continue
                given = option.default
            if isinstance(option, SubConfig):
                values[name] = option.check_all(given, name, messages)
                continue
            try:
                values[name] = option.validate(given, name)
            except Invalid as err:
                messages.extend(str(err).split("\n"))
        if not messages:
            for check in self.checks:
                messages.extend(check(values))
        return values, messages

    def load(self, settings):
        """The checked values by setting name; SettingsError names every problem."""
        values, messages = self.problems(settings)
        if messages:
            raise SettingsError([(self.plugin, m) for m in messages])
        return values


# Specs of the plugins imported in this process, by plugin name.
DECLARED = {}


def declare(spec):
    """Make `spec` part of the check at start; returns it."""
    DECLARED[spec.plugin] = spec
    return spec


def check_declared(settings, plugins):
    """Check the specs of `plugins` (names) together; SettingsError lists every problem."""
    problems = []
    for name in plugins:
        spec = DECLARED.get(name)
        if spec is not None:
            problems += [(name, m) for m in spec.problems(settings)[1]]
    if problems:
        raise SettingsError(problems)
