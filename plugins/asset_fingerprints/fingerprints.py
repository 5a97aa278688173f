"""Content hashes in asset file names, so browsers may cache them for a year.

A fingerprinted CSS file has its url()s rewritten to the fingerprinted names of the
files it refers to (DSFR's fonts and icons), and is hashed after that rewrite: a
changed icon changes the name of the CSS that shows it, so no cached copy goes stale.
"""

import hashlib
import posixpath
import re
from dataclasses import dataclass, field

from eig_common.options import Int, ListOf, SettingsError, Spec, SubConfig, Text

SETTING = "ASSET_FINGERPRINTS"
DEFAULTS = {
    # Files that get a hash in their name, and everything a fingerprinted CSS uses.
    "extensions": [".css", ".js", ".woff2", ".woff"],
    "hash_length": 12,
}
__all__ = ["SPEC", "AssetError", "SettingsError", "load_settings"]  # SettingsError: eig_common's

# url(x), url("x") or url('x'); the DSFR writes them unquoted.
CSS_URL = re.compile(r"""url\(\s*(["']?)([^"')\s]+)\1\s*\)""")
NOT_A_FILE = re.compile(r"^([a-z][a-z0-9+.-]*:|/|#)", re.IGNORECASE)


class AssetError(Exception):
    """A template or a stylesheet refers to a file the site does not have."""

    exitcode = 1
    editor_facing = True


SPEC = Spec(
    "asset_fingerprints",
    {
        SETTING: SubConfig(
            {
                # Files that get a hash in their name, and everything a fingerprinted CSS uses.
                "extensions": ListOf(
                    Text(check=lambda e: e.startswith(".")),
                    default=DEFAULTS["extensions"],
                    hint='une liste d\'extensions comme ".css"',
                ),
                "hash_length": Int(default=DEFAULTS["hash_length"], minimum=8, maximum=64),
            }
        )
    },
)


def load_settings(settings):
    config = SPEC.load(settings)[SETTING]
    return {
        "extensions": [e.lower() for e in config["extensions"]],
        "hash_length": config["hash_length"],
    }


def fingerprinted_name(path, data, length):
    """`a/b.min.css` -> `a/b.min.<hash>.css`: the hash sits before the last extension."""
    stem, dot, extension = path.rpartition(".")
    digest = hashlib.sha256(data).hexdigest()[:length]
    return f"{stem}.{digest}{dot}{extension}" if dot else f"{path}.{digest}"


def css_references(css_path, text):
    """Output paths of the files a stylesheet's relative url()s point to."""
    base = posixpath.dirname(css_path)
    return {
        posixpath.normpath(posixpath.join(base, match.group(2)))
        for match in CSS_URL.finditer(text)
        if not NOT_A_FILE.match(match.group(2))
    }


def rewrite_css(css_path, text, names):
    """The stylesheet with each relative url() pointing to its fingerprinted file."""
    base = posixpath.dirname(css_path)

    def replace(match):
        url = match.group(2)
        if NOT_A_FILE.match(url):
            return match.group(0)
        target = posixpath.normpath(posixpath.join(base, url))
        return f"url({posixpath.relpath(names[target], base or '.')})"

    return CSS_URL.sub(replace, text)


@dataclass
class Manifest:
    """Output path -> fingerprinted output path, and the rewritten stylesheets' bytes."""

    names: dict = field(default_factory=dict)
    rewritten: dict = field(default_factory=dict)  # fingerprinted path -> bytes


def build_manifest(files, read, extensions, length):
    """Fingerprint `files` (output paths) whose extension is listed, and what their CSS uses.

    `read(path)` gives a file's bytes. Raises AssetError on a url() to a missing file.
    """
    chosen = {p for p in files if posixpath.splitext(p)[1].lower() in extensions}
    stylesheets = {p for p in chosen if p.lower().endswith(".css")}
    texts = {p: read(p).decode("utf-8") for p in stylesheets}
    for css, text in texts.items():
        for target in css_references(css, text):
            if target not in files:
                raise AssetError(f"asset_fingerprints: {css} renvoie à {target}, qui n'existe pas")
            if target.lower().endswith(".css"):
                # One level is all the site needs; nested @import would need ordering.
                raise AssetError(f"asset_fingerprints: {css} importe {target} : non pris en charge")
            chosen.add(target)
    manifest = Manifest()
    for path in sorted(chosen - stylesheets):
        manifest.names[path] = fingerprinted_name(path, read(path), length)
    for css in sorted(stylesheets):
        data = rewrite_css(css, texts[css], manifest.names).encode("utf-8")
        name = fingerprinted_name(css, data, length)
        manifest.names[css] = name
        if data != read(css):
            manifest.rewritten[name] = data
    return manifest


class Assets:
    """What templates call: `{{ ASSETS.url("static/css/site.css") }}`."""

    def __init__(self, siteurl, files, manifest):
        self.siteurl = siteurl
        self.files = files
        self.manifest = manifest

    def url(self, path):
        """The address of a static file, fingerprinted when it is."""
        if path not in self.files:
            raise AssetError(f"asset_fingerprints: aucun fichier statique « {path} »")
        return f"{self.siteurl}/{self.manifest.names.get(path, path)}"

    def fingerprinted(self):
        """URL paths (leading slash) of every fingerprinted file, sorted."""
        return sorted("/" + name for name in self.manifest.names.values())
