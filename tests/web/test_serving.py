"""Serving: the start-up check of the open-file limit against MAX_CONNECTIONS, and the
connections' buffers under eventlet and gevent (workshop/web/serving.py, eventlet_http.py,
gevent_http.py)."""

import importlib.util
import json
import logging
import os
import resource
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from workshop.web import serving

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def limits(monkeypatch):
    """A fake RLIMIT_NOFILE: [soft, hard], and whether raising it is refused."""
    state = {"limit": [1024, 4096], "refuse": False}

    def getrlimit(which):
        assert which == resource.RLIMIT_NOFILE
        return tuple(state["limit"])

    def setrlimit(which, value):
        if state["refuse"]:
            raise ValueError("not allowed")
        state["limit"] = list(value)

    monkeypatch.setattr(serving.resource, "getrlimit", getrlimit)
    monkeypatch.setattr(serving.resource, "setrlimit", setrlimit)
    return state


def test_the_soft_limit_is_raised_to_the_hard_limit(limits, caplog):
    assert serving.ensure_file_limit(2500) == 4096
    assert limits["limit"] == [4096, 4096]
    assert not caplog.records


def test_a_hard_limit_below_need_is_raised_as_far_as_it_goes_and_warned_about(limits, caplog):
    limits["limit"] = [256, 1024]
    with caplog.at_level(logging.WARNING):
        assert serving.ensure_file_limit(2500) == 1024
    assert limits["limit"] == [1024, 1024]
    assert "MAX_CONNECTIONS=2500" in caplog.text and "2564" in caplog.text


def test_a_refused_raise_is_warned_about(limits, caplog):
    limits["refuse"] = True
    with caplog.at_level(logging.WARNING):
        assert serving.ensure_file_limit(2500) == 1024
    assert "Could not raise" in caplog.text and "below the 2564" in caplog.text


def test_an_unlimited_hard_limit_raises_the_soft_limit_to_what_is_needed(limits, caplog):
    limits["limit"] = [1024, resource.RLIM_INFINITY]
    assert serving.ensure_file_limit(2500) == 2564
    assert not caplog.records


def held_connections(mode: str, handler: str) -> dict:
    """tests/web/connection_buffers.py's report for one server and handler."""
    done = subprocess.run([sys.executable, "tests/web/connection_buffers.py", mode, handler],
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def assert_http_intact(report: dict) -> None:
    """A head longer than the request buffer, a 200 KB response, and a 100 KB upload after
    "100 Continue", all on one kept-alive connection."""
    assert report["big"] == 200_000 and report["big_intact"]
    assert report["continue"] == "HTTP/1.1 100 Continue"
    assert report["uploaded"] == 100_000


def test_eventlet_websockets_hold_no_response_buffer_and_http_still_works():
    lean, stock = held_connections("eventlet", "lean"), held_connections("eventlet", "stock")
    for report in (lean, stock):
        assert_http_intact(report)
        assert report["echoes"] == [(b"\x81\x05" + b"hallo").hex()] * 3
    # eventlet's own: a 16 KB response and an 8 KB request buffer for each of the three held
    # websockets and the client's connection; here the websockets have no response buffer,
    # and every reader has REQUEST_BUFFER bytes
    assert stock["held"] >= 4 * (16384 + 8192)
    assert stock["held"] - lean["held"] >= 3 * 16384 + 4 * (8192 - serving.REQUEST_BUFFER)
    assert lean["held"] < 4 * (serving.REQUEST_BUFFER + 512) + 16384 + 512


def test_gevent_connections_read_through_a_small_buffer_and_http_still_works():
    lean, stock = held_connections("gevent", "lean"), held_connections("gevent", "stock")
    for report in (lean, stock):
        assert_http_intact(report)
    # three idle connections and the client's: gevent's own reader has 8 KB each
    assert stock["held"] >= 4 * 8192
    assert lean["held"] < 4 * (serving.REQUEST_BUFFER + 512)


def test_the_server_leaves_the_asyncio_client_library_unloaded(tmp_path):
    # the test tools install aiohttp, so engineio would import it here unless app.py stops it
    assert importlib.util.find_spec("aiohttp") is not None
    env = {**os.environ, "ASYNC_MODE": "threading", "DATABASE_URL": f"sqlite:///{tmp_path}/a.db",
           "SECRET_KEY": "test"}
    done = subprocess.run(
        [sys.executable, "-c", "import sys, app, socketio; print(sys.modules['aiohttp'])"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "None"


class Recorder:
    """Stands in for what serve() hands the connections to, and keeps what it was given."""

    def __init__(self):
        self.calls = []

    def __call__(self, *args, **kwargs):
        self.calls.append(kwargs)

    run = __call__


def serving_config(mode: str) -> SimpleNamespace:
    """What serve() reads of the app."""
    return SimpleNamespace(config={"ASYNC_MODE": mode, "MAX_CONNECTIONS": 10,
                                   "HOST": "127.0.0.1", "PORT": 0})


def test_eventlet_serves_with_the_lean_protocol(monkeypatch, limits):
    import eventlet
    import eventlet.wsgi

    from workshop.web.eventlet_http import LeanHttpProtocol
    server = Recorder()
    monkeypatch.setattr(eventlet.wsgi, "server", server)
    monkeypatch.setattr(eventlet, "listen", lambda *args, **kwargs: None)
    serving.serve(serving_config("eventlet"), None, None)
    assert server.calls[0]["protocol"] is LeanHttpProtocol


def test_gevent_serves_with_the_lean_handler(limits):
    from workshop.web.gevent_http import LeanWSGIHandler
    socketio = Recorder()
    serving.serve(serving_config("gevent"), socketio, None)
    assert socketio.calls[0]["handler_class"] is LeanWSGIHandler
