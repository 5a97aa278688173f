"""Build the site into a fresh folder, and put it in place of output/ only if it succeeded.

`python scripts/build.py -s pelicanconf.py`: the settings' OUTPUT_PATH (output/) is
only ever replaced whole, so after a failed or killed build it is exactly what the
last good build left, and pages that no longer exist leave no stale file behind.

How the swap is made: the new tree is built in a hidden folder beside output/
(same file system), then the two folders are exchanged in one system call
(renameat2 with RENAME_EXCHANGE on Linux, renamex_np with RENAME_SWAP on macOS),
so output/ is never missing nor half-written, not even for an instant, and stays
a plain folder: rsync, static hosts and the preview server need to know nothing.
A symlink output -> .builds/<id>/ would also swap atomically, but `cp -r`, `tar`
or `rsync output dest` would then copy the link instead of the site. Where the
system cannot exchange (another OS or file system), two renames are used, and a
build killed between them is recovered by the next one.

Pelican's exit status and messages pass through unchanged; this script's own
failures (output/ is a symbolic link, a full disk, a read-only project folder) are
one French sentence and exit status 1. Builds of one folder take turns (a lock
file), and each removes what killed builds left behind.
"""

import argparse
import ctypes
import errno
import fcntl
import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import placeholders
from pelican.settings import read_settings

# The plugins' folder, for the French words of a refused write (plugins/jekyll_compat).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))
from jekyll_compat import disk_errors

AT_FDCWD = -100
RENAME_EXCHANGE = 2  # linux/fs.h
RENAME_SWAP = 2  # macOS sys/stdio.h


def _exchange(a, b):
    """Swap two paths in one step; False where this system or file system cannot."""
    libc = ctypes.CDLL(None, use_errno=True)
    a, b = os.fsencode(a), os.fsencode(b)
    if hasattr(libc, "renameat2"):
        result = libc.renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE)
    elif hasattr(libc, "renamex_np"):
        result = libc.renamex_np(a, b, RENAME_SWAP)
    else:
        return False
    if result == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(error, os.strerror(error), os.fsdecode(a))


class OutputFolder:
    """output/ and its hidden neighbours: the builds in progress, the lock."""

    def __init__(self, path):
        self.path = Path(path)
        self.temp_prefix = f".{self.path.name}-build-"
        self.previous = self.path.with_name(f".{self.path.name}-previous")
        self.lock_file = self.path.with_name(f".{self.path.name}.lock")
        # The site that the last build replaced, kept by the build process of `make serve`
        # for the next build to take unchanged files from (settings' REUSABLE_OUTPUT).
        self.reusable = self.path.with_name(self.temp_prefix + "reusable")

    def leftovers(self):
        found = self.path.parent.glob(self.temp_prefix + "*")
        return sorted(folder for folder in found if folder != self.reusable)

    def tidy(self, keep_reusable=False):
        """Undo what a killed build left: a half-made swap, then half-written folders (and
        the reusable site, unless kept)."""
        if self.previous.exists():
            if not self.path.exists():
                self.previous.rename(self.path)
            else:
                shutil.rmtree(self.previous)
        for folder in self.leftovers():
            shutil.rmtree(folder, ignore_errors=True)
        if not keep_reusable:
            shutil.rmtree(self.reusable, ignore_errors=True)

    def keep_replaced(self):
        """The site the last build replaced (the one leftover, if it succeeded) becomes the
        reusable site; the rest is tidied."""
        leftovers = self.leftovers()
        if len(leftovers) == 1:
            shutil.rmtree(self.reusable, ignore_errors=True)
            leftovers[0].rename(self.reusable)
        self.tidy(keep_reusable=True)

    def new_build(self):
        # mkdir, not mkdtemp: the site's folders get the usual umask rights, not 0700.
        folder = self.path.with_name(self.temp_prefix + secrets.token_hex(6))
        folder.mkdir()
        return folder

    def replace_with(self, new, remove=True):
        """Put `new` in place of output/; what it replaces is deleted (or left at `new`)."""
        if not self.path.exists():
            new.rename(self.path)
        elif _exchange(new, self.path):
            if remove:
                shutil.rmtree(new)
        else:
            self.path.rename(self.previous)
            new.rename(self.path)
            shutil.rmtree(self.previous)


RUN_PELICAN = Path(__file__).with_name("run_pelican.py")


def pelican_command(settings, output, extra=()):
    # pelican's command line, failing on a plugin it cannot load (scripts/plugin_loading.py).
    return [
        sys.executable,
        str(RUN_PELICAN),
        "--log-handler",
        "plain",
        "-s",
        str(settings),
        "-o",
        str(output),
        *extra,
    ]


def output_folder(settings):
    """The settings' OUTPUT_PATH (absolute: Pelican reads it from the settings' folder)."""
    return OutputFolder(read_settings(str(settings))["OUTPUT_PATH"])


class BuildError(Exception):
    """What keeps a build from starting or from being put in place, told in French."""


def build_with(output, run, tidy_after=True):
    """`run(folder)` builds into a fresh folder, swapped in for `output` (an OutputFolder)
    if it returns 0; its status.

    With tidy_after False, the replaced site is left in its hidden folder for
    `tidy_up(output)` (or the next build) to remove, so that the caller can say sooner
    that the new site is in place; and the reusable site is kept.
    """
    if output.path.is_symlink():
        # Swapping would move the link, and a copy of output/ would copy a link.
        raise BuildError(
            f"site non construit : {output.path} est un lien symbolique (vers "
            f"{os.readlink(output.path)}) et non un dossier — supprimez le lien "
            f"(rm {output.path.name}) puis relancez : la construction en fait un vrai dossier."
        )
    output.path.parent.mkdir(parents=True, exist_ok=True)
    with open(output.lock_file, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        output.tidy(keep_reusable=not tidy_after)
        new = output.new_build()
        returncode = None
        try:
            returncode = run(new)
            if returncode == 0:
                output.replace_with(new, remove=tidy_after)
            return returncode
        finally:
            if tidy_after or returncode != 0:
                shutil.rmtree(new, ignore_errors=True)


def tidy_up(output, keep_replaced=False):
    """Remove what earlier builds left beside `output` (builds take turns: the lock); with
    keep_replaced, the site the last build replaced becomes the reusable one."""
    with open(output.lock_file, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if keep_replaced:
            output.keep_replaced()
        else:
            output.tidy()


def build(settings, extra=()):
    """Run Pelican (a fresh process) into a fresh folder and swap it in if it succeeded."""

    def run(new):
        return subprocess.run(pelican_command(settings, new, extra), check=False).returncode

    if placeholders.report(settings):
        return 1
    return build_with(output_folder(settings), run)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    args, extra = parser.parse_known_args()
    try:
        sys.exit(build(args.settings, extra))
    except KeyboardInterrupt:
        sys.exit(130)
    except BuildError as err:
        sys.exit(f"Erreur : {err}")
    except OSError as err:
        if not disk_errors.is_disk_error(err):
            raise
        sys.exit(f"Erreur : {disk_errors.message(err)}")


if __name__ == "__main__":
    main()
