"""The legal notice names the host, and `make rsync_upload` sends the site where it is told."""

import subprocess

from conftest import ROOT


def test_legal_notice_names_github_pages_and_its_address(real_site):
    text = " ".join(real_site.html("mentions-legales/index.html").main.get_text().split())
    assert "GitHub Pages, service de la société GitHub, Inc." in text
    assert "88 Colin P. Kelly Jr. Street, San Francisco, CA 94107, États-Unis" in text


def test_rsync_upload_mirrors_the_public_build_to_the_given_server():
    result = subprocess.run(
        ["make", "-n", "rsync_upload", "SSH_HOST=h.example", "SSH_USER=u", "SSH_PORT=2222",
         "SSH_TARGET_DIR=/srv/x"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    lines = result.stdout.replace("\\\n", " ").splitlines()
    rsync = next(line for line in lines if line.startswith("rsync"))
    assert "publishconf.py" in result.stdout  # built with the public settings first
    assert lines.index(rsync) > next(i for i, x in enumerate(lines) if "publishconf.py" in x)
    assert '-e "ssh -p 2222"' in rsync
    assert "--delete" in rsync
    assert rsync.split()[-3:] == ["--delay-updates", "output/", '"u@h.example:/srv/x/"']
