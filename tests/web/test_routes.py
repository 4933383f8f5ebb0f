"""HTTP: creating workshops, health, the QR code, security headers, JSON errors."""

import pytest
from sqlalchemy import create_engine

from tests.conftest import create_workshop


def test_create_workshop_answers_the_contract_fields(client):
    body = create_workshop(client, values_per_person=4, anonymous=True, group_size=3)
    assert set(body) == {"id", "code", "facilitator_token", "join_url", "facilitator_url",
                         "presenter_url"}
    assert body["join_url"] == f"http://192.0.2.10:5000/j/{body['code']}"
    assert body["facilitator_url"].endswith(
        f"/w/{body['id']}/facilitate#token={body['facilitator_token']}")
    assert f"/w/{body['id']}/present#key=" in body["presenter_url"]


def test_each_workshop_gets_its_own_code_and_token(client):
    first, second = create_workshop(client), create_workshop(client)
    assert first["code"] != second["code"]
    assert first["facilitator_token"] != second["facilitator_token"]


@pytest.mark.parametrize("body, code", [
    ({"title": ""}, "empty"),
    ({"title": "x" * 500}, "too_long"),
    ({"title": 42}, "invalid"),
    ({"title": "Missie", "values_per_person": 9}, "invalid"),
    (["title"], "invalid"),
])
def test_bad_workshop_settings_answer_400_with_a_dutch_message(client, body, code):
    response = client.post("/api/workshops", json=body)
    assert response.status_code == 400
    assert response.get_json()["error"] == code
    assert response.get_json()["message"]


def test_a_body_that_is_not_json_is_refused(client):
    response = client.post("/api/workshops", data="title=Missie",
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert response.get_json()["error"] == "invalid"


def test_unknown_api_paths_answer_json(client):
    response = client.get("/api/nothing")
    assert response.status_code == 404
    assert response.get_json()["ok"] is False


def test_healthz_answers_when_the_database_does(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.get_json() == {"ok": True}


def test_healthz_reports_a_database_that_does_not_answer(app, client):
    store = app.extensions["store"]
    store.dispose()
    store.engine = create_engine("sqlite:////nonexistent/dir/mentorkompas.db")
    response = client.get("/healthz")
    assert response.status_code == 503 and response.get_json() == {"ok": False}


def test_qr_code_is_an_svg_of_the_join_url(client, workshop):
    response = client.get(f"/qr/{workshop['code']}.svg")
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    assert response.data.startswith(b"<svg")


def test_qr_code_of_an_unknown_code_is_404(client):
    assert client.get("/qr/ZZZZZZ.svg").status_code == 404


def test_every_response_carries_the_security_headers(client):
    response = client.get("/healthz")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
