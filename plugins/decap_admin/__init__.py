"""The editors' back office at /admin/: Decap CMS, its forms made from the content schema."""

from .plugin import register  # noqa: F401
