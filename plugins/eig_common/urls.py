"""Address settings, parsed with urllib.parse: templates print them in attributes."""

from urllib.parse import urlsplit

# Characters an address never needs, and that could end an attribute or a tag.
FORBIDDEN = set("\"'<>`\\{}|^ ")
# http:// only for a preview on this machine (the bench's Lighthouse run).
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def _shown(char):
    if char == " ":
        return "une espace"
    if ord(char) < 32 or ord(char) == 127:
        return f"le caractère de contrôle U+{ord(char):04X}"
    return f"« {char} »"


def _problem(value, schemes, bare, loopback_http):
    """What is wrong with `value` as an address, or None."""
    if not isinstance(value, str) or not value:
        return "ce n'est pas un texte"
    odd = sorted({ch for ch in value if ch in FORBIDDEN or ord(ch) < 32 or ord(ch) == 127})
    if odd:
        return "elle contient " + ", ".join(_shown(ch) for ch in odd)
    try:
        parts = urlsplit(value)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        return "son hôte ou son port est illisible"
    local = loopback_http and parts.scheme == "http" and host in LOOPBACK
    if parts.scheme not in schemes and not local:
        return "elle ne commence pas par " + " ou ".join(f"{s}://" for s in schemes)
    if not host:
        return "elle n'a pas de nom d'hôte"
    if "@" in parts.netloc:
        return "elle contient un identifiant (« @ »)"
    if bare and (parts.query or parts.fragment or value.endswith("/")):
        return "elle finit par « / » ou a une partie « ? » ou « # »"
    return None


def url_problem(value, setting, schemes=("https",), bare=False, loopback_http=False):
    """The French message of what makes `value` no usable address for `setting`, or None.

    bare: a site's address (SITEURL), to which pages add "/path": no "?", "#" nor
    final "/". loopback_http: http:// is also accepted for 127.0.0.1 and localhost.
    """
    problem = _problem(value, schemes, bare, loopback_http)
    if problem is None:
        return None
    kinds = " ou ".join(f"{s}://" for s in schemes)
    return (
        f"{setting} = {value!r} n'est pas une adresse {kinds} utilisable ({problem}) ; "
        f"donnez l'adresse complète, en {kinds}, sans guillemets, chevrons ni espaces "
        "(une espace s'écrit %20)"
    )
