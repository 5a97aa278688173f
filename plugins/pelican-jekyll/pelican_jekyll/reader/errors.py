"""A mistake in a Jekyll file, told as `path:line: what is wrong — what to do`."""


class EditorError(Exception):
    """A mistake in a content file, told as `path:line: what — what to do`."""

    def __init__(self, path, line, problem, fix):
        super().__init__(path, line, problem, fix)
        self.path, self.line, self.problem, self.fix = path, line, problem, fix

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.problem} — {self.fix}"
