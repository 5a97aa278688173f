"""A fixture site built once, then changed by a hostile edit and built again."""

from dataclasses import dataclass

from conftest import Build, build_fixture, page, tree

GOOD = {
    "pages/accueil.md": page("layout: page\ntitle: Accueil\n", "Bienvenue.\n"),
    "content/defis/2017-09-27-un-defi.md": page("title: Un défi\n", "Le défi.\n"),
    "static/site.css": "body { margin: 0; }\n",
}


@dataclass
class Refused:
    """The hostile build, and output/ before and after it."""

    result: Build
    before: dict
    after: dict

    def messages(self):
        """The editor messages, without the closing summary line."""
        return self.result.error_lines()[:-1]


def build_then_refuse(site, hostile, files=None, **overrides):
    """Build GOOD (and `files`), then `hostile(site)` changes it; the second build."""
    overrides = {"STATIC_PATHS": ["static"], **overrides}
    good = build_fixture(site, {**GOOD, **(files or {})}, **overrides)
    assert good.returncode == 0, good.log
    before = tree(good.output)
    hostile(site)
    result = build_fixture(site, **overrides)
    return Refused(result, before, tree(result.output))


def assert_refused(refused, *messages):
    """Exit status 1, exactly these messages and the summary, no traceback, output/ as it was."""
    result = refused.result
    assert result.returncode == 1, result.log
    assert "Traceback" not in result.log
    assert refused.messages() == list(messages), result.log
    count = len(messages)
    plural = "s" if count > 1 else ""
    assert result.error_lines()[-1] == (
        f"BuildFailed: site non construit : {count} erreur{plural} dans le contenu, "
        f"détaillée{plural} ci-dessus. Rien n'a été écrit dans le dossier de sortie."
    )
    assert refused.after == refused.before
