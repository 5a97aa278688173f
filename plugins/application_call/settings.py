"""The call's settings: read once at start, every mistake named."""

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from setting_urls import SettingsError as UrlError
from setting_urls import checked_url

SETTING = "APPLICATION_CALL"

DEFAULTS = {
    # Our page about applying: where calls to action lead while the form is shut.
    "page_url": "candidater/",
    # Query parameter that tells the form which challenge a candidate came from
    # (None: challenge pages link to the bare form address).
    "challenge_parameter": None,
    # Output file of the call's key dates, for calendar applications.
    "calendar_save_as": "calendrier.ics",
    # Dates besides opening and closing: {"summary", "start", "end"?, "description"?}.
    "key_dates": [],
}


class SettingsError(Exception):
    """A mistake in the call's settings, found at start."""

    exitcode = 1
    editor_facing = True  # the message says what to change: no traceback


@dataclass(frozen=True)
class KeyDate:
    summary: str
    start: date
    end: date  # inclusive
    description: str = ""


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


def _fail(message):
    raise SettingsError(f"application_call: {message}")


def _form_url(value):
    try:
        return checked_url(value, "APPLICATION_FORM_URL")
    except UrlError as err:
        _fail(str(err))


def _moment(name, value, tz):
    """An ISO date-time; without an offset it is read in the site's time zone."""
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        _fail(f"{name} = {value!r} n'est pas une date ; écrivez par exemple '2017-09-27T00:00'")
    return moment if moment.tzinfo else moment.replace(tzinfo=tz)


def _day(where, value):
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        _fail(f"{where} = {value!r} n'est pas une date ; écrivez AAAA-MM-JJ")


def _key_dates(values):
    if not isinstance(values, (list, tuple)):
        _fail(f"{SETTING}['key_dates'] doit être une liste")
    dates = []
    for i, item in enumerate(values):
        where = f"{SETTING}['key_dates'][{i}]"
        if not isinstance(item, dict) or not item.get("summary") or "start" not in item:
            _fail(f"{where} doit donner au moins 'summary' et 'start'")
        unknown = set(item) - {"summary", "start", "end", "description"}
        if unknown:
            _fail(f"{where} : clé inconnue {sorted(unknown)}")
        start = _day(f"{where}['start']", item["start"])
        end = _day(f"{where}['end']", item.get("end", start))
        if end < start:
            _fail(f"{where} finit avant de commencer")
        dates.append(KeyDate(str(item["summary"]), start, end, str(item.get("description", ""))))
    return tuple(dates)


def build_time(environ=os.environ):
    """The moment the site is built for: SOURCE_DATE_EPOCH when set, else now."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch in (None, ""):
        return datetime.now(UTC)
    try:
        return datetime.fromtimestamp(int(epoch), UTC)
    except (ValueError, OverflowError, OSError):
        _fail(
            f"SOURCE_DATE_EPOCH = {epoch!r} n'est pas un nombre de secondes depuis 1970 ; "
            "par exemple SOURCE_DATE_EPOCH=$(date -d 2017-10-01 +%s)"
        )


def load(settings, environ=os.environ):
    """Check the call's settings; return them typed, with the build time."""
    options = settings.get(SETTING) or {}
    if not isinstance(options, dict):
        _fail(f"{SETTING} doit être un dictionnaire")
    unknown = set(options) - set(DEFAULTS)
    if unknown:
        _fail(
            f"{SETTING} : clé(s) inconnue(s) {sorted(unknown)} ; clés possibles {sorted(DEFAULTS)}"
        )
    options = {**DEFAULTS, **options}
    tz = ZoneInfo(settings.get("TIMEZONE") or "UTC")
    opens = _moment("CALL_OPENS", settings.get("CALL_OPENS"), tz)
    closes = _moment("CALL_CLOSES", settings.get("CALL_CLOSES"), tz)
    if closes <= opens:
        _fail("CALL_CLOSES doit venir après CALL_OPENS")
    parameter = options["challenge_parameter"]
    if parameter is not None and (not isinstance(parameter, str) or not parameter.strip()):
        _fail(f"{SETTING}['challenge_parameter'] doit être un nom de paramètre, ou None")
    page_url = options["page_url"]
    if not isinstance(page_url, str) or page_url.startswith(("/", "http")):
        _fail(f"{SETTING}['page_url'] doit être une adresse relative au site, comme 'candidater/'")
    embed = settings.get("FORM_EMBED", False)
    if not isinstance(embed, bool):
        _fail("FORM_EMBED doit valoir True ou False")
    return CallSettings(
        form_url=_form_url(settings.get("APPLICATION_FORM_URL")),
        opens=opens,
        closes=closes,
        form_embed=embed,
        page_url=page_url,
        challenge_parameter=parameter,
        calendar_save_as=str(options["calendar_save_as"]),
        key_dates=_key_dates(options["key_dates"]),
        now=build_time(environ),
    )
