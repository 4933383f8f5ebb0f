"""Issue 16: every facilitator correction without a mouse. Only keyboard.press and
keyboard.type drive the page (Tab to a control, type to choose an option, Enter or Space to
apply); each test then asks the server whether the correction happened, and checks that the
focus is visible and stays with the item a redraw replaced."""

import uuid

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import (
    LAPTOP,
    create_by_api,
    facilitating,
    mentor_adds,
    open_page,
    socket_client,
    tab_to,
)

pytestmark = pytest.mark.browser


def _focused(page: Page) -> dict:
    """The focused element's test id, its item's id and whether a focus ring is drawn."""
    return page.evaluate("""() => {
      const active = document.activeElement;
      const style = getComputedStyle(active);
      const owner = active.closest('[data-value-id], [data-participant-id], [data-goal-id]');
      return { testid: active.dataset.testid || '', owner: owner ? owner.getAttribute(
                 owner.dataset.valueId ? 'data-value-id' : owner.dataset.participantId
                   ? 'data-participant-id' : 'data-goal-id') : '',
               // the accent ring of :focus-visible, not the pale one of a field being typed in
               ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2
                 && style.outlineColor === 'rgb(11, 85, 99)' };
    }""")


def _themes(client) -> dict[str, dict]:
    """The server's themes by label: their value texts and whether they are hidden."""
    state = client.call("sync", {"since": 0})["state"]
    return {theme["label"]: {"values": sorted(v["text"] for v in theme["values"]),
                             "hidden": theme["hidden"], "ids": [v["id"] for v in theme["values"]]}
            for theme in state["themes"]}


def _theme_card(page: Page, label: str):
    return page.get_by_test_id("theme").filter(
        has=page.get_by_test_id("theme-label").get_by_text(label, exact=True))


def _value_row(page: Page, scope, text: str):
    return scope.get_by_test_id("theme-value").filter(
        has=page.get_by_test_id("theme-value-text").get_by_text(text, exact=True))


def test_theme_corrections_with_the_keyboard_alone(browser, console, live_server):
    # the browser tests share one server: learning off, so these corrections teach the
    # workshops of later tests nothing (and earlier ones teach this one nothing)
    created = create_by_api(live_server, title="Toetsenbord", learn=False)
    server = facilitating(live_server, created)
    assert server.call("phase:set", {"phase": "reflect"})["ok"]
    mentors = [mentor_adds(live_server, created["code"], name, texts) for name, texts in (
        ("Anna", ["Vertrouwen", "Humor", "Structuur"]),
        ("Bram", ["Vertrouwen", "Groei", "Veiligheid"]),
        ("Cas", ["Respect"]))]
    assert server.call("phase:set", {"phase": "themes"})["ok"]
    before = _themes(server)
    assert before["Plezier"]["values"] == ["Humor"] and "Structuur" in before, before
    humor = before["Plezier"]["ids"][0]

    page = open_page(browser, console, "keyboard-themes", **LAPTOP)
    page.goto(created["facilitator_url"])
    expect(_theme_card(page, "Groei")).to_be_visible()

    # move: Humor to Groei (typing picks the option; nothing moves until the button)
    tab_to(page, _value_row(page, page, "Humor").get_by_test_id("value-move"))
    assert _focused(page)["ring"]
    page.keyboard.type("Groei")
    assert _themes(server)["Plezier"]["values"] == ["Humor"]  # choosing alone moved nothing
    page.keyboard.press("Tab")
    assert _focused(page) == {"testid": "value-move-go", "owner": humor, "ring": True}
    page.keyboard.press("Enter")
    expect(_value_row(page, _theme_card(page, "Groei"), "Humor")).to_be_visible()
    assert _themes(server)["Groei"]["values"] == ["Groei", "Humor"]
    # the focus went along with the value into its new theme
    assert _focused(page) == {"testid": "value-move-go", "owner": humor, "ring": True}

    # merge: Structuur into Veiligheid
    tab_to(page, _theme_card(page, "Structuur").get_by_test_id("theme-merge-target"))
    page.keyboard.type("Veiligheid")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(_theme_card(page, "Structuur")).to_have_count(0)
    after = _themes(server)
    assert "Structuur" not in after and after["Veiligheid"]["values"] == ["Structuur", "Veiligheid"]

    # rename: Veiligheid becomes "Veilige basis"
    tab_to(page, _theme_card(page, "Veiligheid").get_by_test_id("theme-rename-input"))
    page.keyboard.type("Veilige basis")
    page.keyboard.press("Enter")
    expect(_theme_card(page, "Veilige basis")).to_be_visible()
    assert _themes(server)["Veilige basis"]["values"] == ["Structuur", "Veiligheid"]

    # split: Humor becomes a theme of its own again, with Space on the button
    tab_to(page, _value_row(page, page, "Humor").get_by_test_id("value-move"))
    page.keyboard.type("Nieuw thema")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(_value_row(page, _theme_card(page, "Groei"), "Humor")).to_have_count(0)
    after = _themes(server)
    assert after["Groei"]["values"] == ["Groei"]
    assert any(theme["values"] == ["Humor"] for theme in after.values()), after

    # hide: Respect
    tab_to(page, _theme_card(page, "Respect").get_by_test_id("theme-hide"))
    page.keyboard.press("Enter")
    expect(_theme_card(page, "Respect").get_by_test_id("theme-meta")).to_contain_text("verborgen")
    assert _themes(server)["Respect"]["hidden"] is True

    for client in (server, *mentors):
        client.disconnect()
    page.context.close()


def test_moving_a_mentor_to_another_group_with_the_keyboard(browser, console, live_server):
    created = create_by_api(live_server, title="Groepjes met toetsen", group_size=2)
    server = facilitating(live_server, created)
    mentors = []
    for name in ("Anna", "Bram", "Cas", "Dewi"):
        mentor = socket_client(live_server)
        assert mentor.call("join", {"code": created["code"], "name": name})["ok"]
        mentors.append(mentor)
    assert server.call("phase:set", {"phase": "groups"})["ok"]

    def group_of(name: str) -> int:
        groups = server.call("sync", {"since": 0})["state"]["groups"]
        return next(group["number"] for group in groups
                    if name in [member["name"] for member in group["members"]])

    page = open_page(browser, console, "keyboard-groups", **LAPTOP)
    page.goto(created["facilitator_url"])
    row = page.get_by_test_id("group-member").filter(has_text="Dewi")
    expect(row).to_be_visible()
    before = group_of("Dewi")
    other = 2 if before == 1 else 1
    tab_to(page, row.get_by_test_id("group-move"))
    assert _focused(page)["ring"]
    page.keyboard.type(f"Groep {other}")
    page.keyboard.press("Tab")
    assert _focused(page)["testid"] == "group-move-go"
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("group").nth(other - 1)).to_contain_text("Dewi")
    assert group_of("Dewi") == other
    assert _focused(page)["testid"] == "group-move-go"  # still with Dewi, in her new group

    for client in (server, *mentors):
        client.disconnect()
    page.context.close()


def test_moving_and_merging_goals_on_the_canvas_with_the_keyboard(browser, console, live_server):
    created = create_by_api(live_server, title="Canvas met toetsen")
    server = facilitating(live_server, created)
    assert server.call("phase:set", {"phase": "canvas"})["ok"]
    canvas_id = server.call("canvas:add",
                            {"id": str(uuid.uuid4()), "name": "Leerjaar 1"})["canvas_id"]
    periods = server.call("sync", {"since": 0})["state"]["canvas"]["periods"]
    for text in ("De leerling kan een planning maken.", "De leerling kan hulp vragen."):
        assert server.call("goal:add", {"id": str(uuid.uuid4()), "canvas_id": canvas_id,
                                        "text": text, "domain": "studiebegeleiding",
                                        "period": periods[0]["id"]})["ok"]

    def goals() -> list[dict]:
        return server.call("sync", {"since": 0})["state"]["canvas"]["canvases"][0]["goals"]

    page = open_page(browser, console, "keyboard-canvas", **LAPTOP)
    page.goto(created["facilitator_url"])
    planning = page.get_by_test_id("grid-goal").filter(has_text="planning maken")
    expect(planning).to_be_visible()

    # pick one goal with Enter and move it to period 3 with the editor's selects
    tab_to(page, planning)
    assert _focused(page)["ring"]
    page.keyboard.press("Enter")
    expect(planning).to_have_attribute("aria-pressed", "true")
    assert _focused(page)["testid"] == "grid-goal"  # picking kept the focus on the goal
    tab_to(page, page.get_by_test_id("goal-move-period"))
    page.keyboard.type(periods[2]["name"])
    page.keyboard.press("Tab")
    assert _focused(page)["testid"] == "goal-move"
    page.keyboard.press("Enter")
    moved = page.get_by_test_id("grid-cell").filter(has=planning)
    expect(moved).to_have_attribute("data-period", periods[2]["id"])
    assert {goal["text"]: goal["period"] for goal in goals()}[
        "De leerling kan een planning maken."] == periods[2]["id"]

    # pick both (Enter, then Shift+Enter on the other) and merge them
    help_goal = page.get_by_test_id("grid-goal").filter(has_text="hulp vragen")
    tab_to(page, help_goal)
    page.keyboard.press("Shift+Enter")
    expect(page.get_by_test_id("goal-editor-many")).to_be_visible()
    tab_to(page, page.get_by_test_id("goal-merge"))
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("grid-goal")).to_have_count(1)
    assert len(goals()) == 1

    server.disconnect()
    page.context.close()


def test_combining_drafts_and_adopting_the_mission_with_the_keyboard(browser, console,
                                                                     live_server):
    created = create_by_api(live_server, title="Missie met toetsen")
    server = facilitating(live_server, created)
    mentors = [mentor_adds(live_server, created["code"], name, []) for name in ("Anna", "Bram")]
    assert server.call("phase:set", {"phase": "mission"})["ok"]
    for mentor, text in zip(mentors, ("Wij zien elke leerling.", "Wij bouwen vertrouwen."),
                            strict=True):
        assert mentor.call("draft:add", {"id": str(uuid.uuid4()), "text": text})["ok"]

    def board() -> dict:
        return server.call("sync", {"since": 0})["state"]["board"]

    page = open_page(browser, console, "keyboard-board", **LAPTOP)
    page.goto(created["facilitator_url"])
    expect(page.get_by_test_id("draft")).to_have_count(2)

    for text in ("Wij zien elke leerling.", "Wij bouwen vertrouwen."):
        tab_to(page, page.get_by_test_id("draft").filter(has_text=text)
               .get_by_test_id("draft-select"))
        assert _focused(page)["ring"]
        page.keyboard.press("Space")
    expect(page.get_by_test_id("combine-form")).to_be_visible()
    tab_to(page, page.get_by_test_id("combine"))
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("draft")).to_have_count(1)
    drafts = board()["drafts"]
    assert [draft["text"] for draft in drafts] == [
        "Wij zien elke leerling. Wij bouwen vertrouwen."]

    tab_to(page, page.get_by_test_id("draft-choose"))
    page.keyboard.press("Enter")  # the draft goes into the mission field, which takes the focus
    assert _focused(page)["testid"] == "mission-input"
    page.keyboard.press("Tab")
    assert _focused(page)["testid"] == "mission-adopt"
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("mission-adopted")).to_have_text(
        "Wij zien elke leerling. Wij bouwen vertrouwen.")
    assert board()["mission"] == "Wij zien elke leerling. Wij bouwen vertrouwen."

    for client in (server, *mentors):
        client.disconnect()
    page.context.close()
