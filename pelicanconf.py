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
# Images of the 2017 site's files, linked as /img/…: kept in static/img/, published at
# /img/ (Pelican writes a static file at its `path`, here taken from its source path).
PATH_METADATA = r"static/(?P<path>img/.+)"
THEME = "."
THEME_STATIC_PATHS = []
OUTPUT_PATH = "output"
# Hidden files, and what the build writes (drafts are the reader's business).
IGNORE_FILES = [".*", "**/.*", "**/__pycache__*", "**/output/*"]

# Every template escapes what it prints (HTML, attributes, robots.txt, the back office):
# a front-matter value is text wherever it appears. Bodies rendered from Markdown are
# printed through `| checked_html` (plugins/strict_content/safe_html.py), the one place
# that marks HTML as safe, after strict_content's checks.
JINJA_ENVIRONMENT = {"autoescape": True}

PLUGIN_PATHS = ["plugins"]
PLUGINS = [
    # Before jekyll_compat: the Markdown it renders with is this plugin's.
    "pelican_jekyll.markdown",  # Markdown rendered as Jekyll 4.3 renders it (kramdown, GFM)
    # It keeps editors' mistakes to one message, without a traceback.
    "jekyll_compat",
    "setting_urls",
    "templated_only",
    "application_call",
    "challenge_index",
    "page_summary",
    "open_data",
    "challenge_feed",
    "strict_templates",
    "security_policy",
    "content_schema",
    "strict_content",
    "asset_fingerprints",
    "decap_admin",
    "share_images",
    "deploy_rules",
    "sitemap",
    "sitemap_lastmod",
    "job_postings",
    "translations",
]

# Editors' Jekyll files, read by plugins/jekyll_compat.
JEKYLL_COMPAT = {
    "layouts": {
        "post": "defi",
        "defis": "defis",
        "candidater": "candidater",
        "plan-du-site": "plan-du-site",
    },
    "title_fallbacks": ["modal-id"],
    "markdown_fields": ["description"],
    "permalink": "pretty",
    "defaults": [
        {"scope": {"path": "pages"}, "values": {"layout": "page"}},
        {"scope": {"path": "pages/accueil.md"}, "values": {"permalink": "/"}},
        {"scope": {"path": "pages/en"}, "values": {"lang": "en"}},
        {
            "scope": {"path": "content/defis"},
            "values": {"layout": "post", "permalink": "/defis/:title/"},
        },
    ],
    "includes": "pages/_includes",
}
# Values that pages read as {{ site.x }} besides site.title, site.url and site.baseurl:
# the keys of JEKYLL_SITE, and the settings named here (text only: no path of the build
# machine ever reaches a page).
JEKYLL_SITE = {}
JEKYLL_SITE_SETTINGS = [
    "SITE_TAGLINE",
    "SITE_DESCRIPTION",
    "CONTACT_EMAIL",
    "FORM_PROVIDER",
    "HOSTING",
    "ACCESSIBILITY_STATUS",
    "ACCESSIBILITY_DATE",
]

# The hand-off: every call to action leads to this external form (https only),
# while the call is open (plugins/application_call). Dates are read in TIMEZONE;
# the build's date is SOURCE_DATE_EPOCH when set, else now.
APPLICATION_FORM_URL = (
    "https://framaforms.org/candidature-entrepreneurs-dinteret-general-promotion-2-1501592391"
)
FORM_PROVIDER = "Framaforms (association Framasoft)"
CALL_OPENS = "2017-09-27T00:00"
CALL_CLOSES = "2017-10-27T23:59"
# `make publish` refuses a file where `make defi`'s « À compléter » is left
# (scripts/placeholders.py); here, `make html` and `make serve` only warn.
REFUSE_PLACEHOLDERS = False
# Embed the form in /candidater/ (a direct link is always given beside it).
FORM_EMBED = True
APPLICATION_CALL = {
    "page_url": "candidater/",
    # Name of the form's query parameter that receives the challenge, or None.
    "challenge_parameter": None,
    "calendar_save_as": "calendrier.ics",
    "key_dates": [
        {
            "summary": "Auditions des candidats présélectionnés",
            "start": "2017-11-14",
            "end": "2017-11-15",
        },
        {
            "summary": "Début du programme (janvier 2018)",
            "start": "2018-01-01",
            "end": "2018-01-31",
            "description": "Le programme commence en janvier 2018 et dure dix mois, à temps plein.",
        },
    ],
}

# Content-Security-Policy of every page (plugins/security_policy): everything from the
# site itself, nothing inline; frames only from the form's origin when it is embedded.
# "header_only" directives are for web servers: a <meta> tag cannot carry them.
CONTENT_SECURITY_POLICY = {
    "directives": {
        "default-src": ["'self'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "object-src": ["'none'"],
    },
    "header_only": {"frame-ancestors": ["'none'"]},
    "frame_form": True,
}

# Front matter checked against plugins/content_schema/schema.py, by kind of content.
CONTENT_SCHEMA = {"kinds": {"content/defis": "defi", "pages": "page", "pages/en": "page_en"}}

# Links and images of every page must lead to a built file (plugins/strict_content).
# The menu's and the footer's links are checked as links in text are.
STRICT_CONTENT = {
    "also_built": ["sitemap.xml"],
    "template_links": [
        "NAVIGATION",
        "CHALLENGES_PAGE",
        "FOOTER_LINKS",
        "NAVIGATION_EN",
        "FOOTER_LINKS_EN",
    ],
}

# Static files whose names carry a hash of their content (plugins/asset_fingerprints),
# so that servers may let browsers keep them a year; the files a fingerprinted CSS
# refers to (DSFR's fonts and icons) are fingerprinted too. Templates name static
# files through {{ ASSETS.url("static/...") }}.
ASSET_FINGERPRINTS = {"extensions": [".css", ".js", ".woff2", ".woff"], "hash_length": 12}

# The editors' back office at /admin/ (plugins/decap_admin): Decap CMS, vendored in
# static/decap/ by scripts/vendor_decap.py, and copied into the output by the plugin
# under its own names (it loads its chunks by name). Its forms come from the content
# schema; here is only what is Decap's own. Kept out of the sitemap and search engines.
DECAP_CMS = {
    "path": "admin/",
    "script": "static/decap/decap-cms.js",
    "preview_script": "static/admin/preview.js",
    "preview_styles": ["static/dsfr/dsfr.min.css", "static/css/site.css"],
    # Production: editors sign in with their GitHub account, through the OAuth
    # service at base_url (Decap's default is Netlify's; Etalab may run its own).
    "backend": {
        "name": "github",
        "repo": "etalab/entrepreneur-interet-general",
        "branch": "main",
        "base_url": "https://api.netlify.com",
        "auth_endpoint": "auth",
    },
    # `make cms`: decap-server writes into this working copy (publishconf drops it).
    "local_backend": "http://127.0.0.1:8081/api/v1",
    "publish_mode": "simple",
    "media_folder": "static/images",
    "collections": {
        "defi": {
            "name": "defis",
            "label": "Défis",
            "label_singular": "Défi",
            "description": "Les défis de l'appel à candidatures, un fichier par défi.",
            "create": True,
            "slug": "{{year}}-{{month}}-{{day}}-{{slug}}",
            "summary": "{{numero}}. {{title}}",
            "sortable_fields": ["numero", "title"],
            "body": {"label": "Texte du défi", "modes": ["rich_text", "raw"]},
        },
        "page": {
            "name": "pages",
            "label": "Pages",
            "label_singular": "Page",
            "description": "Les pages du site (accueil, règlement, mentions…).",
            "create": True,
            "slug": "{{slug}}",
            # Markdown as written: pages hold Liquid tags ({{ site.… }}, {% include %})
            # that the rich-text editor would rewrite.
            "body": {"label": "Texte de la page", "modes": ["raw"]},
        },
        # The English version (plugins/translations): pages/en/<name of the French file>.md.
        "page_en": {
            "name": "pages_en",
            "label": "Pages en anglais",
            "label_singular": "Page en anglais",
            "description": "La version anglaise d'une page : même nom de fichier que la page "
            "française (reglement pour pages/reglement.md).",
            "create": True,
            "slug": "{{slug}}",
            "body": {"label": "Texte de la page, en anglais", "modes": ["raw"]},
        },
    },
    # Decap is a React application: it needs more than the public pages allow.
    "content_security_policy": {
        "default-src": ["'self'"],
        # It checks config.yml with ajv, which compiles its validators at run time.
        "script-src": ["'self'", "'unsafe-eval'"],
        # Its components write their styles into <style> elements and style="".
        "style-src": ["'self'", "'unsafe-inline'"],
        # Media previews (blob:), and the signed-in editor's GitHub avatar.
        "img-src": ["'self'", "blob:", "https://avatars.githubusercontent.com"],
        # decap_admin adds the backends: GitHub's API, and decap-server for `make cms`.
        "connect-src": ["'self'"],
        # The preview is a srcdoc frame, which needs no source; signing in is a popup.
        "frame-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "object-src": ["'none'"],
    },
}

# What servers add to the built files (plugins/deploy_rules writes them, with the
# policy above as a header, into _headers, _redirects and _nginx/ at each build).
DEPLOY_RULES = {
    "headers": {
        # HTTPS only, for two years, once a browser has seen the site over HTTPS.
        "Strict-Transport-Security": "max-age=63072000",
        # A file is what its Content-Type says, never sniffed into a script.
        "X-Content-Type-Options": "nosniff",
        # Other sites (the form's host) learn the site's name, never the page's path.
        "Referrer-Policy": "strict-origin-when-cross-origin",
        # The site uses none of these; the embedded form gets none either.
        "Permissions-Policy": "camera=(), geolocation=(), microphone=(), payment=(), usb=()",
    },
    "immutable": "public, max-age=31536000, immutable",
    "revalidate": "no-cache",
    "nginx_dir": "_nginx",
    "brotli": True,
}

# Challenges in their welcome-text order, and one page per skill sought.
CHALLENGE_INDEX = {"order_by": "numero", "skills_key": "competences"}

# sitemap.xml (pelican-sitemap); hidden pages, redirects and the back office (for
# editors, not search engines; robots.txt disallows it too) are left out. Undated
# pages get the build's moment as lastmod (plugins/sitemap_lastmod), so that builds
# with one SOURCE_DATE_EPOCH are byte-identical.
SITEMAP = {"format": "xml", "exclude": [r"\.txt$", "^" + DECAP_CMS["path"]]}
# robots.txt names the sitemap, whose address must be absolute.
TEMPLATE_PAGES = {"robots.txt": "robots.txt"}

# What every page shows (templates/base.html and its components).
SITE_TAGLINE = "Appel à candidatures de la deuxième promotion"
SITE_DESCRIPTION = (
    "Devenez entrepreneur d'intérêt général : 15 défis numériques à relever pendant "
    "dix mois au sein de l'administration, à partir de janvier 2018."
)
SKIP_LINKS = [("Contenu", "#contenu"), ("Menu", "#navigation"), ("Pied de page", "#pied-de-page")]
# The list of challenges (pages/defis.md): breadcrumbs and "all challenges" links.
CHALLENGES_PAGE = ("Défis", "defis/")
NAVIGATION = [
    ("Accueil", ""),
    CHALLENGES_PAGE,
    ("Règlement", "reglement/"),
    ("FAQ", "faq/"),
    ("Candidater", "candidater/"),
]
FOOTER_DESCRIPTION = (
    "Le programme Entrepreneurs d'intérêt général est porté par la mission Etalab "
    "(DINSIC, services du Premier ministre), avec la Caisse des dépôts, "
    "au titre du Programme d'investissements d'avenir."
)
STATE_SITES = [
    ("info.gouv.fr", "https://www.info.gouv.fr"),
    ("service-public.fr", "https://www.service-public.fr"),
    ("legifrance.gouv.fr", "https://www.legifrance.gouv.fr"),
    ("data.gouv.fr", "https://www.data.gouv.fr"),
]
# Accessibility: no full RGAA audit has been made, so the law says "non conforme".
ACCESSIBILITY_STATUS = "non conforme"
ACCESSIBILITY_DATE = "28 novembre 2026"
FOOTER_LINKS = [
    ("Plan du site", "plan-du-site/"),
    (f"Accessibilité : {ACCESSIBILITY_STATUS}", "accessibilite/"),
    ("Mentions légales", "mentions-legales/"),
    ("Données personnelles", "donnees-personnelles/"),
    ("Conditions générales d'utilisation", "cgu/"),
]
LICENCE = ("licence etalab-2.0", "https://github.com/etalab/licence-ouverte/blob/master/LO.md")
# The legal notice names the host (pages/mentions-legales.md), as the law requires.
HOSTING = (
    "Le site est hébergé par GitHub Pages, service de la société GitHub, Inc., "
    "88 Colin P. Kelly Jr. Street, San Francisco, CA 94107, États-Unis."
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
# Pages with one name in two folders are not translations of each other (pages are
# paired by address instead: PAGE_TRANSLATION_ID, in the English version's block).
ARTICLE_TRANSLATION_ID = None
DEFAULT_PAGINATION = False
RELATIVE_URLS = False
# `make html` (scripts/build.py) builds into a fresh folder each time and swaps it
# in whole, so nothing is left to delete; Pelican's content cache stays off.
DELETE_OUTPUT_DIRECTORY = False

# Where candidates write about the programme and their personal data.
CONTACT_EMAIL = "eig@data.gouv.fr"

# Home page, summaries, next call (issue 17). A page with at least min_headings sections
# (## headings) opens with their summary; `sommaire: true` or `false` in its front matter
# decides instead (plugins/page_summary).
PAGE_SUMMARY = {"level": 2, "min_headings": 6}
# Where candidates subscribe to hear about the next call: an external page (https), and
# who runs the list, named on the personal-data page. None: nothing is offered.
MAILING_LIST = None

# Structured data for job search (plugins/job_postings): each challenge page carries a
# schema.org JobPosting while the call is upcoming or open (none once it is closed), and
# the page that lists the call's key dates carries them as Events.
JOB_POSTINGS = {
    # The job's title as job search shows it; {title} is the challenge's.
    "title": "Entrepreneur d'intérêt général – {title}",
    # A 10-month fixed-term contract (CDD), full time: Google's employmentType values.
    "employment_type": ["FULL_TIME", "TEMPORARY"],
    # The pay the rules announce: 4,000 € net a month (None publishes no salary).
    "salary": {"amount": 4000, "currency": "EUR", "unit": "MONTH"},
    # Front matter names a town at most (`lieu`); every post is in this country.
    "country": "FR",
    "identifier_name": "Entrepreneurs d'intérêt général – promotion 2",
    "events_page": "pages/reglement.md",
    "organizer": "Mission Etalab",
}

# Share images (plugins/share_images): a 1200×630 PNG per challenge (its title and
# administration) and one for the other pages, named in each page's Open Graph and
# Twitter tags (templates/partials/share_meta.html). Drawn once, then taken from the
# cache folder (kept out of git) while their texts, fonts and drawing code are unchanged.
SHARE_IMAGES = {
    "challenges": True,
    "folder": "static/partage",
    "cache_path": ".cache/share-images",
}

# -- Open data of the challenges (plugins/open_data) ---------------------------------
# /defis.json, /defis.csv and their Table Schema /defis.schema.json, under the Licence
# Ouverte 2.0; the columns are the content schema's fields named here, after the page's
# address (their types, labels and help come from plugins/content_schema/schema.py).
OPEN_DATA = {
    "fields": [
        *("numero", "title", "resume", "administration", "direction", "lieu"),
        *("profils", "competences", "date"),
    ],
    "json_save_as": "defis.json",
    "csv_save_as": "defis.csv",
    "schema_save_as": "defis.schema.json",
    "licence": {
        "name": "etalab-2.0",
        "title": "Licence Ouverte / Open Licence version 2.0",
        "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    },
}
# The footer links the list of challenges' open-data section (templates/defis.html).
FOOTER_LINKS = [*FOOTER_LINKS, ("Données ouvertes", "defis/#donnees-ouvertes")]

# -- The challenges' Atom feed (plugins/challenge_feed) --------------------------------
# Pelican's feed writer makes it at FEED_ATOM, the 2017 site's /feed.xml; a feed needs
# absolute addresses, so only the published site has one (publishconf.py sets FEED_ATOM).
# The plugin passes each entry through the allow-list and names its administration.
FEED_ATOM = None
CHALLENGE_FEED = {"title": "Les défis de l'appel à candidatures", "author": "Etalab"}

# -- English version (plugins/translations) ------------------------------------------
# English pages live in pages/en/ (lang en, from JEKYLL_COMPAT's defaults), at /en/
# followed by the French page's address: Pelican pairs them by that address
# (`translation_key`). Each challenge's English page comes from its own file's
# `title_en`, `resume_en` and `profils_en`; a French page without an English version
# gets an English page at its English address saying so (templates/en/unavailable.html).
PAGE_TRANSLATION_ID = "translation_key"
TRANSLATIONS = {
    "lang": "en",
    "url_prefix": "en/",
    "template_prefix": "en/",
    "fallback_template": "en/unavailable",
    "labels": {"fr": "Français", "en": "English"},
}
# What every English page shows instead of the French settings above (templates/en/).
SITENAME_EN = "Entrepreneurs d'intérêt général"  # the programme's name stays French
SITE_TAGLINE_EN = "Call for applications, second intake"
SITE_DESCRIPTION_EN = (
    "Become an entrepreneur d'intérêt général: digital challenges to take on for ten "
    "months inside the French administration, from January 2018."
)
SKIP_LINKS_EN = [("Content", "#contenu"), ("Menu", "#navigation"), ("Footer", "#pied-de-page")]
CHALLENGES_PAGE_EN = ("Challenges", "en/defis/")
NAVIGATION_EN = [
    ("Home", "en/"),
    CHALLENGES_PAGE_EN,
    ("Rules", "en/reglement/"),
    ("FAQ", "en/faq/"),
    ("Apply", "en/candidater/"),
]
FOOTER_DESCRIPTION_EN = (
    "The Entrepreneurs d'intérêt général programme is run by the Etalab mission "
    "(DINSIC, services of the French Prime Minister), with the Caisse des dépôts, "
    "under the Programme d'investissements d'avenir."
)
# The English pages' {{ site.x }} values of the French ones above.
ACCESSIBILITY_STATUS_EN = "not compliant"
ACCESSIBILITY_DATE_EN = "28 November 2026"
HOSTING_EN = (
    "The site is hosted by GitHub Pages, a service of GitHub, Inc., "
    "88 Colin P. Kelly Jr. Street, San Francisco, CA 94107, United States."
)
JEKYLL_SITE_SETTINGS = [
    *JEKYLL_SITE_SETTINGS,
    "ACCESSIBILITY_STATUS_EN",
    "ACCESSIBILITY_DATE_EN",
    "HOSTING_EN",
]
FOOTER_LINKS_EN = [
    ("Sitemap (in French)", "plan-du-site/"),
    ("Accessibility: " + ACCESSIBILITY_STATUS_EN, "en/accessibilite/"),
    ("Legal notice", "en/mentions-legales/"),
    ("Personal data", "en/donnees-personnelles/"),
    ("Terms of use (in French)", "cgu/"),
    ("Open data (in French)", "defis/#donnees-ouvertes"),
]
# Labels of the page's frame (header, footer, breadcrumb, form) in English; the
# components' own defaults are the French ones.
UI_EN = {
    "home": "Home",
    "menu": "Menu",
    "close_menu": "Close the menu",
    "close": "Close",
    "main_menu": "Main menu",
    "quick_access": "Quick access",
    "you_are_here": "You are here:",
    "back_home": "Back to the home page",
    "licence": "Unless stated otherwise, the content of this site is offered under",
    "open_form": "Open the form in a new tab",
    "external_site": "external site",
    "new_tab": "new tab",
    "colon": ": ",
    "apply": "Apply",
    "calendar": "Key dates of the call for applications (in French)",
    "language": "Language",
    "select_language": "Select a language",
}
# English names of the skills (content_schema.SKILLS); one not named here is shown in French.
SKILLS_EN = {
    "data science": "data science",
    "datavisualisation": "data visualisation",
    "design": "design",
    "développement": "software development",
    "géomatique": "geomatics",
}
