"""Signal wiring of the decap_admin plugin: settings and policy at start, the back office's
files at the end."""

import os
import shutil

from content_schema.schema import SCHEMAS
from eig_common import boundaries
from eig_common.shared import shared
from pelican import signals
from pelican.generators import Generator

from . import cms_config
from . import settings as admin_settings

GITHUB_API = "https://api.github.com"  # Decap's default api_root for the GitHub backend


def admin_policy_directives(config):
    """The back office's policy: the settings', plus the backends it talks to."""
    directives = {k: list(v) for k, v in config["content_security_policy"].items()}
    backends = []
    if config["backend"]["name"] == "github":
        backends.append(admin_settings.origin(config["backend"].get("api_root", GITHUB_API)))
    if config["local_backend"]:
        backends.append(admin_settings.origin(config["local_backend"]))
    connect = directives.setdefault("connect-src", ["'self'"])
    connect += [origin for origin in backends if origin not in connect]
    return directives


def vendored_folder(config):
    """The folder of Decap's files (scripts/vendor_decap.py), from the project's root."""
    return os.path.dirname(config["script"])


def keep_out_of_static_files(settings, folder):
    """Pelican would fingerprint the names of the 200 files of Decap's folder (Decap loads
    its chunks by name): this plugin copies them under their own names instead."""
    # STATIC_EXCLUDES are folders from PATH, the project's root, as `folder` is.
    settings["STATIC_EXCLUDES"] = [*(settings.get("STATIC_EXCLUDES") or []), folder]


# Bytes compared at a time, when a reusable copy is checked against its source.
CHUNK = 1 << 20


def same_bytes(a, b):
    """Whether two regular files (never links) hold the same bytes."""
    if not os.path.isfile(a) or os.path.islink(a) or os.path.islink(b):
        return False
    if os.path.getsize(a) != os.path.getsize(b):
        return False
    with open(a, "rb") as one, open(b, "rb") as other:
        while True:
            chunk = one.read(CHUNK)
            if chunk != other.read(CHUNK):
                return False
            if not chunk:
                return True


def copy(source, target, reusable=None):
    """A copy of its own: a hard link would let a change to output/ reach the working tree
    (and the reverse), a symbolic link would be uploaded as a link. `reusable`: the same
    file in the site the last build replaced (under `make serve`), moved here instead if
    it still holds the source's bytes: already a copy of its own, and no 8 MB to write."""
    if os.path.lexists(target):  # an output folder built into again
        os.unlink(target)
    if reusable is not None and same_bytes(reusable, source):
        os.replace(reusable, target)
        return
    # copyfile, not copy2: the bytes only (sendfile on Linux), no metadata to carry over.
    shutil.copyfile(source, target)


def setup(pelican):
    """Check the settings and give /admin/ its own policy, before anything is read."""
    config = admin_settings.load_settings(pelican.settings, SCHEMAS)
    keep_out_of_static_files(pelican.settings, vendored_folder(config))
    policy = pelican.settings["CSP"]  # security_policy, registered before (checked at start)
    pelican.settings["CSP"] = policy.with_path(
        "/" + config["path"],
        admin_policy_directives(config),
        'DECAP_CMS["content_security_policy"]',
    )


class AdminGenerator(Generator):
    """Writes the back office: admin/index.html (loads Decap) and admin/config.yml."""

    def generate_context(self):
        self.config = admin_settings.load_settings(self.settings, SCHEMAS)
        folder = vendored_folder(self.config)
        source = os.path.join(self.path, folder)
        if not os.path.isfile(os.path.join(self.path, self.config["script"])):
            raise admin_settings.SettingsError.one(
                "decap_admin",
                f"{self.config['script']} manque ; lancez "
                "`.venv/bin/python scripts/vendor_decap.py`",
            )
        self.vendored = sorted(f"{folder}/{name}" for name in os.listdir(source))
        shared(self.settings).claim(self.output_claims())

    def output_claims(self):
        path = self.config["path"]
        return [
            (f"{path}index.html", "l'espace éditeurs"),
            (f"{path}config.yml", "l'espace éditeurs"),
            *((name, "Decap CMS") for name in self.vendored),
        ]

    def generate_output(self, writer):
        path = self.config["path"]
        site_url = self.settings["SITEURL"]
        writer.write_file(
            f"{path}index.html",
            self.get_template("admin"),
            self.context,
            relative_urls=False,
            admin=self.config,
            admin_csp=self.settings["CSP"].for_path("/" + path),
            url=path,
        )
        text = cms_config.dump(cms_config.cms_config(self.config, site_url))
        with open(f"{self.output_path}/{path}config.yml", "w", encoding="utf-8") as file:
            file.write(text)
        os.makedirs(os.path.join(self.output_path, vendored_folder(self.config)), exist_ok=True)
        # scripts/build_worker.py's: the site its last build replaced, hidden, ours to take.
        reusable = self.settings.get("REUSABLE_OUTPUT")
        for name in self.vendored:
            copy(
                os.path.join(self.path, name),
                os.path.join(self.output_path, name),
                os.path.join(reusable, name) if reusable else None,
            )


def add_generator(pelican):
    return AdminGenerator


def register():
    # Its templates use security_policy's CSP and asset_fingerprints' ASSETS.
    boundaries.declare(
        "decap_admin",
        needs=["asset_fingerprints"],
        after=["security_policy"],
        spec=admin_settings.make_spec(SCHEMAS),
    )
    # initialized: after security_policy's (listed before), so its policy can be extended.
    signals.initialized.connect(setup)
    signals.get_generators.connect(add_generator)
