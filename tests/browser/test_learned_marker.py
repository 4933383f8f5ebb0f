"""Issue 13 in the browser: a facilitator's correction in one workshop shows up, marked as
learned, on the facilitator page of a workshop created afterwards from the start page."""

import random
import re
import string

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import (
    LAPTOP,
    create_by_api,
    facilitating,
    mentor_adds,
    no_page_errors,
    open_page,
)

pytestmark = pytest.mark.browser


def _facilitating(url, created):
    client = facilitating(url, created)
    assert client.call("phase:set", {"phase": "reflect"})["ok"]
    return client


def _value(page, scope, text):
    return scope.get_by_test_id("theme-value").filter(
        has=page.get_by_test_id("theme-value-text").get_by_text(text, exact=True))


def test_a_correction_is_learned_and_marked_in_the_next_workshop(browser, console, live_server,
                                                                 screenshot):
    # the browser tests share one server: a word of its own keeps this lesson to this test
    word = "zwaluwnest " + "".join(random.Random().choices(string.ascii_lowercase, k=6))
    teacher = create_by_api(live_server, title="Vorige school")
    facilitator = _facilitating(live_server, teacher)
    mentor = mentor_adds(live_server, teacher["code"], "Anna", ["Veiligheid", word])
    page = open_page(browser, console, "learn-teacher", **LAPTOP)
    page.goto(teacher["facilitator_url"])
    value = _value(page, page, word)
    expect(value).to_be_visible()
    expect(value.get_by_test_id("value-learned")).to_have_count(0)
    safety = page.get_by_test_id("theme").filter(
        has=page.get_by_test_id("theme-label").get_by_text("Veiligheid", exact=True))
    value.get_by_test_id("value-move").select_option(safety.get_attribute("data-theme-id"))
    value.get_by_test_id("value-move-go").click()
    expect(_value(page, safety, word)).to_be_visible()
    for client in (facilitator, mentor):
        client.disconnect()

    # the next workshop, from the start page with learning left on (the default)
    page.goto(f"{live_server}/")
    expect(page.get_by_test_id("learn")).to_be_checked()
    expect(page.get_by_test_id("learn-note")).to_contain_text("geen namen")
    page.get_by_test_id("title").fill("Volgende school")
    page.get_by_test_id("create").click()
    page.wait_for_url(re.compile(r"/w/[0-9a-f]+/facilitate"))
    page.get_by_test_id("phase-reflect").click()
    code = page.get_by_test_id("join-code").inner_text().replace(" ", "")
    mentor = mentor_adds(live_server, code, "Bram", ["veiligheid", word.upper() + "!"])
    safety = page.get_by_test_id("theme").filter(
        has=page.get_by_test_id("theme-label").get_by_text("Veiligheid", exact=True))
    learned = _value(page, safety, word.upper() + "!")
    expect(learned.get_by_test_id("value-learned")).to_have_text(
        "geleerd uit een eerdere workshop")
    screenshot(page, "learning-facilitator-learned-value")
    mentor.disconnect()
    page.context.close()
    assert no_page_errors(console, "learn-") == []
