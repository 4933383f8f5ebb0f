"""Shared fixtures: an app on a fresh SQLite file per test, its HTTP and Socket.IO clients."""

import time
import uuid
from contextlib import contextmanager

import pytest

from workshop.web import create_app, socketio


def make_app(database, **overrides):
    """An app for tests on its own SQLite file, with limits that fast tests do not hit."""
    return create_app({
        "TESTING": True,
        "DATABASE_URL": f"sqlite:///{database}",
        "ASYNC_MODE": "threading",
        "PUBLIC_URL": "http://192.0.2.10:5000",
        "SECRET_KEY": "test",
        "THEMES_BROADCAST_DELAY": 0.05,
        # tests send many events quickly; tests/web/test_limits.py checks the real limits
        "SOCKET_EVENT_LIMIT": "10000 per second",
        "RATELIMIT_ENABLED": False,
        **overrides,
    })


@pytest.fixture
def app(tmp_path):
    app = make_app(tmp_path / "test.db")
    yield app
    app.extensions["store"].dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def workshop(client):
    """A fresh named workshop as POST /api/workshops answers it."""
    return create_workshop(client)


@pytest.fixture
def connect(app):
    """Open Socket.IO test connections; each is closed after the test."""
    with connector(app) as _connect:
        yield _connect


@contextmanager
def connector(app):
    """A function that opens Socket.IO test connections to `app`, all closed at the end."""
    opened = []

    def _connect():
        sock = socketio.test_client(app, flask_test_client=app.test_client())
        opened.append(sock)
        return sock

    yield _connect
    for sock in opened:
        if sock.is_connected():
            sock.disconnect()


@pytest.fixture
def facilitator(connect, workshop):
    sock = connect()
    ack = sock.emit("facilitate", {"workshop_id": workshop["id"],
                                   "token": workshop["facilitator_token"]}, callback=True)
    assert ack["ok"], ack
    sock.get_received()
    return sock


def create_workshop(client, **settings):
    body = {"title": "Missie onderbouw", "team": "Mentoren 1e klas", **settings}
    response = client.post("/api/workshops", json=body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def join(sock, workshop, name="Anna", **extra):
    ack = sock.emit("join", {"code": workshop["code"], "name": name, **extra}, callback=True)
    assert ack["ok"], ack
    return ack


def add_value(sock, text, client_id=None, why=None):
    payload = {"id": client_id or str(uuid.uuid4()), "text": text}
    if why is not None:
        payload["why"] = why
    return sock.emit("value:add", payload, callback=True)


def events_named(sock, name):
    return [message["args"][0] for message in sock.get_received() if message["name"] == name]


def wait_for(sock, name, predicate=lambda payload: True, timeout=5.0):
    """The newest `name` event matching `predicate`, waiting for coalesced broadcasts."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        matching = [p for p in events_named(sock, name) if predicate(p)]
        if matching:
            return matching[-1]
        time.sleep(0.02)
    raise AssertionError(f"no {name!r} event arrived within {timeout} s")


def mentor_in(connect, workshop, name):
    sock = connect()
    join(sock, workshop, name=name)
    return sock


def set_phase(sock, phase):
    ack = sock.emit("phase:set", {"phase": phase}, callback=True)
    assert ack["ok"], ack
    return ack
