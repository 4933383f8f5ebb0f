"""Issue 14 in Chromium: a phone that loses its connection, or reloads while offline, or whose
first join answer never arrived, stays one mentor and loses nothing it queued."""

from datetime import datetime, timedelta

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from tests.browser.helpers import LAPTOP, PHONE, create_by_api, join_phone, open_page, set_phase

pytestmark = pytest.mark.browser

RECONNECT_MS = 15_000


@pytest.fixture
def reflecting(browser, console, live_server):
    """A workshop in the reflection phase, its facilitator page, and one joined phone."""
    created = create_by_api(live_server, title="Verbinding")
    facilitator = open_page(browser, console, "reconnect-facilitator", **LAPTOP)
    facilitator.goto(created["facilitator_url"])
    set_phase(facilitator, "reflect")
    phone = join_phone(browser, console, live_server, created["code"], "Sanne", "reconnect-phone")
    expect(phone.page.get_by_test_id("values-screen")).to_be_visible()
    yield created, facilitator, phone
    phone.context.close()
    facilitator.context.close()


def _values_of(facilitator, name):
    row = facilitator.get_by_test_id("mentor-row").filter(
        has=facilitator.get_by_test_id("mentor-name").get_by_text(name, exact=True))
    return row.get_by_test_id("mentor-values")


def _add(phone, text):
    phone.page.get_by_test_id("value-text").fill(text)
    phone.page.get_by_test_id("value-add").click()


def test_a_value_queued_offline_survives_a_reload_and_arrives_once(reflecting, live_server):
    created, facilitator, phone = reflecting
    phone.context.set_offline(True)
    _add(phone, "geduld")
    expect(phone.page.get_by_test_id("value-pending")).to_have_count(1)
    # the mentor reloads while still offline: the browser cannot load the page
    with pytest.raises(PlaywrightError):
        phone.page.reload()
    phone.context.set_offline(False)
    phone.page.goto(f"{live_server}/j/{created['code']}")
    expect(phone.page.get_by_test_id("me-name")).to_have_text("Sanne")
    item = phone.page.get_by_test_id("value-item").filter(
        has=phone.page.get_by_text("geduld", exact=True))
    expect(item).to_have_count(1)
    expect(item.get_by_test_id("value-pending")).to_have_count(0, timeout=RECONNECT_MS)
    expect(_values_of(facilitator, "Sanne")).to_have_text("1 van 5", timeout=RECONNECT_MS)
    facilitator.wait_for_timeout(1000)  # a second copy would arrive within this
    expect(_values_of(facilitator, "Sanne")).to_have_text("1 van 5")
    expect(facilitator.get_by_test_id("mentor-name")).to_have_text(["Sanne"])


def test_a_lost_connection_says_so_and_resumes_the_queue_when_back(reflecting):
    _created, facilitator, phone = reflecting
    status, button = phone.page.get_by_test_id("connection"), phone.page.get_by_test_id("reconnect")
    expect(button).to_be_hidden()
    phone.context.set_offline(True)
    expect(status).to_have_text("Verbinding kwijt — opnieuw verbinden… Wat je invult, bewaren we "
                                "en versturen we zodra je weer online bent.")
    expect(button).to_be_visible()
    _add(phone, "humor")
    expect(phone.page.get_by_test_id("value-pending")).to_have_count(1)
    phone.context.set_offline(False)  # the page hears the network is back by itself
    expect(status).to_be_hidden(timeout=RECONNECT_MS)
    expect(button).to_be_hidden()
    expect(phone.page.get_by_test_id("value-pending")).to_have_count(0, timeout=RECONNECT_MS)
    expect(_values_of(facilitator, "Sanne")).to_have_text("1 van 5", timeout=RECONNECT_MS)


def test_the_reconnect_button_reconnects_when_nothing_else_would(browser, console, live_server):
    """The page's clock is stopped, so neither socket.io's back-off nor the page's own check
    can reconnect: only the button does."""
    created = create_by_api(live_server, title="Knop")
    page = open_page(browser, console, "reconnect-button", **PHONE)
    page.clock.install()
    page.goto(f"{live_server}/j/{created['code']}")
    page.get_by_test_id("name").fill("Joost")
    page.get_by_test_id("join").click()
    expect(page.get_by_test_id("me-name")).to_have_text("Joost")
    page.clock.pause_at(datetime.now() + timedelta(seconds=1))
    # the browser reports the network gone and back without telling the page it is back,
    # as a phone waking from the background does
    page.evaluate("window.dispatchEvent(new Event('offline'))")
    status, button = page.get_by_test_id("connection"), page.get_by_test_id("reconnect")
    expect(button).to_be_visible()
    page.wait_for_timeout(1000)
    expect(status).to_contain_text("Verbinding kwijt")
    button.click()
    expect(status).to_be_hidden()
    expect(button).to_be_hidden()
    page.context.close()


def test_a_join_whose_answer_never_arrived_is_the_same_mentor_when_sent_again(
        browser, console, live_server):
    """The phone's first join reaches the server, but the phone never stores the answer
    (here: the session entry is removed, as if the page died before the answer came). The
    mentor types the same code again: the kept join id makes it the same mentor."""
    created = create_by_api(live_server, title="Verloren antwoord")
    facilitator = open_page(browser, console, "lost-answer-facilitator", **LAPTOP)
    facilitator.goto(created["facilitator_url"])
    page = open_page(browser, console, "lost-answer-phone", **PHONE)
    page.goto(f"{live_server}/j/{created['code']}")
    page.get_by_test_id("name").fill("Daan")
    page.get_by_test_id("join").click()
    expect(page.get_by_test_id("me-name")).to_have_text("Daan")
    kept = page.evaluate("JSON.parse(localStorage.getItem('mk:join-id'))")
    assert kept["code"] == created["code"] and len(kept["id"]) == 36
    page.evaluate("localStorage.removeItem('mk:phone')")
    page.goto(f"{live_server}/j/{created['code']}")
    page.get_by_test_id("name").fill("Daan")
    page.get_by_test_id("join").click()
    expect(page.get_by_test_id("me-name")).to_have_text("Daan")
    facilitator.wait_for_timeout(500)
    expect(facilitator.get_by_test_id("mentor-name")).to_have_text(["Daan"])
    # "Dit ben ik niet": the next person on this phone is a new mentor
    page.get_by_test_id("forget").click()
    assert page.evaluate("localStorage.getItem('mk:join-id')") is None
    page.get_by_test_id("name").fill("Eva")
    page.get_by_test_id("join").click()
    expect(page.get_by_test_id("me-name")).to_have_text("Eva")
    expect(facilitator.get_by_test_id("mentor-name")).to_have_text(["Daan", "Eva"])
    page.context.close()
    facilitator.context.close()
