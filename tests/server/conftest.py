"""The real server as a subprocess (eventlet, a fresh SQLite file) for each test."""

import pytest
from socketio import base_client

from tests.live_server import LiveServer


@pytest.fixture
def server(tmp_path):
    live = LiveServer(f"sqlite:///{tmp_path / 'live.db'}", tmp_path / "server.log").start()
    yield live
    live.stop()


@pytest.fixture(autouse=True)
def no_phone_reconnects_after_its_test():
    """A phone still reconnecting when its test ends (a failed assertion skipped its close)
    would go on in its thread against a stopped server, drawing its jitter from the global
    `random` during later tests, which Hypothesis (tests/web/test_fuzz.py) reports as an
    error. python-socketio lists such clients; they are stopped here."""
    yield
    for client in list(base_client.reconnecting_clients):
        client.shutdown()
