"""Browser tests: the real server (`python app.py`) in a subprocess, driven with Debian's Chromium.

`playwright install` cannot download its own browser here, so pytest-playwright launches
/usr/bin/chromium. When Chromium cannot start the tests skip, unless
MENTORKOMPAS_REQUIRE_BROWSER=1 says that a missing browser is a failure (CI).
"""

import os
from pathlib import Path

import pytest

from tests.live_server import ROOT, LiveServer

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = os.environ.get("MENTORKOMPAS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def live_server(tmp_path_factory) -> str:
    """`python app.py` under eventlet with its own SQLite file, on a free port of 127.0.0.1;
    PUBLIC_URL is that address, so the pages show the "phones cannot reach this" warning."""
    folder = tmp_path_factory.mktemp("browser-server")
    server = LiveServer(f"sqlite:///{folder / 'browser.db'}", folder / "server.log",
                        async_mode="eventlet").start()
    yield server.url
    server.stop()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """pytest-playwright's launch options plus Debian's Chromium and flags that work here."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser(launch_browser):
    """The Chromium every test shares; a missing browser skips, or fails when it is required."""
    try:
        if not Path(CHROMIUM).exists():
            raise FileNotFoundError(f"{CHROMIUM} does not exist (apt-get install chromium)")
        launched = launch_browser()
    except Exception as error:  # any launch failure means the same: no browser here
        reason = f"Chromium could not start: {error}"
        if os.environ.get("MENTORKOMPAS_REQUIRE_BROWSER") == "1":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    yield launched
    launched.close()


@pytest.fixture(scope="session")
def console() -> list[tuple[str, str, str]]:
    """(page, type, text) of every console message and page error of the watched pages."""
    return []


@pytest.fixture(scope="session")
def screenshot():
    """Save a full-page screenshot under test-artifacts/screenshots/ (for people to look at)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def save(page, name: str) -> None:
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)

    return save
