"""Digests of the bytes a file was read from, so that a reader can tell what changed."""

import hashlib

MISSING = "missing"  # the digest of a file that does not exist


def digest(data):
    """A short digest of bytes."""
    return hashlib.blake2b(data, digest_size=16).digest()
