"""Issue 2 end to end: create a workshop, join on two phones, reflect, stay the same mentor.

The module's fixtures build one session step by step (workshop → projector → phones →
reflection), each step once, so every test can also run on its own with -k. The pages stay
open across tests, as they do in a real staff room.
"""

import re
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import (
    LAPTOP,
    PHONE,
    PHONE_PAGE_BUDGET,
    PROJECTOR,
    Phone,
    create_by_api,
    open_page,
    record_transfer,
)

pytestmark = pytest.mark.browser

XSS = "<img src=x onerror=window.__xss=1>"
RECONNECT_MS = 15_000


@dataclass
class Workshop:
    """The facilitator's open page and what it shows about the workshop."""

    id: str
    code: str
    facilitator: Page


def _mentor_values(facilitator: Page, name: str):
    """The facilitator's per-mentor value count cell for `name`."""
    row = facilitator.get_by_test_id("mentor-row").filter(
        has=facilitator.get_by_test_id("mentor-name").get_by_text(name, exact=True))
    return row.get_by_test_id("mentor-values")


def _add_value(phone: Phone, text: str, why: str = "") -> None:
    phone.page.get_by_test_id("value-text").fill(text)
    phone.page.get_by_test_id("value-why").fill(why)
    phone.page.get_by_test_id("value-add").click()


def _value_item(phone: Phone, text: str):
    return phone.page.get_by_test_id("value-item").filter(
        has=phone.page.get_by_test_id("value-item-text").get_by_text(text, exact=True))


# ---- the session, built once per module --------------------------------------------------

@pytest.fixture(scope="module")
def workshop(browser, live_server, console) -> Workshop:
    """A facilitator creates a named workshop on the start page and lands on its own page."""
    page = open_page(browser, console, "facilitator", **LAPTOP)
    page.goto(f"{live_server}/")
    page.get_by_test_id("title").fill("Missie mentoraat")
    page.get_by_test_id("team").fill("Mentoren onderbouw")
    page.get_by_test_id("create").click()
    page.wait_for_url(re.compile(r"/w/[0-9a-f]+/facilitate"))
    expect(page.get_by_test_id("join-code")).to_have_text(re.compile(r"^[A-Z0-9]{3} [A-Z0-9]{3}$"))
    code = page.get_by_test_id("join-code").inner_text().replace(" ", "")
    workshop_id = re.search(r"/w/([0-9a-f]+)/", page.url).group(1)
    yield Workshop(workshop_id, code, page)
    page.context.close()


@pytest.fixture(scope="module")
def presenter(browser, console, workshop) -> Page:
    """The projector opens its link before anyone joins, and is never reloaded."""
    page = open_page(browser, console, "presenter", **PROJECTOR)
    page.goto(workshop.facilitator.get_by_test_id("presenter-link").get_attribute("href"))
    spaced = f"{workshop.code[:3]} {workshop.code[3:]}"
    expect(page.get_by_test_id("join-code")).to_have_text(spaced)
    page.evaluate("window.__sameDocument = true")  # gone if the page ever reloads
    yield page
    page.context.close()


@pytest.fixture(scope="module")
def phones(browser, console, live_server, workshop, presenter, screenshot) -> list[Phone]:
    """Anna scans the QR code (/j/<code>); Bram types the code in lower case with a dash."""
    anna = open_page(browser, console, "phone-anna", **PHONE)
    anna.goto(f"{live_server}/j/{workshop.code}")
    expect(anna.get_by_test_id("code")).to_have_value(workshop.code)
    anna.get_by_test_id("name").fill("Anna")
    anna.get_by_test_id("join").click()
    expect(anna.get_by_test_id("workshop-screen")).to_be_visible()

    bram = open_page(browser, console, "phone-bram", **PHONE)
    bram.goto(f"{live_server}/j")
    bram.get_by_test_id("code").fill(f"{workshop.code[:3].lower()}-{workshop.code[3:].lower()}")
    bram.get_by_test_id("name").fill("Bram")
    screenshot(bram, "phone-bram-join")
    bram.get_by_test_id("join").click()
    expect(bram.get_by_test_id("workshop-screen")).to_be_visible()
    screenshot(bram, "phone-bram-lobby")

    joined = [Phone("Anna", anna.context, anna), Phone("Bram", bram.context, bram)]
    yield joined
    for phone in joined:
        phone.context.close()


@pytest.fixture(scope="module")
def reflecting(workshop, phones) -> list[Phone]:
    """The facilitator has moved the workshop on from the lobby to reflection."""
    page = workshop.facilitator
    if page.get_by_test_id("phase-reflect").get_attribute("aria-current") != "step":
        expect(page.get_by_test_id("next-phase")).to_have_text("Volgende fase: Reflectie")
        page.get_by_test_id("next-phase").click()
        expect(page.get_by_test_id("phase-reflect")).to_have_attribute("aria-current", "step")
    return phones


# ---- tests -------------------------------------------------------------------------------

def test_facilitator_creates_workshop_from_start_page(workshop, live_server):
    page = workshop.facilitator
    expect(page.get_by_test_id("workshop-title")).to_have_text("Missie mentoraat")
    expect(page.get_by_test_id("secret-box")).to_contain_text(
        "Bewaar deze geheime link: het is je enige sleutel")
    secret = page.get_by_test_id("facilitator-link").input_value()
    assert re.fullmatch(rf"{live_server}/w/{workshop.id}/facilitate#token=[\w-]{{40,}}", secret)
    assert "#" not in page.url, "the token should leave the address bar (it may be projected)"
    presenter_link = page.get_by_test_id("presenter-link").get_attribute("href")
    assert re.fullmatch(rf"{live_server}/w/{workshop.id}/present#key=[\w-]{{40,}}", presenter_link)
    expect(page.get_by_test_id("join-url")).to_have_text(f"{live_server}/j/{workshop.code}")
    # PUBLIC_URL is 127.0.0.1 in this test: no phone could open that
    expect(page.get_by_test_id("localhost-warning")).to_be_visible()
    expect(page.get_by_test_id("phase-lobby")).to_have_attribute("aria-current", "step")
    expect(page.get_by_test_id("phasebar").get_by_role("button")).to_have_text(
        ["Lobby", "Reflectie", "Groepjes", "Thema's", "Missie", "Canvas", "Afsluiting"])


def test_facilitator_page_reloads_without_token_in_the_link(browser, console, workshop):
    page = workshop.facilitator.context.new_page()
    page.on("console", lambda message: console.append(("facilitator-2", message.type,
                                                       message.text)))
    page.goto(workshop.facilitator.url)  # the address bar no longer holds the fragment
    expect(page.get_by_test_id("workshop-title")).to_have_text("Missie mentoraat")
    expect(page.get_by_test_id("auth-error")).to_be_hidden()
    page.close()


def test_start_page_shows_the_servers_message_for_bad_input(browser, console, live_server):
    page = open_page(browser, console, "start", **LAPTOP)
    page.goto(f"{live_server}/")
    expect(page.get_by_text("na 90 dagen verwijderd (AVG)")).to_be_visible()
    expect(page.get_by_test_id("join-link")).to_have_attribute("href", "/j")
    page.get_by_test_id("title").evaluate("input => input.removeAttribute('maxlength')")
    page.get_by_test_id("title").fill("x" * 101)
    page.get_by_test_id("create").click()
    expect(page.get_by_test_id("create-error")).to_have_text(
        "De titel is te lang (hoogstens 100 tekens).")
    assert page.url == f"{live_server}/"
    page.context.close()


def test_mentors_join_by_qr_link_and_by_typed_code(workshop, phones):
    for phone in phones:
        expect(phone.page.get_by_test_id("me-name")).to_have_text(phone.name)
        expect(phone.page.get_by_test_id("phase-title")).to_have_text("Lobby")
        expect(phone.page.get_by_test_id("phase-next")).to_have_text("Hierna: Reflectie")
    expect(workshop.facilitator.get_by_test_id("mentor-name")).to_have_text(["Anna", "Bram"])


def test_presenter_shows_mentors_as_they_join(presenter, phones, screenshot):
    expect(presenter.get_by_test_id("names").get_by_role("listitem")).to_have_text(["Anna", "Bram"])
    expect(presenter.get_by_test_id("joined-count")).to_have_text("2 mentoren doen mee")
    assert presenter.evaluate("window.__sameDocument") is True, "the names must arrive live"
    screenshot(presenter, "presenter-lobby")


def test_presenter_qr_code_image_loads(presenter):
    qr = presenter.get_by_test_id("qr")
    expect(qr).to_be_visible()
    qr.evaluate("img => img.decode()")
    assert qr.evaluate("img => img.naturalWidth") > 0


def test_reflection_reaches_every_phone(workshop, reflecting, presenter):
    for phone in reflecting:
        expect(phone.page.get_by_test_id("phase-title")).to_have_text("Reflectie")
        expect(phone.page.get_by_test_id("values-screen")).to_contain_text(
            "Welke kernwaarden vind jij essentieel in de begeleiding van leerlingen?")
        expect(phone.page.get_by_test_id("value-count")).to_have_text(
            re.compile(r"^\d van 5$"))
    expect(presenter.get_by_test_id("phase-title")).to_have_text("Reflectie")
    expect(presenter.get_by_test_id("phase-next")).to_have_text("Hierna: Groepjes")
    expect(presenter.get_by_test_id("progress")).to_have_text(re.compile(r"^\d van 2 klaar$"))


def test_values_added_and_removed_update_the_facilitators_count(
        workshop, reflecting, presenter, screenshot):
    anna = reflecting[0]
    for text, why in [("vertrouwen", "zonder vertrouwen geen gesprek"), ("groei", ""),
                      ("respect", "")]:
        _add_value(anna, text, why)
        expect(_value_item(anna, text)).to_be_visible()
    expect(anna.page.get_by_test_id("value-count")).to_have_text("3 van 5")
    expect(anna.page.get_by_test_id("value-pending")).to_have_count(0)
    expect(_mentor_values(workshop.facilitator, "Anna")).to_have_text("3 van 5")
    expect(presenter.get_by_test_id("progress")).to_have_text("1 van 2 klaar")

    _value_item(anna, "groei").get_by_test_id("value-remove").click()
    expect(_value_item(anna, "groei")).to_have_count(0)
    expect(anna.page.get_by_test_id("value-count")).to_have_text("2 van 5")
    expect(_mentor_values(workshop.facilitator, "Anna")).to_have_text("2 van 5")
    expect(presenter.get_by_test_id("progress")).to_have_text("0 van 2 klaar")
    # reflection is private: the projector shows counts, never what anyone wrote
    expect(presenter.locator("body")).not_to_contain_text("vertrouwen")
    screenshot(anna.page, "phone-anna-reflect")
    screenshot(workshop.facilitator, "facilitator-reflect")
    screenshot(presenter, "presenter-reflect")


def test_reloaded_phone_is_still_the_same_participant_with_its_values(workshop, reflecting):
    anna = reflecting[0]
    if _value_item(anna, "vertrouwen").count() == 0:
        _add_value(anna, "vertrouwen")
    expect(_value_item(anna, "vertrouwen")).to_be_visible()
    before = anna.page.get_by_test_id("value-count").inner_text()

    anna.page.reload()
    expect(anna.page.get_by_test_id("me-name")).to_have_text("Anna")
    expect(anna.page.get_by_test_id("join-screen")).to_be_hidden()
    expect(_value_item(anna, "vertrouwen")).to_be_visible()
    expect(anna.page.get_by_test_id("value-count")).to_have_text(before)
    # no second Anna
    expect(workshop.facilitator.get_by_test_id("mentor-name")).to_have_text(["Anna", "Bram"])


def test_value_added_offline_is_sent_once_when_back_online(workshop, reflecting, screenshot):
    bram = reflecting[1]
    counted = int(_mentor_values(workshop.facilitator, "Bram").inner_text().split()[0])

    bram.context.set_offline(True)
    expect(bram.page.get_by_test_id("connection")).to_be_visible()
    _add_value(bram, "autonomie", "leerlingen leren zelf kiezen")
    pending = _value_item(bram, "autonomie").get_by_test_id("value-pending")
    expect(pending).to_have_text("wordt verstuurd…")
    expect(bram.page.get_by_test_id("value-count")).to_have_text(f"{counted + 1} van 5")
    screenshot(bram.page, "phone-bram-offline")
    # kept in localStorage, so a reload or a flat battery does not lose it
    assert bram.page.evaluate("Object.keys(localStorage).some(k => k.startsWith('mk:outbox:'))")
    expect(_mentor_values(workshop.facilitator, "Bram")).to_have_text(f"{counted} van 5")

    bram.context.set_offline(False)
    expect(pending).to_have_count(0, timeout=RECONNECT_MS)
    expect(bram.page.get_by_test_id("connection")).to_be_hidden(timeout=RECONNECT_MS)
    expect(_mentor_values(workshop.facilitator, "Bram")).to_have_text(f"{counted + 1} van 5")
    workshop.facilitator.wait_for_timeout(1000)  # a duplicate would arrive within this
    expect(_mentor_values(workshop.facilitator, "Bram")).to_have_text(f"{counted + 1} van 5")
    expect(_value_item(bram, "autonomie")).to_have_count(1)
    assert bram.page.evaluate("Object.keys(localStorage).some(k => k.startsWith('mk:outbox:'))") \
        is False


def test_refused_queued_value_is_dropped_with_the_servers_message(browser, console, live_server):
    created = create_by_api(live_server)
    facilitator = open_page(browser, console, "facilitator-refusal", **LAPTOP)
    facilitator.goto(created["facilitator_url"])
    facilitator.get_by_test_id("phase-reflect").click()
    page = open_page(browser, console, "phone-refusal", **PHONE)
    phone = Phone("Femke", page.context, page)
    phone.page.goto(f"{live_server}/j/{created['code']}")
    phone.page.get_by_test_id("name").fill(phone.name)
    phone.page.get_by_test_id("join").click()
    expect(phone.page.get_by_test_id("values-screen")).to_be_visible()

    phone.context.set_offline(True)
    _add_value(phone, "eerlijkheid")
    expect(phone.page.get_by_test_id("value-pending")).to_have_count(1)
    facilitator.get_by_test_id("phase-mission").click()
    expect(facilitator.get_by_test_id("phase-mission")).to_have_attribute("aria-current", "step")
    phone.context.set_offline(False)

    expect(phone.page.get_by_test_id("value-error")).to_have_text(
        "Waarden invullen kan nu niet.", timeout=RECONNECT_MS)
    expect(phone.page.get_by_test_id("phase-title")).to_have_text("Missie")
    expect(phone.page.get_by_test_id("value-item")).to_have_count(0)
    expect(_mentor_values(facilitator, "Femke")).to_have_text("0 van 5")
    phone.context.close()
    facilitator.context.close()


def test_value_with_markup_is_shown_as_text(workshop, reflecting, screenshot):
    bram = reflecting[1]
    _add_value(bram, XSS)
    item = _value_item(bram, XSS)
    expect(item).to_be_visible()
    expect(item.get_by_test_id("value-pending")).to_have_count(0)
    expect(bram.page.get_by_test_id("value-list").locator("img")).to_have_count(0)
    bram.page.reload()
    expect(_value_item(bram, XSS)).to_be_visible()
    assert bram.page.evaluate("typeof window.__xss") == "undefined"
    assert workshop.facilitator.evaluate("typeof window.__xss") == "undefined"
    screenshot(bram.page, "phone-bram-reflect")


def test_named_workshop_asks_for_the_name_only_when_it_is_missing(browser, console, live_server):
    code = create_by_api(live_server)["code"]
    page = open_page(browser, console, "phone-named", **PHONE)
    page.goto(f"{live_server}/j/{code}")
    page.get_by_test_id("join").click()
    expect(page.get_by_test_id("join-error")).to_have_text(
        "Je naam is leeg. Vul je naam in om mee te doen.")
    expect(page.get_by_test_id("name")).to_be_focused()
    page.get_by_test_id("name").fill("Dewi")
    page.get_by_test_id("join").click()
    expect(page.get_by_test_id("me-name")).to_have_text("Dewi")
    page.context.close()


def test_anonymous_mentor_can_sign_off_and_join_again(browser, console, live_server):
    code = create_by_api(live_server, anonymous=True)["code"]
    page = open_page(browser, console, "phone-anonymous", **PHONE)
    page.goto(f"{live_server}/j/{code}")
    page.get_by_test_id("join").click()
    expect(page.get_by_test_id("me-name")).to_have_text("Mentor 1")

    page.get_by_test_id("forget").click()
    expect(page.get_by_test_id("join-screen")).to_be_visible()
    expect(page.get_by_test_id("code")).to_have_value(code)
    assert page.evaluate("localStorage.getItem('mk:phone')") is None
    page.get_by_test_id("join").click()
    expect(page.get_by_test_id("me-name")).to_have_text("Mentor 2")
    page.context.close()


def test_phone_page_stays_under_its_transfer_budget(browser, console, live_server):
    code = create_by_api(live_server)["code"]
    page = open_page(browser, console, "phone-budget", **PHONE)
    sizes = record_transfer(page)
    page.goto(f"{live_server}/j/{code}", wait_until="networkidle")
    page.get_by_test_id("name").fill("Chris")
    page.get_by_test_id("join").click()
    expect(page.get_by_test_id("workshop-screen")).to_be_visible()
    total = sum(size for _, size in sizes)
    print(f"phone page: {total} bytes in {len(sizes)} responses: {sizes}")
    assert total < PHONE_PAGE_BUDGET, sizes
    page.context.close()


def test_no_page_reports_a_content_security_policy_error(browser, console, live_server,
                                                         workshop, presenter, reflecting):
    page = open_page(browser, console, "error-page", **PHONE)
    assert page.goto(f"{live_server}/no-such-page").status == 404
    expect(page.get_by_test_id("error")).to_contain_text("Deze pagina bestaat niet")
    page.context.close()
    violations = [entry for entry in console
                  if "Content Security Policy" in entry[2] or entry[1] == "pageerror"]
    assert violations == []
