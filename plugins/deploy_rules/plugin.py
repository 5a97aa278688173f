"""Signal wiring of the deploy_rules plugin."""

import os

from eig_common import boundaries
from eig_common.shared import shared
from pelican import signals

from . import rules


def claim_rules(pelican):
    """No page nor redirect may take the address of a file these rules are written to."""
    config = rules.load_settings(pelican.settings)
    for name in ("_headers", "_redirects", "http.conf", "server.conf"):
        save_as = name if name.startswith("_") else f"{config['nginx_dir']}/{name}"
        shared(pelican.settings).declare(save_as, f"{save_as} (DEPLOY_RULES)")


def redirects(settings):
    """The old URLs that jekyll_compat's redirect_from: makes pages for (none without it)."""
    return [
        ("/" + redirect.url.lstrip("/"), "/" + redirect.target.url)
        for redirect in shared(settings).redirects
    ]


def write_rules(pelican):
    settings = pelican.settings
    assets = settings.get("ASSETS")
    made = rules.make_rules(
        rules.load_settings(settings),
        settings["CSP"],
        [*(assets.fingerprinted() if assets else []), *shared(settings).fingerprinted],
        redirects(settings),
        [("/" + save_as, value) for save_as, value in shared(settings).content_types.items()],
    )
    for name, text in made.files().items():
        path = os.path.join(pelican.output_path, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as file:
            file.write(text)


def register():
    # The settings, and the policy's plugin, are checked at start (eig_common.boundaries);
    # finalized: the site is written (and not yet precompressed), every redirect known.
    # initialized: the files it writes are known before any content is read.
    boundaries.declare("deploy_rules", needs=["security_policy"], spec=rules.SPEC)
    signals.initialized.connect(claim_rules)
    signals.finalized.connect(write_rules)
