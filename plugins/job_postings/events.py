"""The call's key dates as schema.org Events, for the page that lists them."""

from .postings import CONTEXT

SCHEDULED = "https://schema.org/EventScheduled"
ONLINE = "https://schema.org/OnlineEventAttendanceMode"


def _organizer(options):
    name = options["organizer"]
    return {"organizer": {"@type": "Organization", "name": name}} if name else {}


def call_event(call, options, sitename, siteurl):
    """The call itself: online, from its opening to its closing, on the application page."""
    event = {
        "@type": "Event",
        "name": f"Appel à candidatures – {sitename}",
        "startDate": call.settings.opens.isoformat(timespec="minutes"),
        "endDate": call.settings.closes.isoformat(timespec="minutes"),
        "eventStatus": SCHEDULED,
        "eventAttendanceMode": ONLINE,
        "location": {"@type": "VirtualLocation", "url": f"{siteurl}/{call.settings.page_url}"},
        **_organizer(options),
    }
    return event


def key_date_event(key_date, options):
    """One of APPLICATION_CALL's key dates; its place is known only as the country."""
    event = {
        "@type": "Event",
        "name": key_date.summary,
        "startDate": key_date.start.isoformat(),
        "endDate": key_date.end.isoformat(),
        "eventStatus": SCHEDULED,
        "location": {
            "@type": "Place",
            "address": {"@type": "PostalAddress", "addressCountry": options["country"]},
        },
        **_organizer(options),
    }
    if key_date.description:
        event["description"] = key_date.description
    return event


def call_events(call, options, sitename, siteurl):
    """Every key date of the call, in order of their start, as one JSON-LD graph."""
    dated = [call_event(call, options, sitename, siteurl)]
    dated += [key_date_event(d, options) for d in call.settings.key_dates]
    dated.sort(key=lambda e: e["startDate"][:10])
    return {"@context": CONTEXT, "@graph": dated}
