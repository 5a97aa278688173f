"""Print the folder for the tests' temporary files (`make check`, `make test`).

The tests copy and build the site some hundred times, creating and deleting tens of
thousands of files. On the ext4 disks of this project's machines, creating a file in a
folder that has seen many deletions (/tmp) was measured at 0.7 to 1.3 ms, against 10 µs
in memory: 40 s of a `make check`'s 110 s of processor time. So: the memory file system
/dev/shm when it has room (a run holds about 300 MB at most), the usual folder otherwise
(TMPDIR, /tmp). A TMPDIR set by the caller is kept.
"""

import os
import sys
import tempfile

MEMORY = "/dev/shm"
ROOM = 2 << 30  # bytes free: a run's 300 MB, failed tests' folders kept, other users


def has_room(folder, room=ROOM):
    """Whether `folder` is a folder we may write into with `room` bytes free."""
    try:
        state = os.statvfs(folder)
    except OSError:
        return False
    return os.access(folder, os.W_OK | os.X_OK) and state.f_bavail * state.f_frsize >= room


def folder_for_tests(environ, memory=MEMORY, room=ROOM):
    """TMPDIR if the caller set it, `memory` if it has room, the system's folder otherwise."""
    if environ.get("TMPDIR"):
        return environ["TMPDIR"]
    return memory if has_room(memory, room) else tempfile.gettempdir()


if __name__ == "__main__":
    sys.stdout.write(folder_for_tests(os.environ) + "\n")
