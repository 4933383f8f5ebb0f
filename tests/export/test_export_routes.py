"""HTTP: downloads for the facilitator only, the signed summary link, import, compare."""

import json
import time
from urllib.parse import urlsplit

import pytest
from itsdangerous import URLSafeTimedSerializer

from tests.export.conftest import MISSION, XSS_DRAFT, XSS_VALUE, build_workshop
from workshop import service


def _bearer(token):
    return {"Authorization": f"Bearer {token}"}


def _export(client, created, format_="pdf", token=None):
    return client.get(f"/api/workshops/{created.workshop.id}/export?format={format_}",
                      headers=_bearer(token or created.facilitator_token))


@pytest.mark.parametrize("format_, mimetype", [
    ("pdf", "application/pdf"), ("docx", "application/vnd.openxmlformats"),
    ("md", "text/markdown"), ("csv", "application/zip"), ("json", "application/json"),
])
def test_the_facilitator_downloads_every_format(client, app_workshop, format_, mimetype):
    response = _export(client, app_workshop, format_)
    assert response.status_code == 200
    assert response.mimetype.startswith(mimetype)
    assert response.headers["Content-Disposition"].startswith('attachment; filename="mentorkompas-')
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("headers", [
    {}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic abc"},
])
def test_a_stranger_gets_no_export(client, app_workshop, headers):
    response = client.get(f"/api/workshops/{app_workshop.workshop.id}/export?format=json",
                          headers=headers)
    assert response.status_code == 403
    body = response.get_json()
    assert body["ok"] is False and body["error"] == "forbidden" and "toegang" in body["message"]


def test_a_mentor_token_opens_no_export(app, client, app_workshop):
    mentor = service.join(app.extensions["store"], app_workshop.workshop.code, "Dirk", None, 100)
    assert _export(client, app_workshop, "json", token=mentor.token).status_code == 403


def test_another_workshops_token_opens_no_export(app, client, app_workshop):
    other = service.create_workshop(app.extensions["store"], {"title": "Ander team"})
    assert _export(client, app_workshop, "json", token=other.facilitator_token).status_code == 403


def test_an_unknown_format_answers_400_invalid(client, app_workshop):
    response = _export(client, app_workshop, "exe")
    assert response.status_code == 400
    assert response.get_json()["error"] == "invalid"


def _summary_url(client, created):
    response = client.get(f"/api/workshops/{created.workshop.id}/summary-link",
                          headers=_bearer(created.facilitator_token))
    assert response.status_code == 200
    body = response.get_json()
    assert body["expires_in"] == 3600
    parts = urlsplit(body["url"])
    return f"{parts.path}?{parts.query}"


def test_the_summary_link_shows_the_result_with_typed_markup_escaped(client, app_workshop):
    page = client.get(_summary_url(client, app_workshop))
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    assert "ideeën van ouders. We staan ‘naast’ elk kind, als “coach”." in html
    assert "Vertrouwen geven" in html and "<svg" in html and "Leerjaar 1 havo/vwo" in html
    assert "<script>alert" not in html and "Groei &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=" in html
    assert "Anna" in html  # a named workshop lists its participants


def test_the_summary_of_an_anonymous_workshop_names_nobody(app, client):
    created = build_workshop(app.extensions["store"], anonymous=True)
    html = client.get(_summary_url(client, created)).get_data(as_text=True)
    assert MISSION.split(",")[0] in html
    assert not any(name in html for name in ("Anna", "Bram", "Chloë"))


def test_the_summary_link_needs_the_facilitator_token(client, app_workshop):
    response = client.get(f"/api/workshops/{app_workshop.workshop.id}/summary-link",
                          headers=_bearer("wrong"))
    assert response.status_code == 403


@pytest.mark.parametrize("query", ["", "?t=forged", "?t=other-workshop"])
def test_the_summary_page_refuses_without_a_valid_signed_link(app, client, app_workshop, query):
    if query == "?t=other-workshop":
        signer = URLSafeTimedSerializer("test", salt="summary-link")
        query = "?t=" + signer.dumps(["someone-else", True])
    page = client.get(f"/w/{app_workshop.workshop.id}/summary{query}")
    assert page.status_code == 403
    assert MISSION not in page.get_data(as_text=True)


def test_the_summary_link_expires_after_an_hour(client, app_workshop, monkeypatch):
    url = _summary_url(client, app_workshop)
    later = time.time() + 3601
    monkeypatch.setattr(time, "time", lambda: later)
    page = client.get(url)
    assert page.status_code == 403 and "verlopen" in page.get_data(as_text=True)


def test_import_answers_like_creating_a_workshop(client, app_workshop):
    document = _export(client, app_workshop, "json").get_json()
    response = client.post("/api/workshops/import", json=document)
    assert response.status_code == 201
    body = response.get_json()
    assert set(body) == {"id", "code", "facilitator_token", "join_url", "facilitator_url",
                         "presenter_url"}
    assert body["join_url"] == f"http://192.0.2.10:5000/j/{body['code']}"
    assert body["facilitator_url"].endswith(f"#token={body['facilitator_token']}")
    again = client.get(f"/api/workshops/{body['id']}/export?format=json",
                       headers=_bearer(body["facilitator_token"])).get_json()
    assert again["workshop"]["mission"] == MISSION
    assert XSS_VALUE in {v["text"] for v in again["values"]}
    assert XSS_DRAFT in {d["text"] for d in again["drafts"]}


def test_import_refuses_an_invalid_document_with_a_dutch_message(client):
    response = client.post("/api/workshops/import", json={"format": "mentorkompas-workshop"})
    assert response.status_code == 400
    assert response.get_json()["error"] == "invalid"
    assert response.get_json()["message"].startswith("Deze versie")
    assert client.post("/api/workshops/import", data="geen json").status_code == 400


def test_import_refuses_more_than_five_megabytes_with_413(client):
    body = json.dumps({"format": "mentorkompas-workshop", "padding": "x" * (5 * 1024 * 1024)})
    response = client.post("/api/workshops/import", data=body,
                           content_type="application/json")
    assert response.status_code == 413
    assert response.get_json() == {"ok": False, "error": "too_large",
                                   "message": "Het bestand is te groot (hoogstens 5 MB)."}


def test_import_allows_ten_per_minute_per_address(client):
    answers = [client.post("/api/workshops/import", json={}).status_code for _ in range(11)]
    assert answers == [400] * 10 + [429]
    other = client.post("/api/workshops/import", json={},
                        environ_base={"REMOTE_ADDR": "192.0.2.99"})
    assert other.status_code == 400


def _other_year(app):
    store = app.extensions["store"]
    created = service.create_workshop(store, {"title": "Missie 2027",
                                              "team": "Mentoren onderbouw"})
    mentor = service.join(store, created.workshop.code, "Eva", None, 100).participant
    service.set_phase(store, created.workshop.id, "reflect")
    for text in ("Groei", "Plezier"):
        service.add_value(store, mentor.id, f"client-{text}", text, "")
    return created


def test_compare_needs_both_facilitator_tokens(app, client, app_workshop):
    later = _other_year(app)
    body = {"a": {"id": app_workshop.workshop.id, "token": app_workshop.facilitator_token},
            "b": {"id": later.workshop.id, "token": later.facilitator_token}}
    response = client.post("/api/compare", json=body)
    assert response.status_code == 200
    result = response.get_json()
    assert result["then"]["mission"] == MISSION and result["same_team"] is True
    changes = {t["label"]: t["change"] for t in result["themes"]}
    assert changes["Plezier"] == "appeared" and changes["Respect"] == "disappeared"
    body["b"]["token"] = app_workshop.facilitator_token
    refused = client.post("/api/compare", json=body)
    assert refused.status_code == 403 and refused.get_json()["error"] == "forbidden"


def test_the_compare_page_holds_no_token_and_loads_its_script(client, app_workshop):
    page = client.get(f"/w/{app_workshop.workshop.id}/compare/other")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "js/compare.js" in html
    assert app_workshop.facilitator_token not in html
