"""Every address the build writes is claimed once: a redirect, a permalink or a menu link
that names another source's file stops the build, naming both sides."""

import runpy

import pytest
from conftest import (
    ROOT,
    assert_fails_with,
    at_moment,
    build_real_site,
    copy_real_site,
    module_folder,
    page,
)

SETTINGS = runpy.run_path(str(ROOT / "pelicanconf.py"))
FAQ_PAGE = "pages/faq.md"


@pytest.fixture(scope="module")
def written(real_site):
    """The files a normal build of the real site writes (relative paths), while the call is
    open: as the tests below build it."""
    return real_site.files()


def _owned_files(written):
    """(address, who writes it) for files that are no page: derived from settings and output."""
    calendar = SETTINGS["APPLICATION_CALL"]["calendar_save_as"]
    stylesheet = next(f for f in sorted(written) if f.startswith("static/css/site."))
    nginx = SETTINGS["DEPLOY_RULES"]["nginx_dir"]
    admin = SETTINGS["DECAP_CMS"]["path"]
    return [
        (f"/{stylesheet}", "static/css/site.css"),
        ("/robots.txt", "gabarit robots.txt (TEMPLATE_PAGES)"),
        ("/sitemap.xml", "sitemap.xml (SITEMAP)"),
        (f"/{calendar}", f"{calendar} (APPLICATION_CALL)"),
        ("/_headers", "_headers (DEPLOY_RULES)"),
        ("/_redirects", "_redirects (DEPLOY_RULES)"),
        (f"/{nginx}/server.conf", f"{nginx}/server.conf (DEPLOY_RULES)"),
        (f"/{admin}config.yml", "l'espace éditeurs"),
    ]


def _with_front(site, rel, line):
    path = site / rel
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("---\n", f"---\n{line}\n", 1), encoding="utf-8")


def _clash_line(address, page_rel, other):
    sources = " et ".join(sorted([page_rel, other]))
    return (
        f"{page_rel}: 2 fichiers donnent la même adresse {address} : {sources} — cette adresse "
        f"est déjà celle de {other}, que le site écrit : changez le `permalink:` ou le "
        f"`redirect_from:` de {page_rel}"
    )


def test_each_file_the_build_writes_exists(written):
    for address, _ in _owned_files(written):
        assert address.lstrip("/") in written, address


def _redirecting_page(index):
    """The page of the copy whose redirect_from names the index-th owned file."""
    return FAQ_PAGE if index == 0 else f"pages/vers-fichier-{index}.md"


@pytest.fixture(scope="module")
def redirects_onto_written_files(request, written):
    """One build of a copy where each owned file is named by the redirect_from of a page of
    its own (the FAQ's, then new pages): each clash is told on its own line, naming its page."""
    with module_folder(request, "redirects-onto-files") as folder:
        site = copy_real_site(folder, plugins=False)
        owned = _owned_files(written)
        for index, (address, _) in enumerate(owned):
            rel = _redirecting_page(index)
            if index:
                (site / rel).write_text(page(f"layout: page\ntitle: Page {index}\n"), "utf-8")
            _with_front(site, rel, f"redirect_from: {address}")
        result = build_real_site(site, env=at_moment("open"))
        lines = [
            _clash_line(address, _redirecting_page(index), owner)
            for index, (address, owner) in enumerate(owned)
        ]
        yield result, lines


@pytest.mark.parametrize("index", range(8))
def test_a_redirect_onto_a_written_file_names_both(redirects_onto_written_files, index):
    result, lines = redirects_onto_written_files
    assert result.returncode == 1, result.log
    assert lines[index] in result.error_lines(), result.log


def test_the_redirects_onto_written_files_are_told_once_each_and_stop_the_build(
    redirects_onto_written_files,
):
    result, lines = redirects_onto_written_files
    assert len(lines) == 8
    assert_fails_with(result, *sorted(lines))


def test_a_permalink_onto_robots_txt_names_both(tmp_path):
    site = copy_real_site(tmp_path / "site", plugins=False)
    new = "pages/robots.md"
    (site / new).write_text(
        page("layout: page\ntitle: Robots\npermalink: /robots.txt\n"), encoding="utf-8"
    )
    result = build_real_site(site, env=at_moment("open"))
    assert_fails_with(
        result, _clash_line("/robots.txt", new, "gabarit robots.txt (TEMPLATE_PAGES)")
    )


def test_a_page_whose_address_is_a_static_file_names_both(strict_build):
    result = strict_build(
        {
            "static/x.txt": "texte\n",
            "pages/x.md": page("layout: page\ntitle: X\npermalink: /static/x.txt\n"),
        },
        STATIC_PATHS=["static"],
    )
    assert_fails_with(result, _clash_line("/static/x.txt", "pages/x.md", "static/x.txt"))


@pytest.mark.parametrize("old", ["/a;b/", '/a"b/', "/a b/", "/a<b>/", "/a{b}/"])
def test_a_redirect_with_a_character_of_server_rules_is_told_at_its_line(build, old):
    quoted = old.replace("\\", "\\\\").replace('"', '\\"')
    result = build({"pages/x.md": page(f'layout: page\ntitle: X\nredirect_from: ["{quoted}"]\n')})
    odd = sorted(set(old) - set("/ab"))
    shown = ", ".join("une espace" if ch == " " else f"« {ch} »" for ch in odd)
    assert_fails_with(
        result,
        f"pages/x.md:4: ancienne adresse refusée : « {old} » contient {shown} — n'y gardez "
        "que lettres sans accent, chiffres, / - _ . ~ et les codes %XX (une espace s'écrit "
        "%20, « é » %C3%A9)",
    )


def _menu_entry_with_a_page():
    """A (label, url, source) of NAVIGATION whose page is a file of pages/ (pretty URL)."""
    for label, url in reversed(SETTINGS["NAVIGATION"]):
        source = ROOT / "pages" / f"{url.strip('/')}.md"
        if url and source.is_file():
            return label, url, source.relative_to(ROOT).as_posix()
    raise AssertionError("no menu entry leads to a page of pages/")


def test_deleting_a_page_of_the_menu_fails_the_build_naming_the_setting(tmp_path):
    label, url, source = _menu_entry_with_a_page()
    site = copy_real_site(tmp_path / "site", plugins=False)
    (site / source).unlink()
    # Pages that link to it in their text are told too: keep only the menu's message.
    result = build_real_site(site, env=at_moment("open"))
    assert result.returncode == 1
    assert "Traceback" not in result.log
    line = next(
        n
        for n, text in enumerate((site / "pelicanconf.py").read_text().splitlines(), 1)
        if text.startswith("NAVIGATION =")
    )
    assert (
        f"pelicanconf.py:{line}: le lien « {label} » du réglage NAVIGATION mène à /{url}, "
        "qu'aucune page du site ne construit — créez la page de cette adresse, ou corrigez "
        "ou retirez ce lien de NAVIGATION"
    ) in result.error_lines()
    assert result.files() == set()


def test_a_footer_link_to_no_page_is_told(tmp_path):
    from conftest import build_real_site_with

    result = build_real_site_with(
        tmp_path, 'FOOTER_LINKS = [*FOOTER_LINKS, ("Presse", "presse/")]\n'
    )
    assert result.returncode == 1
    assert any(
        "le lien « Presse » du réglage FOOTER_LINKS mène à /presse/" in line
        for line in result.error_lines()
    )
    assert result.files() == set()
