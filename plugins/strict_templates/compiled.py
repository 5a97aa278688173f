"""One build's templates compiled once: Pelican gives each generator its own Jinja
environment, which would compile every template again and check its file at each use."""

from jinja2 import BytecodeCache


class BuildBytecodeCache(BytecodeCache):
    """Compiled templates in memory, for the environments of one build (Jinja checks each
    against its source's checksum)."""

    def __init__(self):
        self.codes = {}

    def __repr__(self):
        # The same at every build: jekyll_compat's read memo keys on the settings' repr.
        return f"{type(self).__name__}()"

    def load_bytecode(self, bucket):
        if bucket.key in self.codes:
            bucket.bytecode_from_string(self.codes[bucket.key])

    def dump_bytecode(self, bucket):
        self.codes[bucket.key] = bucket.bytecode_to_string()


def compile_once(pelican):
    """Share one bytecode cache between the build's environments (unless one is set, as the
    build process of `make serve` sets its own), and read each template file once: none
    changes during a build."""
    environment = dict(pelican.settings.get("JINJA_ENVIRONMENT") or {})
    if environment.get("bytecode_cache") is None:
        environment["bytecode_cache"] = BuildBytecodeCache()
    environment.setdefault("auto_reload", False)
    pelican.settings["JINJA_ENVIRONMENT"] = environment
