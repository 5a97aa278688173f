"""What a web server must add to the built files, written for each kind of server.

One source: the response headers (the site's Content-Security-Policy as a header, and
the DEPLOY_RULES settings), the caching of fingerprinted files, and the old URLs'
redirects. They become `_headers` and `_redirects` (Netlify, Cloudflare Pages and the
like) and two nginx includes; nothing of this is written twice by hand.
"""

import re
from dataclasses import dataclass

from eig_common.options import Bool, Check, Invalid, Option, SettingsError, Spec, SubConfig, Text

SETTING = "DEPLOY_RULES"
DEFAULTS = {
    # Sent with every response, besides Content-Security-Policy (from the policy).
    "headers": {},
    # Cache-Control of fingerprinted files (their name changes with their content)...
    "immutable": "public, max-age=31536000, immutable",
    # ...and of everything else: browsers revalidate, so a new build shows at once.
    "revalidate": "no-cache",
    # Where the nginx includes go, inside the output folder.
    "nginx_dir": "_nginx",
    # nginx serves .br files too (needs ngx_http_brotli_static_module).
    "brotli": True,
}
HEADER_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9-]*$")
# What nginx and the _headers format cannot carry in a value.
UNSAFE_VALUE = re.compile(r'["\\\n\r;{}]|^\s|\s$')
SAFE_PATH = re.compile(r"^/[A-Za-z0-9._~!$&'()*+,=:@/%-]*$")


def _fail(message):
    raise SettingsError.one("deploy_rules", message)


def _safe_value(value, where):
    if not isinstance(value, str) or not value or UNSAFE_VALUE.search(value.replace("; ", "")):
        Option.fail(f"{where} doit être un texte sans guillemet, barre oblique inverse ni accolade")
    return value


def _check_value(value, where):
    try:
        _safe_value(value, where)
    except Invalid as err:
        _fail(str(err))


def _headers(value, where):
    if not isinstance(value, dict):
        Option.fail(f"{where} doit être un dictionnaire {{nom: valeur}}")
    for name, text in value.items():
        if not isinstance(name, str) or not HEADER_NAME.match(name):
            Option.fail(f"{where} : « {name} » n'est pas un nom d'en-tête")
        if name.lower() in {"content-security-policy", "cache-control"}:
            Option.fail(
                f"{where} : {name} vient de CONTENT_SECURITY_POLICY ou de "
                f'{SETTING}["immutable"] et ["revalidate"], pas d\'ici'
            )
        _safe_value(text, f'{where}["{name}"]')
    return dict(value)


SPEC = Spec(
    "deploy_rules",
    {
        SETTING: SubConfig(
            {
                "headers": Check(_headers, default=DEFAULTS["headers"]),
                "immutable": Check(_safe_value, default=DEFAULTS["immutable"]),
                "revalidate": Check(_safe_value, default=DEFAULTS["revalidate"]),
                "nginx_dir": Text(
                    default=DEFAULTS["nginx_dir"],
                    check=lambda v: re.fullmatch(r"_[a-z0-9_-]+", v),
                    hint="un nom de dossier commençant par « _ »",
                ),
                "brotli": Bool(default=DEFAULTS["brotli"]),
            }
        )
    },
)


def load_settings(settings):
    return SPEC.load(settings)[SETTING]


@dataclass(frozen=True)
class Rules:
    headers: dict  # name -> value, for every response
    immutable: str
    revalidate: str
    fingerprinted: list  # URL paths
    redirects: list  # (old URL path, new URL path)
    brotli: bool
    nginx_dir: str
    # (URL path prefix, Content-Security-Policy) where a path has a policy of its own.
    path_policies: tuple = ()
    # (URL path, Content-Type) of files whose extension does not give their type.
    content_types: tuple = ()

    # -- Netlify / Cloudflare Pages ---------------------------------------------------

    def headers_file(self):
        lines = [GENERATED, "/*"]
        lines += [f"  {name}: {value}" for name, value in self.headers.items()]
        for prefix, policy in self.path_policies:
            # "! name" detaches the /* value (Cloudflare Pages); without it the two
            # policies would both apply, the stricter one winning.
            lines += [
                f"{prefix}*",
                "  ! Content-Security-Policy",
                f"  Content-Security-Policy: {policy}",
            ]
        for path, value in self.content_types:
            lines += [path, f"  Content-Type: {value}"]
        # No Cache-Control on /*: Cloudflare Pages would join it to the long one below.
        # These hosts already send "max-age=0, must-revalidate" by default: the same
        # effect as no-cache.
        for path in self.fingerprinted:
            lines += [path, f"  Cache-Control: {self.immutable}"]
        return "\n".join(lines) + "\n"

    def redirects_file(self):
        # "!": redirect even though the old URL's redirect page exists (Netlify's
        # shadowing); that page stays for hosts with no rules at all.
        lines = [GENERATED] + [f"{old} {new} 301!" for old, new in self.redirects]
        return "\n".join(lines) + "\n"

    # -- nginx -----------------------------------------------------------------------

    def nginx_http(self):
        """Maps, for the http block: one place decides each response's caching and move."""
        lines = [
            GENERATED,
            "# Room for long keys (fingerprinted paths); the default fits 64-byte keys at most.",
            f"map_hash_bucket_size {MAP_BUCKET_SIZE};",
            "map $uri $eig_cache_control {",
            f'    default "{self.revalidate}";',
        ]
        lines += [f'    "{path}" "{self.immutable}";' for path in self.fingerprinted]
        lines += ["}", "map $uri $eig_csp {", f'    default "{self.headers[CSP]}";']
        lines += [
            f'    "~^{re.escape(prefix)}" "{policy}";' for prefix, policy in self.path_policies
        ]
        lines += ["}", "map $uri $eig_moved_to {", '    default "";']
        lines += [f'    "{old}" "{new}";' for old, new in self.redirects]
        lines += ["}"]
        return "\n".join(lines) + "\n"

    def nginx_server(self):
        """Directives for the server block: headers, precompressed files, 404, redirects."""
        lines = [
            GENERATED,
            "# Every add_header is here, at server level, and no location adds one: a",
            "# location with an add_header of its own would drop all of these.",
        ]
        lines += [
            f'add_header {name} "{"$eig_csp" if name == CSP else value}" always;'
            for name, value in self.headers.items()
        ]
        lines += [
            'add_header Cache-Control "$eig_cache_control" always;',
            "",
            "# The .gz and .br files written by `make publish`, sent as they are.",
            "gzip_static on;",
            "gzip_vary on;",
        ]
        if self.brotli:
            lines += ["brotli_static on;"]
        lines += [
            "",
            "index index.html;",
            "charset utf-8;",
            "absolute_redirect off;",
            "error_page 404 /404.html;",
            "",
            "if ($eig_moved_to) {",
            "    return 301 $eig_moved_to;",
            "}",
            "",
            f"location ^~ /{self.nginx_dir}/ {{",
            "    return 404;",
            "}",
            "location ~ ^/_(headers|redirects)$ {",
            "    return 404;",
            "}",
        ]
        # `types` and `default_type` only: a location with an add_header would drop the above.
        for path, value in self.content_types:
            lines += [f"location = {path} {{", "    types { }", f'    default_type "{value}";', "}"]
        lines += [
            "location / {",
            "    try_files $uri $uri/ =404;",
            "}",
        ]
        return "\n".join(lines) + "\n"

    def files(self):
        """Output-relative path -> text of every file these rules make."""
        return {
            "_headers": self.headers_file(),
            "_redirects": self.redirects_file(),
            f"{self.nginx_dir}/http.conf": self.nginx_http(),
            f"{self.nginx_dir}/server.conf": self.nginx_server(),
        }


CSP = "Content-Security-Policy"
MAP_BUCKET_SIZE = 256
GENERATED = "# Written by plugins/deploy_rules at each build: change the settings, not this file."


def make_rules(config, policy, fingerprinted, redirects, content_types=()):
    """Rules from the checked settings, the site's policy (security_policy), URL paths, and
    (URL path, Content-Type) pairs."""
    prefixes = [prefix for prefix, _ in policy.paths]
    typed = [path for path, _ in content_types]
    for path in [*fingerprinted, *(p for pair in redirects for p in pair), *prefixes, *typed]:
        if not SAFE_PATH.match(path):
            raise SettingsError(f"deploy_rules: adresse inutilisable dans les règles : {path}")
    for text in [policy.header, *(own.header for _, own in policy.paths)]:
        _check_value(text, "CONTENT_SECURITY_POLICY")
    for path, value in content_types:
        _check_value(value, f"Content-Type de {path}")
    headers = {CSP: policy.header, **config["headers"]}
    return Rules(
        headers=headers,
        immutable=config["immutable"],
        revalidate=config["revalidate"],
        fingerprinted=sorted(fingerprinted),
        redirects=sorted(redirects),
        brotli=config["brotli"],
        nginx_dir=config["nginx_dir"],
        path_policies=tuple((prefix, own.header) for prefix, own in policy.paths),
        content_types=tuple(sorted(content_types)),
    )
