"""Bounded work: each costly input stops the build with its limit's message, output/ intact."""

import itertools

import pytest
import site_content
from build_worker import BuildWorker
from conftest import FIXTURE_SETTINGS, ROOT, copy_real_project, page
from jekyll_compat import config as jekyll_config
from pelican_jekyll.reader import limits, messages
from refused_builds import assert_refused, build_then_refuse
from serving import make_serve, wait_for, wait_until

messages.use("fr")  # the site's language, as its plugin jekyll_compat sets it
N = limits.number
PAGE = "layout: page\ntitle: Piège\n"
WATCHDOG_FIX = (
    "simplifiez ce qui demande autant de travail (boucles, inclusions, texte très long "
    "ou très imbriqué) ; les limites sont décrites dans docs/editeurs/limites.md"
)
NESTING = (
    f"les listes ou citations s'imbriquent sur plus de {limits.MARKDOWN_NESTING} niveaux — "
    "remettez ces lignes à plat : moins de retrait, moins de « > » ou de « - » en tête"
)
# Each list item one tab deeper: Python-Markdown took minutes over 1,000 of them.
DEEP_LIST = "".join("\t" * level + "- x\n" for level in range(1000))
# Many loops, each under the iteration limit and writing nothing: only the clock stops them
# (minutes of work, far past any watchdog setting).
SLOW_BODY = "Texte.\n\n" + "{% for i in (1..99999) %}{% endfor %}\n" * 3000
# The watchdog's time in the tests that trip it: its setting at 2 s rather than the
# default 8 s (limits.READ_SECONDS), which would spend 6 s of each test waiting.
QUICK_WATCHDOG = 2


def alias_bomb(levels=9):
    """A "billion laughs": nine lines that expand into 9**9 strings."""
    lines = ['a0: &a0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    for n in range(1, levels):
        lines.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def adding(files):
    """The hostile edit: these files added to the site."""

    def hostile(site):
        for rel, text in files.items():
            (site / rel).parent.mkdir(parents=True, exist_ok=True)
            (site / rel).write_text(text, encoding="utf-8")

    return hostile


def refused(tmp_path, files, **overrides):
    return build_then_refuse(tmp_path / "site", adding(files), **overrides)


def quick_watchdog(site):
    """The real site's settings (a copy's pelicanconf.py) with the watchdog at 2 s."""
    conf = site / "pelicanconf.py"
    setting = f'\nJEKYLL_COMPAT = {{**JEKYLL_COMPAT, "read_seconds": {QUICK_WATCHDOG}}}\n'
    conf.write_text(conf.read_text(encoding="utf-8") + setting, encoding="utf-8")


def test_a_yaml_alias_bomb_is_refused_at_its_first_anchor(tmp_path):
    result = refused(tmp_path, {"pages/piege.md": page(PAGE + alias_bomb())})
    assert_refused(
        result,
        "pages/piege.md:4: l'en-tête YAML utilise une ancre (« &nom ») ou un alias "
        "(« *nom »), refusés — écrivez la valeur elle-même à chaque endroit ; une valeur "
        "qui commence par « & » ou « * » s'écrit entre guillemets",
    )


def test_a_text_with_an_ampersand_or_a_star_still_builds(build):
    result = build({"pages/rd.md": page(PAGE.replace("Piège", "'R&D *gras*'"))})
    assert result.returncode == 0, result.log
    assert result.meta("rd/index.html", "title") == "R&amp;D *gras*"


def test_an_include_that_includes_itself_is_refused(tmp_path):
    files = {
        "pages/_includes/boucle.md": "encore {% include boucle.md %}\n",
        "pages/piege.md": page(PAGE, "Texte.\n\n{% include boucle.md %}\n"),
    }
    assert_refused(
        refused(tmp_path, files),
        "pages/_includes/boucle.md:1: les inclusions s'imbriquent trop profondément (au plus "
        f"{limits.LIQUID_INCLUDE_LEVELS} l'une dans l'autre, moins dans des boucles) "
        "(fichier inclus par pages/piege.md:7) — "
        "vérifiez qu'aucun fichier inclus ne s'inclut lui-même, directement ou par un autre",
    )


def test_includes_nested_up_to_the_limit_build(build):
    levels = limits.LIQUID_INCLUDE_LEVELS
    files = {
        f"pages/_includes/n{i}.md": f"{i} {{% include n{i + 1}.md %}}" for i in range(1, levels)
    }
    files[f"pages/_includes/n{levels}.md"] = "fin"
    files["pages/n.md"] = page(PAGE, "{% include n1.md %}\n")
    result = build(files)
    assert result.returncode == 0, result.log
    expected = " ".join(str(i) for i in range(1, levels)) + " fin"
    assert result.html("n/index.html").select_one("main p").text == expected


def test_an_include_fan_out_is_refused(tmp_path):
    # Ten empty includes in one, thirty times: 330 includes that write nothing.
    files = {
        "pages/_includes/vide.md": "",
        "pages/_includes/dix.md": "{% include vide.md %}" * 10,
        "pages/piege.md": page(PAGE, "Texte.\n" + "{% include dix.md %}\n" * 30),
    }
    assert_refused(
        refused(tmp_path, files),
        f"pages/_includes/dix.md:1: la page rend plus de {limits.LIQUID_INCLUDES_PER_PAGE} "
        "inclusions (fichier inclus par pages/piege.md:24) — incluez moins de fichiers, ou "
        "écrivez le texte dans la page",
    )


@pytest.mark.parametrize(
    "loop",
    [
        "{% for i in (1..1000000000) %}{{ i }}{% endfor %}",
        "{% for i in (1..1000) %}{% for j in (1..1000) %}{% endfor %}{% endfor %}",
    ],
    ids=["huge-range", "nested"],
)
def test_a_loop_over_a_huge_range_is_refused(tmp_path, loop):
    files = {"pages/piege.md": page(PAGE, f"Texte.\n\n{loop}\n")}
    assert_refused(
        refused(tmp_path, files),
        f"pages/piege.md:7: les boucles {{% for %}} dépassent {N(limits.LIQUID_LOOP_ITERATIONS)} "
        "tours — parcourez une plage ou une liste plus courte",
    )


def test_a_page_whose_liquid_writes_too_much_is_refused(tmp_path):
    body = "Texte.\n\n{% for i in (1..90000) %}{{ 'vingt caractères ici' }}{% endfor %}\n"
    assert_refused(
        refused(tmp_path, {"pages/piege.md": page(PAGE, body)}),
        "pages/piege.md:7: le texte produit par Liquid dépasse "
        f"{N(limits.LIQUID_OUTPUT_CHARACTERS)} caractères — raccourcissez les boucles et "
        "les inclusions de la page",
    )


def test_a_variable_doubled_until_it_is_huge_is_refused(tmp_path):
    body = "Texte.\n\n{% assign s = 'xxxxxxxxxx' %}\n" + "{% assign s = s | append: s %}\n" * 40
    # The first doubling past the bound, each on its own line after the first assign's (7).
    past = next(k for k in itertools.count(1) if 10 * 2**k > limits.LIQUID_LOCALS_SIZE)
    assert_refused(
        refused(tmp_path, {"pages/piege.md": page(PAGE, body)}),
        f"pages/piege.md:{7 + past}: "
        "les variables créées par {% assign %} et {% capture %} sont trop grosses — "
        "gardez-y des valeurs courtes",
    )


def test_a_deeply_nested_list_in_a_body_is_refused(tmp_path):
    files = {"pages/piege.md": page(PAGE, "Texte.\n\n" + DEEP_LIST)}
    line = 7 + limits.MARKDOWN_NESTING  # the body's list starts on line 7, at depth 1
    assert_refused(refused(tmp_path, files), f"pages/piege.md:{line}: {NESTING}")


def test_a_deeply_nested_quote_in_a_body_is_refused(tmp_path):
    files = {"pages/piege.md": page(PAGE, "Texte.\n\n" + ">" * 5000 + " x\n")}
    assert_refused(refused(tmp_path, files), f"pages/piege.md:7: {NESTING}")


def test_a_deeply_nested_include_is_refused_at_its_own_line(tmp_path):
    files = {
        "pages/_includes/liste.md": "Liste :\n" + DEEP_LIST,
        "pages/piege.md": page(PAGE, "Texte.\n\n{% include liste.md %}\n"),
    }
    line = 2 + limits.MARKDOWN_NESTING  # the list starts on line 2, at depth 1
    assert_refused(refused(tmp_path, files), f"pages/_includes/liste.md:{line}: {NESTING}")


def test_a_deeply_nested_markdown_field_is_refused(tmp_path):
    quotes = "".join("  " + "> " * level + "x\n" for level in range(100))
    files = {"content/defis/2017-09-28-piege.md": page("title: Piège\ndescription: |\n" + quotes)}
    line = 4 + limits.MARKDOWN_NESTING + 1  # the text starts on line 4, at depth 0
    assert_refused(refused(tmp_path, files), f"content/defis/2017-09-28-piege.md:{line}: {NESTING}")


def test_lists_nested_up_to_the_limit_build(build):
    nested = "".join("    " * level + "- x\n" for level in range(limits.MARKDOWN_NESTING))
    result = build({"pages/liste.md": page(PAGE, nested)})
    assert result.returncode == 0, result.log
    html = result.html("liste/index.html")
    assert len(html.select("ul")) == limits.MARKDOWN_NESTING


def test_the_editors_guide_gives_the_watchdog_time_the_site_sets():
    seconds = jekyll_config.load(site_content.settings()).read_seconds
    guide = (ROOT / "docs" / "editeurs" / "limites.md").read_text(encoding="utf-8")
    assert f"**{seconds} secondes** au plus" in guide
    assert f"a duré plus de {seconds} s : elle est arrêtée" in guide


@pytest.mark.slow
def test_a_file_that_reads_too_long_is_stopped_by_the_watchdog(tmp_path):
    files = {"pages/piege.md": page(PAGE, SLOW_BODY)}
    jekyll = {**FIXTURE_SETTINGS["JEKYLL_COMPAT"], "read_seconds": QUICK_WATCHDOG}
    assert_refused(
        refused(tmp_path, files, JEKYLL_COMPAT=jekyll),
        f"pages/piege.md: la lecture de ce fichier a duré plus de {QUICK_WATCHDOG} s : "
        f"elle est arrêtée — {WATCHDOG_FIX}",
    )


@pytest.mark.slow
def test_a_file_that_needs_too_much_memory_is_stopped_by_the_watchdog(tmp_path):
    # reverse makes its whole list (in C, so quickly) before Liquid's loop or output bounds
    # can see it: the memory bound trips long before the time bound, even on a loaded machine.
    files = {"pages/piege.md": page(PAGE, "Texte.\n\n{{ (1..100000000) | reverse | first }}\n")}
    assert_refused(
        refused(tmp_path, files),
        f"pages/piege.md: la lecture de ce fichier demande plus de {limits.READ_MEMORY_MB} Mo "
        f"de mémoire — {WATCHDOG_FIX}",
    )


@pytest.mark.slow
def test_make_serve_rebuilds_once_a_hostile_file_is_deleted(tmp_path):
    with make_serve(tmp_path, prepare=quick_watchdog) as served:
        assert wait_for(served.url + "/cgu/", "Conditions générales"), served.output()
        hostile = served.site / "pages" / "piege.md"
        hostile.write_text(page(PAGE, SLOW_BODY), encoding="utf-8")
        stopped = f"pages/piege.md: la lecture de ce fichier a duré plus de {QUICK_WATCHDOG} s"
        assert wait_until(lambda: stopped in served.output()), served.output()
        assert wait_until(lambda: "Erreur : le site servi reste" in served.output())
        hostile.unlink()
        cgu = served.site / "pages" / "cgu.md"
        cgu.write_text(cgu.read_text(encoding="utf-8") + "\nRéparé.\n", encoding="utf-8")
        assert wait_for(served.url + "/cgu/", "Réparé."), served.output()
        # The new site is in place a moment before `make serve` says so.
        rebuilt = "Site reconstruit : les pages ouvertes se rechargent."
        assert wait_until(lambda: rebuilt in served.output().split(stopped, 1)[1]), served.output()


def test_a_build_that_does_not_answer_in_time_is_killed_and_the_next_starts_afresh(tmp_path):
    site = copy_real_project(tmp_path / "site")
    log_path = tmp_path / "worker.log"
    with log_path.open("w") as log:
        # No build answers in a hundredth of a second: the worker is killed mid-build.
        worker = BuildWorker("pelicanconf.py", cwd=site, log=log, timeout=0.01)
        try:
            assert worker.build() != 0
            assert not (site / "output" / "index.html").exists()
            worker.timeout = 120
            assert worker.build() == 0
            assert (site / "output" / "index.html").is_file()
        finally:
            worker.stop()
    assert (
        "Erreur : la construction n'a pas abouti en 0.01 s ; elle est arrêtée, et la "
        "suivante repart d'un nouveau processus." in log_path.read_text(encoding="utf-8")
    )
