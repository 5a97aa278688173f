"""The build writes the servers' rules (_headers, _redirects, _nginx/) from one source."""

import re

from conftest import build_real_site_with
from site_content import published_redirects

MOVED = published_redirects()  # from the content and publishconf.py

HASHED = re.compile(r"\.[0-9a-f]{12}\.[a-z0-9]+$")


def _fingerprinted(build):
    files = (p for p in (build.output / "static").rglob("*") if HASHED.search(p.name))
    return sorted("/" + p.relative_to(build.output).as_posix() for p in files)


def test_headers_file_gives_every_page_the_policy_and_every_fingerprinted_file_a_year(
    real_site,
):
    text = (real_site.output / "_headers").read_text(encoding="utf-8")
    blocks = dict(re.findall(r"^(/\S*)\n((?:  .*\n)+)", text, flags=re.MULTILINE))
    csp = real_site.html("index.html").select_one('meta[http-equiv="Content-Security-Policy"]')
    assert f"  Content-Security-Policy: {csp['content']}; frame-ancestors 'none'\n" in blocks["/*"]
    assert "Cache-Control" not in blocks["/*"]
    immutable = "  Cache-Control: public, max-age=31536000, immutable\n"
    assert sorted(path for path, block in blocks.items() if block == immutable) == (
        _fingerprinted(real_site)
    )


def test_redirects_file_moves_each_old_url(published_site):
    lines = (published_site.output / "_redirects").read_text(encoding="utf-8").splitlines()
    rules = [line.split() for line in lines if not line.startswith("#")]
    assert sorted(rules) == sorted([old, new, "301!"] for old, new in MOVED.items())


def test_nginx_rules_add_headers_at_server_level_only(published_site):
    # A location with its own add_header would drop every header of the server.
    server = (published_site.output / "_nginx" / "server.conf").read_text(encoding="utf-8")
    for block in re.findall(r"^location [^{]*\{[^}]*\}", server, flags=re.MULTILINE):
        assert "add_header" not in block, block
    http = (published_site.output / "_nginx" / "http.conf").read_text(encoding="utf-8")
    for path in _fingerprinted(published_site):
        assert f'"{path}" "public, max-age=31536000, immutable";' in http
    for old, new in MOVED.items():
        assert f'"{old}" "{new}";' in http


def test_a_header_the_policy_owns_cannot_be_set_twice(tmp_path):
    result = build_real_site_with(
        tmp_path,
        'DEPLOY_RULES = {"headers": {"Content-Security-Policy": "default-src *"}}\n',
    )
    assert result.returncode == 1
    assert "Traceback" not in result.log
    assert "Content-Security-Policy vient de CONTENT_SECURITY_POLICY" in result.log


def test_a_value_nginx_cannot_quote_is_refused(tmp_path):
    result = build_real_site_with(tmp_path, 'DEPLOY_RULES = {"revalidate": "no-cache\\""}\n')
    assert result.returncode == 1
    assert "Traceback" not in result.log
    assert 'DEPLOY_RULES["revalidate"] doit être un texte sans guillemet' in result.log
