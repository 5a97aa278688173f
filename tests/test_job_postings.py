"""Structured data for job search, on the built site: each challenge's JobPosting while the
call is upcoming or open, none once it is closed, and the call's key dates as Events.

Expectations come from content/ and the settings; the properties checked are those that
Google's job-posting documentation marks required or recommended.
"""

import json
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import english_content
import pytest
import site_content
import yaml
from bs4 import BeautifulSoup
from conftest import at_moment, build_real_site, build_real_site_with, copy_real_site, module_folder
from jekyll_compat.filenames import DATED_NAME
from job_postings import json_ld
from job_postings import settings as job_settings
from parsed_pages import attribute_text, parse_file

DATA_BLOCK = "application/ld+json"
# Google's employmentType values, and the units of a salary.
EMPLOYMENT_TYPES = {
    "FULL_TIME",
    "PART_TIME",
    "CONTRACTOR",
    "TEMPORARY",
    "INTERN",
    "VOLUNTEER",
    "PER_DIEM",
    "OTHER",
}
SALARY_UNITS = {"HOUR", "DAY", "WEEK", "MONTH", "YEAR"}
ORGANIZATIONS = {"Organization", "GovernmentOrganization"}
STATES = ["upcoming_site", "real_site", "closed_site"]
STATE_OF = {"upcoming_site": "upcoming", "real_site": "open", "closed_site": "closed"}


def options():
    return site_content.settings()["JOB_POSTINGS"]


def soup_of(build, save_as):
    """The page as a browser's parser reads it (html5lib follows the HTML standard)."""
    return parse_file(build.output / save_as, "html5lib")


def tree_of(build, save_as):
    """The page as Lexbor reads it (selectolax: the HTML standard's parsing too, in C), for
    tests that read a few tags of every page; html5lib, independent of the allow-list's
    Lexbor, reads the pages whose values are hostile."""
    return parse_file(build.output / save_as, "lexbor")


def blocks(soup):
    """The JSON-LD data blocks of a page (BeautifulSoup), parsed, with their raw text."""
    found = []
    for script in soup.find_all("script", type=DATA_BLOCK):
        found.append((json.loads(script.string), script.string))
    return found


def data_scripts(tree):
    """The <script type="application/ld+json"> elements of a Lexbor tree."""
    return [s for s in tree.css("script") if s.attributes.get("type") == DATA_BLOCK]


def tree_blocks(tree):
    """The JSON-LD data blocks of a Lexbor tree, parsed, with their raw text."""
    return [(json.loads(s.text()), s.text()) for s in data_scripts(tree)]


def postings(build, challenge):
    return [data for data, _ in tree_blocks(tree_of(build, challenge.save_as))]


def date_posted(challenge):
    """The challenge's date: its front matter's `date`, else its file name's."""
    path = site_content.SITE_ROOT / challenge.source
    given = site_content.front_matter(path).get("date")
    if isinstance(given, datetime):
        zone = ZoneInfo(site_content.settings()["TIMEZONE"])
        return (given.astimezone(zone) if given.tzinfo else given).date()
    if isinstance(given, date):
        return given
    year, month, day, _ = DATED_NAME.match(path.stem).groups()
    return date(int(year), int(month), int(day))


def is_iso_moment(value):
    try:
        return datetime.fromisoformat(value).tzinfo is not None
    except (TypeError, ValueError):
        return False


# -- the JobPosting ----------------------------------------------------------------------


@pytest.mark.parametrize("state", ["upcoming_site", "real_site"])
def test_each_challenge_page_carries_one_job_posting_while_the_call_is_not_closed(request, state):
    build = request.getfixturevalue(state)
    for challenge in site_content.challenges():
        found = postings(build, challenge)
        assert [d.get("@type") for d in found] == ["JobPosting"], challenge.source
        assert found[0]["@context"] in ("https://schema.org", "https://schema.org/")


def test_no_challenge_page_carries_a_job_posting_once_the_call_is_closed(closed_site):
    for challenge in site_content.challenges():
        assert postings(closed_site, challenge) == [], challenge.source


@pytest.mark.parametrize("state", ["upcoming_site", "real_site"])
def test_required_properties_are_present_and_follow_the_content(request, state):
    build = request.getfixturevalue(state)
    _, closes = site_content.call_dates()
    for challenge in site_content.challenges():
        posting = postings(build, challenge)[0]
        where = challenge.source
        assert posting["title"] == options()["title"].replace("{title}", challenge.title), where
        assert date.fromisoformat(posting["datePosted"]) == date_posted(challenge), where
        # It expires: validThrough is required, the call's closing moment.
        assert is_iso_moment(posting["validThrough"]), where
        assert datetime.fromisoformat(posting["validThrough"]) == closes, where
        employer = posting["hiringOrganization"]
        assert employer["@type"] in ORGANIZATIONS, where
        assert employer["name"] == challenge.administration, where
        assert isinstance(posting["description"], str) and posting["description"].strip()


@pytest.mark.parametrize("state", ["upcoming_site", "real_site"])
def test_the_job_location_is_what_the_content_knows_and_no_more(request, state):
    build = request.getfixturevalue(state)
    for challenge in site_content.challenges():
        posting = postings(build, challenge)[0]
        # Google: jobLocation, or, for a job done remotely, both of the remote properties.
        if "jobLocation" not in posting:
            assert posting["jobLocationType"] == "TELECOMMUTE", challenge.source
            assert posting["applicantLocationRequirements"], challenge.source
            continue
        place = posting["jobLocation"]
        assert place["@type"] == "Place"
        address = place["address"]
        assert address["@type"] == "PostalAddress"
        assert address["addressCountry"] == options()["country"]
        expected = {"@type", "addressCountry"} | ({"addressLocality"} if challenge.place else set())
        assert set(address) == expected, challenge.source  # no invented street or postcode
        if challenge.place:
            assert address["addressLocality"] == str(challenge.place).strip()
        if "jobLocationType" in posting:
            assert posting["jobLocationType"] == "TELECOMMUTE"


@pytest.mark.parametrize("state", ["upcoming_site", "real_site"])
def test_recommended_properties_are_present_and_well_typed(request, state):
    build = request.getfixturevalue(state)
    salary = options()["salary"]
    identifiers = []
    for challenge in site_content.challenges():
        posting = postings(build, challenge)[0]
        where = challenge.source
        kinds = posting["employmentType"]
        kinds = [kinds] if isinstance(kinds, str) else kinds
        assert kinds == list(options()["employment_type"]), where
        assert set(kinds) <= EMPLOYMENT_TYPES, where
        assert isinstance(posting["directApply"], bool), where
        identifier = posting["identifier"]
        assert identifier["@type"] == "PropertyValue", where
        assert isinstance(identifier["name"], str) and identifier["name"], where
        assert identifier["value"] == challenge.slug, where
        identifiers.append(identifier["value"])
        if salary is None:
            assert "baseSalary" not in posting
            continue
        pay = posting["baseSalary"]
        assert pay["@type"] == "MonetaryAmount", where
        assert pay["currency"] == salary["currency"] and re.fullmatch("[A-Z]{3}", pay["currency"])
        value = pay["value"]
        assert value["@type"] == "QuantitativeValue", where
        assert value["value"] == salary["amount"] and isinstance(value["value"], (int, float))
        assert value["unitText"] == salary["unit"] and value["unitText"] in SALARY_UNITS
    assert len(set(identifiers)) == len(identifiers)  # one identifier per job


@pytest.mark.parametrize("state", ["upcoming_site", "real_site"])
def test_direct_apply_only_while_the_page_leads_to_the_form(request, state):
    build = request.getfixturevalue(state)
    form = site_content.form_url()
    for challenge in site_content.challenges():
        posting = postings(build, challenge)[0]
        tree = tree_of(build, challenge.save_as)
        links = tree.css("main a[href]")
        leads_to_form = any(attribute_text(a, "href").startswith(form) for a in links)
        assert posting["directApply"] is (STATE_OF[state] == "open"), challenge.source
        assert posting["directApply"] is leads_to_form, challenge.source


def test_the_description_is_the_page_s_own_text(real_site):
    for challenge in site_content.challenges():
        posting = postings(real_site, challenge)[0]
        described = BeautifulSoup(posting["description"], "html5lib").get_text(" ", strip=True)
        page = soup_of(real_site, challenge.save_as)
        described_words = " ".join(described.split())
        for paragraph in page.select(
            "article.eig-challenge > p, article.eig-challenge li:not(.fr-tags-group li)"
        ):
            text = " ".join(paragraph.get_text(" ", strip=True).split())
            assert text in described_words, (challenge.source, text)


def test_the_posting_s_url_is_the_page_s(published_site):
    siteurl = site_content.settings("publishconf.py")["SITEURL"]
    for challenge in site_content.challenges():
        posting = postings(published_site, challenge)[0]
        assert posting["url"] == siteurl + challenge.url, challenge.source


@pytest.mark.parametrize("state", STATES)
def test_structured_data_is_on_challenges_and_the_key_dates_page_only(request, state):
    build = request.getfixturevalue(state)
    events_page = options()["events_page"]
    for page in site_content.pages():
        found = tree_blocks(tree_of(build, page.save_as))
        if page.source == events_page:
            assert [d.get("@graph") is not None for d, _ in found] == [True], page.source
        else:
            assert found == [], page.source
    for skill in site_content.skills():
        assert tree_blocks(tree_of(build, skill.save_as)) == [], skill.url


@pytest.mark.parametrize("state", ["upcoming_site", "real_site"])
def test_one_job_one_posting_the_english_pages_carry_none(request, state):
    """Search engines drop a job posted twice: its English page (/en/) carries no copy."""
    build = request.getfixturevalue(state)
    english = english_content.english_challenges()
    assert english, "no English challenge page to check"
    for challenge in english:
        assert postings(build, challenge.french) != [], challenge.french.source
        assert postings(build, challenge) == [], challenge.save_as


@pytest.mark.parametrize("state", STATES)
def test_every_block_is_a_data_block_in_its_canonical_bytes(request, state):
    build = request.getfixturevalue(state)
    pages = [c.save_as for c in site_content.challenges()] + [
        p.save_as for p in site_content.pages()
    ]
    for save_as in pages:
        for script in data_scripts(tree_of(build, save_as)):
            assert "src" not in script.attributes, save_as  # a data block: nothing to run or fetch
            # Sorted keys, one serialiser: the same data always gives the same bytes.
            raw = script.text()
            assert json_ld.dumps(json.loads(raw)) == raw, save_as
            assert not re.search("[<>&\u2028\u2029]", raw), save_as


# -- the call's key dates ------------------------------------------------------------------


def _events(build):
    page = next(p for p in site_content.pages() if p.source == options()["events_page"])
    ((graph, _),) = tree_blocks(tree_of(build, page.save_as))
    return graph["@graph"]


@pytest.mark.parametrize("state", STATES)
def test_the_key_dates_page_carries_the_call_and_each_key_date_as_events(request, state):
    events = _events(request.getfixturevalue(state))
    opens, closes = site_content.call_dates()
    call = site_content.settings()["APPLICATION_CALL"]
    assert all(e["@type"] == "Event" for e in events)
    # Google's required properties of an Event: name, startDate, location.
    for event in events:
        assert isinstance(event["name"], str) and event["name"]
        assert event["location"]["@type"] in ("Place", "VirtualLocation")
        assert event["startDate"] <= event["endDate"]
    (online,) = [e for e in events if e["location"]["@type"] == "VirtualLocation"]
    assert datetime.fromisoformat(online["startDate"]) == opens
    assert datetime.fromisoformat(online["endDate"]) == closes
    assert online["location"]["url"].endswith("/" + call["page_url"])
    others = [e for e in events if e is not online]
    expected = [
        (d["summary"], str(d["start"]), str(d.get("end", d["start"]))) for d in call["key_dates"]
    ]
    assert sorted((e["name"], e["startDate"], e["endDate"]) for e in others) == sorted(expected)
    for event in others:
        assert event["location"]["address"] == {
            "@type": "PostalAddress",
            "addressCountry": options()["country"],
        }
    starts = [e["startDate"][:10] for e in events]
    assert starts == sorted(starts)


# -- hostile values ------------------------------------------------------------------------

ESCAPE = "</script><script>alert(1)</script>"
COMMENT = "<!--"
HOSTILE = {
    "title": f"Défi {ESCAPE}",
    "resume": f"Résumé {COMMENT} <script>",
    "administration": f"Ministère\u2028{ESCAPE}",
    "direction": f"Direction {COMMENT}",
    "lieu": f"Paris {COMMENT} </SCRIPT >",
    "profils": [f"Profil {ESCAPE}", "&lt;b&gt; &\u2029fin"],
}


@pytest.fixture(scope="module")
def hostile_site(request):
    """A copy of the real site whose first challenge has hostile values, built while open."""
    with module_folder(request, "hostile-postings") as folder:
        site = copy_real_site(folder, plugins=False)
        path = sorted((site / site_content.CHALLENGES).glob("*.md"))[0]
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        data = {**yaml.safe_load(front), **HOSTILE}
        data.pop("redirect_from", None)
        path.write_text(f"---\n{yaml.safe_dump(data, allow_unicode=True)}---\n{body}", "utf-8")
        result = build_real_site(site, env=at_moment("open"))
        assert result.returncode == 0, result.log
        yield result, site_content.challenges(site)


def test_hostile_values_stay_inside_their_json_strings(hostile_site):
    build, challenges = hostile_site
    challenge = next(c for c in challenges if c.title == HOSTILE["title"])
    soup = soup_of(build, challenge.save_as)
    # A browser finds the page's own scripts only: the data block was not closed early.
    scripts = soup.find_all("script")
    assert [s.get("type") for s in scripts if not s.has_attr("src")] == [DATA_BLOCK]
    ((posting, raw),) = blocks(soup)
    assert COMMENT not in raw and "</" not in raw.lower()
    assert posting["title"] == options()["title"].replace("{title}", HOSTILE["title"])
    assert posting["hiringOrganization"]["name"] == HOSTILE["administration"]
    assert posting["hiringOrganization"]["department"]["name"] == HOSTILE["direction"]
    assert posting["jobLocation"]["address"]["addressLocality"] == HOSTILE["lieu"]
    # In the description (HTML), front-matter values are text: escaped, never elements.
    described = BeautifulSoup(posting["description"], "html5lib")
    assert described.find("script") is None
    text = described.get_text()
    for value in [HOSTILE["resume"], *HOSTILE["profils"]]:
        assert value in text


def test_the_hostile_page_is_otherwise_the_same_as_a_plain_one(hostile_site):
    build, challenges = hostile_site
    hostile = next(c for c in challenges if c.title == HOSTILE["title"])
    plain = next(c for c in challenges if c.title != HOSTILE["title"])
    heads = [soup_of(build, c.save_as).head for c in (hostile, plain)]
    # The head holds the same elements, in the same order: nothing was opened or closed.
    assert [t.name for t in heads[0].find_all(True)] == [t.name for t in heads[1].find_all(True)]


@pytest.mark.parametrize(
    "value",
    [ESCAPE, COMMENT, "-->", "]]>", "\u2028\u2029", "&amp;", "<\x00>", "\\u003c", '"\\'],
)
def test_the_serialiser_escapes_what_could_end_a_script_block(value):
    data = {"b": value, "a": [value, {"c": value}]}
    text = json_ld.dumps(data)
    assert not re.search("[<>&\u2028\u2029]", text)
    assert json.loads(text) == data
    assert text.index('"a"') < text.index('"b"')  # sorted keys


# -- settings ------------------------------------------------------------------------------


def _problems(**values):
    return job_settings.SPEC.problems({"JOB_POSTINGS": values})[1]


def test_the_site_s_own_settings_meet_the_spec():
    for conf in ("pelicanconf.py", "publishconf.py"):
        assert job_settings.SPEC.problems(site_content.settings(conf))[1] == [], conf


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"title": "Entrepreneur"}, "JOB_POSTINGS['title'] doit contenir {title}"),
        ({"employment_type": []}, "JOB_POSTINGS['employment_type'] doit être une liste non vide"),
        ({"employment_type": ["CDD"]}, "JOB_POSTINGS['employment_type'] : 'CDD' n'est pas un type"),
        ({"salary": 4000}, "JOB_POSTINGS['salary'] doit être None ou un dictionnaire comme"),
        (
            {"salary": {"amount": "4 000", "currency": "EUR", "unit": "MONTH"}},
            "JOB_POSTINGS['salary']['amount'] doit être un nombre positif",
        ),
        (
            {"salary": {"amount": 4000, "currency": "€", "unit": "MONTH"}},
            "JOB_POSTINGS['salary']['currency'] doit être un code de monnaie ISO 4217",
        ),
        (
            {"salary": {"amount": 4000, "currency": "EUR", "unit": "MOIS"}},
            "JOB_POSTINGS['salary']['unit'] vaut 'MOIS' ; valeurs possibles : HOUR",
        ),
        ({"country": "France"}, "JOB_POSTINGS['country'] doit être un code de pays ISO 3166-1"),
        ({"events_page": "reglement/"}, "JOB_POSTINGS['events_page'] doit être None ou le fichier"),
        ({"salaire": 1}, "clé inconnue dans JOB_POSTINGS : salaire"),
    ],
)
def test_a_wrong_setting_is_named_with_what_to_write(values, message):
    problems = _problems(**values)
    assert len(problems) == 1 and problems[0].startswith(message), problems


def test_an_events_page_that_no_page_has_stops_the_build(tmp_path):
    result = build_real_site_with(
        tmp_path, 'JOB_POSTINGS = {**JOB_POSTINGS, "events_page": "pages/calendrier.md"}\n'
    )
    assert result.returncode == 1, result.log
    assert "Traceback" not in result.log
    assert (
        "job_postings: JOB_POSTINGS['events_page'] = 'pages/calendrier.md' : aucune page "
        "n'est écrite depuis ce fichier"
    ) in " ".join(result.log.split())
    assert not (result.output / "index.html").exists()


def test_no_salary_setting_publishes_no_salary(tmp_path):
    result = build_real_site_with(
        tmp_path,
        'JOB_POSTINGS = {**JOB_POSTINGS, "salary": None}\n',
        env=at_moment("open"),
    )
    assert result.returncode == 0, result.log
    for challenge in site_content.challenges():
        (posting,) = postings(result, challenge)
        assert "baseSalary" not in posting, challenge.source


def test_the_key_dates_follow_their_page_when_its_address_changes(tmp_path):
    site = copy_real_site(tmp_path, plugins=False)
    path = site / options()["events_page"]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("---\n", "---\npermalink: /autre-adresse/\n", 1), "utf-8")
    # The menu and footer settings that link to the page follow it, as an editor would.
    (old,) = [p.url for p in site_content.pages() if p.source == options()["events_page"]]
    conf = site / "pelicanconf.py"
    moved = conf.read_text(encoding="utf-8").replace(f'"{old.lstrip("/")}"', '"autre-adresse/"')
    conf.write_text(moved, encoding="utf-8")
    result = build_real_site(site)
    assert result.returncode == 0, result.log
    graphs = [data for data, _ in tree_blocks(tree_of(result, "autre-adresse/index.html"))]
    assert [len(g["@graph"]) for g in graphs] == [
        1 + len(site_content.settings()["APPLICATION_CALL"]["key_dates"])
    ]
