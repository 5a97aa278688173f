"""The call's settings are checked at start; the state follows the build time."""

from datetime import UTC, datetime

import pytest
from application_call import calendar, french_dates, settings
from application_call.state import CallState

BASE = {
    "TIMEZONE": "Europe/Paris",
    "APPLICATION_FORM_URL": "https://form.example/apply?x=1",
    "CALL_OPENS": "2017-09-27T00:00",
    "CALL_CLOSES": "2017-10-27T23:59",
}


def at(iso):
    return {"SOURCE_DATE_EPOCH": str(int(datetime.fromisoformat(iso).timestamp()))}


def state_at(iso, **overrides):
    return CallState(settings.load({**BASE, **overrides}, at(iso)), "")


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        ("2017-09-26T23:59:59+02:00", "upcoming"),
        ("2017-09-27T00:00:00+02:00", "open"),
        ("2017-10-27T23:59:00+02:00", "open"),
        ("2017-10-27T23:59:01+02:00", "closed"),
    ],
)
def test_state_follows_the_build_time_in_paris(moment, expected):
    assert state_at(moment).state == expected


def test_without_source_date_epoch_the_build_time_is_now():
    before = datetime.now(UTC)
    built = settings.build_time({})
    assert before <= built <= datetime.now(UTC)


@pytest.mark.parametrize("url", ["http://form.example/", "ftp://form.example/", "form.example", ""])
def test_form_address_must_be_https(url):
    with pytest.raises(settings.SettingsError, match="n'est pas une adresse https://"):
        settings.load({**BASE, "APPLICATION_FORM_URL": url}, {})


def test_bad_source_date_epoch_is_named():
    with pytest.raises(settings.SettingsError, match="SOURCE_DATE_EPOCH = 'hier'"):
        settings.load(BASE, {"SOURCE_DATE_EPOCH": "hier"})


def test_closing_before_opening_is_refused():
    with pytest.raises(settings.SettingsError, match="CALL_CLOSES doit venir après CALL_OPENS"):
        settings.load({**BASE, "CALL_CLOSES": "2017-09-01T00:00"}, {})


def test_unreadable_date_is_named():
    with pytest.raises(settings.SettingsError, match="CALL_OPENS = '27/09/2017'"):
        settings.load({**BASE, "CALL_OPENS": "27/09/2017"}, {})


def test_unknown_option_is_named():
    with pytest.raises(
        settings.SettingsError,
        match=r"clé inconnue dans APPLICATION_CALL : form \(connues : page_url, ",
    ):
        settings.load({**BASE, "APPLICATION_CALL": {"form": "x"}}, {})


def test_action_adds_the_challenge_to_the_form_address_when_set_up():
    call = state_at("2017-10-01T12:00:00+02:00", APPLICATION_CALL={"challenge_parameter": "defi"})
    assert call.action_url("lab-sante") == "https://form.example/apply?x=1&defi=lab-sante"
    assert call.action_url() == "https://form.example/apply?x=1"


def test_action_leads_to_our_page_when_the_call_is_not_open():
    call = CallState(settings.load(BASE, at("2018-01-01T00:00:00+01:00")), "https://eig.example")
    assert call.action_url("lab-sante") == "https://eig.example/candidater/"


def test_french_dates():
    assert french_dates.day(datetime(2017, 10, 1)) == "1er octobre 2017"
    assert french_dates.moment(datetime(2017, 10, 27, 23, 59)) == "27 octobre 2017 à 23 h 59"


def test_calendar_lists_the_key_dates_in_order_with_crlf_and_folded_lines():
    call = settings.load(
        {
            **BASE,
            "APPLICATION_CALL": {
                "key_dates": [
                    {"summary": "Auditions", "start": "2017-11-14", "end": "2017-11-15"},
                    {"summary": "Long, très long ; " * 8, "start": "2017-09-01"},
                ]
            },
        },
        at("2017-09-01T00:00:00+00:00"),
    )
    text = calendar.render(call, "Site", "https://eig.example")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")
    assert all(len(line.encode()) <= 75 for line in lines)
    unfolded = text.replace("\r\n ", "")
    starts = [line for line in unfolded.split("\r\n") if line.startswith("DTSTART")]
    assert starts == [
        "DTSTART;VALUE=DATE:20170901",
        "DTSTART;VALUE=DATE:20170927",
        "DTSTART;VALUE=DATE:20171027",
        "DTSTART;VALUE=DATE:20171114",
    ]
    assert "DTEND;VALUE=DATE:20171116" in unfolded  # the last day is included
    assert "SUMMARY:Long\\, très long \\; " in unfolded
    assert "DTSTAMP:20170901T000000Z" in unfolded
    assert "UID:date-1-2017@eig.example" in unfolded


def test_a_build_with_a_plain_http_form_stops_with_the_setting_named(tmp_path):
    from conftest import build_real_site_with

    result = build_real_site_with(tmp_path, 'APPLICATION_FORM_URL = "http://form.example/"\n')
    assert result.returncode == 1
    assert "Traceback" not in result.log
    assert result.error_lines() == [
        "SettingsError: application_call: APPLICATION_FORM_URL = 'http://form.example/' "
        "n'est pas une adresse https:// utilisable (elle ne commence pas par https://) ; "
        "donnez l'adresse complète, en https://, sans guillemets, chevrons ni espaces "
        "(une espace s'écrit %20)"
    ]
    assert result.files() == set()


def test_calendar_text_is_escaped_as_rfc_5545_says():
    assert calendar._escape("a;b,c\\d\r\ne\x07f") == "a\\;b\\,c\\\\d\\nef"
