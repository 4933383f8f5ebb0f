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


def test_values_that_arrive_while_a_batch_is_written_go_together_in_the_next(store, monkeypatch):
    workshop = _reflecting(store)
    mentors = [_mentor(store, workshop, f"M{i}") for i in range(4)]
    batches = ValueBatches(store, False)
    written, first_may_go = [], threading.Event()
    real_add_values = service.add_values

    def add_values(store_, workshop_id, new, learning):
        written.append([value.text for value in new])
        if len(written) == 1:  # the first batch stays open until three more values wait
            first_may_go.wait(10)
        return real_add_values(store_, workshop_id, new, learning)

    monkeypatch.setattr(service, "add_values", add_values)
    answers = {}

    def send(i):
        answers[i] = batches.add(workshop.id, NewValue(mentors[i], ID[f"c{i}"], f"Waarde {i}"))

    threads = [threading.Thread(target=send, args=(0,))]
    threads[0].start()
    while not written:
        time.sleep(0.01)
    threads += [threading.Thread(target=send, args=(i,)) for i in (1, 2, 3)]
    for thread in threads[1:]:
        thread.start()
    while len(batches._queues[workshop.id]) < 4:
        time.sleep(0.01)
    before = _version_and_revision(store, workshop.id)
    first_may_go.set()
    for thread in threads:
        thread.join(10)
    assert written[0] == ["Waarde 0"]
    assert sorted(written[1]) == ["Waarde 1", "Waarde 2", "Waarde 3"] and len(written) == 2
    assert len({answer.result["value_id"] for answer in answers.values()}) == 4
    assert _version_and_revision(store, workshop.id) == (before[0] + 2, before[1] + 2)
    assert batches._queues == {}  # the next value writes at once, on its own


def test_a_failing_database_answers_every_value_of_the_batch_and_the_next_writes(store,
                                                                                 monkeypatch):
    workshop = _reflecting(store)
    anna = _mentor(store, workshop, "Anna")
    batches = ValueBatches(store, False)
    real_add_values = service.add_values
    calls = []

    def failing_once(*args):
        calls.append(args)
        if len(calls) == 1:
            raise RuntimeError("database gone")
        return real_add_values(*args)

    monkeypatch.setattr(service, "add_values", failing_once)
    with pytest.raises(RuntimeError, match="database gone"):
        batches.add(workshop.id, NewValue(anna, ID["c1"], "Vertrouwen"))
    assert batches._queues == {}
    again = batches.add(workshop.id, NewValue(anna, ID["c1"], "Vertrouwen"))
    assert again.version is not None
