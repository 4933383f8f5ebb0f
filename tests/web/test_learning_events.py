"""The whole path over real Socket.IO and HTTP: a correction in workshop A places the same
value in workshop B, created afterwards; an imported export teaches a fresh server."""

from tests.conftest import (
    add_value,
    connector,
    create_workshop,
    make_app,
    mentor_in,
    set_phase,
    wait_for,
)


def _facilitate(connect, workshop):
    sock = connect()
    ack = sock.emit("facilitate", {"workshop_id": workshop["id"],
                                   "token": workshop["facilitator_token"]}, callback=True)
    assert ack["ok"], ack
    return sock


def _theme_with(web, text):
    return next(t for t in web if any(v["text"] == text for v in t["values"]))


def _web_with(sock, *texts):
    """The facilitator's newest web once it shows all these texts."""
    def shows_all(payload):
        shown = {v["text"] for t in payload["themes"] for v in t["values"]}
        return set(texts) <= shown
    return wait_for(sock, "themes", shows_all)["themes"]


def _teach(client, connect, text="ankerplaats voor iedereen", into="Veiligheid"):
    """Workshop A: a mentor's value lands on its own; the facilitator moves it."""
    a = create_workshop(client)
    facilitator = _facilitate(connect, a)
    set_phase(facilitator, "reflect")
    mentor = mentor_in(connect, a, "Anna")
    assert add_value(mentor, into)["ok"]
    assert add_value(mentor, text)["ok"]
    web = _web_with(facilitator, into, text)
    assert _theme_with(web, text)["label"] != into
    ack = facilitator.emit("theme:move", {"value_id": _theme_with(web, text)["values"][0]["id"],
                                          "theme_id": _theme_with(web, into)["id"]},
                           callback=True)
    assert ack["ok"], ack
    return a


def _learn(client, connect, text="Ankerplaats voor iedereen!", also="Veiligheid", **settings):
    """Workshop B, created afterwards: the same value form arrives."""
    b = create_workshop(client, **settings)
    facilitator = _facilitate(connect, b)
    set_phase(facilitator, "reflect")
    mentor = mentor_in(connect, b, "Bram")
    assert add_value(mentor, also)["ok"]
    assert add_value(mentor, text)["ok"]
    return _web_with(facilitator, also, text)


def test_a_correction_in_one_workshop_places_the_value_in_the_next(client, connect):
    _teach(client, connect)
    web = _learn(client, connect)
    safety = _theme_with(web, "Ankerplaats voor iedereen!")
    assert safety["label"] == "Veiligheid"
    assert safety["values"] == [
        {"id": safety["values"][0]["id"], "text": "Veiligheid"},
        {"id": safety["values"][1]["id"], "text": "Ankerplaats voor iedereen!", "learned": True}]


def test_a_workshop_opted_out_at_creation_learns_nothing(client, connect):
    _teach(client, connect)
    web = _learn(client, connect, learn=False)
    assert _theme_with(web, "Ankerplaats voor iedereen!")["label"] != "Veiligheid"


def test_deleting_workshop_a_over_http_forgets_its_lesson(client, connect):
    a = _teach(client, connect)
    response = client.delete(f"/api/workshops/{a['id']}",
                             headers={"Authorization": f"Bearer {a['facilitator_token']}"})
    assert response.status_code in (200, 204)
    web = _learn(client, connect)
    assert _theme_with(web, "Ankerplaats voor iedereen!")["label"] != "Veiligheid"


def test_a_server_with_learning_switched_off_learns_nothing(tmp_path):
    app = make_app(tmp_path / "off.db", LEARN_FROM_WORKSHOPS=False)
    try:
        with connector(app) as connect:
            client = app.test_client()
            _teach(client, connect)
            web = _learn(client, connect)
        assert _theme_with(web, "Ankerplaats voor iedereen!")["label"] != "Veiligheid"
    finally:
        app.extensions["store"].dispose()


def test_an_imported_export_teaches_a_fresh_server(client, connect, tmp_path):
    a = _teach(client, connect)
    exported = client.get(f"/api/workshops/{a['id']}/export?format=json",
                          headers={"Authorization": f"Bearer {a['facilitator_token']}"})
    assert exported.status_code == 200
    fresh = make_app(tmp_path / "new.db")
    try:
        with connector(fresh) as connect_fresh:
            fresh_client = fresh.test_client()
            imported = fresh_client.post("/api/workshops/import", json=exported.get_json())
            assert imported.status_code == 201, imported.get_json()
            web = _learn(fresh_client, connect_fresh)
        value = _theme_with(web, "Ankerplaats voor iedereen!")
        assert value["label"] == "Veiligheid"
        assert value["values"][-1]["learned"] is True
    finally:
        fresh.extensions["store"].dispose()
