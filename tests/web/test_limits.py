"""Abuse limits, locking, deletion and retention, with the real limits switched on."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from tests.conftest import add_value, create_workshop, join, set_phase
from workshop import service
from workshop.storage.tables import metadata, workshops
from workshop.web import create_app, socketio
from workshop.web.limits import moving_window


@pytest.fixture
def strict_app(tmp_path):
    app = create_app({
        "TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'limits.db'}",
        "ASYNC_MODE": "threading", "PUBLIC_URL": "http://192.0.2.10:5000",
        "SOCKET_EVENT_LIMIT": "5 per 10 seconds", "FAILED_JOIN_LIMIT": "3 per minute",
        "RATELIMIT_ENABLED": True,
    })
    yield app
    app.extensions["store"].dispose()


def _sock(app):
    return socketio.test_client(app, flask_test_client=app.test_client())


def test_a_flood_of_events_is_answered_rate_limited(strict_app):
    sock = _sock(strict_app)
    answers = [sock.emit("sync", {"since": 0}, callback=True) for _ in range(8)]
    assert [a["error"] for a in answers[:5]] == ["not_joined"] * 5
    assert {a["error"] for a in answers[5:]} == {"rate_limited"}
    assert "Wacht" in answers[-1]["message"]


def test_guessing_join_codes_is_limited_per_address(strict_app):
    workshop = create_workshop(strict_app.test_client())
    for _ in range(3):
        assert _sock(strict_app).emit("join", {"code": "ZZZZZZ", "name": "x"},
                                      callback=True)["error"] == "unknown_code"
    # a new connection from the same address does not reset the count; nobody from this
    # address is in the workshop yet, so even the right code is refused (test_join_limits.py)
    ack = _sock(strict_app).emit("join", {"code": workshop["code"], "name": "Anna"},
                                 callback=True)
    assert ack["ok"] is False and ack["error"] == "rate_limited"


def test_guessing_codes_through_the_qr_route_is_limited(strict_app):
    client = strict_app.test_client()
    statuses = [client.get("/qr/ZZZZZZ.svg").status_code for _ in range(62)]
    assert statuses[:60] == [404] * 60 and statuses[-1] == 429
    assert client.get("/qr/ZZZZZZ.svg").get_json()["error"] == "rate_limited"


def test_a_locked_workshop_lets_known_mentors_back_but_nobody_new(connect, workshop,
                                                                  facilitator):
    anna = join(connect(), workshop, name="Anna")
    ack = facilitator.emit("workshop:lock", {"locked": True}, callback=True)
    assert ack == {"ok": True, "locked": True}
    refused = connect().emit("join", {"code": workshop["code"], "name": "Student"},
                             callback=True)
    assert refused["ok"] is False and refused["error"] == "locked"
    again = join(connect(), workshop, name=None, token=anna["token"])
    assert again["participant_id"] == anna["participant_id"]
    assert connect().emit("workshop:lock", {"locked": False}, callback=True)["error"] \
        == "not_joined"


def test_deleting_a_workshop_removes_every_row_of_it(app, client, connect, workshop,
                                                     facilitator):
    other = create_workshop(client)
    set_phase(facilitator, "reflect")
    phone = connect()
    join(phone, workshop)
    assert add_value(phone, "Vertrouwen")["ok"]
    denied = client.delete(f"/api/workshops/{workshop['id']}",
                           headers={"Authorization": f"Bearer {other['facilitator_token']}"})
    assert denied.status_code == 403
    response = client.delete(f"/api/workshops/{workshop['id']}",
                             headers={"Authorization": f"Bearer {workshop['facilitator_token']}"})
    assert response.status_code == 204
    assert any(m["name"] == "deleted" for m in phone.get_received())
    engine = app.extensions["store"].engine
    with engine.connect() as connection:
        for table in metadata.sorted_tables:
            if "workshop_id" in table.c:
                left = connection.execute(select(func.count()).select_from(table).where(
                    table.c.workshop_id == workshop["id"])).scalar_one()
                assert left == 0, table.name
        assert connection.execute(select(func.count()).select_from(workshops)).scalar_one() == 1
    assert add_value(phone, "Groei")["error"] == "not_joined"


def test_a_delete_without_a_token_is_refused(client, workshop):
    assert client.delete(f"/api/workshops/{workshop['id']}").status_code == 403


def test_workshops_past_the_retention_period_are_purged(app, client):
    store = app.extensions["store"]
    old, new = create_workshop(client), create_workshop(client)
    with store.engine.begin() as connection:
        connection.execute(update(workshops).where(workshops.c.id == old["id"]).values(
            created_at=datetime.now(UTC) - timedelta(days=91)))
    assert service.purge_expired(store, datetime.now(UTC), 90) == 1
    with store.engine.connect() as connection:
        ids = set(connection.execute(select(workshops.c.id)).scalars())
    assert ids == {new["id"]}


def test_the_start_page_states_the_retention_period(client):
    assert "90" in client.get("/").get_data(as_text=True)


class _Clock:
    """A clock the test moves by hand: the window's behaviour, not the machine's speed."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_the_moving_window_refuses_once_full_and_frees_up_as_hits_age():
    clock = _Clock()
    window = moving_window("3 per 10 seconds", clock)
    assert [window.hit("a") for _ in range(4)] == [True, True, True, False]
    assert window.hit("b") is True  # every key has its own window
    clock.now += 9.9
    assert window.test("a") is False
    clock.now += 0.2  # the first three hits are now older than 10 s
    assert window.test("a") is True
    assert [window.hit("a") for _ in range(4)] == [True, True, True, False]


def test_a_refused_hit_does_not_count():
    clock = _Clock()
    window = moving_window("2 per 10 seconds", clock)
    window.hit("a")
    window.hit("a")
    for _ in range(5):
        clock.now += 1
        assert window.hit("a") is False
    clock.now += 5.1  # 10.1 s after the two counted hits; the refused ones left no trace
    assert window.hit("a") is True


def test_idle_keys_are_forgotten_so_memory_follows_the_active_connections():
    clock = _Clock()
    window = moving_window("60 per 10 seconds", clock)
    for sid in range(1000):
        window.hit(f"sid{sid}")
    assert len(window) == 1000
    clock.now += 10.5
    window.hit("still-here")
    assert len(window) == 1
