"""The 2017 site's addresses, still printed on posters and in mails, and their new pages."""

OLD_CHALLENGE_SLUGS = {
    "archemse": "archifiltre",  # ArchiFiltre: archives of the ministères sociaux
    "balisenav": "balisenav",
    "brigadenumerique": "brigade-numerique",
    "coacheleves": "coacheleve-assistprof",
    "dataesr": "dataesr",
    "donneesauvetagemaritime": "predisauvetage",  # maritime rescue data
    "eiglink": "eig-link",
    "gobelins": "gobelins",
    "hopkins": "hopkins",
    "labsante": "lab-sante",
    "previsecours": "previsecours",
    "signauxfaibles": "signaux-faibles",
    "socialconnect": "socialconnect",
}

# Old URL path -> new URL path. The challenges' come from their front matter...
MOVED_CHALLENGES = {
    f"/defi/2017/09/26/{old}/": f"/defis/{new}/" for old, new in OLD_CHALLENGE_SLUGS.items()
}
# ...the pages', from publishconf.py only (OLD_PAGE_URLS: /cgu.html beside /cgu/ would
# confuse the preview server).
MOVED_PAGES = {
    "/cgu.html": "/cgu/",
    "/faq.html": "/faq/",
    # The 2017 "about" page presented the programme, as the home page now does.
    "/a-propos.html": "/",
}
MOVED = {**MOVED_CHALLENGES, **MOVED_PAGES}

# Old URLs that are still the page's address: they must simply keep working.
UNCHANGED = ["/reglement/"]
