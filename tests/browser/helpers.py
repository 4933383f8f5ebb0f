"""What the browser tests share: device sizes, a phone, opening watched pages, a workshop by API."""

import json
import urllib.request
import uuid
from dataclasses import dataclass

import socketio
from playwright.sync_api import BrowserContext, Locator, Page, expect

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 2}
LAPTOP = {"viewport": {"width": 1280, "height": 800}}
PHONE_PAGE_BUDGET = 150 * 1024
PROJECTOR = {"viewport": {"width": 1920, "height": 1080}}


@dataclass
class Phone:
    """One mentor's phone: its own browser context, so its own localStorage and network."""

    name: str
    context: BrowserContext
    page: Page


def open_page(browser, console, label: str, **options) -> Page:
    """A page in a fresh context (Dutch, as on the team's devices) whose console we keep."""
    context = browser.new_context(locale="nl-NL", **options)
    page = context.new_page()
    page.on("console", lambda message: console.append((label, message.type, message.text)))
    page.on("pageerror", lambda error: console.append((label, "pageerror", str(error))))
    return page


def create_by_api(live_server: str, **settings) -> dict:
    """A workshop created over HTTP, for tests that do not need the start page."""
    request = urllib.request.Request(f"{live_server}/api/workshops", method="POST",
                                     data=json.dumps({"title": "Extra", **settings}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as answer:
        return json.load(answer)


def socket_client(live_server: str) -> socketio.Client:
    """A Socket.IO client on the live server (a second facilitator tab, a mentor's script)."""
    client = socketio.Client(reconnection=False)
    client.connect(live_server, transports=["websocket"], wait_timeout=10)
    return client


def facilitating(live_server: str, created: dict) -> socketio.Client:
    """A socket client with facilitator rights on `created`; `facilitate` answers the state."""
    client = socket_client(live_server)
    assert client.call("facilitate", {"workshop_id": created["id"],
                                      "token": created["facilitator_token"]})["ok"]
    return client


def mentor_adds(live_server: str, code: str, name: str, texts: list[str]) -> socketio.Client:
    """A mentor joins by socket and adds `texts` as values (the reflection phase must be on)."""
    client = socket_client(live_server)
    assert client.call("join", {"code": code, "name": name})["ok"]
    for text in texts:
        assert client.call("value:add", {"id": str(uuid.uuid4()), "text": text})["ok"]
    return client


def tab_to(page: Page, target: Locator, limit: int = 300) -> None:
    """Press Tab until `target` has the focus, as a keyboard user walks the page."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {target}")


def join_phone(browser, console, live_server: str, code: str, name: str, label: str) -> Phone:
    """A mentor scans the QR code (/j/<code>) and joins with `name`."""
    page = open_page(browser, console, label, **PHONE)
    page.goto(f"{live_server}/j/{code}")
    page.get_by_test_id("name").fill(name)
    page.get_by_test_id("join").click()
    expect(page.get_by_test_id("me-name")).to_have_text(name)
    return Phone(name, page.context, page)


def set_phase(facilitator: Page, phase: str) -> None:
    """The facilitator clicks a phase in the phase bar and the page confirms it."""
    facilitator.get_by_test_id(f"phase-{phase}").click()
    expect(facilitator.get_by_test_id(f"phase-{phase}")).to_have_attribute("aria-current", "step")


def no_page_errors(console, prefix: str) -> list:
    """Console errors, page errors and CSP reports of the pages whose label starts with `prefix`."""
    return [entry for entry in console if entry[0].startswith(prefix)
            and (entry[1] in ("pageerror", "error") or "Content Security Policy" in entry[2])]


def record_transfer(page: Page) -> list[tuple[str, int]]:
    """(url, bytes with headers) of every response `page` receives from now on."""
    sizes: list[tuple[str, int]] = []
    page.on("requestfinished", lambda request: sizes.append(
        (request.url, sum(request.sizes()[key] for key in
                          ("responseHeadersSize", "responseBodySize")))))
    return sizes


def phone_in_phase(browser, console, live_server: str, code: str, name: str, label: str,
                   screen: str) -> tuple[Phone, int, list]:
    """A new mentor joins mid-session; what the page transferred until `screen` shows."""
    page = open_page(browser, console, label, **PHONE)
    sizes = record_transfer(page)
    page.goto(f"{live_server}/j/{code}", wait_until="networkidle")
    page.get_by_test_id("name").fill(name)
    page.get_by_test_id("join").click()
    expect(page.get_by_test_id(screen)).to_be_visible()
    page.wait_for_load_state("networkidle")
    return Phone(name, page.context, page), sum(size for _, size in sizes), sizes
