"""Jinja's compiled templates, kept for the next in-process build (tests/pelican_run.py).

Compiling the theme is two fifths of a build of the real site, and the tests build it, or
a copy of it, hundreds of times in one process. A template is reused only for the same
source, the same name and an environment that compiles alike (its syntax options, its
extensions, its filters and tests: Jinja folds a filter on constants at compile time);
each copy of a site keeps its own file name in the code, as its tracebacks show it.
`make serve` keeps its compiled templates the same way (scripts/build_worker.py).
"""

import functools
from collections import OrderedDict
from types import BuiltinFunctionType, CodeType, FunctionType

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

# The Environment attributes that change the code Jinja compiles a source into.
SYNTAX = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "is_async",
)


def compile_options(environment, name):
    """What, besides the source, the compiled code of template `name` depends on."""
    autoescape = environment.autoescape
    return (
        type(environment),
        environment.code_generator_class,
        *(getattr(environment, attr) for attr in SYNTAX),
        autoescape(name) if callable(autoescape) else autoescape,
        # Applied to constant output at compile time, as filters on constants are.
        None if environment.finalize is None else identity(environment.finalize),
        repr(sorted(environment.policies.items())),  # compiler.ascii_str among them
        tuple(sorted(environment.extensions)),
        # By identity: a filter folded on constants at compile time leaves its result in
        # the code (the cache keeps each filter alive, so no other one takes its id).
        tuple(sorted((n, identity(f)) for n, f in environment.filters.items())),
        tuple(sorted((n, identity(f)) for n, f in environment.tests.items())),
    )


def identity(call):
    """A filter or test, told apart from any other that could fold another result."""
    # Pelican makes some at each build: plugin_enabled (a partial over PLUGINS), strftime
    # (an object holding the locale), and so does page_summary (a closure over its
    # settings). Those compare by their code and what they hold (a repr naming an object
    # by its address only tells them apart more often).
    if isinstance(call, FunctionType) and call.__closure__:
        cells = repr([_contents(cell) for cell in call.__closure__])
        return ("closure", id(call.__code__), cells)
    if isinstance(call, functools.partial):
        keywords = sorted(call.keywords.items())
        return ("partial", identity(call.func), repr(call.args), repr(keywords))
    state = getattr(call, "__dict__", None)
    if not isinstance(call, (FunctionType, BuiltinFunctionType, type)) and state is not None:
        return (id(type(call)), repr(sorted(state.items())))
    return id(call)


def _contents(cell):
    try:
        return cell.cell_contents
    except ValueError:  # a name the function's scope has not bound yet
        return ValueError


def used_callables(environment):
    """What compile_options may name by id."""
    calls = [*environment.filters.values(), *environment.tests.values()]
    if environment.finalize is not None:
        calls.append(environment.finalize)
    return (type(environment), *calls, *(type(c) for c in calls))


def with_filename(code, filename):
    """`code`, and every function compiled inside it, as compiled from `filename`."""
    consts = tuple(
        with_filename(c, filename) if isinstance(c, CodeType) else c for c in code.co_consts
    )
    return code.replace(co_filename=filename, co_consts=consts)


class CompiledTemplates(BytecodeCache):
    """Code objects by compile options, name and source, for any environment of this process."""

    def __init__(self, size=2000):
        self.codes = OrderedDict()  # the most recently used last
        self.size = size

    def __repr__(self):
        # The same at every build: jekyll_compat's read memo keys on the settings' repr.
        return f"{type(self).__name__}()"

    def get_bucket(self, environment, name, filename, source):
        checksum = self.get_source_checksum(source)
        key = (compile_options(environment, name), name, checksum)
        bucket = Bucket(environment, str(hash(key)), checksum)
        bucket.options = key
        found = self.codes.get(key)
        if found is not None:
            self.codes.move_to_end(key)
            bucket.code = with_filename(found[0], filename or "<template>")
        return bucket

    def set_bucket(self, bucket):
        if bucket.code is not None:
            self.codes[bucket.options] = (bucket.code, used_callables(bucket.environment))
            while len(self.codes) > self.size:
                self.codes.popitem(last=False)

    def load_bytecode(self, bucket):  # get_bucket reads the cache itself
        raise NotImplementedError

    def dump_bytecode(self, bucket):  # set_bucket writes it
        raise NotImplementedError

    def clear(self):
        self.codes.clear()
