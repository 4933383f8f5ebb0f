"""Issue 18 in Chromium: the privacy page from the three screens in both languages, no request
to another origin from any page (the CSP's connect-src is 'self' alone and the websocket still
connects), no cookie, and downloads without names from the facilitator page."""

import csv
import io
import json
import re
import zipfile
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import (
    LAPTOP,
    PHONE,
    PROJECTOR,
    create_by_api,
    join_phone,
    no_page_errors,
    open_page,
    set_phase,
)

pytestmark = pytest.mark.browser

NAMES = ("Anna Jansen", "Bram de Vries")


def _opened_from(page, link_test_id: str):
    """Click a link that opens a new tab and return that tab, loaded."""
    with page.context.expect_page() as opened:
        page.get_by_test_id(link_test_id).click()
    tab = opened.value
    tab.wait_for_load_state()
    return tab


def test_the_privacy_page_is_reachable_from_the_three_screens_in_both_languages(
        browser, console, live_server, screenshot):
    created = create_by_api(live_server, title="Privacy")

    start = open_page(browser, console, "pv-start", **LAPTOP)
    start.goto(f"{live_server}/")
    start.get_by_test_id("privacy-link").click()
    expect(start).to_have_url(f"{live_server}/privacy")
    expect(start.locator("h1")).to_have_text("Privacy")
    expect(start.get_by_test_id("privacy-page")).to_contain_text("Wat de server bewaart")
    expect(start.get_by_test_id("privacy-retention")).to_contain_text("90 dagen")
    expect(start.get_by_test_id("privacy-location")).to_contain_text(live_server)
    screenshot(start, "privacy-nl")
    start.get_by_role("link", name="EN", exact=True).click()  # the language switch of every page
    expect(start.get_by_test_id("privacy-page")).to_contain_text("What the server keeps")
    expect(start.get_by_test_id("privacy-retention")).to_contain_text("90 days")
    screenshot(start, "privacy-en")

    phone = open_page(browser, console, "pv-phone", **PHONE)
    phone.goto(f"{live_server}/j/{created['code']}?lang=en")
    expect(phone.get_by_test_id("privacy-link")).to_have_text(
        "Privacy: what happens to what you enter")
    phone.get_by_test_id("privacy-link").click()
    expect(phone).to_have_url(f"{live_server}/privacy")
    expect(phone.get_by_test_id("privacy-page")).to_contain_text("Who sees what")
    phone.go_back()  # back on the join screen, the code from the QR link still filled in
    expect(phone.get_by_test_id("code")).to_have_value(created["code"])

    facilitator = open_page(browser, console, "pv-facilitator", **LAPTOP)
    facilitator.goto(created["facilitator_url"])
    expect(facilitator.get_by_test_id("dashboard")).to_be_visible()
    tab = _opened_from(facilitator, "privacy-link")
    expect(tab).to_have_url(f"{live_server}/privacy")
    expect(tab.get_by_test_id("privacy-page")).to_contain_text("Wie ziet wat")
    expect(facilitator.get_by_test_id("dashboard")).to_be_visible()  # the session stays open

    assert no_page_errors(console, "pv-") == []
    for page in (start, phone, facilitator):
        page.context.close()


def _recorded(browser, console, label: str, seen: list, sockets: list, **options):
    """A page whose context reports every request and websocket, of popups too."""
    context = browser.new_context(locale="nl-NL", **options)
    context.on("request", lambda request: seen.append((label, request.url)))
    context.on("page", lambda page: page.on(
        "websocket", lambda socket: sockets.append((label, socket.url))))
    page = context.new_page()
    page.on("console", lambda message: console.append((label, message.type, message.text)))
    page.on("pageerror", lambda error: console.append((label, "pageerror", str(error))))
    return page


def test_no_page_asks_another_origin_and_the_websocket_connects_under_connect_src_self(
        browser, console, live_server):
    seen: list[tuple[str, str]] = []
    sockets: list[tuple[str, str]] = []
    facilitator = _recorded(browser, console, "pvo-facilitator", seen, sockets, **LAPTOP)
    facilitator.goto(f"{live_server}/")
    facilitator.get_by_test_id("title").fill("Overal dezelfde server")
    facilitator.get_by_test_id("create").click()
    facilitator.wait_for_url(re.compile(r"/w/[0-9a-f]+/facilitate"))
    # the code and the projector's link are drawn once the state has arrived over the socket
    expect(facilitator.get_by_test_id("join-code")).to_have_text(
        re.compile(r"^[A-Z0-9]{3} [A-Z0-9]{3}$"))
    code = facilitator.get_by_test_id("join-code").inner_text().replace(" ", "")

    presenter = _recorded(browser, console, "pvo-presenter", seen, sockets, **PROJECTOR)
    presenter.goto(facilitator.get_by_test_id("presenter-link").get_attribute("href"))
    expect(presenter.get_by_test_id("screen")).to_be_visible()

    phone = _recorded(browser, console, "pvo-phone", seen, sockets, **PHONE)
    phone.goto(f"{live_server}/j/{code}")
    phone.get_by_test_id("name").fill(NAMES[0])
    phone.get_by_test_id("join").click()
    expect(phone.get_by_test_id("me-name")).to_have_text(NAMES[0])
    set_phase(facilitator, "reflect")
    phone.get_by_test_id("value-text").fill("Vertrouwen")
    phone.get_by_test_id("value-add").click()
    expect(phone.get_by_test_id("value-item")).to_have_count(1)
    expect(facilitator.get_by_test_id("progress")).to_contain_text("1 waarden")
    phone.goto(f"{live_server}/privacy")
    expect(phone.get_by_test_id("privacy-page")).to_be_visible()

    with facilitator.expect_download() as download:
        facilitator.get_by_test_id("export-md").click()
    assert download.value.suggested_filename.endswith(".md")
    summary = _opened_from(facilitator, "open-summary")
    expect(summary.locator("h1")).to_have_text("Overal dezelfde server")

    origin = urlsplit(live_server)
    foreign = [(label, url) for label, url in seen
               if urlsplit(url).scheme not in ("data", "blob")
               and (urlsplit(url).scheme, urlsplit(url).netloc) != (origin.scheme, origin.netloc)]
    assert foreign == []
    assert len(seen) > 20  # pages, styles, scripts, socket.io polling, the export, the summary
    # each live screen opened its websocket to this server, so connect-src 'self' covers ws:
    assert {label for label, _ in sockets} >= {"pvo-facilitator", "pvo-presenter", "pvo-phone"}
    assert all(urlsplit(url).scheme == "ws" and urlsplit(url).netloc == origin.netloc
               for _, url in sockets)
    assert no_page_errors(console, "pvo-") == []  # no CSP violation either
    for page in (facilitator, presenter, phone):
        # the privacy page's claim: no cookie at all unless someone picks a language
        assert page.context.cookies() == []
    keys = phone.evaluate("Object.keys(window.localStorage)")
    assert "mk:phone" in keys and all(k in ("mk:phone", "mk:join-id")
                                      or k.startswith("mk:outbox:") for k in keys)
    for page in (facilitator, presenter, phone):
        page.context.close()


def _csv_mentors(path) -> set[str]:
    with zipfile.ZipFile(path) as archive:
        rows = csv.DictReader(io.StringIO(archive.read("waarden.csv").decode("utf-8-sig")),
                              delimiter=";")
        return {row["mentor"] for row in rows}


def test_the_facilitator_downloads_without_names(browser, console, live_server, screenshot):
    created = create_by_api(live_server, title="Zonder namen")
    facilitator = open_page(browser, console, "pvx-facilitator", **LAPTOP)
    facilitator.goto(created["facilitator_url"])
    phones = [join_phone(browser, console, live_server, created["code"], name, f"pvx-{i}")
              for i, name in enumerate(NAMES)]
    set_phase(facilitator, "reflect")
    for phone, text in zip(phones, ("Geduld", "Humor"), strict=True):
        expect(phone.page.get_by_test_id("no-names-hint")).to_have_text(
            "Schrijf geen namen van leerlingen of collega's op.")
        phone.page.get_by_test_id("value-text").fill(text)
        phone.page.get_by_test_id("value-add").click()
    expect(facilitator.get_by_test_id("progress")).to_contain_text("2 waarden")

    def download(format_: str):
        with facilitator.expect_download() as started:
            facilitator.get_by_test_id(f"export-{format_}").click()
        return started.value.path()

    assert _csv_mentors(download("csv")) == set(NAMES)  # the default keeps the names
    facilitator.get_by_test_id("export-no-names").check()
    screenshot(facilitator, "facilitator-exports-no-names")
    assert _csv_mentors(download("csv")) == {"Mentor 1", "Mentor 2"}
    document = json.loads(download("json").read_text(encoding="utf-8"))
    assert [p["name"] for p in document["participants"]] == ["", ""]
    assert not any(name in download("md").read_text(encoding="utf-8") for name in NAMES)
    summary = _opened_from(facilitator, "open-summary")
    expect(summary.locator("h1")).to_have_text("Zonder namen")
    expect(summary.locator("main")).to_contain_text("2 mentoren")
    assert not any(name in summary.content() for name in NAMES)
    for page in [facilitator] + [phone.page for phone in phones]:
        page.context.close()


def test_an_anonymous_workshop_shows_its_downloads_are_nameless(browser, console, live_server):
    created = create_by_api(live_server, title="Anoniem", anonymous=True)
    facilitator = open_page(browser, console, "pvx-anonymous", **LAPTOP)
    facilitator.goto(created["facilitator_url"])
    choice = facilitator.get_by_test_id("export-no-names")
    expect(choice).to_be_checked()
    expect(choice).to_be_disabled()
    expect(facilitator.get_by_test_id("export-anonymous")).to_be_visible()
    expect(facilitator.get_by_test_id("export-names-hint")).to_be_hidden()
    facilitator.context.close()
