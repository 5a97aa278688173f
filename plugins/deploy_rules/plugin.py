"""Signal wiring of the deploy_rules plugin."""

import os

from jekyll_compat import unique_urls
from pelican import signals

from . import rules

_redirects = []


def check_settings(pelican):
    # Checked before anything is read, so a bad setting stops the build at once.
    config = rules.load_settings(pelican.settings)
    # No page nor redirect may take the address of a file these rules are written to.
    for name in ("_headers", "_redirects", "http.conf", "server.conf"):
        save_as = name if name.startswith("_") else f"{config['nginx_dir']}/{name}"
        unique_urls.declare(pelican.settings, save_as, f"{save_as} (DEPLOY_RULES)")
    if "CSP" not in pelican.settings:
        raise rules.SettingsError(
            "deploy_rules: le greffon security_policy doit être listé avant lui dans PLUGINS"
        )


def collect_redirects(generators):
    """The old URLs that jekyll_compat's redirect_from: makes pages for."""
    _redirects[:] = [
        ("/" + redirect.url.lstrip("/"), "/" + redirect.target.url)
        for generator in generators
        for redirect in getattr(generator, "redirects", ())
    ]


def write_rules(pelican):
    settings = pelican.settings
    assets = settings.get("ASSETS")
    made = rules.make_rules(
        rules.load_settings(settings),
        settings["CSP"],
        assets.fingerprinted() if assets else [],
        _redirects,
    )
    for name, text in made.files().items():
        path = os.path.join(pelican.output_path, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as file:
            file.write(text)


def register():
    # initialized: settings are final; all_generators_finalized: every redirect is known;
    # finalized: the site is written (and not yet precompressed).
    signals.initialized.connect(check_settings)
    signals.all_generators_finalized.connect(collect_redirects)
    signals.finalized.connect(write_rules)
