"""No single file keeps a build busy: bounds on the time and memory of reading one file.

The other limits (limits.py) stop what is known to be costly; this one stops
whatever else is. While a file is read, a timer (SIGALRM, on the main thread,
where Pelican reads) interrupts it after READ_SECONDS, and the process may not
grow by more than READ_MEMORY_MB (RLIMIT_AS, set to what it holds plus that).
Either becomes an error naming the file; the build then stops as for any other.
"""

import contextlib
import os
import resource
import signal
import threading

from .errors import ERROR_LOG, EditorError, EditorErrors
from .limits import READ_MEMORY_MB, READ_SECONDS

FIX = (
    "simplifiez ce qui demande autant de travail (boucles, inclusions, texte très long "
    "ou très imbriqué) ; les limites sont décrites dans docs/editeurs/limites.md"
)
STATM = "/proc/self/statm"  # Linux: the first number is the address space, in pages


class ReadTimeout(BaseException):
    """Raised by the timer: a BaseException, so that no `except Exception` swallows it."""


def _interrupt(signum, frame):
    raise ReadTimeout


@contextlib.contextmanager
def _time_limit():
    if threading.current_thread() is not threading.main_thread():
        yield  # signals only reach the main thread: no timer elsewhere
        return
    previous = signal.signal(signal.SIGALRM, _interrupt)
    signal.setitimer(signal.ITIMER_REAL, READ_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _address_space():
    """The bytes this process has mapped, or None where the system does not tell."""
    try:
        with open(STATM, encoding="ascii") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return None


@contextlib.contextmanager
def _memory_limit():
    used = _address_space()
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
def reading(rel):
    """Read `rel` within the bounds; past one, the error is told and the file is skipped."""
    try:
        with _time_limit(), _memory_limit():
            yield
        return
    except ReadTimeout:
        problem = f"la lecture de ce fichier a duré plus de {READ_SECONDS} s : elle est arrêtée"
    except MemoryError:
        problem = f"la lecture de ce fichier demande plus de {READ_MEMORY_MB} Mo de mémoire"
    error = EditorError(rel, None, problem, FIX)
    ERROR_LOG.report(error)
    raise EditorErrors(rel, [error])
