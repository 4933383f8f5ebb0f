"""Exports without names (`names=0`): every format shows mentors as "Mentor 3", the JSON keeps
its shape, and an anonymous workshop names nobody in any file."""

import json
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft202012Validator

from tests.export.conftest import MAX_PARTICIPANTS, MENTORS, build_workshop
from tests.export.helpers import csv_sheets, every_text, without_ids
from workshop.export.schema import schema
from workshop.service import exports

FORMATS = ["pdf", "docx", "md", "csv", "json"]


def _names_in(text: str) -> set[str]:
    return {name for name in MENTORS if name in text}


@pytest.mark.parametrize("format_", FORMATS)
def test_a_named_workshop_exported_with_names_shows_them(store, finished, format_):
    """The control for the tests below: the readers do find the names when they are there."""
    data, _, _ = exports.export(store, finished.workshop.id, format_)
    assert _names_in(every_text(format_, data)) == set(MENTORS)


@pytest.mark.parametrize("format_", FORMATS)
def test_a_named_workshop_exported_without_names_contains_none(store, finished, format_):
    data, _, _ = exports.export(store, finished.workshop.id, format_, names=False)
    text = every_text(format_, data)
    assert _names_in(text) == set()
    assert "Vertrouwen geven" in text  # the content is all there, only the names are not


@pytest.mark.parametrize("format_", FORMATS)
def test_an_anonymous_workshop_contains_no_name_in_any_file(store, format_):
    created = build_workshop(store, anonymous=True)
    for names in (True, False):
        data, _, _ = exports.export(store, created.workshop.id, format_, names=names)
        assert _names_in(every_text(format_, data)) == set()


def test_without_names_the_csv_shows_mentors_by_number(store, finished):
    data, _, _ = exports.export(store, finished.workshop.id, "csv", names=False)
    mentors = {row["mentor"] for row in csv_sheets(data)["waarden.csv"]}
    assert mentors == {"Mentor 1", "Mentor 2", "Mentor 3"}


def test_without_names_the_json_keeps_its_shape_and_only_the_names_go(store, finished):
    named = json.loads(exports.export(store, finished.workshop.id, "json")[0])
    nameless = json.loads(exports.export(store, finished.workshop.id, "json", names=False)[0])
    assert list(Draft202012Validator(schema()).iter_errors(nameless)) == []
    assert [p["name"] for p in nameless["participants"]] == ["", "", ""]
    for person in named["participants"]:
        person["name"] = ""
    assert without_ids(nameless) == without_ids(named)


def test_a_json_without_names_imports_as_the_same_mentors_by_number(store, finished):
    document = exports.read_snapshot(store, finished.workshop.id, names=False)
    imported = exports.import_workshop(store, document, MAX_PARTICIPANTS)
    data, _, _ = exports.export(store, imported.workshop.id, "csv")
    rows = csv_sheets(data)["waarden.csv"]
    assert {row["mentor"] for row in rows} == {"Mentor 1", "Mentor 2", "Mentor 3"}
    assert len(rows) == sum(len(texts) for texts in MENTORS.values())


# ---- over HTTP --------------------------------------------------------------------------

def _get(client, created, path):
    return client.get(f"/api/workshops/{created.workshop.id}/{path}",
                      headers={"Authorization": f"Bearer {created.facilitator_token}"})


@pytest.mark.parametrize("format_", FORMATS)
def test_names_0_in_the_query_leaves_the_names_out(client, app_workshop, format_):
    response = _get(client, app_workshop, f"export?format={format_}&names=0")
    assert response.status_code == 200
    assert _names_in(every_text(format_, response.data)) == set()


def test_names_1_is_the_default(client, app_workshop):
    response = _get(client, app_workshop, "export?format=md&names=1")
    assert response.status_code == 200
    assert response.data == _get(client, app_workshop, "export?format=md").data


@pytest.mark.parametrize("value", ["", "nee", "false", "2"])
def test_another_names_value_is_refused_in_dutch(client, app_workshop, value):
    response = _get(client, app_workshop, f"export?format=json&names={value}")
    assert response.status_code == 400
    body = response.get_json()
    assert body["error"] == "invalid" and "names=0" in body["message"]


def _summary_page(client, created, query=""):
    body = _get(client, created, f"summary-link{query}").get_json()
    parts = urlsplit(body["url"])
    return f"{parts.path}?{parts.query}"


def test_a_summary_link_without_names_shows_none_and_cannot_be_edited_back(client, app_workshop):
    url = _summary_page(client, app_workshop, "?names=0")
    html = client.get(url).get_data(as_text=True)
    assert "Vertrouwen geven" in html and _names_in(html) == set()
    edited = client.get(f"{url}&names=1").get_data(as_text=True)
    assert _names_in(edited) == set()
    assert _names_in(client.get(_summary_page(client, app_workshop)).get_data(as_text=True)) \
        == set(MENTORS)
