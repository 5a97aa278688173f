"""The 2017 challenge files of tests/fixtures/jekyll2017, dropped into a copy of the real site."""

import re
import shutil
import struct
import zlib
from pathlib import Path
from urllib.parse import unquote

from conftest import FIXTURES, copy_real_site

POSTS = FIXTURES / "jekyll2017" / "_posts"
# Where a 2017 file names an image: its `img:` key, and Markdown images of its text
# (in its body or in its `description:` key, whose line breaks are written `\n`).
IMAGE = re.compile(r"^img:\s*(/img/\S.*?)\s*$|!\[[^\]]*\]\((/img/[^)\s\\]+)\)", re.M)


def posts():
    """The 2017 files, by name."""
    return sorted(POSTS.glob("*.md"))


def images(text):
    """The /img/… paths a 2017 file links, decoded as a server decodes them."""
    return sorted({unquote(a or b) for a, b in IMAGE.findall(text)})


def placeholder_png():
    """A valid one-pixel PNG, grey."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x80")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def title_part(path):
    """What follows the date in a dated file name: its address on the site."""
    return path.name[len("AAAA-MM-JJ-") :]


def site_with_2017_files(dest):
    """A copy of the real site whose content/defis/ holds the 2017 files, in place of the
    site's own challenges, and their images in static/img/; returns the site and
    {file name: its image paths}.

    The site's challenges go: whatever they become (renamed, with their old addresses
    kept by `redirect_from`), one would otherwise claim an address of a 2017 file.
    """
    site = copy_real_site(Path(dest), plugins=False)
    challenges = site / "content" / "defis"
    for ours in challenges.glob("*.md"):
        ours.unlink()
    linked = {}
    png = placeholder_png()
    for post in posts():
        text = post.read_text(encoding="utf-8")
        shutil.copy(post, challenges / post.name)
        linked[post.name] = images(text)
        for path in linked[post.name]:
            target = site / "static" / path.lstrip("/")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(png)
    return site, linked
