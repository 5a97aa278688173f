"""DECAP_CMS, the back office's settings, checked once at start."""

from urllib.parse import urlsplit

from eig_common.options import (
    URL,
    Check,
    Choice,
    ListOf,
    Mapping,
    Option,
    Optional,
    SettingsError,
    Spec,
    SubConfig,
    Text,
)

__all__ = ["SettingsError", "load_settings", "make_spec", "origin"]  # SettingsError: eig_common's

SETTING = "DECAP_CMS"
DEFAULTS = {
    # Where the back office is served: /admin/.
    "path": "admin/",
    # Decap's browser build (scripts/vendor_decap.py), our preview templates, and the
    # site's stylesheets that previews use.
    "script": "static/decap/decap-cms.js",
    "preview_script": "static/admin/preview.js",
    "preview_styles": [],
    # Decap's `backend` block, as its documentation gives it.
    "backend": {},
    # decap-server's address for `make cms`, or None: Decap then never looks for it.
    "local_backend": None,
    # "simple" (saving publishes) or "editorial_workflow" (a pull request per change).
    "publish_mode": "simple",
    # Where uploaded files go, from the project's root; served from /<media_folder>/.
    "media_folder": "static/images",
    # One entry per kind of the content schema: Decap's collection options (name,
    # label, label_singular, description, create, delete, slug, summary,
    # sortable_fields) and "body": {"label": ..., "modes": [...]} for the text.
    "collections": {},
    # The back office's own Content-Security-Policy (plugins/security_policy); the
    # backends' addresses are added to connect-src.
    "content_security_policy": {},
}
COLLECTION_KEYS = {
    "name",
    "label",
    "label_singular",
    "description",
    "create",
    "delete",
    "slug",
    "summary",
    "sortable_fields",
    "body",
}
PUBLISH_MODES = ("simple", "editorial_workflow")
BODY_MODES = ("raw", "rich_text")


def _path(value, where):
    if not isinstance(value, str) or value.startswith("/") or not value.endswith("/"):
        Option.fail(f'{where} doit être un dossier comme "admin/"')
    return value


def _backend(value, where):
    if not isinstance(value, dict) or not value.get("name"):
        Option.fail(f'{where} doit donner au moins "name" (par exemple "github")')
    if value["name"] == "github":
        for key in ("repo", "branch"):
            if not isinstance(value.get(key), str) or not value[key]:
                Option.fail(f'{where}["{key}"] est obligatoire avec GitHub')
        for key in ("base_url", "api_root"):
            if key in value:
                URL(schemes=("https",)).validate(value[key], f'{where}["{key}"]')
    return value


def _project_path(value, where):
    if not isinstance(value, str) or not value.strip("/"):
        Option.fail(f"{where} doit être un chemin depuis la racine du projet")
    return value


def _collections(schemas):
    def check(value, where):
        if not isinstance(value, dict) or not value:
            Option.fail(f"{where} doit décrire au moins un type de contenu")
        for kind, options in value.items():
            _check_collection(kind, options, schemas, f'{where}["{kind}"]')
        return value

    return check


def _check_collection(kind, options, schemas, where):
    if kind not in schemas:
        Option.fail(f"{where} : « {kind} » n'est pas un type du schéma ({', '.join(schemas)})")
    if not isinstance(options, dict):
        Option.fail(f"{where} doit être un dictionnaire")
    unknown = sorted(set(options) - COLLECTION_KEYS)
    if unknown:
        Option.fail(f"{where} : clé inconnue {', '.join(unknown)}")
    for key in ("name", "label"):
        if not isinstance(options.get(key), str) or not options[key]:
            Option.fail(f'{where}["{key}"] est obligatoire')
    body = options.get("body", {})
    modes = body.get("modes", ["rich_text", "raw"]) if isinstance(body, dict) else None
    if not isinstance(modes, list) or not modes or not set(modes) <= set(BODY_MODES):
        Option.fail(
            f'{where}["body"]["modes"] doit être une liste prise dans {", ".join(BODY_MODES)}'
        )
    fields = {f.name for f in schemas[kind].fields}
    for name in options.get("sortable_fields", []):
        if name not in fields:
            Option.fail(f'{where}["sortable_fields"] : « {name} » n\'est pas une clé du schéma')


def make_spec(schemas):
    """DECAP_CMS's spec; its collections are kinds of `schemas` (content_schema's)."""
    return Spec(
        "decap_admin",
        {
            SETTING: SubConfig(
                {
                    "path": Check(_path, default=DEFAULTS["path"]),
                    "script": Check(_project_path, default=DEFAULTS["script"]),
                    "preview_script": Check(_project_path, default=DEFAULTS["preview_script"]),
                    "preview_styles": ListOf(
                        Text(), default=[], hint="une liste de feuilles de style"
                    ),
                    "backend": Check(_backend, default={}),
                    "local_backend": Optional(URL(schemes=("http", "https"))),
                    "publish_mode": Choice(PUBLISH_MODES, default=DEFAULTS["publish_mode"]),
                    "media_folder": Check(_project_path, default=DEFAULTS["media_folder"]),
                    "collections": Check(_collections(schemas), default={}),
                    "content_security_policy": Mapping(default={}),
                }
            )
        },
    )


def load_settings(settings, schemas):
    """The checked settings, defaults filled in."""
    return make_spec(schemas).load(settings)[SETTING]


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
