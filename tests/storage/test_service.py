"""Use cases against a real SQLite file: what is saved, what a retry does, what is refused."""

import sys
import threading
import uuid

import pytest
from sqlalchemy import select

from workshop import service
from workshop.errors import WorkshopError
from workshop.storage import Store, Tx
from workshop.storage.tables import values

PUBLIC = "http://192.0.2.10:5000"


@pytest.fixture
def store(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'store.db'}")
    yield store
    store.dispose()


def _workshop(store, **settings):
    return service.create_workshop(store, {"title": "Missie", **settings})


def _reflecting(store, **settings):
    created = _workshop(store, **settings)
    service.set_phase(store, created.workshop.id, "reflect")
    return created.workshop


def test_create_workshop_uses_defaults_and_stores_only_a_hash_of_the_token(store, tmp_path):
    created = _workshop(store)
    assert created.workshop.values_per_person == 5
    assert created.workshop.group_size == 4
    assert created.workshop.phase == "lobby"
    raw = (tmp_path / "store.db").read_bytes()
    assert created.facilitator_token.encode() not in raw


@pytest.mark.parametrize("settings, code", [
    ({}, "empty"),
    ({"title": ""}, "empty"),
    ({"title": "x" * 101}, "too_long"),
    ({"title": "Missie", "values_per_person": 6}, "invalid"),
    ({"title": "Missie", "values_per_person": "5"}, "invalid"),
    ({"title": "Missie", "anonymous": "ja"}, "invalid"),
    ({"title": "Missie", "group_size": 1}, "invalid"),
])
def test_create_workshop_refuses_bad_settings(store, settings, code):
    with pytest.raises(WorkshopError) as caught:
        service.create_workshop(store, settings)
    assert caught.value.code == code


def test_join_with_token_returns_the_same_participant(store):
    workshop = _workshop(store).workshop
    first = service.join(store, workshop.code, "Anna", None, 100)
    again = service.join(store, workshop.code.lower(), None, first.token, 100)
    assert again.participant.id == first.participant.id
    assert again.version is None  # nothing changed, nothing to broadcast
    assert len(service.state(store, workshop.id, "facilitator", PUBLIC)["participants"]) == 1


def test_join_with_a_foreign_token_creates_nobody_without_a_name(store):
    workshop = _workshop(store).workshop
    with pytest.raises(WorkshopError) as caught:
        service.join(store, workshop.code, None, "not-a-token", 100)
    assert caught.value.code == "empty"
    assert service.state(store, workshop.id, "facilitator", PUBLIC)["participants"] == []


def test_anonymous_workshop_ignores_names(store):
    workshop = _workshop(store, anonymous=True).workshop
    joined = service.join(store, workshop.code, "Anna", None, 100)
    state = service.state(store, workshop.id, "presenter", PUBLIC)
    assert state["participants"] == [{"id": joined.participant.id, "name": "Mentor 1"}]


def test_join_refuses_unknown_codes_and_full_workshops(store):
    workshop = _workshop(store).workshop
    with pytest.raises(WorkshopError) as caught:
        service.join(store, "ZZZZZZ", "Anna", None, 100)
    assert caught.value.code == "unknown_code"
    service.join(store, workshop.code, "Anna", None, 1)
    with pytest.raises(WorkshopError) as caught:
        service.join(store, workshop.code, "Bram", None, 1)
    assert caught.value.code == "full"


def test_same_client_id_adds_value_once(store):
    workshop = _reflecting(store)
    mentor = service.join(store, workshop.code, "Anna", None, 100).participant
    client_id = str(uuid.uuid4())
    first = service.add_value(store, mentor.id, client_id, "Vertrouwen", None)
    again = service.add_value(store, mentor.id, client_id, "Vertrouwen", None)
    assert first.result == again.result
    assert again.version is None
    assert len(service.state(store, workshop.id, "mentor", PUBLIC, mentor.id)["me"]["values"]) == 1


def test_a_batch_that_adds_nothing_leaves_the_version_as_it_was(store):
    """A batch counts its change as it takes the workshop's lock (one statement); when every
    value of it is a replay or refused, that count is taken back: the screens' version moves
    only with a change."""
    workshop = _reflecting(store, values_per_person=3)
    mentor = service.join(store, workshop.code, "Anna", None, 100).participant
    client_id = str(uuid.uuid4())
    service.add_value(store, mentor.id, client_id, "Vertrouwen", None)
    for text in ("Respect", "Groei"):
        added = service.add_value(store, mentor.id, str(uuid.uuid4()), text, None)
    outcomes = service.add_values(store, workshop.id, [
        service.NewValue(mentor.id, client_id, "Vertrouwen"),
        service.NewValue(mentor.id, str(uuid.uuid4()), "Veiligheid"),
        service.NewValue(mentor.id, str(uuid.uuid4()), ""),
    ])
    assert outcomes[0].version is None
    assert [outcome.code for outcome in outcomes[1:]] == ["limit_reached", "empty"]
    assert service.state(store, workshop.id, "facilitator", PUBLIC)["version"] == added.version


def test_a_replayed_add_does_not_bring_back_a_removed_value(store):
    workshop = _reflecting(store)
    mentor = service.join(store, workshop.code, "Anna", None, 100).participant
    client_id = str(uuid.uuid4())
    value_id = service.add_value(store, mentor.id, client_id, "Groei", None).result["value_id"]
    service.remove_value(store, mentor.id, value_id)
    replay = service.add_value(store, mentor.id, client_id, "Groei", None)
    assert replay.version is None
    assert service.state(store, workshop.id, "mentor", PUBLIC, mentor.id)["me"]["values"] == []


def test_values_per_mentor_are_limited_and_removal_frees_a_place(store):
    workshop = _reflecting(store, values_per_person=3)
    mentor = service.join(store, workshop.code, "Anna", None, 100).participant
    ids = [service.add_value(store, mentor.id, str(uuid.uuid4()), text, None).result["value_id"]
           for text in ("Respect", "Groei", "Veiligheid")]
    with pytest.raises(WorkshopError) as caught:
        service.add_value(store, mentor.id, str(uuid.uuid4()), "Humor", None)
    assert caught.value.code == "limit_reached"
    service.remove_value(store, mentor.id, ids[0])
    service.add_value(store, mentor.id, str(uuid.uuid4()), "Humor", None)
    texts = [v["text"] for v in service.state(store, workshop.id, "mentor", PUBLIC,
                                              mentor.id)["me"]["values"]]
    assert sorted(texts) == ["Groei", "Humor", "Veiligheid"]


def test_a_mentor_cannot_name_the_same_value_twice(store):
    workshop = _reflecting(store)
    mentor = service.join(store, workshop.code, "Anna", None, 100).participant
    service.add_value(store, mentor.id, str(uuid.uuid4()), "Respect", None)
    with pytest.raises(WorkshopError) as caught:
        service.add_value(store, mentor.id, str(uuid.uuid4()), " respect ", None)
    assert caught.value.code == "duplicate"


def test_values_are_refused_outside_the_value_phases(store):
    created = _workshop(store)
    mentor = service.join(store, created.workshop.code, "Anna", None, 100).participant
    with pytest.raises(WorkshopError) as caught:
        service.add_value(store, mentor.id, str(uuid.uuid4()), "Respect", None)
    assert caught.value.code == "wrong_phase"


def test_a_mentor_cannot_remove_someone_elses_value(store):
    workshop = _reflecting(store)
    anna = service.join(store, workshop.code, "Anna", None, 100).participant
    bram = service.join(store, workshop.code, "Bram", None, 100).participant
    value_id = service.add_value(store, anna.id, str(uuid.uuid4()), "Respect", None) \
        .result["value_id"]
    assert service.remove_value(store, bram.id, value_id).version is None
    assert len(service.state(store, workshop.id, "mentor", PUBLIC, anna.id)["me"]["values"]) == 1


def test_every_change_raises_the_version(store):
    workshop = _reflecting(store)
    before = service.state(store, workshop.id, "facilitator", PUBLIC)["version"]
    mentor = service.join(store, workshop.code, "Anna", None, 100)
    added = service.add_value(store, mentor.participant.id, str(uuid.uuid4()), "Respect", None)
    assert before < mentor.version < added.version
    assert service.state(store, workshop.id, "facilitator", PUBLIC)["version"] == added.version


def test_progress_counts_mentors_with_the_minimum(store):
    workshop = _reflecting(store)
    anna = service.join(store, workshop.code, "Anna", None, 100).participant
    service.join(store, workshop.code, "Bram", None, 100)
    for text in ("Respect", "Groei", "Veiligheid"):
        service.add_value(store, anna.id, str(uuid.uuid4()), text, None)
    progress = service.state(store, workshop.id, "presenter", PUBLIC)["progress"]
    assert progress == {"joined": 2, "ready": 1, "values": 3, "min_values": 3}


def test_only_the_facilitator_token_authorises(store):
    created = _workshop(store)
    workshop_id = created.workshop.id
    assert service.authorise_facilitator(store, workshop_id, created.facilitator_token).id \
        == workshop_id
    for token in ("", created.facilitator_token[:-1], None, 5, created.workshop.presenter_key):
        with pytest.raises(WorkshopError) as caught:
            service.authorise_facilitator(store, workshop_id, token)
        assert caught.value.code == "forbidden"
    with pytest.raises(WorkshopError):
        service.authorise_facilitator(store, "unknown", created.facilitator_token)


def test_concurrent_writers_do_not_fail_on_a_locked_database(store):
    workshop = _reflecting(store)
    mentors = [service.join(store, workshop.code, f"Mentor {i}", None, 100).participant
               for i in range(8)]
    failures = []

    def submit(mentor):
        for text in ("Respect", "Groei", "Veiligheid", "Humor", "Rust"):
            try:
                service.add_value(store, mentor.id, str(uuid.uuid4()), text, None)
            except Exception as error:  # collected: the assertion below names them
                failures.append(error)

    threads = [threading.Thread(target=submit, args=(m,)) for m in mentors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    with store.engine.connect() as connection:
        assert len(connection.execute(select(values.c.id)).all()) == 40


def test_mentor_states_at_one_version_share_one_reading_of_the_room(store, monkeypatch):
    """A rejoin storm asks the same version's state a thousand times: the participant list is
    read once per version, and a change is in the very next state."""
    workshop = _reflecting(store)
    mentors = [service.join(store, workshop.code, name, None, 10)
               for name in ("Anna", "Bram", "Chris")]
    reads = []
    original = Tx.participants

    def counted(tx, workshop_id):
        reads.append(workshop_id)
        return original(tx, workshop_id)

    monkeypatch.setattr(Tx, "participants", counted)
    states = [service.state(store, workshop.id, "mentor", PUBLIC, m.participant.id)
              for m in mentors]
    assert len(reads) == 1
    assert [s["me"]["name"] for s in states] == ["Anna", "Bram", "Chris"]
    assert {s["version"] for s in states} == {mentors[-1].version}

    service.add_value(store, mentors[0].participant.id, uuid.uuid4().hex, "Vertrouwen", None)
    service.join(store, workshop.code, "Dirk", None, 10)
    fresh = service.state(store, workshop.id, "mentor", PUBLIC, mentors[0].participant.id)
    assert len(reads) == 2
    assert [v["text"] for v in fresh["me"]["values"]] == ["Vertrouwen"]
    assert [p["name"] for p in fresh["participants"]] == ["Anna", "Bram", "Chris", "Dirk"]
    assert fresh["progress"]["values"] == 1


def test_room_parts_are_kept_for_the_workshops_held_recently_only(store, monkeypatch):
    # the module, not the function the package exports under the same name
    state_module = sys.modules["workshop.service.state"]
    monkeypatch.setattr(state_module, "KEPT_WORKSHOPS", 2)
    workshops = [_reflecting(store) for _ in range(3)]
    for workshop in workshops:
        service.state(store, workshop.id, "presenter", PUBLIC)
    kept = [w.id for w in workshops if w.id in state_module._room_parts]
    assert kept == [workshops[1].id, workshops[2].id]


def test_a_phone_in_a_crowded_workshop_gets_counts_and_the_big_screens_keep_the_names(store):
    workshop = _workshop(store).workshop
    mentors = [service.join(store, workshop.code, f"M{i}", None, 1000).participant.id
               for i in range(service.CROWD - 1)]
    small = service.state(store, workshop.id, "mentor", PUBLIC, mentors[0])
    assert len(small["participants"]) == service.CROWD - 1
    mentors.append(service.join(store, workshop.code, "Honderd", None, 1000).participant.id)
    crowded = service.state(store, workshop.id, "mentor", PUBLIC, mentors[-1])
    assert "participants" not in crowded
    assert crowded["progress"]["joined"] == service.CROWD
    assert crowded["me"]["name"] == "Honderd"
    for role in ("facilitator", "presenter"):
        names = [p["name"] for p in service.state(store, workshop.id, role, PUBLIC)["participants"]]
        assert len(names) == service.CROWD and "Honderd" in names
