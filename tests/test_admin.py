"""The editors' back office at /admin/ (plugins/decap_admin, Decap CMS, `make cms`)."""

import contextlib
import re
import socket
import subprocess
import sys

import pytest
import site_content
import yaml
from browser import PageWatch, block_other_hosts, in_own_thread, launch
from cms import answers
from conftest import (
    ROOT,
    build_real_site,
    build_real_site_with,
    copy_real_project,
    module_folder,
    run_command,
)
from content_schema.schema import LIST, SCHEMAS, WORDS
from pelican.settings import read_settings
from playwright.sync_api import expect, sync_playwright
from serving import free_port, get, make_serve, wait_for, wait_until

SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))["DECAP_CMS"]
ADMIN = SETTINGS["path"]
# A challenge of the content, one without `lieu` if there is one: the test sets it.
_EDITED = next((c for c in site_content.challenges() if not c.place), site_content.challenges()[0])
CHALLENGE = _EDITED.source
NEW_PLACE = "Lieu modifié par le test (00)"


def config(build):
    return yaml.safe_load((build.output / ADMIN / "config.yml").read_text(encoding="utf-8"))


def csp(soup):
    return soup.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]


def directives(policy):
    return dict(d.split(" ", 1) for d in policy.split("; "))


def split_file(text):
    """(front matter as data, body text) of a Jekyll file."""
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


# -- config.yml is the content schema ------------------------------------------------


@pytest.mark.parametrize("kind", list(SETTINGS["collections"]))
def test_each_form_field_is_a_key_of_the_content_schema(real_site, kind):
    schema = SCHEMAS[kind]
    name = SETTINGS["collections"][kind]["name"]
    collection = next(c for c in config(real_site)["collections"] if c["name"] == name)
    assert collection["folder"] == schema.folder
    assert collection["format"] == "frontmatter" and collection["extension"] == "md"
    *fields, body = collection["fields"]
    assert body["name"] == "body" and body["widget"] == "markdown"
    assert [f["name"] for f in fields] == [f.name for f in schema.fields]
    for field, declared in zip(fields, schema.fields, strict=True):
        assert field["label"] == declared.label and field["hint"] == declared.help
        may_be_empty = declared.type in (LIST, WORDS)
        assert field["required"] == (declared.required and not may_be_empty), declared.name
        if declared.choices:
            assert field["widget"] == "select" and field["options"] == list(declared.choices)
        if declared.minimum is not None:
            assert field["min"] == declared.minimum
        if declared.default is not None:
            assert field["default"] == declared.default


def test_a_new_challenge_is_published_unless_the_editor_says_otherwise(real_site):
    # Decap writes an untouched switch as false: a draft, never published.
    fields = config(real_site)["collections"][0]["fields"]
    assert next(f for f in fields if f["name"] == "published")["default"] is True


def test_dates_are_not_filled_in_with_today(real_site):
    fields = config(real_site)["collections"][0]["fields"]
    date = next(f for f in fields if f["name"] == "date")
    assert date["default"] == "" and date["format"] == "YYYY-MM-DD"


def test_backend_comes_from_the_settings(real_site, published_site):
    development, public = config(real_site), config(published_site)
    for key in ("name", "repo", "branch", "base_url", "auth_endpoint"):
        assert development["backend"][key] == public["backend"][key] == SETTINGS["backend"][key]
    assert development["local_backend"] == {"url": SETTINGS["local_backend"]}
    # The public back office never looks for a decap-server; a change there is a pull
    # request, tested by CI before it is published. Locally, saving writes the file.
    assert "local_backend" not in public
    assert public["publish_mode"] == "editorial_workflow"
    assert development["publish_mode"] == "simple"
    assert public["site_url"] == site_content.settings("publishconf.py")["SITEURL"]


# -- its page: a policy of its own, out of search engines ----------------------------


def test_the_back_office_has_its_own_policy_and_public_pages_keep_theirs(real_site, published_site):
    admin = directives(csp(real_site.html(f"{ADMIN}index.html")))
    assert admin["script-src"] == "'self' 'unsafe-eval'"
    assert "https://api.github.com" in admin["connect-src"]
    assert "http://127.0.0.1:8081" in admin["connect-src"]
    public = directives(csp(published_site.html(f"{ADMIN}index.html")))
    assert "127.0.0.1" not in public["connect-src"]
    for page in ("index.html", "candidater/index.html", _EDITED.save_as):
        assert "unsafe" not in csp(real_site.html(page)), page


def test_servers_send_the_back_office_policy_under_its_path_only(published_site):
    headers = (published_site.output / "_headers").read_text(encoding="utf-8")
    own = csp(published_site.html(f"{ADMIN}index.html")) + "; frame-ancestors 'none'"
    block = headers.split(f"/{ADMIN}*\n", 1)[1]
    assert block.startswith(f"  ! Content-Security-Policy\n  Content-Security-Policy: {own}\n")
    http_conf = (published_site.output / "_nginx" / "http.conf").read_text(encoding="utf-8")
    assert f'"~^/{ADMIN}" "{own}";' in http_conf


def test_the_back_office_is_kept_from_search_engines(published_site):
    page = published_site.html(f"{ADMIN}index.html")
    assert page.select_one('meta[name="robots"]')["content"] == "noindex, nofollow"
    robots = (published_site.output / "robots.txt").read_text(encoding="utf-8")
    assert f"Disallow: /{ADMIN}\n" in robots
    assert f"/{ADMIN}" not in (published_site.output / "sitemap.xml").read_text(encoding="utf-8")


def test_previews_use_the_sites_fingerprinted_stylesheets(real_site):
    page = real_site.html(f"{ADMIN}index.html")
    preview = page.select("script")[-1]
    styles = preview["data-styles"].split()
    assert [re.sub(r"\.[0-9a-f]{12}\.css$", ".css", s) for s in styles] == [
        "/" + s for s in SETTINGS["preview_styles"]
    ]
    for url in [*styles, preview["src"], page.select("script")[0]["src"]]:
        assert (real_site.output / url.lstrip("/")).is_file(), url


def test_decap_is_copied_into_the_output_under_its_own_names(real_site):
    source = real_site.output.parent / "static" / "decap"
    built = real_site.output / "static" / "decap"
    names = sorted(p.name for p in source.iterdir())
    assert "decap-cms.js" in names and len(names) > 100
    assert sorted(p.name for p in built.iterdir()) == names
    for name in names:
        assert (built / name).read_bytes() == (source / name).read_bytes(), name


def test_the_output_shares_no_file_with_the_working_tree(real_site):
    # A hard link would let a change to output/ reach the working tree; a symbolic
    # link would be uploaded as a link (or followed out of the project).
    site = real_site.output.parent
    tree_inodes = {
        (p.stat().st_dev, p.stat().st_ino)
        for p in site.rglob("*")
        if p.is_file() and real_site.output not in p.parents
    }
    built = list(real_site.output.rglob("*"))
    assert [p for p in built if p.is_symlink()] == []
    files = [p for p in built if p.is_file()]
    assert len(files) > 100
    shared = [p for p in files if (p.stat().st_dev, p.stat().st_ino) in tree_inodes]
    assert shared == []


def test_a_wrong_collection_stops_the_build_with_the_setting_named(tmp_path):
    line = 'DECAP_CMS = {**DECAP_CMS, "collections": {"article": {"name": "a", "label": "A"}}}\n'
    result = build_real_site_with(tmp_path, line)
    assert result.returncode == 1
    assert "Traceback" not in result.log
    assert 'DECAP_CMS["collections"]["article"] : « article » n\'est pas un type' in result.log


# -- `make cms`: an edit in the browser is a file on disk that builds ----------------


@pytest.fixture(scope="module")
def cms(request):
    """`make cms` on a copy of the project, decap-server on a free port."""
    backend = free_port()

    with (
        module_folder(request, "cms") as folder,
        make_serve(
            folder, prepare=lambda site: with_backend_on(site, backend), target="cms"
        ) as served,
    ):
        assert wait_for(f"{served.url}/{ADMIN}", "cms-config-url"), served.output()
        assert wait_until(lambda: answers("127.0.0.1", backend)), served.output()
        yield served
    assert not answers("127.0.0.1", backend), "decap-server outlived `make cms`"


@contextlib.contextmanager
def signed_in(cms):
    """A browser page on the back office, signed in to the local backend; and a function
    giving what went wrong meanwhile: console errors, CSP violations, other hosts."""
    with sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        elsewhere = block_other_hosts(context)
        page = context.new_page()
        watch = PageWatch(page)
        page.goto(f"{cms.url}/{ADMIN}")
        page.get_by_role("button", name="Se connecter").click()
        # Signed in, Decap opens the first collection: wait, or it would undo a goto.
        page.wait_for_url(re.compile(r"#/collections/"))
        yield (
            page,
            lambda: {
                "console errors": watch.console_errors,
                "CSP violations": watch.csp_violations(),
                "other hosts": elsewhere,
            },
        )
        browser.close()


def field(page, name, kind="defi"):
    """The form field of a schema key (Decap adds « (optionnel) » to some labels)."""
    return page.get_by_label(re.compile("^" + re.escape(SCHEMAS[kind].field(name).label) + r"\b"))


def wait_in_browser(page, condition, seconds=60):
    """Poll `condition` while the browser works: Playwright runs this test's route
    handler (other hosts blocked) only while the test waits in a Playwright call."""
    for _ in range(seconds * 5):
        if value := condition():
            return value
        page.wait_for_timeout(200)
    return condition()


def publish(page):
    page.get_by_role("button", name="Publier", exact=True).click()
    page.get_by_text("Publier maintenant").click()


def clean_build(site):
    """The site of `site` builds with no warning and no error."""
    result = build_real_site(site)
    assert result.returncode == 0, result.log
    assert "WARNING" not in result.log and "ERROR" not in result.log, result.log


def link_node_tools(site):
    """npm's tools of the working tree in a copy, linked one by one, with the copy's own mark
    that they are installed (the Makefile's NODE_TOOLS): `make cms` there never runs
    `npm ci`, which through a link to the whole node_modules/ would empty the working
    tree's while other tests use it."""
    tools = site / "node_modules"
    tools.mkdir()
    for entry in (ROOT / "node_modules").iterdir():
        if not entry.name.startswith(".installed-"):
            (tools / entry.name).symlink_to(entry)
    with (site / "package-lock.json").open("rb") as lock:
        digest = subprocess.run(["cksum"], stdin=lock, capture_output=True, check=True).stdout
    (tools / f".installed-{digest.split()[0].decode()}").touch()


def with_backend_on(site, port):
    """A copy of the project whose decap-server listens on `port`, with npm's tools."""
    link_node_tools(site)
    conf = site / "pelicanconf.py"
    url = f"http://127.0.0.1:{port}/api/v1"
    conf.write_text(
        conf.read_text(encoding="utf-8")
        + f'\nDECAP_CMS = {{**DECAP_CMS, "local_backend": "{url}"}}\n',
        encoding="utf-8",
    )


def test_make_cms_says_when_decap_servers_port_is_taken(tmp_path):
    site = copy_real_project(tmp_path / "site")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with_backend_on(site, port)
        returncode, log = run_command([sys.executable, "scripts/cms.py"], site)
    assert returncode == 1
    assert f"Erreur : le port {port} est déjà pris" in log
    assert "Traceback" not in log


def _article(soup):
    """What a challenge page shows above its text, as a reader sees it."""
    article = soup.select_one("article")
    return {
        "title": article.h1.get_text(strip=True),
        "lead": article.select_one(".fr-text--lead").get_text(strip=True),
        "facts": [n.get_text(strip=True) for n in article.select("dl.eig-facts > *")],
        "profiles": [li.get_text(strip=True) for li in article.select("ul:not(.fr-tags-group) li")],
        "skills": [t.get_text(strip=True) for t in article.select(".fr-tag")],
    }


def test_an_edit_in_the_back_office_is_saved_to_the_file_and_builds(cms, real_site):
    path = cms.site / CHALLENGE
    before_text = path.read_text(encoding="utf-8")
    before, body = split_file(before_text)
    summary = SETTINGS["collections"]["defi"]["summary"]
    entry = summary.replace("{{numero}}", str(before["numero"])).replace(
        "{{title}}", before["title"]
    )
    built = _article(real_site.html(_EDITED.save_as))
    # No live reload there: it would drop what an editor is typing.
    assert "__livereload" not in get(f"{cms.url}/{ADMIN}")[1]

    def session():
        with signed_in(cms) as (page, troubles):
            page.get_by_text(entry, exact=True).click()
            preview = page.frame_locator("iframe").first
            expect(preview.locator("article h1")).to_have_text(before["title"])
            shown = preview.locator("article").evaluate(
                """article => ({
                  title: article.querySelector("h1").textContent.trim(),
                  lead: article.querySelector(".fr-text--lead").textContent.trim(),
                  facts: [...article.querySelectorAll("dl.eig-facts > *")]
                    .map(n => n.textContent.trim()),
                  profiles: [...article.querySelectorAll("ul:not(.fr-tags-group) li")]
                    .map(n => n.textContent.trim()),
                  skills: [...article.querySelectorAll(".fr-tag")].map(n => n.textContent.trim()),
                })"""
            )
            field(page, "lieu").fill(NEW_PLACE)
            publish(page)
            saved = wait_in_browser(page, lambda: path.read_text(encoding="utf-8") != before_text)
            return shown, saved, troubles()

    shown, saved, troubles = in_own_thread(session)
    assert shown == built, "the preview differs from the built page"
    assert saved, "the file on disk did not change"
    assert troubles == {"console errors": [], "CSP violations": [], "other hosts": []}

    after, after_body = split_file(path.read_text(encoding="utf-8"))
    assert after == {**before, "lieu": NEW_PLACE}
    assert after_body == body
    # `make cms` rebuilt the page from the saved file...
    assert wait_for(f"{cms.url}{_EDITED.url}", NEW_PLACE), cms.output()
    # ...and a build of the saved copy is clean: no warning, no error.
    clean_build(cms.site)


def test_a_challenge_created_in_the_back_office_builds_and_is_listed(cms):
    title = "Défi d'essai"
    folder = cms.site / "content" / "defis"
    # Named AAAA-MM-JJ-<slug>.md by the browser's date (DECAP_CMS collection "slug").
    made = re.compile(r"\d{4}-\d{2}-\d{2}-defi-dessai\.md")

    def created_file():
        return next((p for p in folder.iterdir() if made.fullmatch(p.name)), None)

    def session():
        with signed_in(cms) as (page, troubles):
            page.goto(f"{cms.url}/{ADMIN}#/collections/defis/new")
            expect(field(page, "title")).to_be_editable()
            field(page, "title").fill(title)
            field(page, "numero").fill("16")
            field(page, "administration").fill("Ministère de l'Essai")
            # The text of the file, the form's last (rich-text) editor.
            page.locator('[data-slate-editor="true"]').last.click()
            page.keyboard.type("Le problème, en quelques mots.")
            publish(page)
            return wait_in_browser(page, created_file), troubles()

    created, troubles = in_own_thread(session)
    assert created, sorted(p.name for p in folder.iterdir())
    assert troubles == {"console errors": [], "CSP violations": [], "other hosts": []}
    front, body = split_file(created.read_text(encoding="utf-8"))
    assert front["title"] == title and front["numero"] == 16 and front["published"] is True
    assert body.strip() == "Le problème, en quelques mots."
    # Listed on the rebuilt site, with its page, and the copy builds cleanly.
    assert wait_for(f"{cms.url}/defis/defi-dessai/", "Ministère de l'Essai"), cms.output()
    assert title in get(f"{cms.url}/defis/")[1].replace("&#39;", "'")
    clean_build(cms.site)
