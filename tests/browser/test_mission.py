"""Issue 5 end to end: the mission board, from drafts through dot voting to the adopted mission.

Three mentors on phones, the facilitator on a laptop and the projector build one session, as
the other browser tests do: each module fixture is one step, taken once. Screenshots land in
test-artifacts/screenshots/ (mission-*.png).
"""

from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import (
    LAPTOP,
    PHONE_PAGE_BUDGET,
    PROJECTOR,
    Phone,
    create_by_api,
    join_phone,
    no_page_errors,
    open_page,
    phone_in_phase,
    set_phase,
)

pytestmark = pytest.mark.browser

# Two mentors name each theme, so all three are shared.
VALUES = {"Anna": ["Vertrouwen", "Groei"], "Bram": ["Vertrouwen", "Veiligheid"],
          "Cas": ["Groei", "Veiligheid"]}
ANNA_DRAFT_REST = "geven we elke leerling, zodat hij kan groeien."
BRAM_DRAFT = "Wij bieden iedere leerling een veilige plek."
CAS_DRAFT = "We zien elke leerling staan. We helpen hem verder. We blijven dichtbij."
COMBINED = "Wij bieden iedere leerling vertrouwen en een veilige plek om te groeien."
HIDDEN = "Stemmen verborgen tot het einde"


@dataclass
class Session:
    """The facilitator's page, the projector and the three phones of one workshop."""

    facilitator: Page
    presenter: Page
    phones: dict[str, Phone]


def _phone(session: Session, name: str) -> Page:
    return session.phones[name].page


def _draft(page: Page, text: str):
    """A draft on a phone's or the facilitator's board, by its text."""
    return page.get_by_test_id("draft").filter(
        has=page.get_by_test_id("draft-item-text").get_by_text(text, exact=True))


def _card(presenter: Page, text: str):
    return presenter.get_by_test_id("draft-card").filter(
        has=presenter.get_by_test_id("draft-card-text").get_by_text(text, exact=True))


@pytest.fixture(scope="module")
def session(browser, console, live_server) -> Session:
    """A workshop in pairs, its projector and three mentors with values, in the mission phase."""
    created = create_by_api(live_server, title="Missie onderbouw", group_size=2)
    facilitator = open_page(browser, console, "mb-facilitator", **LAPTOP)
    facilitator.goto(created["facilitator_url"])
    expect(facilitator.get_by_test_id("dashboard")).to_be_visible()
    presenter = open_page(browser, console, "mb-presenter", **PROJECTOR)
    presenter.goto(created["presenter_url"])
    expect(presenter.get_by_test_id("screen")).to_be_visible()
    presenter.evaluate("window.__sameDocument = true")
    phones = {name: join_phone(browser, console, live_server, created["code"], name,
                               f"mb-phone-{name.lower()}") for name in VALUES}
    set_phase(facilitator, "reflect")
    for name, values in VALUES.items():
        page = phones[name].page
        for value in values:
            page.get_by_test_id("value-text").fill(value)
            page.get_by_test_id("value-add").click()
            expect(page.get_by_test_id("value-item-text").get_by_text(value, exact=True)) \
                .to_be_visible()
        expect(page.get_by_test_id("value-pending")).to_have_count(0)
    for phase in ("groups", "themes", "mission"):
        set_phase(facilitator, phase)
    for phone in phones.values():
        expect(phone.page.get_by_test_id("mission-screen")).to_be_visible()
    yield Session(facilitator, presenter, phones)
    for phone in phones.values():
        phone.context.close()
    presenter.context.close()
    facilitator.context.close()


@pytest.fixture(scope="module")
def drafted(session, screenshot) -> Session:
    """Anna starts her draft with a theme chip; Bram posts for his group; Cas writes three
    sentences."""
    anna = _phone(session, "Anna")
    expect(session.presenter.get_by_test_id("board-empty")).to_be_visible()
    expect(anna.get_by_test_id("theme-chip")).to_have_text(
        ["Groei", "Veiligheid", "Vertrouwen"], timeout=10_000)
    anna.get_by_test_id("theme-chip").get_by_text("Vertrouwen", exact=True).click()
    expect(anna.get_by_test_id("draft-text")).to_have_value("Vertrouwen ")
    anna.get_by_test_id("draft-text").press_sequentially(ANNA_DRAFT_REST)
    expect(anna.get_by_test_id("draft-count")).to_have_text(
        f"{len('Vertrouwen ' + ANNA_DRAFT_REST)} / 300 tekens")
    anna.get_by_test_id("draft-add").click()
    expect(anna.get_by_test_id("draft-hints")).to_contain_text("Je zin staat op het bord.")
    expect(anna.get_by_test_id("draft-text")).to_have_value("")

    bram = _phone(session, "Bram")
    expect(bram.get_by_test_id("draft-group")).to_be_visible()
    bram.get_by_test_id("draft-text").fill(BRAM_DRAFT)
    bram.get_by_test_id("draft-as-group").check()
    bram.get_by_test_id("draft-add").click()
    expect(bram.get_by_test_id("draft-hints")).to_be_visible()

    cas = _phone(session, "Cas")
    cas.get_by_test_id("draft-text").fill(CAS_DRAFT)
    cas.get_by_test_id("draft-add").click()
    expect(cas.get_by_test_id("draft-hint-warning")).to_have_text(
        "3 zinnen: een missie is één of twee zinnen.")
    expect(session.presenter.get_by_test_id("draft-card")).to_have_count(3)
    return session


@pytest.fixture(scope="module")
def voted(drafted) -> Session:
    """The facilitator opens voting with hidden counts; Anna, Bram and Cas place dots."""
    facilitator = drafted.facilitator
    facilitator.get_by_test_id("votes-per-person").fill("3")
    facilitator.get_by_test_id("hide-counts").check()
    facilitator.get_by_test_id("voting-toggle").click()
    expect(facilitator.get_by_test_id("voting-toggle")).to_have_text("Stemmen sluiten")
    anna, bram, cas = (_phone(drafted, name) for name in ("Anna", "Bram", "Cas"))
    expect(anna.get_by_test_id("votes-left")).to_have_text("Je hebt nog 3 van 3 stippen.")
    for _ in range(2):
        _draft(anna, BRAM_DRAFT).get_by_test_id("vote-cast").click()
    _draft(anna, CAS_DRAFT).get_by_test_id("vote-cast").click()
    expect(anna.get_by_test_id("votes-left")).to_have_text(
        "Al je 3 stippen zijn verdeeld. Haal er een terug om te wisselen.")
    _draft(bram, BRAM_DRAFT).get_by_test_id("vote-cast").click()
    expect(bram.get_by_test_id("votes-left")).to_have_text("Je hebt nog 2 van 3 stippen.")
    _draft(cas, CAS_DRAFT).get_by_test_id("vote-cast").click()
    expect(cas.get_by_test_id("votes-left")).to_have_text("Je hebt nog 2 van 3 stippen.")
    _draft(cas, CAS_DRAFT).get_by_test_id("vote-retract").click()
    expect(cas.get_by_test_id("votes-left")).to_have_text("Je hebt nog 3 van 3 stippen.")
    expect(_draft(facilitator, BRAM_DRAFT).get_by_test_id("draft-votes")).to_have_text("3 stippen")
    return drafted


# ---- drafts ------------------------------------------------------------------------------

def test_drafts_appear_live_on_every_screen_with_the_themes_they_express(drafted, screenshot):
    anna_draft = f"Vertrouwen {ANNA_DRAFT_REST}"
    presenter = drafted.presenter
    card = _card(presenter, anna_draft)
    expect(card.get_by_test_id("draft-cover")).to_contain_text(["Vertrouwen"])
    expect(_card(presenter, BRAM_DRAFT)).to_contain_text("Groep")
    for name in ("Anna", "Bram", "Cas"):
        expect(_draft(_phone(drafted, name), anna_draft)).to_be_visible()
    expect(_draft(drafted.facilitator, CAS_DRAFT).get_by_test_id("draft-warning")).to_have_text(
        "3 zinnen: een missie is één of twee zinnen.")
    expect(_draft(_phone(drafted, "Bram"), anna_draft).get_by_test_id("draft-readability")) \
        .to_contain_text("1 zin · 9 woorden")
    # the themes no draft expresses yet are named; "Vertrouwen" is not among them
    uncovered = presenter.get_by_test_id("board-uncovered")
    expect(uncovered).not_to_contain_text("Vertrouwen")
    assert presenter.evaluate("window.__sameDocument") is True
    screenshot(presenter, "mission-presenter-board")
    screenshot(drafted.facilitator, "mission-facilitator-board")


def test_a_draft_of_301_characters_gets_the_dutch_message(drafted):
    bram = _phone(drafted, "Bram")
    bram.get_by_test_id("draft-text").fill("a" * 301)
    expect(bram.get_by_test_id("draft-count")).to_have_text("301 / 300 tekens: te lang")
    bram.get_by_test_id("draft-add").click()
    expect(bram.get_by_test_id("draft-error")).to_have_text(
        "Je missiezin is te lang (hoogstens 300 tekens).")
    expect(drafted.presenter.get_by_test_id("draft-card")).to_have_count(3)
    bram.get_by_test_id("draft-text").fill("")


def test_draft_markup_is_shown_as_text(drafted):
    cas = _phone(drafted, "Cas")
    markup = "<img src=x onerror=window.__xss=1>"
    cas.get_by_test_id("draft-text").fill(markup)
    cas.get_by_test_id("draft-add").click()
    expect(_card(drafted.presenter, markup)).to_be_visible()
    expect(_draft(drafted.facilitator, markup)).to_be_visible()
    for page in (drafted.presenter, drafted.facilitator, cas):
        assert page.evaluate("typeof window.__xss") == "undefined"
    # the facilitator edits it into a real sentence: every screen follows
    draft = _draft(drafted.facilitator, markup)
    draft.get_by_test_id("draft-edit").click()
    drafted.facilitator.get_by_test_id("draft-edit-text").fill("Elke leerling telt.")
    drafted.facilitator.get_by_test_id("draft-edit-save").click()
    expect(_card(drafted.presenter, "Elke leerling telt.")).to_be_visible()
    expect(_draft(cas, "Elke leerling telt.")).to_be_visible()


def test_a_phone_joining_in_the_mission_phase_stays_under_the_budget(
        drafted, browser, console, live_server):
    code = drafted.facilitator.get_by_test_id("join-code").inner_text().replace(" ", "")
    phone, total, sizes = phone_in_phase(browser, console, live_server, code, "Dewi",
                                         "mb-phone-dewi", "mission-screen")
    expect(phone.page.get_by_test_id("draft")).not_to_have_count(0)
    print(f"phone page in the mission phase: {total} bytes in {len(sizes)} responses")
    assert total < PHONE_PAGE_BUDGET, sizes
    phone.context.close()


# ---- voting ------------------------------------------------------------------------------

def test_hidden_counts_stay_off_phones_and_projector(voted, screenshot):
    for name in ("Anna", "Bram", "Cas"):
        votes = _phone(voted, name).get_by_test_id("draft-votes")
        expect(votes.first).to_have_text(HIDDEN)
        assert all(text == HIDDEN for text in votes.all_inner_texts())
    cards = voted.presenter.get_by_test_id("draft-card-votes")
    expect(cards.first).to_have_text(HIDDEN)
    assert all(text == HIDDEN for text in cards.all_inner_texts())
    # Anna sees her own dots, not the totals
    expect(_draft(_phone(voted, "Anna"), BRAM_DRAFT).get_by_test_id("draft-mine")).to_have_text(
        "●●")
    expect(_draft(_phone(voted, "Anna"), BRAM_DRAFT).get_by_test_id("vote-cast")).to_be_disabled()
    screenshot(_phone(voted, "Anna"), "mission-phone-board")


def test_dots_survive_a_reload_and_show_when_counts_are_shown(voted):
    anna = _phone(voted, "Anna")
    anna.reload()
    expect(anna.get_by_test_id("votes-left")).to_have_text(
        "Al je 3 stippen zijn verdeeld. Haal er een terug om te wisselen.")
    expect(_draft(anna, BRAM_DRAFT).get_by_test_id("draft-mine")).to_have_text("●●")
    voted.facilitator.get_by_test_id("hide-counts").uncheck()
    expect(_draft(anna, BRAM_DRAFT).get_by_test_id("draft-votes")).to_have_text("3 stippen")
    expect(_card(voted.presenter, BRAM_DRAFT).get_by_test_id("draft-card-votes")).to_contain_text(
        "3 stippen")
    voted.facilitator.get_by_test_id("hide-counts").check()
    expect(_draft(anna, BRAM_DRAFT).get_by_test_id("draft-votes")).to_have_text(HIDDEN)


# ---- combining and adopting --------------------------------------------------------------

def test_facilitator_combines_two_drafts_and_adopts_the_mission(voted, screenshot):
    facilitator, presenter = voted.facilitator, voted.presenter
    anna_draft = f"Vertrouwen {ANNA_DRAFT_REST}"
    _draft(facilitator, anna_draft).get_by_test_id("draft-select").check()
    _draft(facilitator, BRAM_DRAFT).get_by_test_id("draft-select").check()
    expect(facilitator.get_by_test_id("combine-text")).to_have_value(f"{anna_draft} {BRAM_DRAFT}")
    facilitator.get_by_test_id("combine-text").fill(COMBINED)
    facilitator.get_by_test_id("combine").click()
    expect(_card(presenter, COMBINED)).to_be_visible()
    expect(_card(presenter, BRAM_DRAFT)).to_have_count(0)
    anna = _phone(voted, "Anna")
    expect(_draft(anna, COMBINED)).to_be_visible()
    # the combined drafts stay as history with their votes; Anna's two dots come back
    history = facilitator.get_by_test_id("board-history")
    history.locator("summary").click()
    expect(history.get_by_test_id("history-item").filter(has_text=BRAM_DRAFT)).to_contain_text(
        "3 stippen")
    expect(presenter.get_by_test_id("board-history")).to_contain_text(BRAM_DRAFT)
    expect(anna.get_by_test_id("votes-left")).to_have_text("Je hebt nog 2 van 3 stippen.")

    # three sentences are refused; the chosen draft prefills the mission
    facilitator.get_by_test_id("mission-input").fill(CAS_DRAFT)
    facilitator.get_by_test_id("mission-adopt").click()
    expect(facilitator.get_by_test_id("board-error")).to_have_text(
        "Een missie is één of twee zinnen. Maak hem korter.")
    _draft(facilitator, COMBINED).get_by_test_id("draft-choose").click()
    expect(facilitator.get_by_test_id("mission-input")).to_have_value(COMBINED)
    facilitator.get_by_test_id("mission-adopt").click()
    expect(facilitator.get_by_test_id("mission-adopted")).to_have_text(COMBINED)
    expect(presenter.get_by_test_id("mission-big-text")).to_have_text(COMBINED)
    expect(presenter.get_by_test_id("mission-big")).to_be_visible()
    size = presenter.get_by_test_id("mission-big-text").evaluate(
        "e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 64, size  # readable from the back of the staff room
    for name in ("Anna", "Bram", "Cas"):
        expect(_phone(voted, name).get_by_test_id("mission-card-text")).to_have_text(COMBINED)
    # adopting closed the voting: counts are visible again, the dot buttons are gone
    expect(_draft(anna, COMBINED).get_by_test_id("draft-votes")).to_have_text("0 stippen")
    expect(anna.get_by_test_id("vote-cast")).to_have_count(0)
    assert presenter.evaluate("window.__sameDocument") is True
    screenshot(presenter, "mission-presenter-mission")
    screenshot(anna, "mission-phone-mission")
    screenshot(facilitator, "mission-facilitator-mission")


def test_the_mission_stays_on_every_screen_in_the_canvas_phase(voted):
    facilitator = voted.facilitator
    if facilitator.get_by_test_id("mission-adopted").count() == 0:
        facilitator.get_by_test_id("mission-input").fill(COMBINED)
        facilitator.get_by_test_id("mission-adopt").click()
    mission = facilitator.get_by_test_id("mission-adopted").inner_text()
    set_phase(facilitator, "canvas")
    for name in ("Anna", "Bram"):
        page = _phone(voted, name)
        expect(page.get_by_test_id("mission-screen")).to_be_hidden()
        expect(page.get_by_test_id("mission-card-text")).to_have_text(mission)
    expect(voted.presenter.get_by_test_id("canvas-stage")).to_be_visible()
    # after the workshop the projector shows the mission, large, with the shared themes
    set_phase(facilitator, "closed")
    expect(voted.presenter.get_by_test_id("mission-big-text")).to_have_text(mission)
    expect(voted.presenter.get_by_test_id("canvas-stage")).to_be_hidden()
    expect(voted.presenter.get_by_test_id("closing-theme")).to_have_count(3)
    for label in ("Vertrouwen", "Groei", "Veiligheid"):
        expect(voted.presenter.get_by_test_id("closing-theme").filter(has_text=label)) \
            .to_have_text(f"{label} · 2")
    expect(_phone(voted, "Cas").get_by_test_id("mission-card-text")).to_have_text(mission)


def test_mission_pages_report_no_errors(session, console):
    assert no_page_errors(console, "mb-") == []
