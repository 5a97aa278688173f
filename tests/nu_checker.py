"""The Nu HTML checker (vnu-jar, from npm), run once over many pages, and how its
messages read."""

import json
import subprocess
from pathlib import Path

# The Nu HTML checker, from npm (package.json; `make test` installs it).
VNU_JAR = Path(__file__).resolve().parent.parent / "node_modules/vnu-jar/build/dist/vnu.jar"
# A document with a known error: if the Nu checker does not report it, its silence
# about the pages proves nothing (it skips missing files without a word, for one).
NU_CANARY = (
    '<!DOCTYPE html><html lang="fr"><head><title>Témoin</title></head>'
    "<body><span><div></div></span></body></html>"
)


def run_nu(urls):
    """The Nu checker's JSON report on `urls`, from one Java run."""
    assert VNU_JAR.is_file(), f"{VNU_JAR} is missing: run `make test` (it runs `npm ci`)"
    # The checker refuses local hosts unless told: the pages are served on 127.0.0.1.
    allow_local = "-Dnu.validator.servlet.allow-forbidden-hosts=true"
    # One short run: HotSpot's quick compiler alone spends less than half the CPU of both
    # (same report); it needs a larger stack for the checker's schema (its own advice).
    quick = ["-XX:TieredStopAtLevel=1", "-Xss16m"]
    command = ["java", *quick, allow_local, "-jar", str(VNU_JAR), "--format", "json"]
    command.append("--exit-zero-always")
    stderr = subprocess.run(
        [*command, *urls], capture_output=True, text=True, timeout=600, check=False
    ).stderr
    # The report goes to stderr, possibly after a JVM notice such as _JAVA_OPTIONS.
    start = stderr.find('{"')
    assert start >= 0, f"the Nu checker gave no JSON report:\n{stderr}"
    return json.JSONDecoder().raw_decode(stderr, start)[0]


def describe_nu(messages):
    """The checker's messages, a line each (and the markup it quotes), for a failure."""
    return "\n".join(
        f"  line {m.get('lastLine', '?')}:{m.get('lastColumn', '?')} "
        f"{m.get('subType', m['type'])}: {m['message']}"
        + (f"\n      {m['extract']!r}" if m.get("extract") else "")
        for m in messages
    )


def is_data_block_csp_warning(message):
    """Nu's warning that a JSON-LD data block breaks the CSP, which cannot apply to it."""
    # Browsers never run a data block (HTML, "prepare the script element"), so CSP never
    # checks it; test_page_violates_no_content_security_policy reads Chromium's own reports.
    return message["message"].startswith(
        "Inline script violates Content Security Policy"
    ) and '<script type="application/ld+json">' in message.get("extract", "")
