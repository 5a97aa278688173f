"""A build process that stays up between builds, for `make serve`: Pelican is imported once.

`BuildWorker(settings).build()` asks the worker for one build, made as
scripts/build.py makes it (a fresh hidden folder, swapped with output/ only if
the build succeeded), and returns its exit status; the replaced site is removed
after the answer, and `settle()` waits until it is (bench/ does, so that this
removal does not overlap the next measure). The worker runs Pelican in
its own process, one run per build, with two things kept from one build to the
next: what the jekyll_compat reader made of each file (plugins/jekyll_compat/
read_memo.py, checked against everything the file was made from) and the
templates compiled by Jinja (checked against their source). Python code cannot be
reloaded: after a change to a plugin or to the settings, `restart()` it.

Pelican's messages and exit status are those of `pelican` itself; the worker
answers on a pipe of its own, so the terminal shows only Pelican's output.

No file keeps a build busy (plugins/jekyll_compat/watchdog.py stops the reading
of one after 8 s). Should a build still not answer within `timeout` seconds
(code stuck where no Python signal reaches it), the worker is killed and the next
build starts a new one: `make serve` then rebuilds as soon as the file is fixed.
"""

import argparse
import contextlib
import gc
import logging
import os
import select
import subprocess
import sys
from pathlib import Path

from build import BuildError, build_with, disk_errors, output_folder, tidy_up
from jinja2 import BytecodeCache
from pelican import Pelican, log
from pelican.settings import read_settings
from plugin_loading import watch

SCRIPT = Path(__file__).resolve()
# eig_common.upstream: the internals of Pelican this process resets between builds.
sys.path.append(str(SCRIPT.parent.parent / "plugins"))
from eig_common import upstream  # noqa: E402

STOP_SECONDS = 30
# The two requests of the worker's pipe: a build, and "tell me once you are idle".
BUILD = b"build\n"
SETTLE = b"settle\n"
# Six times the longest build measured (10,000 challenges, cold: bench/): a backstop only.
BUILD_SECONDS = 120


class BuildWorker:
    """The client side: starts the worker process when needed, and asks it for builds."""

    def __init__(self, settings, cwd=None, env=None, log=None, timeout=BUILD_SECONDS):
        self.settings = str(settings)
        self.cwd, self.env = cwd, env
        self.log = log  # where Pelican's messages go (default: this process's output)
        self.timeout = timeout
        self.process = None
        self.replies = None

    def _start(self):
        read_end, write_end = os.pipe()
        command = [sys.executable, str(SCRIPT), "-s", self.settings, "--reply-fd", str(write_end)]
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=self.log,
            stderr=self.log,
            pass_fds=(write_end,),
            cwd=self.cwd,
            env=self.env,
        )
        os.close(write_end)
        self.replies = os.fdopen(read_end, "r")

    def build(self):
        """One build by the worker; its exit status (Pelican's)."""
        if self.process is None or self.process.poll() is not None:
            self.stop()
            self._start()
        try:
            self.process.stdin.write(BUILD)
            self.process.stdin.flush()
            answered, _, _ = select.select([self.replies], [], [], self.timeout)
            reply = self.replies.readline() if answered else None
        except BrokenPipeError:
            reply = ""
        if reply is None:
            self._tell(
                f"Erreur : la construction n'a pas abouti en {self.timeout} s ; elle est "
                "arrêtée, et la suivante repart d'un nouveau processus."
            )
            self.process.kill()
        if not reply:  # the worker died during the build: the next one starts afresh
            status = self.stop()
            return status or 1
        return int(reply)

    def settle(self):
        """Wait until the worker has removed what its last build replaced; False if it died."""
        if self.process is None or self.process.poll() is not None:
            return False
        try:
            self.process.stdin.write(SETTLE)
            self.process.stdin.flush()
            answered, _, _ = select.select([self.replies], [], [], self.timeout)
        except BrokenPipeError:
            return False
        return bool(answered) and self.replies.readline() == SETTLE.decode()

    def _tell(self, message):
        print(message, file=self.log or sys.stderr, flush=True)

    def restart(self):
        """Stop the worker; the next build starts a new one (new code, new settings)."""
        self.stop()

    def stop(self):
        """End the worker; its exit status and resource usage (os.wait4), or None."""
        process, self.process = self.process, None
        if process is None:
            return None
        with contextlib.suppress(BrokenPipeError):
            process.stdin.close()
        self.replies.close()
        try:
            process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        return process.returncode


# --- the worker process ------------------------------------------------------------


class MemoryBytecodeCache(BytecodeCache):
    """Jinja's compiled templates, kept in memory; Jinja checks each against its source."""

    def __init__(self):
        self.codes = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.codes:
            bucket.bytecode_from_string(self.codes[bucket.key])

    def dump_bytecode(self, bucket):
        self.codes[bucket.key] = bucket.bytecode_to_string()


def forget_previous_run():
    """What Pelican keeps for the rest of a process it expects to build once."""
    upstream.forget_logged_warnings()  # a repeated warning: told once per build
    upstream.forget_memoized_contents()  # or they keep every page of every build


def settle_memory():
    """Free what the last build left (Pelican's objects hold cycles) before the next one,
    which would otherwise hold both builds' objects at its peak. (gc.freeze() of what
    stays, tried too, made the next build at 10,000 challenges half as slow again.)"""
    gc.collect()


def run_pelican(settings_file, output, bytecode_cache, reusable=None):
    """One Pelican run into `output`, as `pelican -s settings -o output` makes it; its status.
    `reusable`: a folder (the site the last build replaced) plugins may move files from."""
    logger = logging.getLogger("pelican")
    forget_previous_run()
    try:
        override = {"OUTPUT_PATH": os.path.abspath(output), "JEKYLL_READ_MEMO": True}
        if reusable is not None:
            # Whether or not it exists yet: the same settings at every build, or the reader's
            # memo (plugins/jekyll_compat/read_memo.py) would read every file again.
            override["REUSABLE_OUTPUT"] = str(reusable)
        settings = read_settings(settings_file, override=override)
        jinja = dict(settings.get("JINJA_ENVIRONMENT") or {})
        jinja["bytecode_cache"] = bytecode_cache
        settings["JINJA_ENVIRONMENT"] = jinja
        watch()  # a plugin that cannot be loaded stops the build
        Pelican(settings).run()
        return 0
    except Exception as err:  # as pelican's main(): the message, then the status
        logger.critical("%s: %s", err.__class__.__name__, err, exc_info=True)
        return getattr(err, "exitcode", 1)


def serve_builds(settings_file, reply_fd):
    """Build on each "build" line read from stdin, answering with the exit status; answer a
    "settle" line with itself (the lines are served in turn, so after the last tidy-up)."""
    # As `pelican --log-handler plain` sets its logging up.
    log.init(level=None, handler=None, name="pelican", logs_dedup_min_level=logging.WARNING)
    bytecode_cache = MemoryBytecodeCache()
    output = None
    with os.fdopen(reply_fd, "w") as replies:
        for request in sys.stdin:
            if request == SETTLE.decode():
                replies.write(request)
                replies.flush()
                continue
            # Read once a build: the settings may be half saved by the time it is tidied.
            output = output_folder(settings_file)
            try:
                status = build_with(
                    output,
                    lambda new, reusable=output.reusable: run_pelican(
                        settings_file, new, bytecode_cache, reusable
                    ),
                    tidy_after=False,
                )
            except (BuildError, OSError) as err:
                # As scripts/build.py tells it; the worker stays up for the next save.
                if isinstance(err, OSError) and not disk_errors.is_disk_error(err):
                    raise
                text = err if isinstance(err, BuildError) else disk_errors.message(err)
                print(f"Erreur : {text}", file=sys.stderr, flush=True)
                status = 1
            replies.write(f"{status}\n")
            replies.flush()
            # The replaced site, once the new one is announced: kept for the next build.
            tidy_up(output, keep_replaced=True)
            settle_memory()
        if output is not None:
            tidy_up(output)  # the reusable site too: no build comes after


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("--reply-fd", type=int, required=True)
    args = parser.parse_args()
    try:
        serve_builds(args.settings, args.reply_fd)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
