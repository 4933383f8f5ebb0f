"""Issue 8 on the pages: the facilitator locks the workshop to newcomers and deletes it."""

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
)

pytestmark = pytest.mark.browser

LOCKED = "Deze workshop is gesloten voor nieuwe deelnemers."


def test_a_locked_workshop_refuses_new_phones_but_not_known_ones(browser, console, live_server):
    created = create_by_api(live_server, title="Slot")
    facilitator = open_page(browser, console, "mg-facilitator", **LAPTOP)
    facilitator.goto(created["facilitator_url"])
    anna = join_phone(browser, console, live_server, created["code"], "Anna", "mg-phone-anna")
    expect(facilitator.get_by_test_id("lock-state")).to_have_text(
        "Open: nieuwe mentoren kunnen meedoen met de code.")
    facilitator.get_by_test_id("lock-toggle").click()
    expect(facilitator.get_by_test_id("lock-toggle")).to_have_text(
        "Workshop weer openen voor nieuwe deelnemers")
    expect(facilitator.get_by_test_id("lock-state")).to_contain_text("Gesloten")

    late = open_page(browser, console, "mg-phone-late", **PHONE)
    late.goto(f"{live_server}/j/{created['code']}")
    late.get_by_test_id("name").fill("Laatkomer")
    late.get_by_test_id("join").click()
    expect(late.get_by_test_id("join-error")).to_have_text(LOCKED)
    expect(late.get_by_test_id("workshop-screen")).to_be_hidden()
    expect(facilitator.get_by_test_id("mentor-name")).to_have_text(["Anna"])

    anna.page.reload()  # a mentor who already joined comes back in
    expect(anna.page.get_by_test_id("me-name")).to_have_text("Anna")

    facilitator.reload()  # the lock is part of the state
    expect(facilitator.get_by_test_id("lock-state")).to_contain_text("Gesloten")
    facilitator.get_by_test_id("lock-toggle").click()
    expect(facilitator.get_by_test_id("lock-state")).to_contain_text("Open")
    late.get_by_test_id("join").click()
    expect(late.get_by_test_id("me-name")).to_have_text("Laatkomer")
    for page in (facilitator, anna.page, late):
        page.context.close()


def test_deleting_the_workshop_tells_every_screen(browser, console, live_server, screenshot):
    created = create_by_api(live_server, title="Weg ermee")
    facilitator = open_page(browser, console, "mg-del-facilitator", **LAPTOP)
    facilitator.goto(created["facilitator_url"])
    presenter = open_page(browser, console, "mg-del-presenter", **PROJECTOR)
    presenter.goto(created["presenter_url"])
    expect(presenter.get_by_test_id("screen")).to_be_visible()
    anna = join_phone(browser, console, live_server, created["code"], "Anna", "mg-del-anna")
    expect(facilitator.get_by_test_id("mentor-name")).to_have_text(["Anna"])

    # a dismissed confirmation deletes nothing
    facilitator.once("dialog", lambda dialog: dialog.dismiss())
    facilitator.get_by_test_id("workshop-delete").click()
    expect(facilitator.get_by_test_id("dashboard")).to_be_visible()
    expect(anna.page.get_by_test_id("workshop-screen")).to_be_visible()

    messages = []

    def accept(dialog):
        messages.append(dialog.message)
        dialog.accept()

    facilitator.once("dialog", accept)
    facilitator.get_by_test_id("workshop-delete").click()
    expect(facilitator.get_by_test_id("deleted")).to_be_visible()
    expect(facilitator.get_by_test_id("dashboard")).to_be_hidden()
    assert "voorgoed verwijderd" in messages[0]
    assert facilitator.evaluate(
        f"localStorage.getItem('mk:facilitator:{created['id']}')") is None
    expect(anna.page.get_by_test_id("join-error")).to_have_text("Deze workshop is verwijderd.")
    expect(anna.page.get_by_test_id("join-screen")).to_be_visible()
    assert anna.page.evaluate("localStorage.getItem('mk:phone')") is None
    expect(presenter.get_by_test_id("deleted")).to_have_text("Deze workshop is verwijderd.")
    expect(presenter.get_by_test_id("screen")).to_be_hidden()
    screenshot(anna.page, "manage-phone-deleted")

    # the old code is gone for good
    anna.page.get_by_test_id("code").fill(created["code"])
    anna.page.get_by_test_id("name").fill("Anna")
    anna.page.get_by_test_id("join").click()
    expect(anna.page.get_by_test_id("join-error")).not_to_have_text("")
    expect(anna.page.get_by_test_id("workshop-screen")).to_be_hidden()
    for page in (facilitator, presenter, anna.page):
        page.context.close()


def test_manage_pages_report_no_errors(console):
    assert no_page_errors(console, "mg-") == []


def test_a_wrong_secret_link_is_refused_and_forgotten(browser, console, live_server):
    created = create_by_api(live_server, title="Verkeerde link")
    base = created["facilitator_url"].split("#")[0]
    facilitator = open_page(browser, console, "mg-wrong-facilitator", **LAPTOP)
    facilitator.goto(f"{base}#token=geraden")
    expect(facilitator.get_by_test_id("auth-error-message")).to_have_text(
        "Deze link geeft geen toegang tot de workshop.")
    expect(facilitator.get_by_test_id("dashboard")).to_be_hidden()
    facilitator.goto(base)  # the guessed token was not kept: no key left on this page
    expect(facilitator.get_by_test_id("auth-error")).to_be_visible()
    presenter = open_page(browser, console, "mg-wrong-presenter", **PROJECTOR)
    presenter.goto(created["presenter_url"].split("#")[0] + "#key=geraden")
    expect(presenter.get_by_test_id("auth-error-message")).to_have_text(
        "Deze presentatielink klopt niet.")
    expect(presenter.get_by_test_id("screen")).to_be_hidden()
