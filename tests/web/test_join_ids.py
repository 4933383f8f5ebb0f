"""Idempotent join: the same code + join id is the same mentor, however often it comes.

A phone makes its join id once, before its first join, and keeps it: when the server commits
a join but its answer never reaches the phone (server killed, Wi-Fi gone, phone asleep), the
phone sends the same join again and must not become a second mentor.
"""

import os
import uuid

import pytest
from sqlalchemy import func, select

from tests.conftest import add_value, create_workshop, join, set_phase
from workshop import codes
from workshop.storage.tables import participants


def mentors_of(app, workshop_id) -> int:
    with app.extensions["store"].engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(participants).where(
            participants.c.workshop_id == workshop_id)).scalar_one()


def test_the_same_join_id_twice_is_one_mentor_with_one_token(app, connect, workshop):
    join_id = str(uuid.uuid4())
    first = join(connect(), workshop, id=join_id)
    again = join(connect(), workshop, name="Anna", id=join_id)
    assert again["participant_id"] == first["participant_id"]
    assert again["token"] == first["token"]
    assert again["state"]["progress"]["joined"] == 1
    assert mentors_of(app, workshop["id"]) == 1


def test_a_join_whose_answer_was_lost_is_retried_as_the_same_mentor(app, connect, workshop,
                                                                      facilitator):
    join_id = str(uuid.uuid4())
    lost = connect()
    # the join reaches the server and is committed; its answer never reaches the phone
    lost.emit("join", {"code": workshop["code"], "name": "Anna", "id": join_id})
    lost.disconnect()
    assert mentors_of(app, workshop["id"]) == 1
    retried = join(connect(), workshop, name="Anna", id=join_id)
    assert mentors_of(app, workshop["id"]) == 1
    state = facilitator.emit("sync", {"since": 0}, callback=True)["state"]
    assert state["progress"]["joined"] == 1
    assert [m["name"] for m in state["mentors"]] == ["Anna"]
    # and the token of the retry is the mentor's credential
    phone = connect()
    assert join(phone, workshop, name=None, token=retried["token"])["participant_id"] \
        == retried["participant_id"]


def test_the_token_a_join_id_gives_lets_the_mentor_add_values(connect, workshop, facilitator):
    set_phase(facilitator, "reflect")
    join_id = str(uuid.uuid4())
    join(connect(), workshop, id=join_id)
    phone = connect()
    token = join(phone, workshop, name=None, id=join_id)["token"]
    assert add_value(phone, "Vertrouwen")["ok"]
    other = connect()
    assert join(other, workshop, name=None, token=token)["state"]["me"]["values"][0]["text"] \
        == "Vertrouwen"


def test_without_a_join_id_every_join_is_a_new_mentor_as_before(app, connect, workshop):
    first = join(connect(), workshop)
    second = join(connect(), workshop)
    assert first["participant_id"] != second["participant_id"]
    assert mentors_of(app, workshop["id"]) == 2


def test_different_join_ids_are_different_mentors(app, connect, workshop):
    join(connect(), workshop, id=str(uuid.uuid4()))
    join(connect(), workshop, name="Bram", id=str(uuid.uuid4()))
    assert mentors_of(app, workshop["id"]) == 2


def test_a_token_wins_over_a_join_id(connect, workshop):
    anna = join(connect(), workshop, id=str(uuid.uuid4()))
    bram_id = str(uuid.uuid4())
    bram = join(connect(), workshop, name="Bram", id=bram_id)
    back = join(connect(), workshop, name=None, token=anna["token"], id=bram_id)
    assert back["participant_id"] == anna["participant_id"] != bram["participant_id"]


def test_a_stale_token_with_its_join_id_still_finds_the_mentor(app, connect, workshop):
    join_id = str(uuid.uuid4())
    first = join(connect(), workshop, id=join_id)
    back = join(connect(), workshop, name=None, token="vergeten-token", id=join_id)
    assert back["participant_id"] == first["participant_id"]
    assert mentors_of(app, workshop["id"]) == 1


def test_one_phones_join_id_names_unrelated_mentors_in_two_workshops(client, connect):
    join_id = str(uuid.uuid4())
    one, other = create_workshop(client), create_workshop(client, title="Tweede")
    first = join(connect(), one, id=join_id)
    second = join(connect(), other, id=join_id)
    assert first["participant_id"] != second["participant_id"]
    assert first["token"] != second["token"]
    # the token of one workshop opens nothing in the other
    refused = connect().emit("join", {"code": other["code"], "token": first["token"]},
                             callback=True)
    assert refused["ok"] is False and refused["error"] == "empty"


def test_a_locked_or_full_workshop_still_answers_a_retried_join(app, connect, workshop,
                                                                facilitator):
    join_id = str(uuid.uuid4())
    first = join(connect(), workshop, id=join_id)
    assert facilitator.emit("workshop:lock", {"locked": True}, callback=True)["ok"]
    again = join(connect(), workshop, id=join_id)
    assert again["participant_id"] == first["participant_id"]
    newcomer = connect().emit("join", {"code": workshop["code"], "name": "Bram",
                                       "id": str(uuid.uuid4())}, callback=True)
    assert newcomer["error"] == "locked"
    app.config["MAX_PARTICIPANTS"] = 1
    assert facilitator.emit("workshop:lock", {"locked": False}, callback=True)["ok"]
    assert join(connect(), workshop, id=join_id)["participant_id"] == first["participant_id"]
    full = connect().emit("join", {"code": workshop["code"], "name": "Bram",
                                   "id": str(uuid.uuid4())}, callback=True)
    assert full["error"] == "full"
    assert mentors_of(app, workshop["id"]) == 1


@pytest.mark.parametrize("join_id", ["kort", "a" * 21, "x" * 65, 42, ["id"], {"id": "x"},
                                     "<script>alert(1)</script>-----------", "é" * 30, True])
def test_a_malformed_join_id_is_refused_and_adds_nobody(app, connect, workshop, join_id):
    ack = connect().emit("join", {"code": workshop["code"], "name": "Anna", "id": join_id},
                         callback=True)
    assert ack["ok"] is False and ack["error"] == "invalid" and ack["message"]
    assert mentors_of(app, workshop["id"]) == 0


def test_the_database_keeps_neither_the_join_id_nor_the_token(app, connect, workshop):
    join_id = str(uuid.uuid4())
    ack = join(connect(), workshop, id=join_id)
    with app.extensions["store"].engine.connect() as connection:
        stored = connection.execute(select(participants.c.token_hash)).scalar_one()
    assert stored == codes.hash_token(ack["token"])
    assert join_id not in stored and ack["token"] != join_id
    database = app.config["DATABASE_URL"].removeprefix("sqlite:///")
    app.extensions["store"].dispose()
    raw = b""
    for path in (database, f"{database}-wal"):
        if os.path.exists(path):
            with open(path, "rb") as file:
                raw += file.read()
    assert join_id.encode() not in raw and ack["token"].encode() not in raw


def test_the_token_of_a_join_id_is_fixed_per_workshop_and_tells_nothing_of_the_id():
    join_id = str(uuid.uuid4())
    token = codes.token_for_join_id("w1", join_id)
    assert token == codes.token_for_join_id("w1", join_id)
    assert token != codes.token_for_join_id("w2", join_id)
    assert token != codes.token_for_join_id("w1", str(uuid.uuid4()))
    assert join_id not in token and len(token) == 43
