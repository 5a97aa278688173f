"""The summary's settings: which pages get one, and at which heading level."""

from eig_common.options import Int, Optional, Spec, SubConfig

SETTING = "PAGE_SUMMARY"

SPEC = Spec(
    "page_summary",
    {
        SETTING: SubConfig(
            {
                # The headings listed: 2 for the page's sections (## in Markdown).
                "level": Int(default=2, minimum=2, maximum=6),
                # A page with at least this many such headings gets a summary unless its
                # front matter says `sommaire: false`; None: only on `sommaire: true`.
                "min_headings": Optional(Int(minimum=1)),
            }
        ),
    },
)


def load(settings):
    """The checked PAGE_SUMMARY, defaults filled in."""
    return SPEC.load(settings)[SETTING]
