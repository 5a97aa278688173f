"""Fetch one npm package with `npm pack` and read it safely: shared by the vendoring scripts.

npm checks the download against the registry's integrity; the tarball is checked once
more before it is read, and no member may land outside the extraction folder.
"""

import base64
import hashlib
import json
import subprocess
import tarfile
from pathlib import Path, PurePosixPath


class PackageError(Exception):
    """The package could not be fetched, or holds something it should not."""


def sri_sha512(data):
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def check_member(member):
    """Refuse tar members that could write outside the extraction folder."""
    path = PurePosixPath(member.name)
    if path.is_absolute() or ".." in path.parts:
        raise PackageError(f"unsafe path in tarball: {member.name}")
    if not (member.isfile() or member.isdir()):
        raise PackageError(f"unexpected member type in tarball: {member.name}")


def npm_pack(spec, workdir):
    """Download `name@version` with npm into workdir; return (tarball path, integrity)."""
    command = ["npm", "pack", spec, "--json", "--ignore-scripts", "--silent"]
    result = subprocess.run(command, cwd=workdir, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PackageError(f"`{' '.join(command)}` failed:\n{result.stderr.strip()}")
    try:
        info = json.loads(result.stdout)[0]
        tarball, integrity = Path(workdir) / info["filename"], info["integrity"]
    except (ValueError, IndexError, KeyError, TypeError) as error:
        raise PackageError(f"unexpected `npm pack` output: {result.stdout[:500]}") from error
    # npm checked the download against the registry; check the file we are about to read.
    if sri_sha512(tarball.read_bytes()) != integrity:
        raise PackageError(f"{tarball.name} does not match its integrity {integrity}")
    return tarball, integrity


def extract(tarball, dest, wanted):
    """Extract the files whose member name `wanted(name)` accepts; return dest/package."""
    with tarfile.open(tarball, "r:gz") as archive:
        members = []
        for member in archive.getmembers():
            check_member(member)
            if member.isfile() and wanted(member.name):
                members.append(member)
        if hasattr(tarfile, "data_filter"):
            archive.extractall(dest, members=members, filter="data")
        else:  # Python < 3.11.4: the checks above are the guard.
            archive.extractall(dest, members=members)
    return Path(dest) / "package"
