"""The package imports on its own: no module of the folder it sits in (a site's plugins)."""

import json
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "pelican_jekyll"
MODULES = [
    "pelican_jekyll",
    "pelican_jekyll.cli",
    "pelican_jekyll.markdown",
    "pelican_jekyll.markdown.parity",
    "pelican_jekyll.reader.front_matter",
    "pelican_jekyll.reader.liquid_tags",
]
# Every module loaded, with its file: those of the package's parent folder must be its own.
LIST_MODULES = """
import importlib, json, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
print(json.dumps({m: getattr(v, "__file__", None) or "" for m, v in sys.modules.items()}))
"""


def test_the_package_imports_no_module_from_beside_it():
    result = subprocess.run(
        [sys.executable, "-c", LIST_MODULES, *MODULES],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    files = json.loads(result.stdout)
    beside = str(PACKAGE.parent.parent)  # plugins/ of the repository it comes from
    foreign = {
        name: file
        for name, file in files.items()
        if file.startswith(beside) and not file.startswith(str(PACKAGE))
    }
    assert "pelican_jekyll.markdown" in files
    assert foreign == {}
