"""A share image per challenge, and one for the site: drawn at build time, kept in a cache.

Templates read `SHARE.image(article)` (or `SHARE.image(None)` for the site's image):
the address, size and alternative text that Open Graph and Twitter cards need.
"""

import logging
import os
import re
from dataclasses import dataclass
from functools import cache

from eig_common import boundaries
from eig_common.options import SettingsError
from eig_common.shared import shared
from pelican import signals
from pelican.generators import Generator

from . import cache as image_cache
from . import fonts, render, settings

logger = logging.getLogger(__name__)
# Twitter reads at most 420 characters of alternative text.
MAX_ALT = 420
NAME_CHARACTERS = re.compile(r"[^a-z0-9-]+")


@dataclass(frozen=True)
class ShareImage:
    save_as: str
    url: str
    alt: str
    key: str  # the cache's digest
    card: render.Card
    width: int = render.WIDTH
    height: int = render.HEIGHT
    type: str = "image/png"


class ShareImages:
    """What templates call: `{{ SHARE.image(article).url }}`."""

    def __init__(self, site, by_source):
        self.site = site
        self.by_source = by_source

    def image(self, content=None):
        """The image of a challenge, or the site's for any other page."""
        source = getattr(content, "source_path", None)
        return self.by_source.get(source, self.site)

    def unique(self):
        """Each image once, by address."""
        return list({i.save_as: i for i in [self.site, *self.by_source.values()]}.values())


@cache
def _code_version():
    return image_cache.code_version()


def _one_line(text):
    return " ".join(str(text or "").split())


def _shorten(text, most):
    return text if len(text) <= most else text[: max(most - 1, 0)].rstrip() + "…"


def _alt(before, title, after):
    """`before + title + after` in at most MAX_ALT characters, the title shortened first."""
    room = MAX_ALT - len(before) - len(after)
    return _shorten(before + _shorten(title, max(room, 40)) + after, MAX_ALT)


def _name(text, fallback):
    return NAME_CHARACTERS.sub("-", str(text or "").lower()).strip("-")[:60] or fallback


def _font(config, key, root):
    path = os.path.join(root, config[key])
    try:
        return fonts.load(path)
    except OSError:
        raise SettingsError.one(
            "share_images",
            f'SHARE_IMAGES["{key}"] : aucune police lisible à « {config[key]} » — '
            "indiquez le chemin d'un fichier .woff2, .ttf ou .otf du projet",
        ) from None


class ShareImagesGenerator(Generator):
    """Draws the images (or takes them from the cache) and writes them."""

    def generate_context(self):
        config = settings.load(self.settings)
        root = self.settings["PATH"]
        bold, medium = _font(config, "title_font", root), _font(config, "text_font", root)
        self.fonts = render.Fonts(bold.data, medium.data, bold.characters & medium.characters)
        self.cache = image_cache.ImageCache(os.path.join(root, config["cache_path"]))
        siteurl, name = self.settings["SITEURL"], self.settings["SITENAME"]
        tagline = self.settings.get("SITE_TAGLINE", "")
        description = self.settings.get("SITE_DESCRIPTION", "")

        fonts_key = image_cache.fonts_digest(self.fonts)

        def made(card, stem, alt):
            key = image_cache.digest(card, fonts_key, _code_version())
            save_as = f"{config['folder']}/{stem}.{key[:12]}.png"
            return ShareImage(save_as, f"{siteurl}/{save_as}", alt, key, card)

        site_alt = _alt("", _one_line(name), f" — {_one_line(tagline)}" if tagline else "")
        site = made(render.Card(tagline, name, description, ""), "site", site_alt)
        by_source = {}
        # Hidden challenges have a page too, on no list.
        articles = [*self.context.get("articles", ()), *self.context.get("hidden_articles", ())]
        for article in articles if config["challenges"] else ():
            title = _one_line(article.title)
            owner = _one_line(
                getattr(article, "administration", None) or getattr(article, "owner", None)
            )
            card = render.Card(name, title, owner, tagline)
            after = " »" + (f", porté par {owner}" if owner else "") + f" — {_one_line(name)}"
            alt = _alt("Défi « ", title, after)
            by_source[article.source_path] = made(card, _name(article.slug, "defi"), alt)
        self.share = ShareImages(site, by_source)
        self.context["SHARE"] = self.share
        shared(self.settings).claim(
            (image.save_as, f"image de partage {image.save_as} (SHARE_IMAGES)")
            for image in self.share.unique()
        )
        # Their names change with their bytes: servers may let browsers keep them.
        shared(self.settings).fingerprinted.extend(
            "/" + image.save_as for image in self.share.unique()
        )

    def generate_output(self, writer):
        drawn = 0
        for image in self.share.unique():
            path = os.path.join(self.output_path, image.save_as)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            if self.cache.place(image.key, path):
                continue
            data = render.render(image.card, self.fonts)
            self.cache.put(image.key, data)
            drawn += 1
            with open(path, "wb") as file:
                file.write(data)
        logger.info(
            "share_images: %d images, %d drawn, the others from the cache",
            len(self.share.unique()),
            drawn,
        )


def add_generator(pelican):
    return ShareImagesGenerator


def register():
    # The settings are checked at start with every plugin's (eig_common.boundaries);
    # get_generators: its generate_context runs once every challenge is read, and
    # before any page is written (pages print SHARE.image(...)).
    boundaries.declare("share_images", spec=settings.SPEC)
    signals.get_generators.connect(add_generator)
