"""The site's Content-Security-Policy, from the settings: one source for pages and servers.

Pages carry it in a <meta http-equiv> tag; a web server can send the same policy as a
header, plus the directives a <meta> tag cannot carry (browsers ignore them there, with
a console error).
"""

from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from eig_common.options import Any, Bool, Check, Invalid, Option, SettingsError, Spec, SubConfig

SETTING = "CONTENT_SECURITY_POLICY"

DEFAULTS = {
    # Everything from the site itself, nothing inline: no 'unsafe-inline', no data:.
    "directives": {
        "default-src": ["'self'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "object-src": ["'none'"],
    },
    # Only a response header can carry these (CSP Level 3, section 3.3).
    "header_only": {
        "frame-ancestors": ["'none'"],
    },
    # Frames are allowed from the application form's origin when it is embedded.
    "frame_form": True,
}

META_FORBIDDEN = {"frame-ancestors", "report-uri", "report-to", "sandbox"}
UNSAFE = {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "data:", "*"}


def _fail(message):
    raise SettingsError.one("security_policy", message)


def _directives(value, where, allow_unsafe=False):
    """`value` checked as {directive: [sources]}; `where` names it in messages."""
    if not isinstance(value, dict):
        Option.fail(f"{where} doit être un dictionnaire {{directive: [sources]}}")
    for name, sources in value.items():
        if not isinstance(name, str) or not name.replace("-", "").isalpha():
            Option.fail(f"{where} : « {name} » n'est pas un nom de directive")
        if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
            Option.fail(f'{where}["{name}"] doit être une liste de textes')
        unsafe = sorted(UNSAFE.intersection(sources))
        if unsafe and not allow_unsafe:
            Option.fail(
                f'{where}["{name}"] contient {", ".join(unsafe)} : le site promet '
                "une politique stricte ; servez la ressource depuis le site lui-même"
            )
    return {name: list(sources) for name, sources in value.items()}


def form_origin(form_url):
    """scheme://host[:port] of the form, or None when there is no usable address."""
    parts = urlsplit(form_url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


@dataclass(frozen=True)
class Policy:
    directives: dict  # for pages and headers alike
    header_only: dict
    # (URL path prefix, Policy) of the few places that need a policy of their own,
    # such as the editors' back office: the public pages' policy is never loosened.
    paths: tuple = ()

    @staticmethod
    def _render(directives):
        return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())

    @property
    def meta(self):
        """The policy as a <meta http-equiv> carries it."""
        return self._render(self.directives)

    @property
    def header(self):
        """The policy as a Content-Security-Policy response header."""
        return self._render({**self.directives, **self.header_only})

    def with_path(self, prefix, directives, owner):
        """This policy, with `directives` alone (may be unsafe) for URL paths under `prefix`.

        `owner` (the plugin or setting that asks) is named in messages.
        """
        if not isinstance(prefix, str) or not prefix.startswith("/") or not prefix.endswith("/"):
            _fail(f"{owner} : le chemin « {prefix} » doit commencer et finir par « / »")
        if prefix == "/" or any(prefix == known for known, _ in self.paths):
            _fail(f"{owner} : le chemin {prefix} a déjà sa politique")
        try:
            checked = _directives(directives, owner, allow_unsafe=True)
        except Invalid as err:
            _fail(str(err))
        if "default-src" not in checked:
            _fail(f'{owner} doit contenir "default-src"')
        misplaced = sorted(META_FORBIDDEN.intersection(checked))
        if misplaced:
            _fail(f"{', '.join(misplaced)} ne peut pas figurer dans une balise <meta> ({owner})")
        own = Policy(checked, self.header_only)
        return replace(self, paths=(*self.paths, (prefix, own)))

    def for_path(self, url_path):
        """The policy of the page at `url_path` (/admin/, /defis/x/)."""
        return next((own for prefix, own in self.paths if url_path.startswith(prefix)), self)


def _strict(value, where):
    return _directives(value, where)


def _fit_for_meta(values):
    """What a <meta> policy must and cannot hold."""
    directives = values[SETTING]["directives"]
    problems = []
    if "default-src" not in directives:
        problems.append(f'{SETTING}["directives"] doit contenir "default-src"')
    misplaced = sorted(META_FORBIDDEN.intersection(directives))
    if misplaced:
        problems.append(
            f"{', '.join(misplaced)} ne peut pas figurer dans une balise <meta> : "
            f'déplacez-la dans {SETTING}["header_only"]'
        )
    return problems


SPEC = Spec(
    "security_policy",
    {
        SETTING: SubConfig(
            {
                # Everything from the site itself, nothing inline: no 'unsafe-inline', no data:.
                "directives": Check(_strict, default=DEFAULTS["directives"]),
                # Only a response header can carry these (CSP Level 3, section 3.3).
                "header_only": Check(_strict, default=DEFAULTS["header_only"]),
                # Frames are allowed from the application form's origin when it is embedded.
                "frame_form": Bool(default=True),
            }
        ),
        # application_call's settings, read here for the frame of the embedded form.
        "APPLICATION_FORM_URL": Any(default=None),
        "FORM_EMBED": Any(default=False),
    },
    checks=[_fit_for_meta],
)


def load(settings):
    """The site's Policy from the settings; SettingsError names any mistake."""
    values = SPEC.load(settings)
    config = values[SETTING]
    directives, header_only = config["directives"], config["header_only"]
    if "frame-src" not in directives:
        origin = form_origin(values["APPLICATION_FORM_URL"])
        embeds = config["frame_form"] and values["FORM_EMBED"] and origin
        # Without an embedded form, no frame at all, whatever default-src allows.
        directives["frame-src"] = [origin] if embeds else ["'none'"]
    return Policy(directives, header_only)
