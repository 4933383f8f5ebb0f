"""The real server as a subprocess (eventlet, a fresh SQLite file) for each test."""

import pytest

from tests.live_server import LiveServer


@pytest.fixture
def server(tmp_path):
    live = LiveServer(f"sqlite:///{tmp_path / 'live.db'}", tmp_path / "server.log").start()
    yield live
    live.stop()
