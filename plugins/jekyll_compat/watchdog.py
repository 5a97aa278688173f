"""No single file keeps a build busy: bounds on the time and memory of reading one file.

The other limits (limits.py) stop what is known to be costly; this one stops
whatever else is. While a file is read, a timer (SIGALRM, on the main thread,
where Pelican reads) interrupts it after JEKYLL_COMPAT["read_seconds"] (READ_SECONDS
by default), and the process may not grow by more than READ_MEMORY_MB (RLIMIT_AS,
set to what it holds plus that).
Either becomes an error naming the file; the build then stops as for any other.
"""

import contextlib
import os
import resource
import signal
import threading

from pelican_jekyll.reader.limits import READ_MEMORY_MB

from .errors import ERROR_LOG, EditorError, EditorErrors

FIX = (
    "simplifiez ce qui demande autant de travail (boucles, inclusions, texte très long "
    "ou très imbriqué) ; les limites sont décrites dans docs/editeurs/limites.md"
)
STATM = "/proc/self/statm"  # Linux: the first number is the address space, in pages


class ReadTimeout(BaseException):
    """Raised by the timer: a BaseException, so that no `except Exception` swallows it."""


class _Process:
    """What the bounds need of this process, set up once: the timer's handler, /proc."""

    def __init__(self):
        self.timing = False  # a file is being read under the timer
        self.handler_set = False
        try:
            self.statm = os.open(STATM, os.O_RDONLY)
        except OSError:
            self.statm = None
        self.page_size = os.sysconf("SC_PAGE_SIZE")

    def interrupt(self, signum, frame):
        if self.timing:
            raise ReadTimeout

    def address_space(self):
        """The bytes this process has mapped, or None where the system does not tell."""
        if self.statm is None:
            return None
        try:
            return int(os.pread(self.statm, 64, 0).split()[0]) * self.page_size
        except (OSError, ValueError, IndexError):
            return None


PROCESS = _Process()


@contextlib.contextmanager
def _time_limit(seconds):
    if threading.current_thread() is not threading.main_thread():
        yield  # signals only reach the main thread: no timer elsewhere
        return
    if not PROCESS.handler_set:
        signal.signal(signal.SIGALRM, PROCESS.interrupt)
        PROCESS.handler_set = True
    PROCESS.timing = True
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        PROCESS.timing = False
        signal.setitimer(signal.ITIMER_REAL, 0)


@contextlib.contextmanager
def _memory_limit():
    used = PROCESS.address_space()
    if used is None:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = used + READ_MEMORY_MB * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


@contextlib.contextmanager
def reading(rel, seconds):
    """Read `rel` within the bounds (`seconds` of wall-clock time); past one, the error is
    told and the file is skipped."""
    try:
        with _time_limit(seconds), _memory_limit():
            yield
        return
    except ReadTimeout:
        problem = f"la lecture de ce fichier a duré plus de {seconds} s : elle est arrêtée"
    except MemoryError:
        problem = f"la lecture de ce fichier demande plus de {READ_MEMORY_MB} Mo de mémoire"
    error = EditorError(rel, None, problem, FIX)
    ERROR_LOG.report(error)
    raise EditorErrors(rel, [error])
