"""The call's settings: read once at start, every mistake named."""

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from eig_common.options import (
    URL,
    Bool,
    Check,
    ListOf,
    Option,
    Optional,
    SettingsError,
    Spec,
    SubConfig,
    Text,
)

SETTING = "APPLICATION_CALL"


@dataclass(frozen=True)
class KeyDate:
    summary: str
    start: date
    end: date  # inclusive
    description: str = ""


@dataclass(frozen=True)
class MailingList:
    """An external page where candidates subscribe to hear about the next call."""

    url: str
    operator: str  # who runs the list, named on the personal-data page


@dataclass(frozen=True)
class CallSettings:
    form_url: str
    opens: datetime
    closes: datetime
    form_embed: bool
    page_url: str
    challenge_parameter: str | None
    calendar_save_as: str
    key_dates: tuple
    now: datetime
    mailing_list: MailingList | None = None


def _moment(value, where):
    """An ISO date-time (its time zone, when missing, is the site's: see _in_site_zone)."""
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        Option.fail(
            f"{where} = {value!r} n'est pas une date ; écrivez par exemple '2017-09-27T00:00'"
        )


def _zone(value, where):
    try:
        return ZoneInfo(value)
    except (ValueError, ZoneInfoNotFoundError):
        Option.fail(f"{where} = {value!r} n'est pas un fuseau horaire, comme 'Europe/Paris'")


def _day(value, where):
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        Option.fail(f"{where} = {value!r} n'est pas une date ; écrivez AAAA-MM-JJ")


def _key_date(item, where):
    if not isinstance(item, dict) or not item.get("summary") or "start" not in item:
        Option.fail(f"{where} doit donner au moins 'summary' et 'start'")
    unknown = set(item) - {"summary", "start", "end", "description"}
    if unknown:
        Option.fail(f"{where} : clé inconnue {sorted(unknown)}")
    start = _day(item["start"], f"{where}['start']")
    end = _day(item.get("end", start), f"{where}['end']")
    if end < start:
        Option.fail(f"{where} finit avant de commencer")
    return KeyDate(str(item["summary"]), start, end, str(item.get("description", "")))


def _page_url(value, where):
    if not isinstance(value, str) or value.startswith(("/", "http")):
        Option.fail(f"{where} doit être une adresse relative au site, comme 'candidater/'")
    return value


def _in_site_zone(values):
    """Opening and closing read in TIMEZONE when they give no offset; closing after opening."""
    tz = values["TIMEZONE"]
    for name in ("CALL_OPENS", "CALL_CLOSES"):
        moment = values[name]
        values[name] = moment if moment.tzinfo else moment.replace(tzinfo=tz)
    if values["CALL_CLOSES"] <= values["CALL_OPENS"]:
        return ["CALL_CLOSES doit venir après CALL_OPENS"]
    return []


SPEC = Spec(
    "application_call",
    {
        "APPLICATION_FORM_URL": URL(),
        "CALL_OPENS": Check(_moment),
        "CALL_CLOSES": Check(_moment),
        "TIMEZONE": Check(_zone, default="UTC"),
        "FORM_EMBED": Bool(default=False),
        # Where to hear about the next call (an external page: no form of ours), or None.
        "MAILING_LIST": Optional(
            SubConfig(
                {
                    "url": URL(),
                    "operator": Text(
                        check=str.strip, hint="le nom de qui gère la liste, comme « la DINUM »"
                    ),
                }
            )
        ),
        SETTING: SubConfig(
            {
                # Our page about applying: where calls to action lead while the form is shut.
                "page_url": Check(_page_url, default="candidater/"),
                # Query parameter that tells the form which challenge a candidate came from
                # (None: challenge pages link to the bare form address).
                "challenge_parameter": Optional(
                    Text(check=str.strip, hint="un nom de paramètre, ou None")
                ),
                # Output file of the call's key dates, for calendar applications.
                "calendar_save_as": Text(default="calendrier.ics"),
                # Dates besides opening and closing: {"summary", "start", "end"?, "description"?}.
                "key_dates": ListOf(Check(_key_date), default=()),
            },
            quote="'",
        ),
    },
    checks=[_in_site_zone],
)


def build_time(environ=os.environ):
    """The moment the site is built for: SOURCE_DATE_EPOCH when set, else now."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch in (None, ""):
        return datetime.now(UTC)
    try:
        return datetime.fromtimestamp(int(epoch), UTC)
    except (ValueError, OverflowError, OSError):
        raise SettingsError.one(
            "application_call",
            f"SOURCE_DATE_EPOCH = {epoch!r} n'est pas un nombre de secondes depuis 1970 ; "
            "par exemple SOURCE_DATE_EPOCH=$(date -d 2017-10-01 +%s)",
        ) from None


def load(settings, environ=os.environ):
    """Check the call's settings; return them typed, with the build time."""
    values = SPEC.load(settings)
    options = values[SETTING]
    mailing_list = values["MAILING_LIST"]
    return CallSettings(
        form_url=values["APPLICATION_FORM_URL"],
        opens=values["CALL_OPENS"],
        closes=values["CALL_CLOSES"],
        form_embed=values["FORM_EMBED"],
        page_url=options["page_url"],
        challenge_parameter=options["challenge_parameter"],
        calendar_save_as=options["calendar_save_as"],
        key_dates=tuple(options["key_dates"]),
        now=build_time(environ),
        mailing_list=MailingList(**mailing_list) if mailing_list else None,
    )
