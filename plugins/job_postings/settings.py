"""The job postings' settings (JOB_POSTINGS), checked at start with every plugin's."""

import re

from eig_common.options import Check, Option, Optional, Spec, SubConfig, Text

SETTING = "JOB_POSTINGS"
# The values of employmentType that Google's job-posting documentation lists.
EMPLOYMENT_TYPES = (
    "FULL_TIME",
    "PART_TIME",
    "CONTRACTOR",
    "TEMPORARY",
    "INTERN",
    "VOLUNTEER",
    "PER_DIEM",
    "OTHER",
)
SALARY_UNITS = ("HOUR", "DAY", "WEEK", "MONTH", "YEAR")
COUNTRY = re.compile(r"[A-Z]{2}\Z")
CURRENCY = re.compile(r"[A-Z]{3}\Z")


def _title(value, where):
    if not isinstance(value, str) or "{title}" not in value:
        Option.fail(f"{where} doit contenir {{title}}, remplacé par le titre du défi")
    return value


def _employment_types(value, where):
    if not isinstance(value, (list, tuple)) or not value:
        Option.fail(f"{where} doit être une liste non vide de types d'emploi, comme ['FULL_TIME']")
    for item in value:
        if item not in EMPLOYMENT_TYPES:
            Option.fail(
                f"{where} : {item!r} n'est pas un type d'emploi ; "
                f"valeurs possibles : {', '.join(EMPLOYMENT_TYPES)}"
            )
    return list(value)


def _salary(value, where):
    """{"amount": a number > 0, "currency": ISO 4217, "unit": one of SALARY_UNITS}."""
    example = '{"amount": 4000, "currency": "EUR", "unit": "MONTH"}'
    if not isinstance(value, dict) or set(value) != {"amount", "currency", "unit"}:
        Option.fail(f"{where} doit être None ou un dictionnaire comme {example}")
    amount = value["amount"]
    if isinstance(amount, bool) or not isinstance(amount, (int, float)) or not amount > 0:
        Option.fail(f"{where}['amount'] doit être un nombre positif, comme 4000")
    if not isinstance(value["currency"], str) or not CURRENCY.match(value["currency"]):
        Option.fail(f"{where}['currency'] doit être un code de monnaie ISO 4217, comme 'EUR'")
    if value["unit"] not in SALARY_UNITS:
        Option.fail(
            f"{where}['unit'] vaut {value['unit']!r} ; valeurs possibles : "
            + ", ".join(SALARY_UNITS)
        )
    return dict(value)


def _country(value, where):
    if not isinstance(value, str) or not COUNTRY.match(value):
        Option.fail(f"{where} doit être un code de pays ISO 3166-1 en deux lettres, comme 'FR'")
    return value


def _source(value, where):
    if not isinstance(value, str) or not value.endswith(".md") or value.startswith("/"):
        Option.fail(
            f"{where} doit être None ou le fichier d'une page, depuis la racine du site, "
            "comme 'pages/reglement.md'"
        )
    return value


SPEC = Spec(
    "job_postings",
    {
        SETTING: SubConfig(
            {
                # The job's title ({title}: the challenge's), not the challenge's alone.
                "title": Check(_title, default="{title}"),
                "employment_type": Check(_employment_types, default=["FULL_TIME"]),
                # The pay, or None to publish none.
                "salary": Optional(Check(_salary)),
                # The country of every job: places name only a town (front matter `lieu`).
                "country": Check(_country, default="FR"),
                # Who names the challenges' identifiers (their slugs).
                "identifier_name": Optional(Text()),
                # The source of the page that lists the call's key dates, which carries
                # them as Events (its file, not its address, which editors may change).
                "events_page": Optional(Check(_source)),
                # Who runs the call, the organiser of its key dates.
                "organizer": Optional(Text()),
            },
            quote="'",
        ),
    },
)


def load(settings):
    return SPEC.load(settings)[SETTING]
