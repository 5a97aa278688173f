"""config.yml is written by libyaml's emitter: the same text as PyYAML's own would write."""

import yaml
from decap_admin import cms_config, plugin
from decap_admin import settings as admin_settings
from pelican.settings import read_settings
from site_content import SITE_ROOT


def test_libyaml_writes_the_config_as_pyyamls_own_emitter_does():
    assert cms_config.DUMPER is yaml.CSafeDumper  # the pinned PyYAML ships libyaml
    settings = read_settings(str(SITE_ROOT / "pelicanconf.py"))
    config = cms_config.cms_config(
        admin_settings.load_settings(settings, plugin.SCHEMAS), "https://eig.example"
    )
    written = cms_config.dump(config)
    pure = yaml.safe_dump(config, **cms_config.DUMP_OPTIONS)
    assert written == cms_config.GENERATED + pure
    assert yaml.safe_load(written) == config
