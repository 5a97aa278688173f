"""Signal wiring of the decap_admin plugin: settings and policy at start, two files at the end."""

from content_schema.schema import SCHEMAS
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


def setup(pelican):
    """Check the settings and give /admin/ its own policy, before anything is read."""
    config = admin_settings.load_settings(pelican.settings, SCHEMAS)
    policy = pelican.settings.get("CSP")
    if policy is None:
        raise admin_settings.SettingsError(
            "decap_admin: le greffon security_policy doit être listé avant lui dans PLUGINS"
        )
    pelican.settings["CSP"] = policy.with_path(
        "/" + config["path"],
        admin_policy_directives(config),
        'DECAP_CMS["content_security_policy"]',
    )


class AdminGenerator(Generator):
    """Writes the back office: admin/index.html (loads Decap) and admin/config.yml."""

    def generate_context(self):
        self.config = admin_settings.load_settings(self.settings, SCHEMAS)

    def output_claims(self):
        path = self.config["path"]
        return [
            (f"{path}index.html", "l'espace éditeurs"),
            (f"{path}config.yml", "l'espace éditeurs"),
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


def add_generator(pelican):
    return AdminGenerator


def register():
    # initialized: after security_policy (listed before), so its policy can be extended.
    signals.initialized.connect(setup)
    signals.get_generators.connect(add_generator)
