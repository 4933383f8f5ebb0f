"""Issue 6 end to end: the design canvas, a grid of mentor task × period per target group.

Two mentors on phones, the facilitator on a laptop and the projector build one session, one
module fixture per step. Screenshots land in test-artifacts/screenshots/ (canvas-*.png).
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

MISSION = "Wij zien elke leerling en helpen hem groeien."
FIRST, SECOND = "leerjaar 1 havo/vwo", "leerjaar 2 havo/vwo"
PLANNING = "De leerling kan zijn huiswerk plannen in de studieplanner."
MENTOR_ACTION = "De mentor bespreekt de klassenregels met de groep."
FINDING = "De leerling kan de weg in de school uitleggen aan een instromer."
MENTOR_HINT = "Dit beschrijft wat de mentor doet. Schrijf wat de leerling kan of weet."


@dataclass
class Session:
    """The facilitator's page, the projector and two phones, in the canvas phase."""

    facilitator: Page
    presenter: Page
    phones: dict[str, Phone]


def _period(page: Page, name: str) -> str:
    """A period's id, as a phone's period select knows it."""
    return page.get_by_test_id("goal-period").locator("option").filter(
        has_text=name).get_attribute("value")


def _cell(page: Page, domain: str, period: str):
    return page.locator(f'[data-testid="grid-cell"][data-domain="{domain}"]'
                        f'[data-period="{period}"]')


def _grid_goal(page: Page, text: str):
    return page.get_by_test_id("grid-goal").filter(
        has=page.get_by_test_id("grid-goal-text").get_by_text(text, exact=True))


def _phone_goal(page: Page, text: str):
    return page.get_by_test_id("goal-item").filter(
        has=page.get_by_test_id("goal-item-text").get_by_text(text, exact=True))


def _add_goal(page: Page, text: str, domain: str | None = None, period: str | None = None,
              theme: str | None = None) -> None:
    page.get_by_test_id("goal-text").fill(text)
    if domain:
        page.get_by_test_id("goal-domain").select_option(domain)
    if period:
        page.get_by_test_id("goal-period").select_option(label=period)
    if theme:
        page.get_by_test_id("goal-theme").select_option(label=theme)
    page.get_by_test_id("goal-add").click()
    expect(page.get_by_test_id("goal-hints")).to_contain_text("Je leerdoel staat op het canvas.")


@pytest.fixture(scope="module")
def session(browser, console, live_server) -> Session:
    """A workshop with an adopted mission, moved on to the canvas phase before any canvas."""
    created = create_by_api(live_server, title="Canvas onderbouw")
    facilitator = open_page(browser, console, "cv-facilitator", **LAPTOP)
    facilitator.goto(created["facilitator_url"])
    expect(facilitator.get_by_test_id("dashboard")).to_be_visible()
    presenter = open_page(browser, console, "cv-presenter", **PROJECTOR)
    presenter.goto(created["presenter_url"])
    expect(presenter.get_by_test_id("screen")).to_be_visible()
    presenter.evaluate("window.__sameDocument = true")
    phones = {name: join_phone(browser, console, live_server, created["code"], name,
                               f"cv-phone-{name.lower()}") for name in ("Anna", "Bram")}
    set_phase(facilitator, "mission")
    facilitator.get_by_test_id("mission-input").fill(MISSION)
    facilitator.get_by_test_id("mission-adopt").click()
    expect(facilitator.get_by_test_id("mission-adopted")).to_have_text(MISSION)
    set_phase(facilitator, "canvas")
    yield Session(facilitator, presenter, phones)
    for phone in phones.values():
        phone.context.close()
    presenter.context.close()
    facilitator.context.close()


@pytest.fixture(scope="module")
def canvases(session) -> Session:
    """The facilitator is prompted for a canvas and makes two."""
    facilitator = session.facilitator
    expect(facilitator.get_by_test_id("canvas-none")).to_be_visible()
    expect(session.phones["Anna"].page.get_by_test_id("canvas-none")).to_be_visible()
    expect(session.presenter.get_by_test_id("canvas-empty")).to_be_visible()
    for name in (FIRST, SECOND):
        facilitator.get_by_test_id("canvas-name").fill(name)
        facilitator.get_by_test_id("canvas-add").click()
        expect(facilitator.get_by_test_id("canvas-tab").filter(has_text=name)).to_have_attribute(
            "aria-selected", "true")
    expect(facilitator.get_by_test_id("canvas-none")).to_be_hidden()
    facilitator.get_by_test_id("canvas-tab").filter(has_text=FIRST).click()
    return session


@pytest.fixture(scope="module")
def goals(canvases) -> Session:
    """Anna adds two goals (one into a tapped cell), Bram one that describes the mentor."""
    anna, bram = canvases.phones["Anna"].page, canvases.phones["Bram"].page
    expect(anna.get_by_test_id("canvas-select")).to_have_value(
        anna.get_by_test_id("canvas-select").locator("option").filter(
            has_text=FIRST).get_attribute("value"))
    expect(anna.get_by_test_id("goal-text")).to_have_value("De leerling kan ")
    _add_goal(anna, PLANNING, "studiebegeleiding", "Periode 1")
    expect(anna.get_by_test_id("goal-hint")).to_have_count(0)
    anna.locator('[data-testid="mini-cell"][data-domain="introductie"]').nth(1).click()
    expect(anna.get_by_test_id("goal-domain")).to_have_value("introductie")
    expect(anna.get_by_test_id("goal-period")).to_have_value(_period(anna, "Periode 2"))
    _add_goal(anna, FINDING)
    _add_goal(bram, MENTOR_ACTION, "groepsbegeleiding", "Periode 1")
    return canvases


# ---- canvases and basis ------------------------------------------------------------------

def test_canvases_show_on_every_screen_with_the_mission_in_the_basis(canvases):
    anna = canvases.phones["Anna"].page
    expect(anna.get_by_test_id("canvas-select").locator("option")).to_have_text([FIRST, SECOND])
    expect(canvases.presenter.get_by_test_id("canvas-tab")).to_have_text([FIRST, SECOND])
    expect(canvases.presenter.get_by_test_id("basis-missie")).to_have_text(MISSION)
    expect(canvases.facilitator.get_by_test_id("canvas-missie")).to_have_text(MISSION)
    expect(anna.get_by_test_id("mission-card-text")).to_have_text(MISSION)
    # the grid shows every cell, the empty ones too: 8 mentor tasks × 4 periods
    expect(canvases.presenter.get_by_test_id("grid-cell")).to_have_count(32)
    expect(canvases.presenter.get_by_test_id("grid-period")).to_have_text(
        ["Periode 1", "Periode 2", "Periode 3", "Periode 4"])


def test_doelgroep_and_vision_are_edited_live(canvases):
    facilitator, presenter = canvases.facilitator, canvases.presenter
    facilitator.get_by_test_id("doelgroep-input").fill("Brugklassers, net van de basisschool.")
    facilitator.get_by_test_id("doelgroep-save").click()
    expect(presenter.get_by_test_id("basis-doelgroep")).to_have_text(
        "Brugklassers, net van de basisschool.")
    anna = canvases.phones["Anna"].page
    expect(anna.get_by_test_id("basis-doelgroep")).to_have_text(
        "Brugklassers, net van de basisschool.")
    seen = "Elke leerling wordt gezien."
    anna.get_by_test_id("vision-text").fill(seen)
    anna.get_by_test_id("vision-add").click()
    expect(presenter.get_by_test_id("basis-visie-item")).to_have_text([seen])
    row = facilitator.get_by_test_id("vision-row").filter(has_text=seen)
    row.get_by_test_id("vision-keep").click()  # drop it
    expect(presenter.get_by_test_id("basis-visie-item")).to_have_count(0)
    expect(anna.get_by_test_id("vision-item")).to_have_count(0)
    expect(row).to_have_class("dropped")
    row.get_by_test_id("vision-keep").click()  # and keep it after all
    expect(presenter.get_by_test_id("basis-visie-item")).to_have_text([seen])


def test_periods_are_added_renamed_and_removed(canvases):
    facilitator, presenter = canvases.facilitator, canvases.presenter
    facilitator.get_by_test_id("periods").locator("summary").click()
    facilitator.get_by_test_id("period-name").fill("Periode 5")
    facilitator.get_by_test_id("period-add").click()
    expect(presenter.get_by_test_id("grid-period")).to_have_count(5)
    row = facilitator.get_by_test_id("period-row").nth(4)
    row.get_by_test_id("period-rename-input").fill("Toetsweek")
    row.get_by_test_id("period-rename").click()
    expect(presenter.get_by_test_id("grid-period").nth(4)).to_have_text("Toetsweek")
    expect(canvases.phones["Bram"].page.get_by_test_id("goal-period").locator("option")).to_have_text(
        ["Periode 1", "Periode 2", "Periode 3", "Periode 4", "Toetsweek"])
    facilitator.get_by_test_id("period-row").nth(4).get_by_test_id("period-remove").click()
    expect(presenter.get_by_test_id("grid-period")).to_have_count(4)


# ---- goals -------------------------------------------------------------------------------

def test_goals_land_in_their_cells_and_a_mentor_action_gets_a_hint(goals, screenshot):
    anna, bram = goals.phones["Anna"].page, goals.phones["Bram"].page
    expect(bram.get_by_test_id("goal-hint")).to_contain_text([MENTOR_HINT])
    presenter = goals.presenter
    p1, p2 = _period(anna, "Periode 1"), _period(anna, "Periode 2")
    expect(_cell(presenter, "studiebegeleiding", p1).get_by_test_id("grid-goal-text")).to_have_text(
        [PLANNING])
    expect(_cell(presenter, "introductie", p2).get_by_test_id("grid-goal-text")).to_have_text(
        [FINDING])
    expect(_cell(presenter, "groepsbegeleiding", p1)).to_contain_text(MENTOR_ACTION)
    expect(_cell(presenter, "dossier", p1)).to_have_class("grid-cell empty")
    # the phone's overview counts the goals per cell, and empty cells show as gaps
    cell = anna.locator(f'[data-testid="mini-cell"][data-domain="studiebegeleiding"]'
                        f'[data-period="{p1}"]')
    expect(cell).to_have_text("1")
    expect(anna.locator('[data-testid="mini-cell"][data-domain="dossier"]').first).to_have_text("·")
    expect(_phone_goal(bram, PLANNING)).to_be_visible()
    screenshot(anna, "canvas-phone")


def test_facilitator_drags_a_goal_and_marks_it_a_lesson(goals, screenshot):
    facilitator, presenter = goals.facilitator, goals.presenter
    p1 = _period(goals.phones["Anna"].page, "Periode 1")
    p2 = _period(goals.phones["Anna"].page, "Periode 2")
    _grid_goal(facilitator, PLANNING).drag_to(_cell(facilitator, "studiebegeleiding", p2))
    expect(_cell(presenter, "studiebegeleiding", p2)).to_contain_text(PLANNING)
    expect(_cell(presenter, "studiebegeleiding", p1)).to_have_class("grid-cell empty")

    _grid_goal(facilitator, PLANNING).click()
    expect(facilitator.get_by_test_id("goal-editor-one")).to_be_visible()
    facilitator.get_by_test_id("goal-lesson").click()
    expect(facilitator.get_by_test_id("goal-lesson")).to_have_text("Geen mentorles meer")
    plan = presenter.locator(f'[data-testid="plan-period"][data-period="{p2}"]')
    expect(plan.get_by_test_id("plan-lesson")).to_have_text([PLANNING])
    expect(_grid_goal(presenter, PLANNING)).to_have_class("grid-goal lesson")
    expect(_phone_goal(goals.phones["Bram"].page, PLANNING).get_by_test_id("goal-item-meta")) \
        .to_contain_text("Mentorles")
    assert presenter.evaluate("window.__sameDocument") is True
    screenshot(presenter, "canvas-presenter-grid")
    screenshot(facilitator, "canvas-facilitator")


def test_the_select_fallback_moves_and_the_editor_rewords_a_goal(goals):
    facilitator, presenter = goals.facilitator, goals.presenter
    p3 = _period(goals.phones["Anna"].page, "Periode 3")
    goal = _grid_goal(facilitator, MENTOR_ACTION)
    goal.click()
    expect(goal).to_have_attribute("aria-pressed", "true")
    facilitator.get_by_test_id("goal-edit-text").fill("De leerling kan de klassenregels uitleggen.")
    facilitator.get_by_test_id("goal-edit").click()
    expect(_grid_goal(presenter, "De leerling kan de klassenregels uitleggen.")).to_be_visible()
    facilitator.get_by_test_id("goal-move-period").select_option(p3)
    facilitator.get_by_test_id("goal-move").click()
    expect(_cell(presenter, "groepsbegeleiding", p3)).to_contain_text(
        "De leerling kan de klassenregels uitleggen.")
    _grid_goal(facilitator, "De leerling kan de klassenregels uitleggen.").click()  # unpick
    expect(facilitator.get_by_test_id("goal-editor")).to_be_hidden()


def test_a_mentor_likes_a_goal_once(goals):
    anna, bram = goals.phones["Anna"].page, goals.phones["Bram"].page
    like = _phone_goal(bram, FINDING).get_by_test_id("goal-like")
    like.click()
    expect(like).to_be_disabled()
    expect(like).to_have_attribute("aria-pressed", "true")
    expect(_phone_goal(anna, FINDING).get_by_test_id("goal-likes")).to_have_text("♥ 1")
    expect(_grid_goal(goals.presenter, FINDING)).to_contain_text("♥ 1")
    # the most liked goal comes first in the list
    expect(anna.get_by_test_id("goal-item-text").first).to_have_text(FINDING)
    bram.reload()
    expect(_phone_goal(bram, FINDING).get_by_test_id("goal-like")).to_be_disabled()
    goals.facilitator.get_by_test_id("sort-likes").check()
    expect(_grid_goal(goals.facilitator, FINDING).get_by_test_id("grid-goal-meta")).to_contain_text(
        "♥ 1")


def test_goals_on_the_second_canvas_are_merged_and_deleted(goals):
    anna, bram = goals.phones["Anna"].page, goals.phones["Bram"].page
    facilitator, presenter = goals.facilitator, goals.presenter
    for page, text in ((anna, "De leerling kan een gesprek met de mentor voorbereiden."),
                       (bram, "De leerling kan vertellen hoe het gaat in een gesprek.")):
        page.get_by_test_id("canvas-select").select_option(label=SECOND)
        expect(page.get_by_test_id("canvas-name")).to_have_text(SECOND)
        _add_goal(page, text, "leerlinggesprekken", "Periode 1")
    facilitator.get_by_test_id("canvas-tab").filter(has_text=SECOND).click()
    # the projector follows the facilitator's choice of canvas
    expect(presenter.get_by_test_id("canvas-tab").filter(has_text=SECOND)).to_have_attribute(
        "aria-selected", "true")
    # the projector shows a cell's most liked goal and counts the others
    expect(presenter.get_by_test_id("grid-goal")).to_have_count(1)
    expect(presenter.get_by_test_id("grid-more")).to_have_text("+1 meer")
    expect(_grid_goal(presenter, PLANNING)).to_have_count(0)  # that one is on the first canvas
    first, second = facilitator.get_by_test_id("grid-goal").all()
    first.click()
    second.click(modifiers=["Control"])
    expect(facilitator.get_by_test_id("goal-editor-many")).to_be_visible()
    facilitator.get_by_test_id("goal-merge-text").fill(
        "De leerling kan een mentorgesprek voorbereiden en vertellen hoe het gaat.")
    facilitator.get_by_test_id("goal-merge").click()
    expect(presenter.get_by_test_id("grid-goal-text")).to_have_text(
        ["De leerling kan een mentorgesprek voorbereiden en vertellen hoe het gaat."])
    expect(facilitator.get_by_test_id("goal-editor-one")).to_be_visible()
    facilitator.get_by_test_id("goal-delete").click()
    expect(presenter.get_by_test_id("grid-goal")).to_have_count(0)
    expect(anna.get_by_test_id("goals-empty")).to_be_visible()
    presenter.get_by_test_id("canvas-tab").filter(has_text=FIRST).click()
    facilitator.get_by_test_id("canvas-tab").filter(has_text=FIRST).click()


def test_goal_markup_is_shown_as_text(goals):
    anna = goals.phones["Anna"].page
    anna.get_by_test_id("canvas-select").select_option(label=FIRST)
    markup = "<script>window.__xss=1</script> De leerling kan <b>vet</b> lezen."
    _add_goal(anna, markup, "dossier", "Periode 4")
    expect(_grid_goal(goals.presenter, markup)).to_be_visible()
    expect(_grid_goal(goals.facilitator, markup)).to_be_visible()
    for page in (anna, goals.presenter, goals.facilitator):
        assert page.evaluate("typeof window.__xss") == "undefined"
        markup_shown = '[data-testid="canvas-grid"] b, [data-testid="goal-list"] b'
        assert page.locator(markup_shown).count() == 0


def test_a_phone_joining_in_the_canvas_phase_stays_under_the_budget(
        goals, browser, console, live_server):
    code = goals.facilitator.get_by_test_id("join-code").inner_text().replace(" ", "")
    phone, total, sizes = phone_in_phase(browser, console, live_server, code, "Chris",
                                         "cv-phone-chris", "canvas-screen")
    expect(phone.page.get_by_test_id("mission-card-text")).to_have_text(MISSION)
    expect(phone.page.get_by_test_id("goal-item")).not_to_have_count(0)
    print(f"phone page in the canvas phase: {total} bytes in {len(sizes)} responses")
    assert total < PHONE_PAGE_BUDGET, sizes
    phone.context.close()


def test_canvas_pages_report_no_errors(session, console):
    assert no_page_errors(console, "cv-") == []
