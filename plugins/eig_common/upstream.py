"""Every use we make of an internal of Pelican, pelican-sitemap or python-liquid.

Where no public API, signal or code of our own does the job, the touch is here and
nowhere else, each with a test (tests/test_upstream_adapters.py) that fails on the
day upstream changes it; docs/architecture/adaptateurs.md says why each is needed.
"""

from liquid import parser as liquid_parser
from pelican import contents
from pelican.log import LimitFilter
from pelican.utils import memoized

# -- Pelican's log messages, matched by their format string -------------------------

# generators.py logs it for a file it then skips, and the build would still succeed.
COULD_NOT_PROCESS = "Could not process %s"
# readers.py logs it for <img alt="">; strict_content says it with a line instead.
EMPTY_ALT = "Empty alt attribute for image %s in %s"
# contents.py logs it for a {filename} link to nothing; strict_content says it with a line.
UNABLE_TO_FIND = "Unable to find '%s', skipping url replacement."


def unprocessed_file(record):
    """The file of Pelican's "Could not process <file>" record, or None for another record."""
    if record.msg == COULD_NOT_PROCESS and record.args:
        return str(record.args[0])
    return None


def is_empty_alt_warning(record):
    return record.msg == EMPTY_ALT


def is_told_better_warning(record):
    """Pelican's warnings that strict_content's own checks tell better (with a line)."""
    return record.msg in (EMPTY_ALT, UNABLE_TO_FIND)


# -- Pelican's content objects --------------------------------------------------------


def rename_static(static, save_as):
    """Have Pelican write a static file as `save_as`, and link to it there."""
    static.override_save_as = save_as
    static.override_url = save_as


# -- What Pelican keeps for the life of a process that builds once --------------------


def forget_logged_warnings():
    """Pelican tells a repeated warning once per process: here, once per build."""
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()


def memoized_content_methods():
    """The memoized methods of Pelican's content classes (Content.get_content…)."""
    return [
        value
        for cls in vars(contents).values()
        if isinstance(cls, type)
        for value in vars(cls).values()
        if isinstance(value, memoized)
    ]


def forget_memoized_contents():
    """Their caches would keep every page of every build of the process."""
    for method in memoized_content_methods():
        method.cache.clear()


# -- pelican-sitemap ---------------------------------------------------------------


def set_sitemap_undated_lastmod(moment):
    """The `lastmod` pelican-sitemap gives undated pages (its default: when it was imported)."""
    from pelican.plugins.sitemap import sitemap

    sitemap.generator.now = moment


def forget_sitemap_run():
    """pelican-sitemap writes for the first Pelican object it saw, and forgets it only when
    that one finishes: after a failed build, a process that builds again (make serve's
    build process) would never write sitemap.xml, or would list the failed build's pages."""
    from pelican.plugins.sitemap import sitemap

    sitemap.generator._main_pelican = None
    sitemap.generator.page_queue = []


# -- python-liquid -------------------------------------------------------------------


def forget_liquid_parsers():
    """Liquid keeps a parser for each of the last 128 environments (each holds our reader)."""
    liquid_parser.get_parser.cache_clear()
