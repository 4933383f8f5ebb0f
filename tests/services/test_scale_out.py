"""Scale-out: two app processes serve one workshop through PostgreSQL and Redis."""

import threading
import time
import uuid

import pytest
import requests
import socketio
from sqlalchemy import select

from workshop import service
from workshop.service.theme_cache import current_engine
from workshop.storage import Store
from workshop.storage.tables import values

pytestmark = pytest.mark.services

TEXTS = ["Vertrouwen", "Respect", "Groei", "Veiligheid", "Humor", "Rust", "Structuur",
         "Eerlijkheid", "Betrokkenheid", "Zelfstandigheid"]


class Screen:
    """A Socket.IO connection that keeps every event it hears."""

    def __init__(self, url: str):
        self.heard: list[tuple[str, dict]] = []
        self._lock = threading.Lock()
        self.client = socketio.Client(reconnection=False)
        self.client.on("*", self._hear)
        self.client.connect(url, transports=["websocket"], wait_timeout=10)

    def _hear(self, event, data=None):
        with self._lock:
            self.heard.append((event, data))

    def call(self, event: str, data: dict) -> dict:
        ack = self.client.call(event, data, timeout=30)
        assert ack["ok"], ack
        return ack

    def wait_for(self, event: str, predicate, timeout: float = 15.0) -> dict:
        """The first `event` matching `predicate`; the timeout only bounds a broken run."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                for name, data in self.heard:
                    if name == event and predicate(data):
                        return data
            time.sleep(0.05)
        raise AssertionError(f"no matching {event!r} arrived; heard {[n for n, _ in self.heard]}")

    def close(self) -> None:
        self.client.disconnect()


@pytest.fixture
def workshop(two_processes):
    a, _b = two_processes
    response = requests.post(f"{a.url}/api/workshops", json={"title": "Regiodag"}, timeout=10)
    assert response.status_code == 201, response.text
    return response.json()


@pytest.fixture
def screens():
    opened: list[Screen] = []

    def open_screen(url: str) -> Screen:
        opened.append(Screen(url))
        return opened[-1]

    yield open_screen
    for screen in opened:
        screen.close()


def _facilitator_and_projector(url: str, workshop: dict, screens) -> tuple[Screen, Screen]:
    facilitator = screens(url)
    state = facilitator.call("facilitate", {"workshop_id": workshop["id"],
                                            "token": workshop["facilitator_token"]})["state"]
    projector = screens(url)
    projector.call("present", {"workshop_id": workshop["id"], "key": state["presenter_key"]})
    return facilitator, projector


def _texts_in(themes: list[dict]) -> list[str]:
    return [v["text"] for theme in themes for v in theme["values"]]


def test_mentor_on_one_process_and_projector_on_the_other_see_each_other(
        two_processes, workshop, screens):
    a, b = two_processes
    facilitator, projector = _facilitator_and_projector(b.url, workshop, screens)
    mentor = screens(a.url)
    mentor.call("join", {"code": workshop["code"], "name": "Anna"})

    joined = facilitator.wait_for("participants", lambda m: m["participants"])
    assert [p["name"] for p in joined["participants"]] == ["Anna"]
    projector.wait_for("participants", lambda m: m["participants"])

    facilitator.call("phase:set", {"phase": "themes"})
    mentor.wait_for("phase", lambda m: m["phase"] == "themes")

    mentor.call("value:add", {"id": str(uuid.uuid4()), "text": "Vertrouwen"})
    web = projector.wait_for("themes", lambda m: "Vertrouwen" in _texts_in(m["themes"]))
    assert _texts_in(web["themes"]) == ["Vertrouwen"]
    # and a correction made on B reaches the mentor's phone on A
    theme_id = web["themes"][0]["id"]
    facilitator.call("theme:rename", {"theme_id": theme_id, "label": "Vertrouwen geven"})
    mentor.wait_for("themes", lambda m: [t["label"] for t in m["themes"]] == ["Vertrouwen geven"])


def test_the_same_join_id_on_both_processes_at_once_is_one_mentor(two_processes, workshop,
                                                                  screens):
    """A phone retries its join on another process (behind nginx) while the first is still
    being handled: the row lock and the second look after it make them one mentor."""
    a, b = two_processes
    phones = [screens(url) for _ in range(10) for url in (a.url, b.url)]
    join_ids = [str(uuid.uuid4()) for _ in range(10)]
    answers: list[dict] = [{} for _ in phones]
    start = threading.Barrier(len(phones))

    def join(i: int) -> None:
        start.wait()
        answers[i] = phones[i].call("join", {"code": workshop["code"], "name": f"Mentor {i // 2}",
                                             "id": join_ids[i // 2]})

    threads = [threading.Thread(target=join, args=(i,)) for i in range(len(phones))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    for first, second in zip(answers[::2], answers[1::2], strict=True):
        assert first["participant_id"] == second["participant_id"]
        assert first["token"] == second["token"]
    facilitator = screens(a.url)
    state = facilitator.call("facilitate", {"workshop_id": workshop["id"],
                                            "token": workshop["facilitator_token"]})["state"]
    assert state["progress"]["joined"] == 10


def test_values_from_both_processes_at_once_keep_one_consistent_web(
        two_processes, workshop, screens, database_url):
    a, b = two_processes
    facilitator, projector = _facilitator_and_projector(b.url, workshop, screens)
    facilitator.call("phase:set", {"phase": "reflect"})
    mentors = []
    for i in range(12):  # half on each process
        mentor = screens((a, b)[i % 2].url)
        mentor.call("join", {"code": workshop["code"], "name": f"Mentor {i + 1}"})
        mentors.append(mentor)

    acked: dict[str, str] = {}
    failures: list[object] = []
    start = threading.Barrier(len(mentors))

    def add_five(i: int, mentor: Screen) -> None:
        start.wait()
        for k in range(5):
            text = TEXTS[(i + k) % len(TEXTS)]
            try:
                acked[mentor.call("value:add", {"id": str(uuid.uuid4()), "text": text})
                      ["value_id"]] = text
            except Exception as error:  # collected, so the assertion shows every failure
                failures.append(error)

    threads = [threading.Thread(target=add_five, args=(i, m)) for i, m in enumerate(mentors)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert failures == []
    assert len(acked) == 60

    store = Store(database_url)
    try:
        with store.engine.connect() as c:
            stored = set(c.execute(select(values.c.id).where(
                values.c.workshop_id == workshop["id"], ~values.c.removed)).scalars())
        with store.transaction() as tx:  # the saved engine: snapshot plus the logged changes
            state = current_engine(tx, workshop["id"])[1].to_state()
    finally:
        store.dispose()
    assert stored == set(acked)  # nothing lost, nothing extra
    engine_values = [v["id"] for v in state["values"]]
    assert sorted(engine_values) == sorted(stored)  # the saved engine holds each value once
    placed = [v for theme in state["themes"] for v in theme["values"]]
    assert sorted(placed) == sorted(stored)

    # both processes now draw the same web, and the facilitator on B heard all of it
    web_a = screens(a.url)
    web_a.call("facilitate", {"workshop_id": workshop["id"],
                              "token": workshop["facilitator_token"]})
    from_a = web_a.call("sync", {"since": 0})["state"]["themes"]
    from_b = facilitator.call("sync", {"since": 0})["state"]["themes"]
    assert from_a == from_b
    assert sorted(v["id"] for t in from_a for v in t["values"]) == sorted(stored)
    facilitator.wait_for("themes", lambda m: sorted(
        v["id"] for t in m["themes"] for v in t["values"]) == sorted(stored))


def _theme_holding(themes: list[dict], text: str) -> dict:
    return next(t for t in themes if text in [v["text"] for v in t["values"]])


def test_a_correction_on_one_process_teaches_a_workshop_created_on_the_other(
        two_processes, workshop, screens):
    """Learning lives in PostgreSQL, not in a process: A learns, B applies."""
    a, b = two_processes
    word = f"kompasroos {uuid.uuid4().hex[:6]}"
    facilitator = screens(a.url)
    facilitator.call("facilitate", {"workshop_id": workshop["id"],
                                    "token": workshop["facilitator_token"]})
    facilitator.call("phase:set", {"phase": "reflect"})
    mentor = screens(a.url)
    mentor.call("join", {"code": workshop["code"], "name": "Anna"})
    for text in ("Verbinding", word):
        mentor.call("value:add", {"id": str(uuid.uuid4()), "text": text})
    web = facilitator.call("sync", {"since": 0})["state"]["themes"]
    facilitator.call("theme:move", {"value_id": _theme_holding(web, word)["values"][0]["id"],
                                    "theme_id": _theme_holding(web, "Verbinding")["id"]})

    later = requests.post(f"{b.url}/api/workshops", json={"title": "Volgende"}, timeout=10).json()
    other = screens(b.url)
    other.call("facilitate", {"workshop_id": later["id"], "token": later["facilitator_token"]})
    other.call("phase:set", {"phase": "reflect"})
    learner = screens(b.url)
    learner.call("join", {"code": later["code"], "name": "Bram"})
    learner.call("value:add", {"id": str(uuid.uuid4()), "text": word.upper()})
    web = other.call("sync", {"since": 0})["state"]["themes"]
    placed = _theme_holding(web, word.upper())
    assert placed["label"] == "Verbinding"
    assert placed["values"][0]["learned"] is True


def test_a_crowded_workshop_hears_every_value_from_whichever_process_took_it(
        two_processes, workshop, screens, database_url):
    """From CROWD mentors on one process sends the web and the counts (web/crowd_lead.py);
    a value the other process took in still reaches every screen, through its notice."""
    a, b = two_processes
    facilitator_b, projector_b = _facilitator_and_projector(b.url, workshop, screens)
    facilitator_a = screens(a.url)
    facilitator_a.call("facilitate", {"workshop_id": workshop["id"],
                                      "token": workshop["facilitator_token"]})
    facilitator_a.call("phase:set", {"phase": "themes"})
    store = Store(database_url)
    try:
        for i in range(service.CROWD - 2):
            service.join(store, workshop["code"], f"Mentor {i}", None, 1000)
    finally:
        store.dispose()
    phones = {url: screens(url) for url in (a.url, b.url)}
    for number, phone in enumerate(phones.values()):
        phone.call("join", {"code": workshop["code"], "name": f"Telefoon {number}"})

    texts = ["Vertrouwen", "Respect", "Groei", "Humor"]  # A's first: A sends from then on
    for count, (text, phone) in enumerate(zip(texts, [*phones.values(), *phones.values()],
                                              strict=True), 1):
        phone.call("value:add", {"id": str(uuid.uuid4()), "text": text})
        # one at a time, each seen before the next: B's values reach the screens only
        # through B's notice to A, not with a broadcast A made for a value of its own
        for screen in (projector_b, facilitator_b, facilitator_a):
            screen.wait_for("themes", lambda m, so_far=texts[:count]:
                            sorted(_texts_in(m["themes"])) == sorted(so_far))
    for phone in phones.values():
        counted = phone.wait_for("progress", lambda m: m["progress"] == {
            "joined": service.CROWD, "ready": 0, "values": 4, "min_values": 3})
        phone.wait_for("themes", lambda m, since=counted["version"]: m["version"] >= since
                       and m["themes"])
