"""Issue 16: a whole session in English (`?lang=en`), every screen in every phase, searched for
Dutch that the interface itself shows: the domain's texts (mentor tasks, "Periode 1",
readability warnings, goal hints, "Begeleider"), the value deck's suggestions, and common
Dutch words of any leftover sentence. The mentors write in English; theme labels come from
the Dutch lexicon (workshop/themes) and are data, so they are not searched for."""

import re
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import (
    LAPTOP,
    PHONE,
    PROJECTOR,
    create_by_api,
    no_page_errors,
    open_page,
    set_phase,
)

pytestmark = pytest.mark.browser

# Dutch the screens once showed to English users, and text of the domain
DUTCH_UI = [
    "Introductie", "Studiebegeleiding", "Persoonlijke en sociale begeleiding",
    "Groepsbegeleiding", "Contact met ouders", "Gesprekken met de leerling",
    "Contact met docenten", "Dossiervorming", "Periode", "Begeleider", "Groep ",
    "zinnen: een missie", "kan het korter", "Dit beschrijft wat de mentor doet",
    "Begin met wat de leerling", "Kies een werkwoord", "Noem wat de leerling doet",
    "De tijd is om", "mentoren", "Verplaats", "Nieuw thema",
]
# words of a Dutch sentence that English never uses (lower case: join codes are upper case)
DUTCH_WORDS = re.compile(r"\b(de|het|een|van|je|jij|jouw|jullie|naar|niet|nog|zijn|voor|wat|"
                         r"wie|dit|deze|bij|uit|ook|maar|kan|wordt|geen|klaar|leerling|"
                         r"leerlingen|thema|waarden|stemmen|zinnen)\b")
SHOWN_TEXT = """() => {
  const parts = [document.body.innerText, document.title];
  for (const element of document.querySelectorAll('[placeholder], [aria-label], [title], [alt]')) {
    for (const name of ['placeholder', 'aria-label', 'title', 'alt']) {
      parts.push(element.getAttribute(name) || '');
    }
  }
  for (const option of document.querySelectorAll('option')) parts.push(option.textContent);
  return parts.join('\\n');
}"""
LONG_DRAFT = ("We see every student. We build trust every day. We help each student grow into "
              "someone who knows what they want and who dares to ask for help from the mentor "
              "when school gets hard.")


def _english(url: str) -> str:
    """The same address with ?lang=en, before any #secret."""
    address, _hash, secret = url.partition("#")
    return f"{address}{'&' if '?' in address else '?'}lang=en" + (f"#{secret}" if secret else "")


def _assert_english(page: Page, where: str) -> None:
    text = page.evaluate(SHOWN_TEXT)
    found = [dutch for dutch in DUTCH_UI if dutch in text] + DUTCH_WORDS.findall(text)
    assert not found, f"Dutch on {where}: {found}\n---\n{text}"


def _phone(browser, console, live_server: str, code: str, name: str) -> Page:
    page = open_page(browser, console, f"en-phone-{name.lower()}", **PHONE)
    page.goto(_english(f"{live_server}/j/{code}"))
    page.get_by_test_id("name").fill(name)
    page.get_by_test_id("join").click()
    expect(page.get_by_test_id("me-name")).to_have_text(name)
    return page


def test_every_screen_in_every_phase_speaks_english(browser, console, live_server):
    start = open_page(browser, console, "en-start", **LAPTOP)
    for path in ("/", "/privacy", "/j"):
        start.goto(_english(f"{live_server}{path}"))
        _assert_english(start, path)

    created = create_by_api(live_server, title="English walk", group_size=2)
    facilitator = open_page(browser, console, "en-facilitator", **LAPTOP)
    facilitator.goto(_english(created["facilitator_url"]))
    expect(facilitator.get_by_test_id("dashboard")).to_be_visible()
    presenter = open_page(browser, console, "en-presenter", **PROJECTOR)
    presenter.goto(_english(created["presenter_url"]))
    expect(presenter.get_by_test_id("screen")).to_be_visible()
    ann, ben = (_phone(browser, console, live_server, created["code"], name)
                for name in ("Ann", "Ben"))
    screens = {"facilitator": facilitator, "projector": presenter, "Ann's phone": ann,
               "Ben's phone": ben}

    def check(phase: str) -> None:
        for where, page in screens.items():
            _assert_english(page, f"{where} ({phase})")

    check("lobby")

    set_phase(facilitator, "reflect")
    facilitator.get_by_test_id("timer-3").click()
    for page, values in ((ann, ["Patience", "Growth"]), (ben, ["Honesty", "Curiosity"])):
        page.get_by_test_id("value-text").fill("Tru")
        suggestions = page.get_by_test_id("value-suggestions")
        expect(suggestions).to_contain_text("Trust")  # the English deck
        _assert_english(page, "the value suggestions")
        suggestions.get_by_text("Trust", exact=True).click()
        page.get_by_test_id("value-add").click()
        for value in values:
            page.get_by_test_id("value-text").fill(value)
            page.get_by_test_id("value-add").click()
        expect(page.get_by_test_id("value-item-text")).to_have_count(3)
    check("reflect")

    for phase in ("groups", "themes"):
        set_phase(facilitator, phase)
        check(phase)

    set_phase(facilitator, "mission")
    expect(ann.get_by_test_id("mission-screen")).to_be_visible()
    ann.get_by_test_id("draft-text").fill(LONG_DRAFT)
    ann.get_by_test_id("draft-add").click()
    expect(ann.get_by_test_id("draft-hints")).to_contain_text(
        "3 sentences: a mission is one or two sentences.")
    expect(ann.get_by_test_id("draft-hints")).to_contain_text("A sentence of 26 words")
    expect(facilitator.get_by_test_id("draft-warning").first).to_have_text(
        "3 sentences: a mission is one or two sentences.")
    expect(presenter.get_by_test_id("draft-card-warning").first).to_have_text(
        "3 sentences: a mission is one or two sentences.")
    check("mission")
    facilitator.get_by_test_id("mission-input").fill("We see every student.")
    facilitator.get_by_test_id("mission-adopt").click()
    expect(facilitator.get_by_test_id("mission-adopted")).to_have_text("We see every student.")

    set_phase(facilitator, "canvas")
    facilitator.get_by_test_id("canvas-name").fill("Year 1")
    facilitator.get_by_test_id("canvas-add").click()
    expect(facilitator.get_by_test_id("grid-domain").first).to_have_text("Introduction")
    expect(facilitator.get_by_test_id("grid-period").first).to_have_text("Period 1")
    ann.get_by_test_id("goal-text").fill("The mentor discusses the planner.")
    ann.get_by_test_id("goal-add").click()
    expect(ann.get_by_test_id("goal-hints")).to_contain_text(  # the aid reads Dutch rules
        "Start with what the student learns, for example: ‘The student can …’.")
    goal = facilitator.get_by_test_id("grid-goal")
    expect(goal).to_have_count(1)
    goal.click()  # the editor with its task and period choices
    expect(facilitator.get_by_test_id("goal-editor-one")).to_be_visible()
    expect(presenter.get_by_test_id("grid-domain").first).to_have_text("Introduction")
    check("canvas")

    set_phase(facilitator, "closed")
    check("closed")
    with facilitator.context.expect_page() as opened:
        facilitator.get_by_test_id("open-summary").click()
    summary = opened.value
    summary.wait_for_load_state()
    expect(summary.get_by_test_id("summary-grid")).to_contain_text("Period 1")
    today = date.today()  # the day the workshop was created, with an English month
    expect(summary.locator("main")).to_contain_text(
        f"{today.day} {today.strftime('%B')} {today.year}")
    _assert_english(summary, "the summary")
    # comparing the workshop with itself: this browser keeps its facilitator key
    compare = facilitator.context.new_page()
    compare.goto(_english(f"{live_server}/w/{created['id']}/compare/{created['id']}"))
    expect(compare.get_by_test_id("then-meta")).to_contain_text("2 mentors")
    expect(compare.get_by_test_id("then-meta")).to_contain_text(today.strftime("%B"))
    _assert_english(compare, "the comparison")

    assert not no_page_errors(console, "en-")
    for page in (start, facilitator, presenter, ann, ben):
        page.context.close()
