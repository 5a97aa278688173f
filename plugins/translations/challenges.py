"""An English page for every challenge, from the English keys of its own file.

A challenge's English text lives in its French file (`title_en`, `resume_en`,
`profils_en`), so an editor translates a challenge where he writes it, and a
challenge without them still gets its English page: the facts, and a note that
its description is in French. Each is a Pelican Article in `lang` en, paired
with the French one as its translation, and written by Pelican's own generator.
"""

from pelican.contents import Article

# front-matter key of the English text -> the attribute English templates read
ENGLISH_KEYS = {"title_en": "title", "resume_en": "resume", "profils_en": "profils"}


def _text(value):
    return str(value).strip() if value is not None else ""


def english_challenge(french, options, settings, context):
    """The English Article of one French challenge."""
    prefix = options["url_prefix"]
    title = _text(getattr(french, "title_en", None))
    resume = _text(getattr(french, "resume_en", None))
    profils = [_text(p) for p in (getattr(french, "profils_en", None) or []) if _text(p)]
    metadata = {
        "title": title or french.title,
        "date": french.date,
        "lang": options["lang"],
        "slug": french.slug,
        "url": prefix + str(french.url).lstrip("/"),
        "save_as": prefix + str(french.save_as).lstrip("/"),
        "template": options["template_prefix"] + french.template,
        "status": french.status,
        # What the English templates show as French (lang="fr") when not translated.
        "title_in_french": not title,
        "resume": resume,
        "profils_en": profils,
        "french": french,
    }
    english = Article(
        "",
        metadata=metadata,
        settings=settings,
        source_path=french.source_path,
        context=context,
    )
    english.translations = [french]
    french.translations = [*french.translations, english]
    return english


def add_english_challenges(generator, options, languages):
    """Every challenge gets its English page, written with Pelican's translations."""
    made = []
    for french in generator.articles:
        english = english_challenge(french, options, generator.settings, generator.context)
        # Its facts are in English even when its text is not: an English page either way.
        languages.pair(french.url, english.url, translated=True)
        made.append(english)
    generator.translations.extend(made)
    generator.context["challenges_en"] = [
        next(t for t in c.translations if t.lang == options["lang"])
        for c in generator.context.get("challenges", generator.articles)
    ]
    return made
