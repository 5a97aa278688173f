"""`python -m pelican_jekyll SRC OUT`, as the `pelican-jekyll` command."""

import sys

from .cli import main

sys.exit(main())
