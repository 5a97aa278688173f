"""Images kept between builds, by the digest of everything that makes their bytes."""

import contextlib
import hashlib
import os
import secrets
import shutil
from pathlib import Path

import PIL
from PIL import features

from . import render, text

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def code_version():
    """What changes the pixels besides the text and fonts: this drawing code, Pillow and
    the FreeType it draws with."""
    engine = f"{PIL.__version__} {features.version('freetype2')}"
    digest = hashlib.sha256(engine.encode())
    for module in (render, text):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()


def fonts_digest(fonts):
    """What the fonts add to each image's key (computed once a build, not once an image)."""
    return "-".join(hashlib.sha256(data).hexdigest() for data in (fonts.bold, fonts.medium))


def digest(card, fonts_key, version):
    """The key of one image: its texts, the fonts (`fonts_digest`), the code's version."""
    parts = [version, fonts_key, card.header, card.title, card.subtitle, card.footer]
    # Each part's length before it: no two different cards join into the same text.
    joined = "".join(f"{len(part)}:{part}" for part in parts)
    return hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()


class ImageCache:
    """A folder of `<digest>.png`; a file is only ever complete (written aside, renamed)."""

    def __init__(self, folder):
        self.folder = Path(folder)

    def place(self, key, destination):
        """Copy the kept image to `destination`; False if none is kept. A copy, not a hard
        link: a change to output/ must never reach the cache (nor the reverse)."""
        source = self.folder / f"{key}.png"
        if not source.is_file():
            return False
        with contextlib.suppress(FileNotFoundError):
            os.unlink(destination)  # an output folder built into again
        try:
            shutil.copyfile(source, destination)  # the bytes only (sendfile on Linux)
        except OSError:
            return False
        return True

    def get(self, key):
        try:
            data = (self.folder / f"{key}.png").read_bytes()
        except OSError:
            return None
        return data if data.startswith(PNG_SIGNATURE) else None

    def put(self, key, data):
        """Keep `data`; a cache that cannot be written (read-only folder) is only slower."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            aside = self.folder / f".{key}.{secrets.token_hex(4)}.tmp"
            aside.write_bytes(data)
            os.replace(aside, self.folder / f"{key}.png")
        except OSError:
            pass
