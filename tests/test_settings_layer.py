"""The settings layer: typed options checked together, every problem named in French."""

from pathlib import Path

import application_call.settings
import pytest
from asset_fingerprints import fingerprints
from challenge_index import plugin as challenge_index
from content_schema import settings as content_schema
from content_schema.schema import SCHEMAS
from decap_admin import settings as decap_admin
from deploy_rules import rules
from eig_common import options
from eig_common.options import (
    URL,
    Bool,
    Check,
    Choice,
    Int,
    ListOf,
    Mapping,
    Option,
    Optional,
    SettingsError,
    Spec,
    SubConfig,
    Text,
)
from jekyll_compat import config
from pelican.settings import read_settings
from security_policy import policy
from strict_content import plugin as strict_content

ROOT = Path(__file__).resolve().parent.parent


def problems(option, value, where="X"):
    """The messages `option` gives for `value` as the top-level setting X (none: valid)."""
    return Spec("p", {"X": option}).problems({"X": value})[1]


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        (Bool(), "oui", "X doit valoir True ou False"),
        (Int(minimum=8, maximum=64), 4, "X doit être un entier de 8 à 64"),
        (Int(minimum=8, maximum=64), True, "X doit être un entier de 8 à 64"),
        (Int(minimum=1), 0, "X doit être un entier d'au moins 1"),
        (Text(), "", "X doit être un texte non vide"),
        (Text(check=str.isidentifier, hint="un nom"), "a b", "X doit être un nom"),
        (Choice(["a", "b"]), "c", "X vaut 'c' ; valeurs possibles : « a » ou « b »"),
        (
            URL(),
            "http://a.example",
            "X = 'http://a.example' n'est pas une adresse https:// utilisable (elle ne "
            "commence pas par https://) ; donnez l'adresse complète, en https://, sans "
            "guillemets, chevrons ni espaces (une espace s'écrit %20)",
        ),
        (ListOf(Text()), "a", "X doit être une liste"),
        (ListOf(Text()), ["a", ""], "X[1] doit être un texte non vide"),
        (ListOf(Text(), hint="une liste de noms"), ["a", 3], "X doit être une liste de noms"),
        (Mapping(values=Bool()), {"k": 1}, "X['k'] doit valoir True ou False"),
    ],
)
def test_each_option_names_the_setting_and_what_it_must_be(option, value, message):
    assert problems(option, value) == [message]


@pytest.mark.parametrize(
    ("option", "value", "checked"),
    [
        (Bool(), False, False),
        (Int(minimum=1, maximum=3), 2, 2),
        (Optional(Text()), None, None),
        (ListOf(Text()), ("a", "b"), ["a", "b"]),
        (Check(lambda v, where: v.upper()), "a", "A"),
    ],
)
def test_a_valid_value_is_given_back_checked(option, value, checked):
    assert Spec("p", {"X": option}).load({"X": value}) == {"X": checked}


def test_a_missing_setting_takes_its_default_or_is_required():
    spec = Spec("p", {"A": Text(default="a"), "B": Text()})
    assert spec.problems({}) == ({"A": "a"}, ["B est obligatoire"])


def test_a_dict_setting_fills_its_defaults_and_refuses_unknown_keys():
    spec = Spec("p", {"D": SubConfig({"size": Int(default=1, minimum=1, maximum=9)})})
    assert spec.load({}) == {"D": {"size": 1}}
    assert spec.problems({"D": {"colour": 1, "size": 0}})[1] == [
        "clé inconnue dans D : colour (connues : size)",
        'D["size"] doit être un entier de 1 à 9',
    ]
    assert spec.problems({"D": []})[1] == ["D doit être un dictionnaire"]


def test_every_problem_is_told_together_each_with_its_plugin():
    spec = Spec("greffon", {"A": Bool(), "B": Int(minimum=0, maximum=1)})
    with pytest.raises(SettingsError) as raised:
        spec.load({"A": "x", "B": 5})
    assert str(raised.value) == (
        "2 réglages à corriger :\n"
        "  greffon: A doit valoir True ou False\n"
        "  greffon: B doit être un entier de 0 à 1"
    )
    assert raised.value.exitcode == 1
    assert raised.value.editor_facing  # printed without a traceback


def test_one_problem_is_one_line():
    with pytest.raises(SettingsError, match=r"^greffon: A doit valoir True ou False$"):
        Spec("greffon", {"A": Bool()}).load({"A": "x"})


def test_checks_across_options_run_once_every_option_is_valid():
    def ordered(values):
        return [] if values["A"] < values["B"] else ["A doit venir avant B"]

    spec = Spec("p", {"A": Int(), "B": Int()}, checks=[ordered])
    assert spec.problems({"A": 2, "B": 1})[1] == ["A doit venir avant B"]
    assert spec.problems({"A": "x", "B": 1})[1] == ["A doit être un entier"]


def test_a_check_refuses_with_its_own_message():
    def even(value, where):
        if value % 2:
            Option.fail(f"{where} doit être pair")
        return value

    assert problems(Check(even), 3) == ["X doit être pair"]


def test_only_the_registered_plugins_specs_are_checked(monkeypatch):
    monkeypatch.setattr(options, "DECLARED", {})
    options.declare(Spec("a", {"A": Bool()}))
    options.declare(Spec("b", {"B": Bool()}))
    settings = {"A": "x", "B": "y"}
    with pytest.raises(SettingsError) as raised:
        options.check_declared(settings, ["b"])
    assert raised.value.problems == [("b", "B doit valoir True ou False")]


def test_the_sites_own_settings_meet_every_plugins_spec():
    """pelicanconf.py and publishconf.py, as Pelican reads them, against each declared spec."""
    specs = [
        application_call.settings.SPEC,
        fingerprints.SPEC,
        challenge_index.SPEC,
        content_schema.SPEC,
        decap_admin.make_spec(SCHEMAS),
        rules.SPEC,
        config.SPEC,
        policy.SPEC,
        strict_content.SPEC,
    ]
    for conf in ("pelicanconf.py", "publishconf.py"):
        settings = read_settings(str(ROOT / conf))
        for spec in specs:
            assert spec.problems(settings)[1] == [], (conf, spec.plugin)
