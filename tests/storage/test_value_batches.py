"""Several mentors' values written in one transaction: each answered as if added alone."""

import threading
import time
import uuid

import pytest

from workshop import service
from workshop.errors import WorkshopError
from workshop.service import NewValue
from workshop.service.theme_cache import current_engine
from workshop.storage import Store
from workshop.web.value_batches import ValueBatches


@pytest.fixture
def store(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'batches.db'}")
    yield store
    store.dispose()


def _reflecting(store, values_per_person=3):
    created = service.create_workshop(store, {"title": "Missie",
                                              "values_per_person": values_per_person})
    service.set_phase(store, created.workshop.id, "reflect")
    return created.workshop


def _mentor(store, workshop, name):
    return service.join(store, workshop.code, name, None, 1000).participant.id


ID = {name: str(uuid.uuid4()) for name in
      ["a1", "a2", "a3", "a4", "a5", "a9", "b1", "b2", "x1", "c0", "c1", "c2", "c3"]}


def _version_and_revision(store, workshop_id):
    with store.transaction() as tx:
        return tx.workshop(workshop_id).version, current_engine(tx, workshop_id)[0]


def test_a_batch_answers_each_value_as_if_it_came_alone_and_changes_once(store):
    workshop = _reflecting(store)
    anna, bas = _mentor(store, workshop, "Anna"), _mentor(store, workshop, "Bas")
    service.add_value(store, anna, ID["a1"], "Vertrouwen", None)
    before = _version_and_revision(store, workshop.id)
    outcomes = service.add_values(store, workshop.id, [
        NewValue(anna, ID["a1"], "Vertrouwen"),       # sent before: the same value, nothing new
        NewValue(anna, ID["a2"], "Groei", "Omdat"),
        NewValue(bas, ID["b1"], "<b>" * 300),         # too long: refused alone
        NewValue(anna, ID["a2"], "Groei"),            # the retry inside the same batch
        NewValue(anna, ID["a3"], "groei"),            # a duplicate of a2 by text
        NewValue(anna, ID["a4"], "Humor"),            # the third: within the limit of 3
        NewValue(anna, ID["a5"], "Rust"),             # the fourth: over it
        NewValue(bas, ID["b2"], "Respect"),
        NewValue("nobody", ID["x1"], "Lef"),
    ])
    first = service.add_value(store, anna, ID["a1"], "Vertrouwen", None).result["value_id"]
    assert outcomes[0].result["value_id"] == first and outcomes[0].version is None
    assert outcomes[3].result["value_id"] == outcomes[1].result["value_id"]
    assert [o.code for o in outcomes if isinstance(o, WorkshopError)] == [
        "too_long", "duplicate", "limit_reached", "not_joined"]
    added = [o for o in outcomes if not isinstance(o, WorkshopError) and o.version]
    assert len(added) == 3  # a2, a4 and b2; the retry of a2 is answered like a1
    assert len({o.version for o in added}) == 1
    version, revision = _version_and_revision(store, workshop.id)
    assert (version, revision) == (before[0] + 1, before[1] + 1)
    with store.transaction() as tx:
        texts = sorted(v.text for v in tx.live_values(workshop.id))
        engine = current_engine(tx, workshop.id)[1]
    assert texts == ["Groei", "Humor", "Respect", "Vertrouwen"]
    assert sum(len(t["values"]) for t in engine.themes()) == 4


def test_a_batch_with_nothing_new_changes_nothing(store):
    workshop = _reflecting(store)
    anna = _mentor(store, workshop, "Anna")
    service.add_value(store, anna, ID["a1"], "Vertrouwen", None)
    before = _version_and_revision(store, workshop.id)
    outcomes = service.add_values(store, workshop.id, [NewValue(anna, ID["a1"], "Vertrouwen"),
                                                       NewValue(anna, ID["a9"], "")])
    assert outcomes[0].version is None and outcomes[1].code == "empty"
    assert _version_and_revision(store, workshop.id) == before


def test_values_that_arrive_while_a_batch_is_written_go_together_in_the_next(store):
    workshop = _reflecting(store)
    mentors = [_mentor(store, workshop, f"M{i}") for i in range(4)]
    writers = []
    batches = ValueBatches(store, lambda write, *args: writers.append((write, args)), False)
    answers = {}

    def send(i):
        try:
            answers[i] = batches.add(workshop.id,
                                     NewValue(mentors[i], ID[f"c{i}"], f"Waarde {i}"))
        except WorkshopError as refused:
            answers[i] = refused

    threads = [threading.Thread(target=send, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    while len(batches._queues.get(workshop.id, [])) < 4:  # all four wait for one writer
        time.sleep(0.01)
    assert len(writers) == 1
    before = _version_and_revision(store, workshop.id)
    write, args = writers[0]
    write(*args)  # the one writer: a single transaction for the four
    for thread in threads:
        thread.join(10)
    assert sorted(answers) == [0, 1, 2, 3]
    assert len({answer.result["value_id"] for answer in answers.values()}) == 4
    assert _version_and_revision(store, workshop.id) == (before[0] + 1, before[1] + 1)
    assert batches._queues == {}  # the next value starts a writer of its own
    threading.Thread(target=send, args=(0,)).start()
    while len(writers) < 2:
        time.sleep(0.01)
    writers[1][0](*writers[1][1])


def test_a_failing_database_answers_every_value_of_the_batch(store, monkeypatch):
    workshop = _reflecting(store)
    anna = _mentor(store, workshop, "Anna")
    batches = ValueBatches(store, lambda write, *args: write(*args), False)

    def broken(*_args):
        raise RuntimeError("database gone")

    monkeypatch.setattr(service, "add_values", broken)
    with pytest.raises(RuntimeError, match="database gone"):
        batches.add(workshop.id, NewValue(anna, ID["c1"], "Vertrouwen"))
    assert batches._queues == {}
