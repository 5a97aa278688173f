"""The call's key dates as an iCalendar file (RFC 5545)."""

from datetime import timedelta
from urllib.parse import urlsplit

PRODID = "-//Etalab//Appel a candidatures EIG//FR"


def _escape(text):
    """A value as RFC 5545 TEXT (3.3.11)."""
    # Backslash, ";" and "," escaped, a line end as \n; no other control character
    # may appear in a content line.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch == "\n" or (ord(ch) >= 32 and ord(ch) != 127))
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line):
    """Lines of at most 75 octets, continued by a space (RFC 5545, 3.1)."""
    out, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not out else 74):
            out.append(current)
            current = b""
        current += encoded
    out.append(current)
    return b"\r\n ".join(out).decode("utf-8")


def events(call):
    """(uid, summary, first day, last day, description) of every key date, in order."""
    opening = (
        "ouverture",
        "Ouverture de l'appel à candidatures",
        call.opens.date(),
        call.opens.date(),
        "",
    )
    closing = (
        "cloture",
        "Clôture de l'appel à candidatures",
        call.closes.date(),
        call.closes.date(),
        f"Dernier délai : {call.closes:%H:%M} (heure de Paris).",
    )
    others = [
        (f"date-{i}", d.summary, d.start, d.end, d.description)
        for i, d in enumerate(call.key_dates, 1)
    ]
    return sorted([opening, closing, *others], key=lambda e: e[2])


def render(call, sitename, siteurl):
    """The whole file, CRLF line ends; DTSTAMP is the build time, so rebuilds match."""
    domain = urlsplit(siteurl).hostname or "eig.localhost"
    stamp = call.now.strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(sitename)}",
    ]
    for uid, summary, first, last, description in events(call):
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}-{call.opens:%Y}@{domain}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{first:%Y%m%d}",
            # All-day events end the day after their last day (exclusive end).
            f"DTEND;VALUE=DATE:{last + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(summary)}",
        ]
        if description:
            lines.append(f"DESCRIPTION:{_escape(description)}")
        if siteurl:
            lines.append(f"URL:{siteurl}/")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
