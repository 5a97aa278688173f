"""The challenges' Atom feed, written by Pelican's feed writer (FEED_ATOM), made fit to publish.

Pelican writes the feed; this plugin only completes what it hands over on `feed_generated`
(feedgenerator's public `feed` and `items`): each entry's HTML passes the allow-list as a
page's body does, its summary is the challenge's `resume` as text, its author the host
administration and its categories the skills sought; entries follow the lists' order
among equal dates. No clock is read: dates are the challenges'.
"""

from eig_common import boundaries
from eig_common.options import SettingsError, Spec, SubConfig, Text
from eig_common.shared import shared
from markupsafe import escape
from pelican import signals
from strict_content.plugin import markup

__all__ = ["SPEC", "SettingsError", "load", "register"]  # SettingsError: eig_common's

SETTING = "CHALLENGE_FEED"
DEFAULTS = {
    "title": "Les défis de l'appel à candidatures",
    "author": "Etalab",
}
SPEC = Spec(
    "challenge_feed",
    {SETTING: SubConfig({key: Text(default=value) for key, value in DEFAULTS.items()}, quote="'")},
)


def load(settings):
    return SPEC.load(settings)[SETTING]


def claim_feed(pelican):
    """No page nor redirect may take the feed's address, when the build writes one, and
    servers send it as Atom; pages name the feed by FEED_TITLE."""
    options = load(pelican.settings)
    pelican.settings["FEED_TITLE"] = f"{options['title']} – {pelican.settings['SITENAME']}"
    save_as = pelican.settings.get("FEED_ATOM")
    if save_as:
        shared(pelican.settings).declare(save_as, f"{save_as} (FEED_ATOM)")
        # An .xml file is "text/xml" to servers: this one is Atom.
        shared(pelican.settings).content_type(save_as, "application/atom+xml; charset=utf-8")


def _complete_entry(item, challenge, skills_of):
    item["content"] = str(markup(item["content"]))  # the build stops on refused HTML
    resume = getattr(challenge, "resume", None)
    item["description"] = str(escape(resume)) if resume else None
    administration = getattr(challenge, "administration", None)
    item["author_name"] = str(administration) if administration else None
    item["categories"] = skills_of(challenge)


def complete(context, feed):
    """The feed of the challenges as published: title, language, authors, checked HTML."""
    options = load(context)
    feed.feed["title"] = context["FEED_TITLE"]
    feed.feed["language"] = context.get("DEFAULT_LANG")
    feed.feed["author_name"] = options["author"]
    challenges = list(context.get("challenges") or context.get("articles") or ())
    siteurl = context.get("SITEURL", "")
    by_link = {f"{siteurl}/{c.url}": c for c in challenges}
    order = {link: rank for rank, link in enumerate(by_link)}

    def skills_of(challenge):
        return [skill.name for skill in getattr(challenge, "skills", None) or ()]

    for item in feed.items:
        _complete_entry(item, by_link.get(item["link"]), skills_of)
    # Newest first (Pelican's order); equal dates in the lists' order, not the disk's.
    feed.items.sort(key=lambda i: order.get(i["link"], len(order)))
    feed.items.sort(key=lambda i: i["updateddate"] or i["pubdate"], reverse=True)
    if not feed.items:
        # feedgenerator would date an empty feed by the clock: the build's moment instead.
        moment = context["CALL"].settings.now
        feed.latest_post_date = lambda: moment


def register():
    # strict_content: the allow-list entries pass; challenge_index: the lists' order;
    # application_call: the build's moment.
    needs = ["strict_content", "challenge_index", "application_call"]
    boundaries.declare("challenge_feed", needs=needs, spec=SPEC)
    # initialized: the feed's address is known before any content is read;
    # feed_generated: Pelican made the feed and has not yet written it.
    signals.initialized.connect(claim_feed)
    signals.feed_generated.connect(complete)
