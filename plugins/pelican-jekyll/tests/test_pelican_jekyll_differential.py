"""The fixture site built by the real Jekyll 4.3 and by pelican-jekyll: same files, same bodies.

Jekyll writes each document without a layout (the fixture has no `_layouts/`), so its
file is the document's content alone: what pelican-jekyll puts in `<body>`.
"""

import difflib
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pelican_jekyll.build import build
from pelican_jekyll.markdown import parity

# Each builds with Jekyll (Ruby) too: `make test` runs them, `make check` does not.
pytestmark = pytest.mark.slow

FIXTURE = Path(__file__).parent / "fixtures" / "site"
BODY = re.compile(r"<body>(.*)</body>", re.S)
# Jekyll's styles, and a pattern of the site's own.
STYLES = ["pretty", "date", "none", "ordinal", "/:categories/:year/:title:output_ext"]


def jekyll():
    path = shutil.which("jekyll")
    assert path, "Debian's jekyll (4.3) is needed: apt-get install jekyll"
    return path


@pytest.fixture(params=STYLES)
def both(request, tmp_path):
    """The fixture with `permalink:` set to one style, built by Jekyll and by us."""
    source = tmp_path / "src"
    shutil.copytree(FIXTURE, source)
    config = source / "_config.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        re.sub(r"^permalink: .*$", f'permalink: "{request.param}"', text, flags=re.M), "utf-8"
    )
    theirs = tmp_path / "jekyll"
    done = subprocess.run(
        [jekyll(), "build", "--safe", "-q", "-s", str(source), "-d", str(theirs)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    ours = tmp_path / "ours"
    site = build(source, ours)
    documents = {doc.dest for doc in site.documents.values() if doc.output}
    return theirs, ours, documents


def files(folder):
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_the_same_files_are_written(both):
    theirs, ours, _ = both
    assert files(ours) == files(theirs)


def test_every_document_body_is_jekylls_content(both):
    theirs, ours, documents = both
    different = []
    for path in sorted(documents):
        reference = parity.normalise((theirs / path).read_text(encoding="utf-8"))
        mine = parity.normalise(BODY.search((ours / path).read_text(encoding="utf-8")).group(1))
        if mine != reference:
            diff = difflib.unified_diff(
                reference.split("\n"), mine.split("\n"), "jekyll", "pelican-jekyll", lineterm=""
            )
            different.append(f"{path}:\n" + "\n".join(diff))
    assert not different, "\n\n".join(different)
