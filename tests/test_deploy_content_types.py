"""Files whose extension does not give their type are served with the one their plugin
declares (eig_common.shared → plugins/deploy_rules), on every kind of server."""

import re
from types import SimpleNamespace

import pytest
from deploy_rules import rules

POLICY = SimpleNamespace(header="default-src 'self'", paths=())
CONFIG = rules.SPEC.load({})[rules.SETTING]


def test_each_declared_type_reaches_the_headers_file_and_an_nginx_location_without_headers():
    made = rules.make_rules(CONFIG, POLICY, [], [], [("/feed.xml", "application/atom+xml")])
    assert "/feed.xml\n  Content-Type: application/atom+xml\n" in made.headers_file()
    server = made.nginx_server()
    (block,) = re.findall(r"^location = /feed\.xml \{.*?^\}", server, flags=re.M | re.S)
    assert 'default_type "application/atom+xml";' in block
    assert "add_header" not in block  # it would drop the server's headers
    assert server.index("location = /feed.xml") < server.index("location / {")


@pytest.mark.parametrize(
    ("path", "value"), [("/a b", "text/csv"), ("/a.csv", 'text/csv"; x'), ("/a.csv", "a{b}")]
)
def test_an_address_or_type_a_server_cannot_carry_is_refused(path, value):
    with pytest.raises(rules.SettingsError):
        rules.make_rules(CONFIG, POLICY, [], [], [(path, value)])
