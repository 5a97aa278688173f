"""What the reader made of each file, kept between builds of one process (`make serve`).

A file read again in the same process is not re-rendered if nothing it was made
from has changed: its own bytes, the files it `{% include %}`s, the files its
`{% link %}`s point to, the layouts it checked, the `site.*` values it printed,
and the settings. Each of these is recorded while the file is read, and checked
by content (a digest, not a date) before the kept result is used. A read that
failed or logged a warning is never kept, so its message comes again next time.

Off unless the settings say JEKYLL_READ_MEMO (scripts/build_worker.py does):
a fresh `pelican` process reads every file once and has nothing to keep. Either
way, the front matter of each file read in a run is kept for that run, so that
plugins/content_schema checks it without reading and parsing the file again.
"""

import copy
import logging
import os
from dataclasses import dataclass, field

from pelican_jekyll.reader.digests import MISSING, digest

SETTING = "JEKYLL_READ_MEMO"
# A setting that names where the build writes, not how a file reads.
# PLUGINS_SHARED (eig_common.shared): what plugins hand each other, not read by readers.
# Objects plugins make anew at each build for the templates, never read by a reader:
# I18N (translations), STRUCTURED_DATA (job_postings), JINJA_FILTERS (page_summary's
# filter is a closure). Their repr names an address, so they would defeat the memo.
NOT_READ = ("OUTPUT_PATH", "PLUGINS_SHARED", "I18N", "STRUCTURED_DATA", "JINJA_FILTERS")


def file_digest(path):
    """The digest of a file's bytes, or MISSING."""
    try:
        with open(path, "rb") as handle:
            return digest(handle.read())
    except OSError:
        return MISSING


def settings_digest(settings):
    text = repr(sorted((k, repr(v)) for k, v in settings.items() if k not in NOT_READ))
    return digest(text.encode())


class WarningCount(logging.Handler):
    """How many warnings were logged so far (on the root logger, where all end up)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def handle(self, record):
        # Counted before any filter: strict_content's filters hide warnings from printing.
        if record.levelno >= self.level:
            self.count += 1
        return True

    def emit(self, record):
        pass


@dataclass
class Dependencies:
    """What one read used: files by digest, and `site.*` values."""

    files: dict = field(default_factory=dict)  # absolute path -> digest
    exists: dict = field(default_factory=dict)  # absolute path -> whether it is a file
    site: dict = field(default_factory=dict)  # key -> value printed


@dataclass(frozen=True)
class Kept:
    settings_key: bytes
    settings: dict  # the run's, which Category and Tag objects in `result` hold
    dependencies: Dependencies
    result: tuple  # (content, metadata), as the reader returned them
    front_matter: tuple  # (own front matter, key lines, digest), for content_schema

    def copy_for(self, settings):
        """The result as new objects of this run (a run may change what it is given)."""
        return copy.deepcopy(self.result, {id(self.settings): settings})


class ReadMemo:
    """Results of reads, by source path, each with what it depended on."""

    def __init__(self):
        self.kept = {}
        self.this_run = {}  # rel -> (own front matter, key lines, digest), memo or not
        self.warnings = WarningCount()

    def start_run(self):
        self.this_run = {}

    def watch_warnings(self):
        root = logging.getLogger()
        if self.warnings not in root.handlers:
            root.addHandler(self.warnings)

    def get(self, rel, settings_key, file_digest_of, site):
        """The kept read of `rel`, if everything it was made from is unchanged."""
        kept = self.kept.get(rel)
        if kept is None or kept.settings_key != settings_key:
            return None
        deps = kept.dependencies
        if any(file_digest_of(path) != old for path, old in deps.files.items()):
            return None
        if any(os.path.isfile(path) != old for path, old in deps.exists.items()):
            return None
        if any(site.get(key, MISSING) != value for key, value in deps.site.items()):
            return None
        return kept

    def keep(self, rel, kept):
        self.kept[rel] = kept

    def forget(self, rel):
        self.kept.pop(rel, None)

    def parsed(self, rel, front_matter):
        """The file's front matter was read in this run (whether or not it rendered)."""
        self.this_run[rel] = front_matter

    def front_matter(self, rel):
        """(own front matter, key lines, digest of the file) of a file read in this run, or None."""
        return self.this_run.get(rel)


MEMO = ReadMemo()
