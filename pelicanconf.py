"""Settings of the EIG2 call-for-applications site (development build)."""

SITENAME = "Entrepreneurs d'intérêt général"
SITEURL = ""
DEFAULT_LANG = "fr"
TIMEZONE = "Europe/Paris"
LOCALE = ("fr_FR.UTF-8", "C.UTF-8", "C")

# Content and theme sit side by side at the project's root (fixed layout).
PATH = "."
ARTICLE_PATHS = ["content"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["static"]
THEME = "."
THEME_STATIC_PATHS = []
OUTPUT_PATH = "output"
# Hidden files, and what the build writes (drafts are the reader's business).
IGNORE_FILES = [".*", "**/.*", "**/__pycache__*", "**/output/*"]

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["jekyll_compat", "templated_only"]

# Editors' Jekyll files, read by plugins/jekyll_compat.
JEKYLL_COMPAT = {
    "layouts": {"post": "defi"},
    "title_fallbacks": ["modal-id"],
    "markdown_fields": ["description"],
    "permalink": "pretty",
    "defaults": [
        {"scope": {"path": "pages"}, "values": {"layout": "page"}},
        {"scope": {"path": "pages/accueil.md"}, "values": {"permalink": "/"}},
        {
            "scope": {"path": "content/defis"},
            "values": {"layout": "post", "permalink": "/defis/:title/"},
        },
    ],
    "includes": "pages/_includes",
}
# Values that pages read as {{ site.x }} besides the settings themselves.
JEKYLL_SITE = {}

# The hand-off: every call to action leads to this external form.
APPLICATION_FORM_URL = (
    "https://framaforms.org/candidature-entrepreneurs-dinteret-general-promotion-2-1501592391"
)

# Pelican writes nothing we have not designed: no feeds, no drafts.
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""
# Pages with one name in two folders are not translations of each other.
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None
DEFAULT_PAGINATION = False
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = False

# Where candidates write about the programme and their personal data.
CONTACT_EMAIL = "eig@data.gouv.fr"
