"""The purge of DSFR's CSS (scripts/css_purge.py) and what it left in static/dsfr/.

The pure function is tested on small inputs; then the real site, built in every state
of the call and with the public settings, must find a rule for each DSFR class it uses.
"""

import re
from pathlib import Path

import css_purge
import css_selectors
import dsfr_css
import pytest
import vendor_dsfr
from parsed_pages import attribute_text, parse_file

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_CSS = ROOT / "static" / "dsfr" / "dsfr.min.css"

# DSFR classes the markup carries for structure only: DSFR itself has no rule for them.
STYLELESS_DSFR_CLASSES = {
    "fr-footer__content-item",  # 1.15: the list and the links are styled, not the items
    "fr-summary__list",  # 1.15: styled as `.fr-summary ol`, the class has no rule of its own
}


def purge(css, html, extra_css=""):
    return css_purge.purge_css(css, css_selectors.html_elements(html), extra_css=extra_css)


# --- the pure function ------------------------------------------------------------------


def test_rules_whose_class_no_element_has_are_dropped():
    html = '<p class="fr-a">x</p>'
    assert purge(".fr-a{color:red}.fr-b{color:blue}", html) == ".fr-a{color:red}\n"


def test_unused_selectors_are_dropped_from_a_kept_list():
    html = '<p class="fr-a">x</p>'
    assert purge(".fr-b,.fr-a,.fr-c p{color:red}", html) == ".fr-a{color:red}\n"


def test_a_compound_needs_one_element_with_all_its_classes():
    html = '<p class="fr-a">x</p><p class="fr-b">y</p><p class="fr-a fr-c">z</p>'
    css = ".fr-a.fr-b{color:red}.fr-a.fr-c{color:blue}"
    assert purge(css, html) == ".fr-a.fr-c{color:blue}\n"


def test_every_compound_of_a_complex_selector_must_exist():
    html = '<nav class="fr-nav"><a href="/">x</a></nav>'
    css = ".fr-nav a{color:red}.fr-footer a{color:blue}.fr-nav>ul{color:green}"
    assert purge(css, html) == ".fr-nav a{color:red}\n"


def test_ids_and_element_names_count():
    html = '<main id="contenu"><h2>x</h2></main>'
    css = "#contenu{a:1}#absent{a:2}h2{a:3}h3{a:4}*{a:5}"
    assert purge(css, html) == "#contenu{a:1}h2{a:3}*{a:5}\n"


def test_user_state_pseudo_classes_and_pseudo_elements_are_assumed_to_match():
    html = '<a class="fr-link" href="/">x</a><div id="m" popover>y</div>'
    css = (
        ".fr-link:hover{a:1}.fr-link:focus-visible{a:2}.fr-link::before{a:3}"
        "[popover]:popover-open{a:4}.fr-link:not(.fr-x){a:5}.fr-x:hover{a:6}"
    )
    assert purge(css, html) == (
        ".fr-link:hover{a:1}.fr-link:focus-visible{a:2}.fr-link::before{a:3}"
        "[popover]:popover-open{a:4}.fr-link:not(.fr-x){a:5}\n"
    )


@pytest.mark.parametrize(
    ("selector", "kept"),
    [
        ("[class^=fr-icon-]", False),
        ('[class*=" fr-btn--"]', True),
        ("[href]", True),
        ('[href^="http"]', True),
        ("[target=_blank]", False),
        ("[aria-current]", True),
        ('[aria-current="page"]', True),
        ('[aria-current="step"]', False),
        ('a[href$=".pdf" i]', False),
        ("[lang|=fr]", True),
        ("[data-fr-js-header]", False),
    ],
)
def test_attribute_selectors_are_read_against_the_pages(selector, kept):
    html = (
        '<html lang="fr-FR"><a class="fr-btn fr-btn--sm" href="https://x.example" '
        'aria-current="page">x</a></html>'
    )
    out = purge(f"{selector}{{color:red}}", html)
    assert (out.strip() != "") is kept, out


@pytest.mark.parametrize(
    ("selector", "kept"),
    [
        (":is(.fr-a,.fr-x) p", True),
        (":where(.fr-x,.fr-y){}", False),
        (".fr-a:is(p,span)", True),
        (".fr-a:is(div)", False),
        (".fr-a:where(.fr-b .fr-a)", True),
        (".fr-a:where(.fr-x .fr-a)", False),
        (".fr-a:has(> .fr-b)", True),
        (".fr-a:has(.fr-x)", False),
        (":not(.fr-x) > .fr-b", True),
    ],
)
def test_selector_arguments_are_followed(selector, kept):
    html = '<div class="fr-b"><p class="fr-a">x<span class="fr-b">y</span></p></div>'
    out = purge(f"{selector.removesuffix('{}')}{{color:red}}", html)
    assert (out.strip() != "") is kept, out


def test_at_rules_keep_their_surviving_rules_and_vanish_when_empty():
    html = '<p class="fr-a">x</p>'
    css = (
        "@media (min-width:48em){.fr-a{a:1}.fr-b{a:2}}@media print{.fr-b{a:3}}"
        "@supports (display:grid){@media screen{.fr-a{a:4}}}"
    )
    assert purge(css, html) == (
        "@media (min-width:48em){.fr-a{a:1}}@supports (display:grid){@media screen{.fr-a{a:4}}}\n"
    )


def test_custom_properties_are_kept_only_when_a_kept_rule_or_the_site_reads_them():
    html = '<p class="fr-a">x</p>'
    css = (
        ":root{--a:var(--b);--b:red;--c:blue;--d:green;--e:pink}"
        ".fr-a{color:var(--a)}.fr-x{color:var(--c)}"
    )
    out = purge(css, html, extra_css=".eig{border-color:var(--d)}")
    assert out == ":root{--a:var(--b);--b:red;--d:green}.fr-a{color:var(--a)}\n"


def test_fonts_are_kept_for_the_families_weights_and_styles_in_use():
    faces = "".join(
        f"@font-face{{font-family:{family};font-style:{style};font-weight:{weight};"
        f"src:url({family}-{weight}-{style}.woff2)}}"
        for family in ("M", "S")
        for weight in (300, 400, 700)
        for style in ("normal", "italic")
    )
    html = '<p class="fr-a">x <strong>y</strong></p>'
    css = faces + ".fr-a{font-family:M,sans-serif}.fr-x{font-family:S;font-weight:300}"
    out = purge(css, html)
    assert re.findall(r"url\(([^)]*)\)", out) == ["M-400-normal.woff2", "M-700-normal.woff2"]


def test_italic_faces_are_kept_when_a_page_has_emphasis():
    css = (
        "@font-face{font-family:M;font-style:italic;font-weight:400;src:url(i.woff2)}"
        "body{font-family:M}"
    )
    assert "i.woff2" in purge(css, "<p><em>x</em></p>")
    assert "i.woff2" not in purge(css, "<p>x</p>")


def test_unused_keyframes_are_dropped():
    html = '<p class="fr-a">x</p>'
    css = "@keyframes spin{0%{a:1}to{a:2}}@keyframes fade{0%{a:1}}.fr-a{animation:spin 1s}"
    assert purge(css, html) == "@keyframes spin{0%{a:1}to{a:2}}.fr-a{animation:spin 1s}\n"


def test_banner_and_charset_stay_on_top():
    css = '@charset "UTF-8";/*! DSFR licence */\n.fr-a{a:1}.fr-b{a:2}'
    assert (
        purge(css, '<p class="fr-a"></p>') == '@charset "UTF-8";/*! DSFR licence */\n.fr-a{a:1}\n'
    )


def test_purge_is_deterministic():
    html = '<p class="fr-a fr-b" id="x">x</p><a href="/">y</a>'
    css = ":root{--a:1;--b:2}.fr-a,#x,a[href]{color:var(--a)}.fr-b{color:var(--b)}"
    assert len({purge(css, html) for _ in range(3)}) == 1


def test_escaped_class_names_are_read_unescaped():
    assert (
        purge(r".fr-col-md\:6{a:1}", '<p class="fr-col-md:6"></p>') == r".fr-col-md\:6{a:1}" + "\n"
    )


def test_call_moments_fall_before_during_and_after_the_call():
    upcoming, open_, closed = vendor_dsfr.call_moments(
        {
            "TIMEZONE": "Europe/Paris",
            "CALL_OPENS": "2017-09-27T00:00",
            "CALL_CLOSES": "2017-10-27T23:59",
        }
    )
    opens, closes = 1506463200, 1509141540  # 2017-09-27T00:00 and 2017-10-27T23:59, Paris
    assert upcoming < opens <= open_ < closes < closed


# --- the shipped CSS against the built pages -------------------------------------------


@pytest.fixture(scope="module")
def used_dsfr_classes(real_site, upcoming_site, closed_site, published_site):
    """{class: a page using it} for every fr- class of every built page, in every build,
    as a browser reads the pages (Lexbor's trees, parsed once for the session's tests)."""
    used = {}
    for build in (upcoming_site, real_site, closed_site, published_site):
        for page in sorted(build.output.rglob("*.html")):
            for element in parse_file(page, "lexbor").css("[class]"):
                for name in attribute_text(element, "class").split():
                    if name.startswith("fr-"):
                        used.setdefault(name, page.relative_to(build.output).as_posix())
    return used


def test_every_dsfr_class_of_the_pages_has_a_rule_in_the_shipped_css(used_dsfr_classes):
    defined = dsfr_css.defined_classes(SHIPPED_CSS.read_text(encoding="utf-8"))
    missing = {
        name: page
        for name, page in sorted(used_dsfr_classes.items())
        if name not in defined and name not in STYLELESS_DSFR_CLASSES
    }
    assert not missing, (
        "DSFR classes used by the pages but purged from static/dsfr/dsfr.min.css: "
        + ", ".join(f"{name} (in {page})" for name, page in missing.items())
        + ". Rerun `.venv/bin/python scripts/vendor_dsfr.py` and commit static/dsfr/."
    )


def test_the_styleless_allowlist_is_still_used_and_still_styleless(used_dsfr_classes):
    defined = dsfr_css.defined_classes(SHIPPED_CSS.read_text(encoding="utf-8"))
    assert set(used_dsfr_classes) >= STYLELESS_DSFR_CLASSES
    assert not STYLELESS_DSFR_CLASSES & defined
