"""The facilitator's countdown across a change of phase (issue 16): a countdown that ran out
stays with its phase; one that still runs keeps counting into the next."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import (
    LAPTOP,
    PROJECTOR,
    create_by_api,
    facilitating,
    open_page,
    set_phase,
)

pytestmark = pytest.mark.browser


def _set_timer(live_server: str, created: dict, seconds: int) -> None:
    """A second facilitator tab (here a socket client) starts a countdown of `seconds`."""
    client = facilitating(live_server, created)
    try:
        assert client.call("timer:set", {"seconds": seconds})["ok"]
    finally:
        client.disconnect()


def test_a_countdown_that_ran_out_is_gone_in_the_next_phase(browser, console, live_server):
    created = create_by_api(live_server, title="Tijd")
    facilitator = open_page(browser, console, "countdown-facilitator", **LAPTOP)
    facilitator.goto(created["facilitator_url"])
    presenter = open_page(browser, console, "countdown-presenter", **PROJECTOR)
    presenter.goto(created["presenter_url"])
    expect(presenter.get_by_test_id("screen")).to_be_visible()
    set_phase(facilitator, "reflect")

    _set_timer(live_server, created, 1)
    expect(facilitator.get_by_test_id("timer")).to_have_text("De tijd is om")
    expect(presenter.get_by_test_id("timer")).to_have_text("De tijd is om")

    set_phase(facilitator, "groups")
    expect(facilitator.get_by_test_id("timer")).to_be_hidden()
    expect(presenter.get_by_test_id("timer")).to_be_hidden()
    facilitator.reload()  # the server forgot it too, not only this page
    expect(facilitator.get_by_test_id("dashboard")).to_be_visible()
    expect(facilitator.get_by_test_id("timer")).to_be_hidden()

    facilitator.get_by_test_id("timer-5").click()
    expect(facilitator.get_by_test_id("timer")).to_contain_text("Nog 4:")
    set_phase(facilitator, "themes")
    expect(facilitator.get_by_test_id("timer")).to_contain_text("Nog 4:")
    expect(presenter.get_by_test_id("timer")).to_contain_text("Nog 4:")
    facilitator.context.close()
    presenter.context.close()
