"""`pelican`'s command line, except that a plugin it cannot load or register stops the build.

`python scripts/run_pelican.py -s pelicanconf.py …` takes pelican's own arguments.
"""

import sys

import pelican
from plugin_loading import watch


def main(argv=None):
    watch()
    pelican.main(argv)


if __name__ == "__main__":
    main(sys.argv[1:])
