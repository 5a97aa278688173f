"""Run the project's nginx configuration (deploy/nginx/eig.conf) over a built site, for tests.

The server block is the committed one, with only what a test cannot have changed:
plain HTTP on 127.0.0.1 and a free port instead of TLS, the built site's folder instead
of /srv/eig/site, and temporary paths for the pid, logs and buffers.
"""

import contextlib
import os
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

from conftest import ROOT

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SITE_CONF = ROOT / "deploy" / "nginx" / "eig.conf"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
DEPLOYED_ROOT = "/srv/eig/site"
WAIT_SECONDS = 60  # a bound on waiting for nginx to listen, not a speed requirement


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_block_for_test(site_conf, root, port):
    """eig.conf for a test: its HTTPS server block, served over HTTP on 127.0.0.1:port."""
    text = site_conf.replace(DEPLOYED_ROOT, str(root))
    # The port-80 block only sends browsers to HTTPS: a test has no certificate.
    blocks = re.split(r"\nserver \{", text)
    assert len(blocks) == 3, "eig.conf: expected an HTTP and an HTTPS server block"
    head, https = blocks[0], "server {" + blocks[2]
    https = re.sub(r"^\s*listen .*\n", "", https, flags=re.MULTILINE)
    https = re.sub(r"^\s*ssl_.*\n", "", https, flags=re.MULTILINE)
    https = https.replace("server {", f"server {{\n    listen 127.0.0.1:{port};", 1)
    return head + https


def main_config(tmp, http_block):
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read the tmp folders
    temp_paths = "".join(
        f"    {kind}_temp_path {tmp}/{kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"load_module {BROTLI_MODULE};\n{user}"
        f"worker_processes 1;\npid {tmp}/nginx.pid;\nerror_log {tmp}/error.log;\n"
        "events {}\nhttp {\n    include /etc/nginx/mime.types;\n"
        "    default_type application/octet-stream;\n"
        f"    access_log off;\n{temp_paths}{http_block}\n}}\n"
    )


@contextlib.contextmanager
def nginx(root, tmp):
    """nginx in the foreground over `root`; yields its base URL, stops it after."""
    tmp = Path(tmp)
    tmp.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    conf = tmp / "nginx.conf"
    server = server_block_for_test(SITE_CONF.read_text(encoding="utf-8"), root, port)
    conf.write_text(main_config(tmp, server), encoding="utf-8")
    checked = subprocess.run(
        [NGINX, "-t", "-p", str(tmp), "-c", str(conf)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen(
        [NGINX, "-p", str(tmp), "-c", str(conf), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=(tmp / "stderr.log").open("w"),
    )
    try:
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port)):
                break
            assert process.poll() is None, (tmp / "error.log").read_text()
            assert time.monotonic() < deadline, "nginx did not listen"
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)
