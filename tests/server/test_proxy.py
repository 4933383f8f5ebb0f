"""The client address behind a reverse proxy, end to end against `python app.py` (eventlet).

This test plays the proxy: it connects from 127.0.0.1 and sends X-Forwarded-For the way
nginx does (`$proxy_add_x_forwarded_for`: what the client sent, then the address nginx saw).
"""

import pytest
import requests
import socketio

from tests.live_server import LiveServer

pytestmark = pytest.mark.server

LIMIT = 5  # wrong codes per address, small so the test is short


@pytest.fixture
def start(tmp_path):
    """Start the real server with extra settings; stopped after the test."""
    started = []

    def _start(**env):
        live = LiveServer(f"sqlite:///{tmp_path / 'proxy.db'}", tmp_path / "server.log",
                          extra_env={"FAILED_JOIN_LIMIT": f"{LIMIT} per 10 minutes", **env})
        started.append(live)
        return live.start()

    yield _start
    for live in started:
        live.stop()


def _join(url: str, forwarded_for: str, code: str) -> dict:
    """One phone's join over its own websocket, through the 'proxy'."""
    client = socketio.Client(reconnection=False)
    client.connect(url, transports=["websocket"], headers={"X-Forwarded-For": forwarded_for},
                   wait_timeout=10)
    try:
        return client.call("join", {"code": code, "name": "Mentor"}, timeout=10)
    finally:
        client.disconnect()


def _guess_until_limited(url: str, forwarded_for) -> list[str]:
    """LIMIT + 2 wrong codes, each from a new connection; the errors they got."""
    return [_join(url, forwarded_for(i), "ZZZZZ" + "23456789"[i])["error"]
            for i in range(LIMIT + 2)]


def test_behind_a_trusted_proxy_each_phone_counts_by_its_own_address(start):
    server = start(TRUSTED_PROXIES="1")
    workshop = requests.post(f"{server.url}/api/workshops", json={"title": "Missie"},
                             timeout=5).json()
    # a guesser who rotates what it writes in the header: only nginx's last entry counts
    errors = _guess_until_limited(server.url, lambda i: f"10.9.9.{i}, 203.0.113.7")
    assert errors == ["unknown_code"] * LIMIT + ["rate_limited"] * 2
    assert _join(server.url, "203.0.113.7", workshop["code"])["error"] == "rate_limited"
    # a phone at another address is not touched by the guesser's count
    assert _join(server.url, "198.51.100.20", workshop["code"])["ok"]


def test_without_trusted_proxies_x_forwarded_for_is_ignored(start):
    server = start()  # TRUSTED_PROXIES defaults to 0
    workshop = requests.post(f"{server.url}/api/workshops", json={"title": "Missie"},
                             timeout=5).json()
    errors = _guess_until_limited(server.url, lambda i: f"203.0.113.{i}")
    assert errors == ["unknown_code"] * LIMIT + ["rate_limited"] * 2
    # every connection is the peer 127.0.0.1, whatever the header says
    assert _join(server.url, "198.51.100.20", workshop["code"])["error"] == "rate_limited"


def test_trusted_proxies_must_be_a_number(start):
    with pytest.raises(RuntimeError, match="TRUSTED_PROXIES must be a number"):
        start(TRUSTED_PROXIES="nginx")
