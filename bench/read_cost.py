"""Processor time of the site's reader alone: every Markdown file of the site in the current
folder, read by a fresh jekyll_compat reader, PASSES times; prints one JSON line.

Pelican and the plugins are set up first (imports, settings, Markdown extensions), outside
the measure, as in a build; each pass then starts from a new reader, as a cold build does.

Usage (from a site folder): python bench/read_cost.py [PASSES]
"""

import glob
import json
import logging
import os
import sys
import time

from pelican import Pelican
from pelican.readers import Readers
from pelican.settings import read_settings


def source_files(settings):
    """The .md files of the article and page folders, as Pelican's generators find them."""
    found = set()
    for folder in [*settings["ARTICLE_PATHS"], *settings["PAGE_PATHS"]]:
        pattern = os.path.join(settings["PATH"], folder, "**", "*.md")
        found.update(glob.glob(pattern, recursive=True))
    return sorted(found)


def main(argv):
    passes = int(argv[0]) if argv else 3
    logging.getLogger("pelican").setLevel(logging.ERROR)
    settings = read_settings("pelicanconf.py")
    Pelican(settings)  # registers the plugins, as a build does before reading
    files = source_files(settings)
    seconds = []
    for _ in range(passes):
        reader = Readers(settings).readers["md"]
        start = time.process_time()
        for path in files:
            reader.read(path)
        seconds.append(time.process_time() - start)
    print(json.dumps({"files": len(files), "seconds": seconds}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
