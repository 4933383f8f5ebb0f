"""Faults against the real server: a SIGKILL mid-burst, and a phone that was away."""

import gc
import random
import sqlite3
import threading
import time

import pytest
import requests
import socketio

from tests.server.phone import Phone

pytestmark = [
    pytest.mark.server,
    # the websocket client leaves the sockets of connections a SIGKILL cut unclosed; they are
    # collected below, inside this module, so no later test inherits the warning
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]


@pytest.fixture(autouse=True)
def _collect_cut_sockets():
    yield
    gc.collect()

TEXTS = ["Vertrouwen", "Groei", "Respect", "Veiligheid", "Humor"]


def _workshop_in_reflect(url):
    workshop = requests.post(f"{url}/api/workshops", json={"title": "Storingstest"},
                             timeout=5).json()
    facilitator = socketio.Client(reconnection=False)
    facilitator.connect(url, transports=["websocket"], wait_timeout=10)
    facilitator.call("facilitate", {"workshop_id": workshop["id"],
                                    "token": workshop["facilitator_token"]})
    assert facilitator.call("phase:set", {"phase": "reflect"})["ok"]
    return workshop, facilitator


def test_a_killed_server_loses_and_duplicates_nothing_acknowledged(server):
    workshop, facilitator = _workshop_in_reflect(server.url)
    phones = [Phone(server.url, workshop["code"], f"Mentor {i}") for i in range(30)]
    for phone in phones:
        phone.connect()
        for text in TEXTS:
            phone.queue(f"{text} {phone.name}")

    def burst(phone, seed):
        rng = random.Random(seed)
        time.sleep(rng.uniform(0, 0.3))
        phone.flush(time.monotonic() + 60)

    threads = [threading.Thread(target=burst, args=(p, i)) for i, p in enumerate(phones)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 30
    while sum(len(p.acked) for p in phones) < 30 and time.monotonic() < deadline:
        time.sleep(0.01)  # kill once the burst is well under way
    acked_before_kill = sum(len(p.acked) for p in phones)
    server.restart()  # SIGKILL, then a new process on the same port and database
    for thread in threads:
        thread.join(90)

    assert 0 < acked_before_kill < 150, "the kill must land in the middle of the burst"
    for phone in phones:
        assert phone.pending == [], f"{phone.name} still has unsent values"
        on_server = phone.server_values()
        assert sorted(v["id"] for v in on_server) == sorted(phone.acked.values())
        assert sorted(v["text"] for v in on_server) == sorted(f"{t} {phone.name}"
                                                              for t in TEXTS)
        phone.close()
    facilitator = socketio.Client(reconnection=False)
    facilitator.connect(server.url, transports=["websocket"], wait_timeout=10)
    state = facilitator.call("facilitate", {"workshop_id": workshop["id"],
                                            "token": workshop["facilitator_token"]})["state"]
    assert state["progress"]["values"] == 150 and state["progress"]["joined"] == 30
    facilitator.disconnect()


def _mentors_in_database(database: str) -> list[str]:
    """The names of the mentors the server committed, read from its SQLite file."""
    with sqlite3.connect(database) as connection:
        return [name for (name,) in connection.execute("SELECT name FROM participants")]


def test_joins_a_kill_cut_off_from_their_answers_are_retried_as_the_same_mentors(server,
                                                                                 tmp_path):
    """40 phones join with join ids. The first 20 joins are committed but the SIGKILL comes
    before any phone hears its answer (each such phone ignores the answer, so the kill lands
    between commit and ack every time, not by luck); the other 20 join while it happens.
    After the restart every phone retries: exactly 40 mentors, each phone its own."""
    workshop, facilitator = _workshop_in_reflect(server.url)
    phones = [Phone(server.url, workshop["code"], f"Mentor {i}") for i in range(40)]
    for phone in phones:
        phone.connect()
    cut_off, racing = phones[:20], phones[20:]
    for phone in cut_off:
        phone.join_and_lose_the_answer()
    database = str(tmp_path / "live.db")
    deadline = time.monotonic() + 30
    while len(_mentors_in_database(database)) < len(cut_off) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert len(_mentors_in_database(database)) >= len(cut_off), "the joins must be committed"

    threads = [threading.Thread(target=phone.join) for phone in racing]
    for thread in threads:
        thread.start()
    time.sleep(0.05)  # some of these joins are answered, some in flight, some not yet sent
    server.restart()  # SIGKILL, then a new process on the same port and database
    for thread in threads:
        thread.join(60)
    for phone in cut_off:
        assert phone.token is None  # it never heard its first answer
        phone.join()  # with its join id, after the restart

    names = sorted(_mentors_in_database(database))
    assert names == sorted(phone.name for phone in phones), "a phone was counted twice"
    tokens = {phone.token for phone in phones}
    assert len(tokens) == 40
    mentor = socketio.Client(reconnection=False)
    mentor.connect(server.url, transports=["websocket"], wait_timeout=10)
    for phone in phones:
        again = mentor.call("join", {"code": workshop["code"], "token": phone.token})
        assert again["state"]["me"]["name"] == phone.name
        phone.close()
    mentor.disconnect()


def test_a_phone_that_was_away_catches_up_in_the_current_phase(server):
    workshop, facilitator = _workshop_in_reflect(server.url)
    phone = Phone(server.url, workshop["code"], "Anna")
    phone.connect()
    phone.queue("Vertrouwen")
    phone.flush(time.monotonic() + 10)
    phone.client.disconnect()  # the phone sleeps; meanwhile it queues and the team moves on
    phone.queue("Groei")
    phone.queue("Respect")
    assert facilitator.call("phase:set", {"phase": "themes"})["ok"]
    phone.joined.clear()
    phone.connect()
    phone.flush(time.monotonic() + 10)
    phone.flush(time.monotonic() + 10)  # a second flush (a double tap) sends nothing new
    state = phone.client.call("sync", {"since": 0})["state"]
    assert state["workshop"]["phase"] == "themes"
    assert sorted(v["text"] for v in state["me"]["values"]) == ["Groei", "Respect",
                                                                 "Vertrouwen"]
    phone.close()
    facilitator.disconnect()
