"""A process's cached theme engine on PostgreSQL, where its green threads (or threads) read and
write the same workshop at once: whoever finds the copy busy waits instead of loading the
whole snapshot again (tens of milliseconds of the event loop at 5,000 values)."""

import threading
import uuid

import pytest

from workshop import service
from workshop.service import theme_cache
from workshop.service.values import NewValue, _add_in
from workshop.storage import Store, Tx
from workshop.themes import ThemeEngine

pytestmark = pytest.mark.services

TEXTS = ["Vertrouwen", "Groei", "Respect", "Veiligheid", "Humor", "Structuur"]


@pytest.fixture
def store(database_url):
    store = Store(database_url)
    yield store
    store.dispose()
    theme_cache._engines.clear()


@pytest.fixture
def snapshots_read(monkeypatch) -> list[str]:
    read: list[str] = []
    original = Tx.theme_snapshot
    monkeypatch.setattr(Tx, "theme_snapshot",
                        lambda tx, wid: read.append(wid) or original(tx, wid))
    return read


def _workshop(store):
    workshop = service.create_workshop(store, {"title": "Regiodag"}).workshop
    service.set_phase(store, workshop.id, "reflect")
    mentors = [service.join(store, workshop.code, f"M{i}", None, 1000).participant.id
               for i in range(len(TEXTS))]
    for mentor, text in zip(mentors, TEXTS, strict=True):
        service.add_value(store, mentor, str(uuid.uuid4()), text, None)
    return workshop, mentors


def _themes(store, workshop_id):
    with store.transaction() as tx:
        return theme_cache.current_engine(tx, workshop_id)[1].themes()


class _NoticingLock:
    """A lock that notes when a second caller has to wait for it."""

    def __init__(self):
        self._lock = threading.Lock()
        self.contended = threading.Event()

    def acquire(self, blocking: bool = True) -> bool:
        if self._lock.acquire(blocking=False):
            return True
        self.contended.set()
        return self._lock.acquire() if blocking else False

    def release(self) -> None:
        self._lock.release()


def test_a_reader_that_comes_while_another_catches_up_waits_for_it(
        store, snapshots_read, monkeypatch):
    """Two threads of a process behind the database (a broadcast and a writer, say): the
    second used to find the copy out of the cache and load the whole snapshot."""
    workshop, mentors = _workshop(store)
    with store.transaction() as tx:
        revision, engine = theme_cache.current_engine(tx, workshop.id)
    behind = ThemeEngine.from_state(engine.to_state())  # as another process would have it
    service.add_value(store, mentors[0], str(uuid.uuid4()), "Nieuwsgierigheid", None)
    expected = _themes(store, workshop.id)
    theme_cache._engines[workshop.id] = (revision, behind)
    snapshots_read.clear()

    lock = _NoticingLock()
    monkeypatch.setitem(theme_cache._catching_up, workshop.id, lock)
    replay = theme_cache._replayed

    def slow_replay(*args):  # the first reader waits for the database until the second came
        lock.contended.wait(10)
        return replay(*args)

    monkeypatch.setattr(theme_cache, "_replayed", slow_replay)
    seen = []
    readers = [threading.Thread(target=lambda: seen.append(_themes(store, workshop.id)))
               for _ in range(2)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join(20)
    assert lock.contended.is_set()
    assert seen == [expected, expected]
    assert snapshots_read == []
    assert theme_cache._engines[workshop.id][1] is behind  # caught up once, in place


class _Commit:
    """Stands in for theme_cache's pause: the reader waits there until the writer committed."""

    def __init__(self):
        self.reader_waits = threading.Event()
        self.done = threading.Event()

    def sleep(self, _seconds):
        self.reader_waits.set()
        self.done.wait(10)


def test_a_reader_waits_for_the_commit_of_a_change_this_process_saved(
        store, snapshots_read, monkeypatch):
    """The writer has saved its change to the cached copy and is committing: a reader that
    reads the database in between sees the copy ahead, and waits for the commit."""
    workshop, mentors = _workshop(store)
    _themes(store, workshop.id)
    snapshots_read.clear()
    commit = _Commit()
    monkeypatch.setattr(theme_cache, "time", commit)
    saved = threading.Event()

    def write():
        with store.transaction() as tx:
            _add_in(tx, workshop.id, [NewValue(mentors[1], str(uuid.uuid4()), "Geduld")], False)
            saved.set()
            commit.reader_waits.wait(10)
        commit.done.set()

    writer = threading.Thread(target=write)
    writer.start()
    assert saved.wait(10)
    with store.transaction() as tx:
        revision, engine = theme_cache.current_engine(tx, workshop.id)
        head = tx.theme_log(workshop.id, after=None).revision
    writer.join(10)
    assert commit.reader_waits.is_set()
    assert revision == head == len(TEXTS) + 1
    assert "Geduld" in [v["text"] for t in engine.themes() for v in t["values"]]
    assert snapshots_read == []
