"""The tags and attributes of a rendered page body, and what is wrong with them."""

import functools
from dataclasses import dataclass
from html.parser import HTMLParser

# Attributes whose value is an address the browser follows or loads.
LINK_ATTRIBUTES = {"href", "src"}
# Schemes that run code when followed.
SCRIPT_SCHEMES = ("javascript:", "vbscript:")


@dataclass(frozen=True)
class Tag:
    name: str
    attrs: dict


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(Tag(tag, {name: value or "" for name, value in attrs}))

    handle_startendtag = handle_starttag


# A page whose body has not changed is not parsed again by a build process that
# stays up (scripts/build_worker.py); the bound keeps a long session's memory flat.
@functools.lru_cache(maxsize=1 << 15)
def tags(html):
    """Every start tag of `html`, in order."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return tuple(collector.tags)


def runs_script(value):
    """Whether an attribute value is an address that runs code (spaces and case ignored)."""
    plain = "".join(ch for ch in value if ch > " ").lower()
    return plain.startswith(SCRIPT_SCHEMES)
