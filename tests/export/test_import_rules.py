"""Import enforces what the live path enforces: the hostile files of issue 17, one by one.

Each refused file answers 400 with a Dutch message naming the place and adds no row to any
table; each accepted one is cleaned as live input is, and every export of it renders.
"""

import copy
import json

import pytest
from sqlalchemy import func, select

from tests.export.conftest import MAX_PARTICIPANTS, PUBLIC, build_workshop
from workshop.errors import WorkshopError
from workshop.service import exports
from workshop.storage.tables import metadata
from workshop.web import create_app

FORMATS = ("pdf", "docx", "md", "csv", "json")


@pytest.fixture
def app(tmp_path):
    app = create_app({
        "TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'rules.db'}",
        "ASYNC_MODE": "threading", "PUBLIC_URL": PUBLIC, "SECRET_KEY": "test",
        "RATELIMIT_ENABLED": False,
    })
    yield app
    app.extensions["store"].dispose()


@pytest.fixture
def document(app):
    """A finished workshop's JSON export (a real one, from the real use cases)."""
    store = app.extensions["store"]
    return exports.read_snapshot(store, build_workshop(store).workshop.id)


def row_counts(store) -> dict[str, int]:
    """How many rows every table holds."""
    with store.engine.connect() as connection:
        return {table.name: connection.execute(select(func.count()).select_from(table))
                .scalar_one() for table in metadata.sorted_tables}


def post(client, body: bytes):
    return client.post("/api/workshops/import", data=body, content_type="application/json")


def renders_every_format(client, created: dict) -> dict:
    """Download each export of a workshop; returns the JSON one."""
    headers = {"Authorization": f"Bearer {created['facilitator_token']}"}
    answers = {f: client.get(f"/api/workshops/{created['id']}/export?format={f}",
                             headers=headers) for f in FORMATS}
    assert {f: a.status_code for f, a in answers.items()} == dict.fromkeys(FORMATS, 200)
    return answers["json"].get_json()


def changed(document: dict, change) -> bytes:
    document = copy.deepcopy(document)
    change(document)
    return json.dumps(document).encode()


def _votes_everywhere(d):
    first = d["participants"][0]["id"]
    for draft in d["drafts"]:
        draft["votes"] = [{"participant": first, "count": 10}]


def _many_values(d):
    owner = d["participants"][0]["id"]
    d["values"] += [{"id": f"extra{i}", "participant": owner, "text": f"Waarde {i}", "why": "",
                     "marked": False} for i in range(500)]
    d["themes"][0]["values"] += [f"extra{i}" for i in range(500)]


def _people(n):
    return lambda d: d["participants"].extend(
        {"id": f"extra{i}", "number": 100 + i, "name": "Extra"} for i in range(n))


HOSTILE = {
    "nesting 1,000 deep": (lambda d: None, lambda raw: raw[:-1] + b', "x": '
                           + b"[" * 1000 + b"]" * 1000 + b"}", "dieper genest"),
    "participant number 10^30": (lambda d: d["participants"][0].update(number=10**30), None,
                                 "te groot"),
    "group number 10^30": (lambda d: d["groups"][0].update(number=10**30), None, "te groot"),
    "draft group 2^63": (lambda d: d["drafts"][0].update(group=2**63), None, "te groot"),
    "lone surrogate in the title": (lambda d: d["workshop"].update(title="Missie SURR"),
                                    lambda raw: raw.replace(b"SURR", b"\\ud800"), "surrogaat"),
    "month 13 in created_at": (lambda d: d["workshop"].update(
        created_at="2026-13-45T10:00:00Z"), None, "workshop/created_at"),
    "created_at in the year 9999": (lambda d: d["workshop"].update(
        created_at="9999-12-31T23:59:59-01:00"), None, "workshop/created_at"),
    "1,001 participants": (_people(MAX_PARTICIPANTS + 1 - 3), None,
                           "hoogstens 1000"),
    "500 values for one mentor": (_many_values, None, "values"),
    "10 dots on every draft": (_votes_everywhere, None, "stemmen op het bord"),
    "the same mentor twice on a draft": (lambda d: d["drafts"][0]["votes"].append(
        dict(d["drafts"][0]["votes"][0])), None, "twee keer bij dezelfde zin"),
    "a draft combined into itself": (lambda d: d["drafts"][0].update(
        merged_into=d["drafts"][0]["id"]), None, "samengevoegde zin"),
    "a theme without values": (lambda d: d["themes"].append(
        {"id": "t99", "label": "Leeg", "hidden": False, "values": [], "recognised_by": []}),
        None, "zonder waarden"),
    "a mentor number past the limit": (lambda d: d["participants"][0].update(number=1001),
                                       None, "participants/0/number"),
    "three sentences as the mission": (lambda d: d["workshop"].update(
        mission="Een. Twee. Drie."), None, "workshop/mission"),
    "a value typed twice by one mentor": (lambda d: (d["values"].append(
        {**d["values"][0], "id": "again", "text": d["values"][0]["text"].upper()}),
        d["themes"][0]["values"].append("again")), None, "heeft deze waarde al"),
    "a title of whitespace and control characters": (lambda d: d["workshop"].update(
        title=" \x01\u200b "), None, "workshop/title"),
    "a float where a number belongs": (lambda d: d["workshop"].update(group_size=4.0), None,
                                       "workshop/group_size"),
    "an unknown field": (lambda d: d["workshop"].update(extra="x" * 100_000), None,
                         "hoort niet in een export"),
    "an overlong value": (lambda d: d["values"][0].update(text="x" * 100_000), None,
                          "langer dan 60"),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_file_is_refused_in_dutch_and_adds_no_row(app, document, case):
    change, rewrite, expected = HOSTILE[case]
    body = changed(document, change)
    body = rewrite(body) if rewrite else body
    store, client = app.extensions["store"], app.test_client()
    before = row_counts(store)
    response = post(client, body)
    assert response.status_code == 400, response.get_json()
    answer = response.get_json()
    assert answer["error"] == "invalid"
    assert expected in answer["message"]
    assert len(answer["message"]) < 300  # a message, not a copy of the file
    assert row_counts(store) == before


def test_sixty_thousand_participants_in_five_megabytes_are_refused_before_the_schema(app,
                                                                                     document):
    document["participants"] = [{"id": f"{i:024x}", "number": i + 1, "name": f"Mentor {i}"}
                                for i in range(60_000)]
    body = json.dumps(document).encode()
    assert 4 * 1024 * 1024 < len(body) < 5 * 1024 * 1024
    store = app.extensions["store"]
    before = row_counts(store)
    response = post(app.test_client(), body)
    assert response.status_code == 400
    assert response.get_json()["message"] == ("De export klopt niet (participants): 60000 "
                                              "mentoren; een workshop heeft er hoogstens 1000.")
    assert row_counts(store) == before


def test_control_characters_and_noncharacters_are_cleaned_as_live_and_word_renders(app,
                                                                                  document):
    def dirty(d):
        d["workshop"]["title"] = "Missie\x01\x02 \ufffe2026"
        d["values"][0]["text"] = "Ver\x00trouwen\uffff"
        d["drafts"][0]["text"] = "Wij\x0b geven\u202e vertrouwen."
        d["canvases"][0]["goals"][0]["text"] = "De leerling\x1f kan plannen."

    client = app.test_client()
    response = post(client, changed(document, dirty))
    assert response.status_code == 201, response.get_json()
    again = renders_every_format(client, response.get_json())
    assert again["workshop"]["title"] == "Missie 2026"
    assert again["values"][0]["text"] == "Ver trouwen"
    assert again["drafts"][0]["text"] == "Wij geven vertrouwen."
    assert again["canvases"][0]["goals"][0]["text"] == "De leerling kan plannen."


def test_a_board_whose_dot_budget_was_lowered_after_voting_still_imports(app):
    """Live, a facilitator may lower the dots after mentors spent theirs; that export imports."""
    from workshop import service

    store = app.extensions["store"]
    created = build_workshop(store)
    with store.transaction() as tx:
        anna = next(p for p in tx.participants(created.workshop.id) if p.name == "Anna")
    service.set_phase(store, created.workshop.id, "mission")
    service.set_voting(store, created.workshop.id, True, 3, False)
    board = service.state(store, created.workshop.id, "facilitator", PUBLIC)["board"]
    service.cast_vote(store, anna.id, board["drafts"][0]["id"])
    service.cast_vote(store, anna.id, board["drafts"][0]["id"])
    service.set_voting(store, created.workshop.id, False, 1, False)
    document = exports.read_snapshot(store, created.workshop.id)
    assert document["workshop"]["votes_per_person"] == 1
    response = post(app.test_client(), json.dumps(document).encode())
    assert response.status_code == 201, response.get_json()


def test_the_use_case_refuses_a_huge_number_without_the_file_reader(app, document):
    """Callers that hand over a parsed document get the same bound (check_choice)."""
    document["participants"][0]["number"] = 10**30
    store = app.extensions["store"]
    before = row_counts(store)
    with pytest.raises(WorkshopError) as caught:
        exports.import_workshop(store, document, MAX_PARTICIPANTS)
    assert caught.value.message.startswith("De export klopt niet (participants/0/number)")
    assert row_counts(store) == before


def test_an_english_client_gets_the_problem_in_english(app, document):
    body = changed(document, lambda d: d["values"][0].update(text="x" * 100))
    response = app.test_client().post("/api/workshops/import?lang=en", data=body,
                                      content_type="application/json")
    assert response.get_json()["message"] == \
        "The export is not right (values/0/text): the text is longer than 60 characters."
