"""One process sends a crowded workshop's room-wide broadcasts; the others tell it (Redis)."""

import threading
import time
import uuid

import orjson
import pytest

from workshop import service
from workshop.storage import Store
from workshop.web import broadcast
from workshop.web.broadcast import Broadcaster
from workshop.web.crowd_lead import Claim, CrowdLead

pytestmark = pytest.mark.services


class Clock:
    """The processes' monotonic clocks, moved on by the test."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _workshop_id() -> str:
    return f"test-{uuid.uuid4().hex}"


def test_one_process_leads_a_workshop_and_the_others_tell_it(redis_url):
    clock, told = Clock(), []
    a = CrowdLead(redis_url, told.append, clock)
    b = CrowdLead(redis_url, told.append, clock)
    workshop_id = _workshop_id()
    assert a.claim(workshop_id) is Claim.TAKEN
    assert b.claim(workshop_id) is Claim.OTHER
    assert a.claim(workshop_id) is Claim.HELD
    b.tell(workshop_id, ("themes", "phone_themes"))
    assert told == [{"workshop_id": workshop_id, "kinds": ["themes", "phone_themes"]}]
    assert a.claim(_workshop_id()) is Claim.TAKEN  # leases are per workshop


def test_a_lease_nobody_renews_passes_to_the_next_process_with_a_change(redis_url):
    """The leading process stopped (or its workshop went quiet): once its lease ran out the
    next process with a change takes over."""
    clock = Clock()
    a = CrowdLead(redis_url, print, clock, lease=0.2)
    b = CrowdLead(redis_url, print, clock, lease=0.2)
    workshop_id = _workshop_id()
    assert a.claim(workshop_id) is Claim.TAKEN
    assert b.claim(workshop_id) is Claim.OTHER
    time.sleep(0.4)  # Redis lets the lease run out
    clock.now += 0.5  # within the time b goes by what it learnt: still the other's
    assert b.claim(workshop_id) is Claim.OTHER
    clock.now += 1.0  # then b asks again
    assert b.claim(workshop_id) is Claim.TAKEN
    assert a.claim(workshop_id) is Claim.OTHER  # a finds it lost the lease, and follows


def test_the_leading_process_renews_its_lease_while_the_workshop_changes(redis_url):
    clock = Clock()
    a = CrowdLead(redis_url, print, clock, lease=1.0)
    b = CrowdLead(redis_url, print, clock, lease=1.0)
    workshop_id = _workshop_id()
    assert a.claim(workshop_id) is Claim.TAKEN
    for _ in range(3):  # 1.2 s in all, longer than the lease
        time.sleep(0.4)
        clock.now += 1.5
        assert a.claim(workshop_id) is Claim.HELD
    assert b.claim(workshop_id) is Claim.OTHER


def test_without_an_answer_from_redis_a_process_sends_itself():
    lead = CrowdLead("redis://127.0.0.1:1/0", print)  # nothing listens on port 1
    assert lead.claim(_workshop_id()) is Claim.HELD


class Room:
    """What one process's Socket.IO server was asked to send; background tasks as threads."""

    def __init__(self):
        self.sent: list[tuple[str, object, object]] = []
        self.tasks: list[threading.Thread] = []

    def emit(self, event, data, to=None):
        self.sent.append((event, orjson.loads(orjson.dumps(data)), to))

    def sleep(self, seconds):
        time.sleep(seconds)

    def start_background_task(self, target, *args):
        self.tasks.append(threading.Thread(target=target, args=args))
        self.tasks[-1].start()

    def settle(self) -> None:
        while self.tasks:
            self.tasks.pop().join(10)

    def events(self) -> list[str]:
        return [event for event, _data, _to in self.sent]


@pytest.fixture
def store(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'crowd.db'}")
    yield store
    store.dispose()


def test_a_crowded_workshop_hears_each_change_once_from_the_leading_process(
        redis_url, store, monkeypatch):
    monkeypatch.setattr(broadcast, "CROWD_DELAY", 0.05)
    workshop = service.create_workshop(store, {"title": "Regiodag"}).workshop
    service.set_phase(store, workshop.id, "reflect")
    mentors = [service.join(store, workshop.code, f"M{i}", None, 1000).participant.id
               for i in range(service.CROWD)]
    rooms = {"a": Room(), "b": Room()}
    processes: dict[str, Broadcaster] = {}
    for name, other in (("a", "b"), ("b", "a")):
        lead = CrowdLead(redis_url, lambda notice, other=other: processes[other].noticed(notice))
        processes[name] = Broadcaster(rooms[name], store, 0.01, lead)
    for process in processes.values():
        process.progress(workshop.id)  # each learns that the workshop is crowded

    first = service.add_value(store, mentors[0], str(uuid.uuid4()), "Vertrouwen", None)
    processes["a"].publish(first, progress=True)  # a has the first change: a leads
    rooms["a"].settle()
    for room in rooms.values():
        room.sent.clear()
    second = service.add_value(store, mentors[1], str(uuid.uuid4()), "Respect", None)
    processes["b"].publish(second, progress=True)
    for room in rooms.values():
        room.settle()

    assert rooms["b"].sent == []  # b told a and sent nothing room-wide itself
    themes = [data for event, data, to in rooms["a"].sent if event == "themes"]
    texts = [v["text"] for theme in themes[-1]["themes"] for v in theme["values"]]
    assert sorted(texts) == ["Respect", "Vertrouwen"]
    progress = [data for event, data, _to in rooms["a"].sent if event == "progress"]
    assert progress[-1]["version"] == second.version
    assert progress[-1]["progress"]["values"] == 2
