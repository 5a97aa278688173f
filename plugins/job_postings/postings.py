"""A challenge as a schema.org JobPosting, built from its front matter and the settings.

Properties are those Google's job-posting documentation marks required or recommended.
"""

from markupsafe import escape

CONTEXT = "https://schema.org"


def _text(value):
    """A front-matter value as plain text, or "" when the field is empty."""
    return str(value).strip() if value not in (None, "") else ""


def _html(text):
    """Text as HTML text: &, <, > and " escaped; an apostrophe stays one."""
    return str(escape(text)).replace("&#39;", "'")


def description(article, body):
    """The posting's HTML: the summary, the profiles sought, then the page's checked body."""
    parts = []
    summary = _text(getattr(article, "resume", None))
    if summary and summary != article.title:
        parts.append(f"<p>{_html(summary)}</p>")
    given = getattr(article, "profils", None) or []
    given = [given] if isinstance(given, str) else given
    profiles = [_text(p) for p in given if _text(p)]
    if profiles:
        items = "".join(f"<li>{_html(p)}</li>" for p in profiles)
        parts.append(f"<h2>Les profils recherchés</h2><ul>{items}</ul>")
    parts.append(str(body).strip())
    return "\n".join(p for p in parts if p)


def organization(article):
    """The host administration, the employer (and its direction when known)."""
    name = _text(getattr(article, "administration", None)) or _text(getattr(article, "owner", None))
    employer = {"@type": "GovernmentOrganization", "name": name}
    direction = _text(getattr(article, "direction", None))
    if direction:
        employer["department"] = {"@type": "GovernmentOrganization", "name": direction}
    return employer


def location(article, country):
    """Where the team works: the town of `lieu` when known, else the country alone."""
    # No street address is ever invented: the front matter names a town at most.
    address = {"@type": "PostalAddress", "addressCountry": country}
    place = _text(getattr(article, "lieu", None))
    if place:
        address["addressLocality"] = place
    return {"@type": "Place", "address": address}


def salary(options):
    pay = options["salary"]
    if pay is None:
        return None
    return {
        "@type": "MonetaryAmount",
        "currency": pay["currency"],
        "value": {"@type": "QuantitativeValue", "unitText": pay["unit"], "value": pay["amount"]},
    }


def job_posting(article, body, call, options, site):
    """The JobPosting of `article` (a dict), or None once the call is closed."""
    # body: the page's checked HTML; call: application_call's CallState; site:
    # (SITENAME, SITEURL).
    if call.state not in ("upcoming", "open"):
        return None
    sitename, siteurl = site
    posting = {
        "@context": CONTEXT,
        "@type": "JobPosting",
        "title": options["title"].replace("{title}", str(article.title)),
        "description": description(article, body),
        "datePosted": article.date.date().isoformat(),
        "validThrough": call.settings.closes.isoformat(timespec="seconds"),
        "employmentType": list(options["employment_type"]),
        "hiringOrganization": organization(article),
        "jobLocation": location(article, options["country"]),
        # Only while the call is open does the page lead straight to the form.
        "directApply": call.is_open,
        "identifier": {
            "@type": "PropertyValue",
            "name": options["identifier_name"] or sitename,
            "value": article.slug,
        },
    }
    pay = salary(options)
    if pay is not None:
        posting["baseSalary"] = pay
    return {**posting, "url": f"{siteurl}/{article.url}"}
