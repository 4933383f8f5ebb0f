"""Issue 4 end to end: the values web (waardenweb) from reflection through groups to themes.

Four mentors on phones, the facilitator on a laptop and the projector build one session step
by step, as the foundation tests do: each module fixture is one step, taken once, so every
test can also run on its own with -k. Screenshots of every phase land in
test-artifacts/screenshots/ (waardenweb-*.png).
"""

import random
import re
import uuid
from dataclasses import dataclass

import pytest
import socketio
from playwright.sync_api import Page, expect

from tests.browser.helpers import LAPTOP, PHONE, PROJECTOR, Phone, create_by_api, open_page

pytestmark = pytest.mark.browser

# Dewi's phone clock runs ten minutes ahead: the countdown must not believe it.
SKEWED_CLOCK = """(() => {
  const realNow = Date.now.bind(Date);
  Date.now = () => realNow() + 600000;
})();"""

# What each mentor writes: (text typed, suggestion to tap or None to keep the own words).
VALUES = {
    "Anna": [("vertr", "Vertrouwen"), ("veili", "Veiligheid"), ("respect", None)],
    "Bram": [("vertr", "Vertrouwen"), ("groe", "Groei"), ("humor", None)],
    "Cas": [("vertr", "Vertrouwen"), ("auton", "Autonomie"), ("structuur", None)],
    "Dewi": [("eerlijk zijn", None), ("zelfstandig", None)],
}


@dataclass
class Session:
    """The facilitator's page, the projector and the four phones of one workshop."""

    code: str
    facilitator: Page
    presenter: Page
    phones: dict[str, Phone]


def _phone(session: Session, name: str) -> Page:
    return session.phones[name].page


def _next_phase(facilitator: Page, phase: str) -> None:
    facilitator.get_by_test_id(f"phase-{phase}").click()
    expect(facilitator.get_by_test_id(f"phase-{phase}")).to_have_attribute("aria-current", "step")


def _bubble(presenter: Page, label: str):
    return presenter.get_by_test_id("web-theme").filter(
        has=presenter.get_by_test_id("web-theme-label").get_by_text(label, exact=True))


def _theme_card(facilitator: Page, label: str):
    return facilitator.get_by_test_id("theme").filter(
        has=facilitator.get_by_test_id("theme-label").get_by_text(label, exact=True))


def _theme_value(facilitator: Page, theme: str, text: str):
    """One value row of a theme on the facilitator's page."""
    return _theme_card(facilitator, theme).get_by_test_id("theme-value").filter(
        has=facilitator.get_by_test_id("theme-value-text").get_by_text(text, exact=True))


def _phone_theme(page: Page, label: str):
    return page.get_by_test_id("theme-item").filter(
        has=page.get_by_test_id("theme-item-label").get_by_text(label, exact=True))


def _settled_bubbles(presenter: Page) -> list[dict]:
    """Every visible bubble's circle and its texts' boxes, once all animations have ended."""
    return presenter.evaluate("""async () => {
      // a layout may still be on its way (the web lays out again 0.1 s after a resize)
      await new Promise((resolve) => setTimeout(resolve, 300));
      await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)));
      return [...document.querySelectorAll('[data-testid="web-theme"]:not([hidden])')].map((b) => {
        const box = b.getBoundingClientRect();
        const texts = [...b.querySelectorAll('.bubble-label, .bubble-meta span, .bubble-words li')]
          .map((t) => t.getBoundingClientRect())
          .map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }));
        return { label: b.querySelector('.bubble-label').textContent,
                 x: box.left + box.width / 2, y: box.top + box.height / 2, r: box.width / 2,
                 texts };
      });
    }""")


def _assert_readable_layout(presenter: Page) -> list[dict]:
    """No two bubbles overlap, every text stays inside its circle and on the 1920×1080 screen."""
    bubbles = _settled_bubbles(presenter)
    assert bubbles, "the web shows no bubbles"
    for index, one in enumerate(bubbles):
        for other in bubbles[index + 1:]:
            distance = ((one["x"] - other["x"]) ** 2 + (one["y"] - other["y"]) ** 2) ** 0.5
            assert distance >= one["r"] + other["r"], (one["label"], other["label"])
        for text in one["texts"]:
            assert text["left"] >= 0 and text["right"] <= 1920 and text["bottom"] <= 1080, one
            for x in (text["left"], text["right"]):
                for y in (text["top"], text["bottom"]):
                    reach = ((x - one["x"]) ** 2 + (y - one["y"]) ** 2) ** 0.5
                    assert reach <= one["r"] + 2, (one["label"], text)
    return bubbles


# ---- the session, built once per module --------------------------------------------------

@pytest.fixture(scope="module")
def session(browser, console, live_server, screenshot) -> Session:
    """A named workshop in pairs; projector and facilitator open; four mentors join."""
    created = create_by_api(live_server, title="Waardenweb onderbouw", group_size=2)
    facilitator = open_page(browser, console, "ww-facilitator", **LAPTOP)
    facilitator.goto(created["facilitator_url"])
    expect(facilitator.get_by_test_id("dashboard")).to_be_visible()
    presenter = open_page(browser, console, "ww-presenter", **PROJECTOR)
    presenter.goto(created["presenter_url"])
    expect(presenter.get_by_test_id("screen")).to_be_visible()
    presenter.evaluate("window.__sameDocument = true")

    phones = {}
    for name in VALUES:
        page = open_page(browser, console, f"ww-phone-{name.lower()}", **PHONE)
        if name == "Dewi":
            page.context.add_init_script(SKEWED_CLOCK)
        page.goto(f"{live_server}/j/{created['code']}")
        page.get_by_test_id("name").fill(name)
        page.get_by_test_id("join").click()
        expect(page.get_by_test_id("me-name")).to_have_text(name)
        phones[name] = Phone(name, page.context, page)
    expect(presenter.get_by_test_id("names").get_by_role("listitem")).to_have_count(4)
    screenshot(presenter, "waardenweb-presenter-lobby")
    yield Session(created["code"], facilitator, presenter, phones)
    for phone in phones.values():
        phone.context.close()
    presenter.context.close()
    facilitator.context.close()


@pytest.fixture(scope="module")
def reflected(session, screenshot) -> Session:
    """Reflection: everyone writes values, three of them through the deck's suggestions."""
    _next_phase(session.facilitator, "reflect")
    for name, values in VALUES.items():
        page = _phone(session, name)
        expect(page.get_by_test_id("values-screen")).to_be_visible()
        for typed, suggestion in values:
            page.get_by_test_id("value-text").fill(typed)
            if suggestion:
                page.get_by_test_id("value-suggestions").get_by_text(suggestion, exact=True).click()
                expect(page.get_by_test_id("value-text")).to_have_value(suggestion)
            page.get_by_test_id("value-add").click()
            shown = suggestion or typed
            item = page.get_by_test_id("value-item-text").get_by_text(shown, exact=True)
            expect(item).to_be_visible()
        expect(page.get_by_test_id("value-pending")).to_have_count(0)
    expect(session.presenter.get_by_test_id("progress")).to_have_text("3 van 4 klaar")
    screenshot(_phone(session, "Anna"), "waardenweb-phone-reflect")
    screenshot(session.presenter, "waardenweb-presenter-reflect")
    screenshot(session.facilitator, "waardenweb-facilitator-reflect")
    return session


@pytest.fixture(scope="module")
def grouped(reflected, screenshot) -> Session:
    """The groups phase: the server deals the four mentors into two pairs."""
    _next_phase(reflected.facilitator, "groups")
    expect(reflected.presenter.get_by_test_id("group-card")).to_have_count(2)
    for name in VALUES:
        expect(_phone(reflected, name).get_by_test_id("group-screen")).to_be_visible()
    return reflected


def _partner(session: Session, name: str) -> str:
    """Who is in `name`'s pair, as the facilitator's page lists the groups."""
    for group in session.facilitator.get_by_test_id("group").all():
        members = group.get_by_test_id("group-member-name").all_inner_texts()
        if name in members:
            return next(member for member in members if member != name)
    raise AssertionError(f"{name} is in no group")


@pytest.fixture(scope="module")
def themed(grouped, screenshot) -> Session:
    """The themes phase: the projector shows the values web."""
    _next_phase(grouped.facilitator, "themes")
    expect(_bubble(grouped.presenter, "Vertrouwen")).to_be_visible()
    return grouped


# ---- reflection --------------------------------------------------------------------------

def test_typing_suggests_deck_values_and_own_words_are_kept(reflected):
    anna = _phone(reflected, "Anna")
    expect(anna.get_by_test_id("value-item-text")).to_have_text(
        ["Vertrouwen", "Veiligheid", "respect"])
    anna.get_by_test_id("value-text").fill("vertr")
    # words that start with what was typed come first; a value Anna already took is left out
    expect(anna.get_by_test_id("value-suggestion")).to_have_text(["Zelfvertrouwen"])
    bram = _phone(reflected, "Bram")
    bram.get_by_test_id("value-text").fill("VEIL")
    expect(bram.get_by_test_id("value-suggestion")).to_have_text(
        ["Veiligheid", "Veilige omgeving", "Sociale veiligheid"])
    bram.get_by_test_id("value-text").fill("")
    anna.get_by_test_id("value-text").fill("ÉÉRL")  # case and accents do not matter
    expect(anna.get_by_test_id("value-suggestion").first).to_have_text("Eerlijkheid")
    anna.get_by_test_id("value-text").fill("e")
    expect(anna.get_by_test_id("value-suggestions")).to_be_hidden()
    anna.get_by_test_id("value-text").fill("")
    expect(anna.get_by_test_id("value-count")).to_have_text("3 van 5")


def test_reflection_keeps_values_off_the_projector_but_the_facilitator_previews_themes(reflected):
    presenter = reflected.presenter
    expect(presenter.get_by_test_id("progress")).to_have_text("3 van 4 klaar")
    expect(presenter.locator("body")).not_to_contain_text("Vertrouwen")
    expect(presenter.get_by_test_id("web-panel")).to_be_hidden()
    facilitator = reflected.facilitator
    expect(facilitator.get_by_test_id("themes-note")).to_contain_text("alleen jij ziet dit")
    expect(_theme_card(facilitator, "Vertrouwen").get_by_test_id("theme-meta")).to_have_text(
        "3 mentoren · gedeeld")
    rows = facilitator.get_by_test_id("mentor-row")
    expect(rows.filter(has_text="Dewi").get_by_test_id("mentor-values")).to_have_text("2 van 5")


def test_timer_counts_down_on_every_screen_despite_a_wrong_phone_clock(reflected, screenshot):
    reflected.facilitator.get_by_test_id("timer-5").click()
    five_minutes = re.compile(r"^Nog [45]:\d\d$")
    expect(reflected.facilitator.get_by_test_id("timer")).to_have_text(five_minutes)
    expect(reflected.presenter.get_by_test_id("timer")).to_have_text(five_minutes)
    for name in VALUES:  # Dewi's clock is ten minutes ahead
        expect(_phone(reflected, name).get_by_test_id("timer")).to_have_text(five_minutes)
    dewi = _phone(reflected, "Dewi")
    dewi.reload()  # the join answer carries no server clock: the page must fetch it
    expect(dewi.get_by_test_id("me-name")).to_have_text("Dewi")
    expect(dewi.get_by_test_id("timer")).to_have_text(five_minutes)
    screenshot(_phone(reflected, "Bram"), "waardenweb-phone-timer")
    screenshot(reflected.presenter, "waardenweb-presenter-reflect-timer")
    reflected.facilitator.get_by_test_id("timer-stop").click()
    expect(dewi.get_by_test_id("timer")).to_be_hidden()
    expect(reflected.presenter.get_by_test_id("timer")).to_be_hidden()


# ---- groups ------------------------------------------------------------------------------

def test_each_phone_shows_its_own_group(grouped, screenshot):
    for name in VALUES:
        page = _phone(grouped, name)
        partner = _partner(grouped, name)
        expect(page.get_by_test_id("group-member-name")).to_have_count(2)
        names = page.get_by_test_id("group-member-name").all_inner_texts()
        assert set(names) == {name, partner}
        partner_values = [text if suggestion is None else suggestion
                          for text, suggestion in VALUES[partner]]
        member = page.get_by_test_id("group-member").filter(
            has=page.get_by_test_id("group-member-name").get_by_text(partner, exact=True))
        expect(member.get_by_test_id("group-value-text")).to_have_text(partner_values)
    presenter = grouped.presenter
    expect(presenter.get_by_test_id("group-card-marked")).to_have_text(
        ["0 gedeelde waarden", "0 gedeelde waarden"])
    expect(presenter.get_by_test_id("group-cards")).not_to_contain_text("Vertrouwen")
    screenshot(presenter, "waardenweb-presenter-groups")


def test_a_mark_and_a_group_name_show_on_the_other_members_phone(grouped, screenshot):
    anna, partner = _phone(grouped, "Anna"), _partner(grouped, "Anna")
    other = _phone(grouped, partner)

    def annas_trust(page: Page):
        member = page.get_by_test_id("group-member").filter(
            has=page.get_by_test_id("group-member-name").get_by_text("Anna", exact=True))
        return member.get_by_test_id("group-value").filter(has_text="Vertrouwen").get_by_test_id(
            "group-value-mark")

    expect(annas_trust(other)).to_have_attribute("aria-pressed", "false")
    annas_trust(anna).click()
    expect(annas_trust(other)).to_have_attribute("aria-pressed", "true")
    expect(annas_trust(anna)).to_have_text("✓ Gedeeld")

    other.get_by_test_id("group-name-input").fill("Veilig groeien")
    other.get_by_test_id("group-name-save").click()
    expect(anna.get_by_test_id("group-name")).to_have_text("Jullie thema: Veilig groeien")
    card = grouped.presenter.get_by_test_id("group-card").filter(has_text="Anna")
    expect(card.get_by_test_id("group-card-marked")).to_have_text("1 gedeelde waarde")
    expect(card.get_by_test_id("group-card-name")).to_have_text("“Veilig groeien”")
    screenshot(anna, "waardenweb-phone-groups")
    screenshot(grouped.presenter, "waardenweb-presenter-groups")


def test_facilitator_moves_a_mentor_to_another_group(grouped):
    facilitator = grouped.facilitator
    dewi = _phone(grouped, "Dewi")
    row = facilitator.get_by_test_id("group-member").filter(has_text="Dewi")
    before = int(row.get_by_test_id("group-move").input_value())
    other = 2 if before == 1 else 1
    row.get_by_test_id("group-move").select_option(str(other))
    row.get_by_test_id("group-move-go").click()
    expect(dewi.get_by_test_id("group-title")).to_have_text(f"Jouw groepje: groep {other}")
    expect(dewi.get_by_test_id("group-member-name")).to_have_count(3)
    expect(grouped.presenter.get_by_test_id("group-card").nth(other - 1)).to_contain_text("Dewi")
    # and back, so the pairs stay as they were for the other tests
    row = facilitator.get_by_test_id("group-member").filter(has_text="Dewi")
    row.get_by_test_id("group-move").select_option(str(before))
    row.get_by_test_id("group-move-go").click()
    expect(dewi.get_by_test_id("group-title")).to_have_text(f"Jouw groepje: groep {before}")
    expect(dewi.get_by_test_id("group-member-name")).to_have_count(2)


# ---- themes ------------------------------------------------------------------------------

def test_projector_shows_the_web_with_shared_themes_highlighted(themed, screenshot):
    presenter = themed.presenter
    trust = _bubble(presenter, "Vertrouwen")
    expect(trust).to_have_class(re.compile(r"\bshared\b"))
    expect(trust.get_by_test_id("web-word")).to_have_text(["Vertrouwen ×3"])
    expect(trust.get_by_test_id("web-theme-meta")).to_contain_text("3 mentoren")
    # Anna marked her "Vertrouwen" in her group: the bubble carries the mark
    expect(trust).to_have_class(re.compile(r"\bmarked\b"))
    expect(trust.get_by_test_id("web-theme-meta")).to_contain_text("✓ 1 in groepjes")
    expect(_bubble(presenter, "Respect")).not_to_have_class(re.compile(r"\bshared\b"))
    assert presenter.evaluate("window.__sameDocument") is True
    bubbles = _assert_readable_layout(presenter)
    sizes = {bubble["label"]: bubble["r"] for bubble in bubbles}
    assert sizes["Vertrouwen"] > sizes["Respect"], sizes
    screenshot(presenter, "waardenweb-presenter-themes")
    screenshot(_phone(themed, "Cas"), "waardenweb-phone-themes")


def test_facilitator_merges_and_renames_and_the_projector_follows_in_place(themed, screenshot):
    facilitator, presenter = themed.facilitator, themed.presenter
    trust_before = next(b for b in _settled_bubbles(presenter) if b["label"] == "Vertrouwen")
    expect(_bubble(presenter, "Structuur")).to_be_visible()

    card = _theme_card(facilitator, "Structuur")
    card.get_by_test_id("theme-merge-target").select_option(label="Veiligheid")
    card.get_by_test_id("theme-merge").click()
    expect(_bubble(presenter, "Structuur")).to_have_count(0)
    merged = _bubble(presenter, "Veiligheid")
    expect(merged).to_have_class(re.compile(r"\bshared\b"))
    expect(merged.get_by_test_id("web-word")).to_have_text(["structuur", "Veiligheid"])

    card = _theme_card(facilitator, "Veiligheid")
    card.get_by_test_id("theme-rename-input").fill("Veilige basis")
    card.get_by_test_id("theme-rename").click()
    expect(_bubble(presenter, "Veilige basis")).to_be_visible()
    expect(_bubble(presenter, "Veiligheid")).to_have_count(0)
    expect(_phone_theme(_phone(themed, "Anna"), "Veilige basis")).to_be_visible()

    bubbles = _assert_readable_layout(presenter)
    trust_after = next(b for b in bubbles if b["label"] == "Vertrouwen")
    # the picture does not jump: a bubble that had room keeps its place
    assert abs(trust_after["x"] - trust_before["x"]) < 2, (trust_before, trust_after)
    assert abs(trust_after["y"] - trust_before["y"]) < 2, (trust_before, trust_after)
    screenshot(presenter, "waardenweb-presenter-themes-corrected")


def test_facilitator_moves_splits_and_hides(themed):
    facilitator, presenter = themed.facilitator, themed.presenter
    # Cas's "Autonomie" joins "Groei", then is split off again as a theme of its own
    value = _theme_value(facilitator, "Autonomie", "Autonomie")
    value.get_by_test_id("value-move").select_option(label="Groei")
    value.get_by_test_id("value-move-go").click()
    expect(_bubble(presenter, "Groei").get_by_test_id("web-word")).to_have_text(
        ["Autonomie", "Groei"])
    value = _theme_value(facilitator, "Groei", "Autonomie")
    value.get_by_test_id("value-move").select_option(label="Nieuw thema")
    value.get_by_test_id("value-move-go").click()
    expect(_bubble(presenter, "Groei").get_by_test_id("web-word")).to_have_text(["Groei"])
    # a theme of its own: a bubble, or, when the stage has no room left for a one-mentor
    # theme, on the line under the web
    split_off = presenter.get_by_test_id("web-word").get_by_text("Autonomie", exact=True)
    listed = presenter.get_by_test_id("web-more").filter(has_text="Autonomie (1)")
    expect(split_off.or_(listed)).to_be_visible()

    _theme_card(facilitator, "Respect").get_by_test_id("theme-hide").click()
    expect(_bubble(presenter, "Respect")).to_have_count(0)
    expect(_phone_theme(_phone(themed, "Anna"), "Respect")).to_have_count(0)
    expect(_theme_card(facilitator, "Respect").get_by_test_id("theme-meta")).to_contain_text(
        "verborgen")
    _theme_card(facilitator, "Respect").get_by_test_id("theme-hide").click()
    expect(_bubble(presenter, "Respect")).to_be_visible()


def test_phone_marks_dit_herken_ik_once_and_every_screen_counts_it(themed, screenshot):
    bram, anna = _phone(themed, "Bram"), _phone(themed, "Anna")
    theme = _phone_theme(bram, "Vertrouwen")
    expect(theme.get_by_test_id("theme-recognised")).to_have_text("0× herkend")
    theme.get_by_test_id("theme-recognise").click()
    expect(theme.get_by_test_id("theme-recognised")).to_have_text("1× herkend")
    expect(theme.get_by_test_id("theme-recognise")).to_be_disabled()
    expect(theme.get_by_test_id("theme-recognise")).to_have_text("✓ Herkend")
    expect(_phone_theme(anna, "Vertrouwen").get_by_test_id("theme-recognised")).to_have_text(
        "1× herkend")
    meta = _bubble(themed.presenter, "Vertrouwen").get_by_test_id("web-theme-meta")
    expect(meta).to_contain_text("1× herkend")
    bram.reload()  # the phone remembers what it already recognised
    expect(_phone_theme(bram, "Vertrouwen").get_by_test_id("theme-recognise")).to_be_disabled()
    screenshot(bram, "waardenweb-phone-themes")


def test_latecomer_adds_a_value_then_the_facilitator_closes_submissions(
        themed, browser, console, live_server):
    page = open_page(browser, console, "ww-phone-late", **PHONE)
    page.goto(f"{live_server}/j/{themed.code}")
    page.get_by_test_id("name").fill("Eva")
    page.get_by_test_id("join").click()
    expect(page.get_by_test_id("themes-screen")).to_be_visible()
    page.get_by_test_id("value-text").fill("vertr")
    page.get_by_test_id("value-suggestion").get_by_text("Vertrouwen", exact=True).click()
    page.get_by_test_id("value-add").click()
    trust = _bubble(themed.presenter, "Vertrouwen")
    expect(trust.get_by_test_id("web-word")).to_have_text(["Vertrouwen ×4"])
    expect(trust.get_by_test_id("web-theme-meta")).to_contain_text("4 mentoren")

    themed.facilitator.get_by_test_id("submissions-toggle").click()
    expect(themed.facilitator.get_by_test_id("submissions-state")).to_have_text(
        "Invullen is gesloten.")
    for phone in (page, _phone(themed, "Cas")):
        expect(phone.get_by_test_id("submissions-closed")).to_have_text(
            "De begeleider heeft het invullen gesloten.")
        expect(phone.get_by_test_id("value-form")).to_be_hidden()
    themed.facilitator.get_by_test_id("submissions-toggle").click()
    expect(page.get_by_test_id("value-form")).to_be_visible()
    expect(page.get_by_test_id("submissions-closed")).to_be_hidden()
    page.context.close()
    _assert_readable_layout(themed.presenter)


def test_waardenweb_pages_report_no_errors(themed, console):
    problems = [entry for entry in console if entry[0].startswith("ww-")
                and (entry[1] in ("pageerror", "error") or "Content Security Policy" in entry[2])]
    assert problems == []


# ---- a whole team's web ------------------------------------------------------------------

# What a staff room of mentors writes: deck words, synonyms, spelling variants, own phrases.
TEAM_VALUES = [
    "Vertrouwen", "vertrouwen", "Veiligheid", "veilige sfeer", "Respect", "respect voor elkaar",
    "Groei", "ontwikkeling", "Autonomie", "zelfstandigheid", "Eerlijkheid", "Betrokkenheid",
    "Humor", "plezier", "Structuur", "duidelijkheid", "Gelijkwaardigheid", "Empathie",
    "Geduld", "Verbinding", "Openheid", "Nieuwsgierigheid", "Zorg", "Rust", "Eigenaarschap",
    "Samenwerking", "Doorzettingsvermogen", "Creativiteit", "Erkenning", "Kansengelijkheid",
]


def _socket_client(url):
    """A mentor or facilitator without a browser: the Python client, as tests/server uses."""
    client = socketio.Client(reconnection=False)
    client.connect(url, transports=["websocket"], wait_timeout=10)
    return client


@pytest.fixture(scope="module")
def team(browser, console, live_server):
    """24 mentors (Python Socket.IO clients) with 3–5 values each; the projector in themes."""
    created = create_by_api(live_server, title="Missie mentoraat 2025", team="Mentoren onderbouw")
    facilitator = _socket_client(live_server)
    assert facilitator.call("facilitate", {"workshop_id": created["id"],
                                           "token": created["facilitator_token"]})["ok"]
    assert facilitator.call("phase:set", {"phase": "reflect"})["ok"]
    rng = random.Random(4)
    weights = [30 - index for index in range(len(TEAM_VALUES))]  # the deck's first are common
    mentors = []
    for number in range(24):
        client = _socket_client(live_server)
        assert client.call("join", {"code": created["code"], "name": f"Mentor {number}"})["ok"]
        chosen = []
        while len(chosen) < rng.randint(3, 5):
            text = rng.choices(TEAM_VALUES, weights)[0]
            if text.casefold() not in {c.casefold() for c in chosen}:
                chosen.append(text)
        for text in chosen:
            assert client.call("value:add", {"id": str(uuid.uuid4()), "text": text})["ok"]
        mentors.append(client)
    assert facilitator.call("phase:set", {"phase": "groups"})["ok"]
    assert facilitator.call("phase:set", {"phase": "themes"})["ok"]
    presenter = open_page(browser, console, "ww-team-presenter", **PROJECTOR)
    presenter.goto(created["presenter_url"])
    expect(presenter.get_by_test_id("web-theme").first).to_be_visible()
    yield presenter, mentors, facilitator
    presenter.context.close()
    for client in [facilitator, *mentors]:
        client.disconnect()


def test_a_whole_teams_web_is_readable_and_grows_in_place(team, screenshot):
    presenter, mentors, facilitator = team
    _settled_bubbles(presenter)
    screenshot(presenter, "waardenweb-presenter-themes-team")
    before = {b["label"]: b for b in _assert_readable_layout(presenter)}
    assert len(before) >= 6, before.keys()
    # every theme is on the stage or, least named, in the line under it: none gets lost
    web = facilitator.call("sync", {"since": 0})["state"]["themes"]
    most_named = max(web, key=lambda theme: theme["participants"])["label"]
    assert most_named in before
    panel = presenter.get_by_test_id("web-panel").inner_text()
    assert all(theme["label"] in panel for theme in web), (web, panel)
    words = presenter.get_by_test_id("web-word").all_inner_texts()
    assert any(re.search(r" ×\d+$", word) for word in words), words

    # one more value: every bubble stays where it was
    assert mentors[0].call("value:add", {"id": str(uuid.uuid4()), "text": "Dankbaarheid"})["ok"]
    # a bubble of its own, or in the list of themes that did not fit
    expect(presenter.get_by_test_id("web-panel")).to_contain_text("Dankbaarheid")
    after = {b["label"]: b for b in _assert_readable_layout(presenter)}
    kept = [label for label in before if label in after]
    moved = [label for label in kept if abs(after[label]["x"] - before[label]["x"])
             + abs(after[label]["y"] - before[label]["y"]) > 2]
    assert len(moved) <= 1, moved  # at most the bubble that grew looks for more room


def test_web_packs_many_long_themes_without_overlap_and_lists_the_rest(team):
    """60 themes with long names on the stage: what does not fit is named under the web."""
    presenter = team[0]
    presenter.evaluate("""async () => {
      const { ValuesWeb } = await import('/static/js/web.js');
      const stage = document.querySelector('[data-testid="web"]');
      stage.replaceChildren();
      const web = new ValuesWeb(stage, { more: document.querySelector('[data-testid="web-more"]'),
        empty: document.querySelector('[data-testid="web-empty"]') },
        JSON.parse(document.getElementById('strings').textContent).web);
      const themes = [];
      for (let i = 0; i < 60; i += 1) {
        const participants = 1 + (i % 7 === 0 ? 9 - (i % 5) : i % 3);
        themes.push({ id: `t${i}`, label: i % 4 === 0 ? `Doorzettingsvermogen ${i}` : `Thema ${i}`,
          participants, shared: participants > 1, hidden: false, recognised: 0, marked: i % 5,
          words: [{ text: 'Persoonlijke aandacht voor elke leerling', count: 2 },
                  { text: `woord ${i}`, count: 1 }, { text: 'vertrouwen', count: 3 }] });
      }
      web.update(themes);
    }""")
    _assert_readable_layout(presenter)
    more = presenter.get_by_test_id("web-more")
    expect(more).to_be_visible()
    expect(more).to_contain_text("Ook genoemd:")
    shown = presenter.get_by_test_id("web-theme").filter(visible=True).count()
    # the line names what its two lines hold and counts the rest: "… · Thema 58 (1) · +12"
    *named, last = more.inner_text().removeprefix("Ook genoemd: ").split(" · ")
    listed = len(named) + int(last[1:]) if re.fullmatch(r"\+\d+", last) else len(named) + 1
    assert shown + listed == 60, (shown, listed)
    assert shown >= 6, shown
    assert more.evaluate("(line) => line.scrollHeight <= line.clientHeight + 1"), "the line is cut"


def test_shared_themes_get_their_bubbles_before_any_one_mentor_theme(team):
    """A crowded web: one-mentor themes on the stage first, then shared themes arrive and grow;
    every theme named by two or more mentors gets a bubble, one-mentor themes give way."""
    presenter = team[0]
    result = presenter.evaluate("""async () => {
      const { ValuesWeb } = await import('/static/js/web.js');
      const stage = document.createElement('div');
      stage.className = 'web';
      stage.style.cssText = 'position: fixed; left: 0; top: 0; width: 1800px; height: 640px;';
      const more = document.createElement('span');
      document.body.append(stage, more);
      const web = new ValuesWeb(stage, { more, empty: document.createElement('p') },
        JSON.parse(document.getElementById('strings').textContent).web);
      const theme = (id, label, participants) => ({ id, label, participants,
        shared: participants > 1, hidden: false, recognised: 0, marked: 0,
        words: [{ text: label.toLowerCase(), count: participants }] });
      const singles = Array.from({ length: 16 }, (_, i) => theme(`s${i}`, `Eigen thema ${i}`, 1));
      web.update(singles);
      const before = singles.filter((t) => !web.bubbles.get(t.id).element.hidden).length;
      // a new shared theme, and two one-mentor themes that a second mentor also names
      const grown = singles.map((t, i) => (i >= 14 ? theme(t.id, t.label, 2) : t));
      web.update([...grown, theme('v', 'Vertrouwen', 3)]);
      const shown = (id) => !web.bubbles.get(id).element.hidden;
      const result = { before, shared: ['v', 's14', 's15'].map(shown),
        singles: grown.slice(0, 14).filter((t) => shown(t.id)).length, more: more.textContent };
      stage.remove();
      more.remove();
      return result;
    }""")
    assert result["before"] < 16, result  # the stage was full: some themes were only listed
    assert result["shared"] == [True, True, True], result
    assert "Vertrouwen" not in result["more"], result
