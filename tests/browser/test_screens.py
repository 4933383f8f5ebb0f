"""Issue 16: every screen as people see it, in every phase, with a full room.

One workshop walks through its phases with 60 mentors (Python Socket.IO clients) and two
phones in Chromium, at 320 and 360 px. In each phase the projector is measured at four
beamer sizes (no scrolling, nothing cut, the join code and QR code whole, type of at least
24 px), the phones at their width (no sideways scrolling, no word split over two lines), and
axe-core audits the projector, the phones, the facilitator's page and the start page.
Screenshots land in test-artifacts/screenshots/ (screens-*.png).

The tests run in phase order; a test asked for alone walks the workshop up to its phase.
"""

import random
import re
import uuid
from dataclasses import dataclass, field

import pytest
import socketio
from playwright.sync_api import Page, expect

from tests.browser.axe import serious_findings
from tests.browser.helpers import PHONE, create_by_api, open_page
from tests.browser.screen_checks import canvas_task_words_too_wide, phone_fit, projector_fit

pytestmark = pytest.mark.browser

PHASES = ["lobby", "reflect", "groups", "themes", "mission", "canvas", "closed"]
BEAMERS = {"1280x720": (1280, 720), "1366x768": (1366, 768), "1920x1080": (1920, 1080),
           "3840x2160": (3840, 2160)}
PHONE_WIDTHS = (320, 360)
MIN_TYPE_PX = 24
MENTORS = 60
FIRST = ["Annemarie", "Bram", "Chantal", "Dewi", "Els", "Fatima", "Gijs", "Hanneke", "Ilse",
         "Jeroen", "Karim", "Lotte", "Marieke", "Noor", "Oscar", "Priya", "Quinten", "Roos",
         "Sem", "Tamara"]
LAST = ["de Vries", "van den Bergh-Hoogendijk", "Jansen", "El Amrani"]
# about twenty themes: the first values are named by many mentors, the last by one or two
VALUES = ["Vertrouwen", "Veiligheid", "Respect", "Groei", "Autonomie", "Humor", "Structuur",
          "Eerlijkheid", "Geduld", "Verbinding", "Openheid", "Nieuwsgierigheid", "Zorg", "Rust",
          "Eigenaarschap", "Samenwerking", "Doorzettingsvermogen", "Creativiteit", "Erkenning",
          "Kansengelijkheid", "Rechtvaardigheid", "Plezier"]
PHONES = {320: ("Sanne", ["Duidelijkheid", "Betrokkenheid", "Doorzettingsvermogen"]),
          360: ("Mohammed", ["Rechtvaardigheid", "Verantwoordelijkheid", "Nieuwsgierigheid"])}
WHY = "Omdat leerlingen moeten weten waar ze aan toe zijn"
DRAFT = ("Wij zijn mentoren die met {a} en {b} elke leerling zien, zodat hij veilig kan groeien "
         "tot iemand die zijn eigen keuzes durft te maken.")
MISSION = ("Wij geven elke leerling vertrouwen en een veilige plek, zodat hij met plezier groeit "
           "en zelf leert kiezen.")
DOMAINS = ["introductie", "studiebegeleiding", "persoonlijk_sociaal", "groepsbegeleiding",
           "ouders", "leerlinggesprekken", "docenten", "dossier"]


@dataclass
class Room:
    """The workshop, its screens and clients, and the phase it has reached."""

    created: dict
    facilitator: socketio.Client
    mentors: list
    presenter: Page
    desk: Page
    phones: dict[int, Page]
    phase: str = "lobby"
    drafts: list = field(default_factory=list)


def _mentor_name(number: int) -> str:
    return f"{FIRST[number % len(FIRST)]} {LAST[number // len(FIRST) % len(LAST)]}"


def _client(url: str) -> socketio.Client:
    client = socketio.Client(reconnection=False)
    client.connect(url, transports=["websocket"], wait_timeout=10)
    return client


def _ok(answer: dict) -> dict:
    assert answer["ok"], answer
    return answer


@pytest.fixture(scope="module")
def room(browser, console, live_server):
    """A named workshop with its projector, the facilitator's page, 60 mentors and two phones."""
    created = create_by_api(live_server, title="Missie mentoraat 2026",
                            team="Mentoren onderbouw havo/vwo")
    facilitator = _client(live_server)
    _ok(facilitator.call("facilitate", {"workshop_id": created["id"],
                                        "token": created["facilitator_token"]}))
    presenter = open_page(browser, console, "sc-presenter", viewport={"width": 1280, "height": 720})
    presenter.goto(created["presenter_url"])
    expect(presenter.get_by_test_id("screen")).to_be_visible()
    desk = open_page(browser, console, "sc-facilitator", viewport={"width": 1366, "height": 768})
    desk.goto(created["facilitator_url"])
    expect(desk.get_by_test_id("dashboard")).to_be_visible()
    phones = {}
    for width, (name, _) in PHONES.items():
        page = open_page(browser, console, f"sc-phone-{width}",
                         **{**PHONE, "viewport": {"width": width, "height": 640}})
        page.goto(f"{live_server}/j/{created['code']}")
        page.get_by_test_id("name").fill(name)
        page.get_by_test_id("join").click()
        expect(page.get_by_test_id("me-name")).to_have_text(name)
        phones[width] = page
    mentors = []
    for number in range(MENTORS):
        client = _client(live_server)
        _ok(client.call("join", {"code": created["code"], "name": _mentor_name(number)}))
        mentors.append(client)
    expect(presenter.get_by_test_id("joined-count")).to_contain_text(str(MENTORS + len(PHONES)))
    yield Room(created, facilitator, mentors, presenter, desk, phones)
    for page in (presenter, desk, *phones.values()):
        page.context.close()
    for client in (facilitator, *mentors):
        client.disconnect()


def _reflect(room: Room) -> None:
    """Every mentor names 3–5 values, the common ones most often; the phones type theirs."""
    rng = random.Random(16)
    weights = [len(VALUES) - index for index in range(len(VALUES))]
    for client in room.mentors:
        chosen = []
        while len(chosen) < rng.randint(3, 5):
            text = rng.choices(VALUES, weights)[0]
            if text not in chosen:
                chosen.append(text)
        for text in chosen:
            _ok(client.call("value:add", {"id": str(uuid.uuid4()), "text": text}))
    for width, (_, values) in PHONES.items():
        page = room.phones[width]
        for text in values:
            page.get_by_test_id("value-text").fill(text)
            page.get_by_test_id("value-why").fill(WHY)
            page.get_by_test_id("value-add").click()
        expect(page.get_by_test_id("value-pending")).to_have_count(0)


def _mission(room: Room) -> None:
    """Twelve drafts, voting open, dots on most of them."""
    for number, client in enumerate(room.mentors[:12]):
        text = DRAFT.format(a=VALUES[number].lower(), b=VALUES[number + 1].lower())
        added = _ok(client.call("draft:add", {"id": str(uuid.uuid4()), "text": text}))
        room.drafts.append(added["draft_id"])
    _ok(room.facilitator.call("voting:set", {"open": True, "votes_per_person": 3}))
    for number, client in enumerate(room.mentors[12:42]):
        _ok(client.call("vote:cast", {"draft_id": room.drafts[number % 9]}))


def _canvas(room: Room) -> None:
    """The mission adopted, one canvas with its basis and two goals in every cell of the grid."""
    _ok(room.facilitator.call("mission:adopt", {"text": MISSION}))
    canvas_id = _ok(room.facilitator.call("canvas:add", {
        "id": str(uuid.uuid4()), "name": "Leerjaar 1 havo/vwo"}))["canvas_id"]
    _ok(room.facilitator.call("canvas:basis", {"canvas_id": canvas_id,
                                               "doelgroep": "Brugklassers havo/vwo, 12–13 jaar"}))
    visions = ["Elke leerling wordt gezien.", "Ouders zijn partners.", "Fouten maken mag."]
    for client, text in zip(room.mentors[:len(visions)], visions, strict=True):
        _ok(client.call("vision:add", {"id": str(uuid.uuid4()), "canvas_id": canvas_id,
                                       "text": text}))
    periods = room.facilitator.call("sync", {"since": 0})["state"]["canvas"]["periods"]
    mentors = iter(room.mentors * 3)
    for domain in DOMAINS:
        for period in periods:
            for text in ("De leerling kan zijn planning voor de komende week maken en bijhouden.",
                         "De leerling kan uitleggen wat hij nodig heeft om goed te leren."):
                goal = _ok(next(mentors).call("goal:add", {
                    "id": str(uuid.uuid4()), "canvas_id": canvas_id, "text": text,
                    "domain": domain, "period": period["id"]}))
                _ok(next(mentors).call("goal:like", {"goal_id": goal["goal_id"]}))


ENTER = {"reflect": _reflect, "mission": _mission, "canvas": _canvas}


def _reach(room: Room, phase: str) -> Room:
    """Walk the workshop forward to `phase`, filling each phase on the way."""
    assert PHASES.index(phase) >= PHASES.index(room.phase), "the tests run in phase order"
    while room.phase != phase:
        room.phase = PHASES[PHASES.index(room.phase) + 1]
        _ok(room.facilitator.call("phase:set", {"phase": room.phase}))
        if room.phase in ENTER:
            ENTER[room.phase](room)
    return room


def _projector(room: Room, phase: str, size: str, screenshot) -> None:
    """No scrolling, nothing cut, the join code and QR code whole, type of at least 24 px."""
    page = room.presenter
    width, height = BEAMERS[size]
    page.set_viewport_size({"width": width, "height": height})
    expect(page.locator("body")).to_have_attribute("data-phase", phase)
    fit = projector_fit(page)
    screenshot(page, f"screens-projector-{phase}-{size}")
    assert (fit["scrollWidth"], fit["scrollHeight"]) == (width, height), fit
    if phase == "lobby":
        assert set(fit["join"]) == {"qr", "join-code"}, fit["join"]
    assert all(shown["inside"] and not shown["cut"] for shown in fit["join"].values()), fit["join"]
    assert fit["outside"] == [], fit["outside"]
    assert fit["cut"] == [], fit["cut"]
    assert fit["smallest"]["size"] >= MIN_TYPE_PX, fit["smallest"]
    if phase in ("lobby", "reflect"):
        # every name is shown or counted ("+40 meer"), the newest stay in view
        names = page.get_by_test_id("names")
        shown = names.locator("li:not(.more)").filter(visible=True).all_inner_texts()
        counted = names.locator("li.more").filter(visible=True).all_inner_texts()
        hidden = int(re.fullmatch(r"\+(\d+) meer", counted[0])[1]) if counted else 0
        assert len(shown) + hidden == MENTORS + len(PHONES), (shown, counted)
        assert shown[-1] == _mentor_name(MENTORS - 1), shown
    if phase == "themes":
        _assert_every_theme_shown_or_listed(room)
    if phase == "canvas":
        assert canvas_task_words_too_wide(page) == []
    for cards, pager in (("group-card", "groups-pager"), ("draft-card", "board-pager")):
        # lists that rotate: every item is on a page, and the pages are announced
        if page.get_by_test_id(cards).first.is_visible():
            total = page.get_by_test_id(cards).count()
            if page.get_by_test_id(cards).filter(visible=True).count() < total:
                expect(page.get_by_test_id(pager)).to_have_text(re.compile(r"^\d+ / \d+$"))
    if size == "1920x1080":
        assert serious_findings(page) == []


def _assert_every_theme_shown_or_listed(room: Room) -> None:
    """Each theme has a bubble or is named or counted on the line under the web, and no
    one-mentor theme has a bubble while a shared theme has none."""
    page = room.presenter
    themes = [theme for theme in room.facilitator.call("sync", {"since": 0})["state"]["themes"]
              if not theme["hidden"]]
    bubbles = set(page.get_by_test_id("web-theme").filter(visible=True)
                  .get_by_test_id("web-theme-label").all_inner_texts())
    line = page.get_by_test_id("web-more")
    listed = []
    if line.is_visible():
        listed = line.inner_text().removeprefix("Ook genoemd: ").split(" · ")
    counted = int(listed.pop()[1:]) if listed and re.fullmatch(r"\+\d+", listed[-1]) else 0
    assert len(bubbles) + len(listed) + counted == len(themes), (bubbles, listed, counted)
    shared = {theme["label"] for theme in themes if theme["participants"] >= 2}
    if not shared <= bubbles:
        assert all(theme["label"] not in bubbles for theme in themes
                   if theme["participants"] < 2), (bubbles, shared)


def _phone(room: Room, phase: str, width: int, screenshot) -> None:
    """No sideways scrolling, no word split over two lines, no serious axe finding."""
    page = room.phones[width]
    expect(page.get_by_test_id("phase-title")).to_have_text(room.presenter.get_by_test_id(
        "phase-title").inner_text())
    fit = phone_fit(page)
    screenshot(page, f"screens-phone-{phase}-{width}")
    assert fit["scrollWidth"] <= fit["width"], fit
    assert fit["split"] == [], fit["split"]
    assert serious_findings(page) == []


def _facilitator(room: Room, phase: str, screenshot) -> None:
    """The facilitator's laptop page: no serious axe finding."""
    expect(room.desk.get_by_test_id(f"phase-{phase}")).to_have_attribute("aria-current", "step")
    room.desk.evaluate("async () => new Promise((resolve) => setTimeout(resolve, 300))")
    screenshot(room.desk, f"screens-facilitator-{phase}")
    assert serious_findings(room.desk) == []


SCREENS = [*(f"projector-{size}" for size in BEAMERS),
           *(f"phone-{width}" for width in PHONE_WIDTHS),
           "facilitator"]


# one test per phase and screen, in phase order, so that the workshop only moves forward
@pytest.mark.parametrize(("phase", "screen"),
                         [(phase, screen) for phase in PHASES for screen in SCREENS])
def test_screen_in_phase(room, phase, screen, screenshot):
    _reach(room, phase)
    kind, _, variant = screen.partition("-")
    if kind == "projector":
        _projector(room, phase, variant, screenshot)
    elif kind == "phone":
        _phone(room, phase, int(variant), screenshot)
    else:
        _facilitator(room, phase, screenshot)


def test_start_page_has_no_serious_accessibility_findings(browser, console, live_server):
    page = open_page(browser, console, "sc-start", viewport={"width": 1366, "height": 768})
    page.goto(live_server)
    expect(page.locator("form")).to_be_visible()
    assert serious_findings(page) == []
    page.context.close()


def test_join_page_has_no_serious_accessibility_findings(browser, console, live_server):
    page = open_page(browser, console, "sc-join", **{**PHONE, "viewport": {"width": 320,
                                                                          "height": 640}})
    page.goto(f"{live_server}/j")
    expect(page.get_by_test_id("join-form")).to_be_visible()
    assert phone_fit(page)["scrollWidth"] <= 320
    assert serious_findings(page) == []
    page.context.close()
