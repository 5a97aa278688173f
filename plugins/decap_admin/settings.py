"""DECAP_CMS, the back office's settings, checked once at start."""

from urllib.parse import urlsplit

from setting_urls import SettingsError as UrlError
from setting_urls import checked_url

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


class SettingsError(Exception):
    """A mistake in DECAP_CMS, found at start."""

    exitcode = 1
    editor_facing = True  # the message says what to change: no traceback


def _fail(message):
    raise SettingsError(f"decap_admin: {message}")


def _check_collection(kind, options, schemas):
    where = f'{SETTING}["collections"]["{kind}"]'
    if kind not in schemas:
        _fail(f"{where} : « {kind} » n'est pas un type du schéma ({', '.join(schemas)})")
    if not isinstance(options, dict):
        _fail(f"{where} doit être un dictionnaire")
    unknown = sorted(set(options) - COLLECTION_KEYS)
    if unknown:
        _fail(f"{where} : clé inconnue {', '.join(unknown)}")
    for key in ("name", "label"):
        if not isinstance(options.get(key), str) or not options[key]:
            _fail(f'{where}["{key}"] est obligatoire')
    body = options.get("body", {})
    modes = body.get("modes", ["rich_text", "raw"]) if isinstance(body, dict) else None
    if not isinstance(modes, list) or not modes or not set(modes) <= set(BODY_MODES):
        _fail(f'{where}["body"]["modes"] doit être une liste prise dans {", ".join(BODY_MODES)}')
    fields = {f.name for f in schemas[kind].fields}
    for name in options.get("sortable_fields", []):
        if name not in fields:
            _fail(f'{where}["sortable_fields"] : « {name} » n\'est pas une clé du schéma')


def _check_url(value, where, schemes):
    try:
        checked_url(value, where, schemes)
    except UrlError as err:
        _fail(str(err))


def load_settings(settings, schemas):
    """The checked settings, defaults filled in."""
    raw = settings.get(SETTING, {})
    if not isinstance(raw, dict):
        _fail(f"{SETTING} doit être un dictionnaire")
    unknown = sorted(set(raw) - set(DEFAULTS))
    if unknown:
        _fail(
            f"clé inconnue dans {SETTING} : {', '.join(unknown)} (connues : {', '.join(DEFAULTS)})"
        )
    config = {**DEFAULTS, **raw}
    path = config["path"]
    if not isinstance(path, str) or path.startswith("/") or not path.endswith("/"):
        _fail(f'{SETTING}["path"] doit être un dossier comme "admin/"')
    backend = config["backend"]
    if not isinstance(backend, dict) or not backend.get("name"):
        _fail(f'{SETTING}["backend"] doit donner au moins "name" (par exemple "github")')
    if backend["name"] == "github":
        for key in ("repo", "branch"):
            if not isinstance(backend.get(key), str) or not backend[key]:
                _fail(f'{SETTING}["backend"]["{key}"] est obligatoire avec GitHub')
        for key in ("base_url", "api_root"):
            if key in backend:
                _check_url(backend[key], f'{SETTING}["backend"]["{key}"]', ("https",))
    if config["local_backend"] is not None:
        _check_url(config["local_backend"], f'{SETTING}["local_backend"]', ("http", "https"))
    for key in ("script", "preview_script", "media_folder"):
        if not isinstance(config[key], str) or not config[key].strip("/"):
            _fail(f'{SETTING}["{key}"] doit être un chemin depuis la racine du projet')
    styles = config["preview_styles"]
    if not isinstance(styles, list) or not all(isinstance(s, str) for s in styles):
        _fail(f'{SETTING}["preview_styles"] doit être une liste de feuilles de style')
    if config["publish_mode"] not in PUBLISH_MODES:
        _fail(f'{SETTING}["publish_mode"] vaut {" ou ".join(PUBLISH_MODES)}')
    if not isinstance(config["collections"], dict) or not config["collections"]:
        _fail(f'{SETTING}["collections"] doit décrire au moins un type de contenu')
    for kind, options in config["collections"].items():
        _check_collection(kind, options, schemas)
    if not isinstance(config["content_security_policy"], dict):
        _fail(f'{SETTING}["content_security_policy"] doit être un dictionnaire')
    return config


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
