"""The theme engine's persistence: snapshots plus a log of engine calls, replayed exactly."""

import uuid

import pytest
from sqlalchemy import event

from workshop import service
from workshop.service import theme_cache
from workshop.storage import Store, Tx
from workshop.themes import ThemeEngine

WORDS = ["Vertrouwen", "vertrouwd", "Groei", "groeien", "Respect", "respectvol", "Veiligheid",
         "veilige klas", "Humor", "plezier", "Structuur", "duidelijkheid", "Eigenaarschap"]


@pytest.fixture
def store(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'themes.db'}")
    yield store
    store.dispose()
    theme_cache._engines.clear()


def _workshop_with_values(store, count):
    created = service.create_workshop(store, {"title": "Missie", "values_per_person": 5})
    workshop = created.workshop
    service.set_phase(store, workshop.id, "reflect")
    mentors = [service.join(store, workshop.code, f"M{i}", None, 1000).participant
               for i in range(count // 5 + 1)]
    for i in range(count):
        # five different words per mentor, rotating, so themes are shared across mentors
        service.add_value(store, mentors[i // 5].id, str(uuid.uuid4()),
                          WORDS[(i + i // 5) % len(WORDS)], None)
    return workshop


def _past_a_snapshot(store, workshop):
    """Six values of two late mentors, which take a workshop of 15 past a snapshot at 20
    (SNAPSHOT_EVERY = 20); the web they make."""
    late = [service.join(store, workshop.code, name, None, 1000).participant
            for name in ("Laat", "Later")]
    for i, text in enumerate(["Nieuwsgierigheid", "Geduld", "Humor", "Zorg", "Lef", "Eerlijk"]):
        service.add_value(store, late[i % 2].id, str(uuid.uuid4()), text, None)
    return _themes(store, workshop.id)


def _themes(store, workshop_id):
    with store.transaction() as tx:
        return theme_cache.current_engine(tx, workshop_id)[1].themes()


def test_a_fresh_process_rebuilds_the_same_web_from_snapshot_and_log(store, monkeypatch):
    monkeypatch.setattr(theme_cache, "SNAPSHOT_EVERY", 200)  # a snapshot within a small test
    workshop = _workshop_with_values(store, 230)
    live = _themes(store, workshop.id)
    with store.transaction() as tx:
        assert tx.theme_snapshot(workshop.id)[0] == 200
        assert len(tx.theme_ops(workshop.id, after=0)) == 30  # the log before it is gone
    theme_cache._engines.clear()  # as a restarted server or another process
    assert _themes(store, workshop.id) == live
    assert sum(len(t["values"]) for t in live) == 230


def test_without_a_snapshot_the_log_alone_rebuilds_the_web(store):
    workshop = _workshop_with_values(store, 60)
    live = _themes(store, workshop.id)
    with store.transaction() as tx:
        assert tx.theme_snapshot(workshop.id) == (0, {})
    theme_cache._engines.clear()
    assert _themes(store, workshop.id) == live


def test_corrections_are_logged_and_replayed(store):
    workshop = _workshop_with_values(store, 40)
    web = _themes(store, workshop.id)
    service.merge_themes(store, workshop.id, web[1]["id"], web[0]["id"])
    service.rename_theme(store, workshop.id, web[0]["id"], "Samen sterk")
    split = service.split_theme(store, workshop.id, [web[2]["values"][0]["id"]], "Apart")
    service.hide_theme(store, workshop.id, split.result["theme_id"], True)
    live = _themes(store, workshop.id)
    theme_cache._engines.clear()
    assert _themes(store, workshop.id) == live
    assert any(t["label"] == "Samen sterk" for t in live)


def test_a_cache_that_fell_behind_replays_only_what_it_missed(store):
    workshop = _workshop_with_values(store, 20)
    with store.transaction() as tx:
        revision, engine = theme_cache.current_engine(tx, workshop.id)
    behind = ThemeEngine.from_state(engine.to_state())  # this process stops here
    mentor = service.join(store, workshop.code, "Laat", None, 1000).participant
    service.add_value(store, mentor.id, str(uuid.uuid4()), "betrouwbaar", None)
    service.add_value(store, mentor.id, str(uuid.uuid4()), "Nieuwsgierigheid", None)
    expected = _themes(store, workshop.id)
    theme_cache._engines[workshop.id] = (revision, behind)
    assert _themes(store, workshop.id) == expected
    assert theme_cache._engines[workshop.id][1] is behind  # replayed in place, not reloaded


def test_a_cache_ahead_of_the_database_is_reloaded(store):
    workshop = _workshop_with_values(store, 10)
    expected = _themes(store, workshop.id)
    with store.transaction() as tx:
        revision, engine = theme_cache.current_engine(tx, workshop.id)
    ahead = ThemeEngine.from_state(engine.to_state())
    ahead.add("ghost", "Spookwaarde", "nobody")  # as if a commit had failed after the change
    theme_cache._engines[workshop.id] = (revision + 1, ahead)
    assert _themes(store, workshop.id) == expected


def test_a_cache_that_can_catch_up_from_the_log_does_not_read_the_snapshot(store, monkeypatch):
    monkeypatch.setattr(theme_cache, "SNAPSHOT_EVERY", 20)
    workshop = _workshop_with_values(store, 25)  # a snapshot at 20, five changes logged after
    with store.transaction() as tx:
        revision, engine = theme_cache.current_engine(tx, workshop.id)
    behind = ThemeEngine.from_state(engine.to_state())
    mentor = service.join(store, workshop.code, "Laat", None, 1000).participant
    service.add_value(store, mentor.id, str(uuid.uuid4()), "Nieuwsgierigheid", None)
    expected = _themes(store, workshop.id)
    theme_cache._engines[workshop.id] = (revision, behind)
    snapshots_read = []
    original = Tx.theme_snapshot
    monkeypatch.setattr(Tx, "theme_snapshot",
                        lambda tx, wid: snapshots_read.append(wid) or original(tx, wid))
    assert _themes(store, workshop.id) == expected
    assert snapshots_read == []
    theme_cache._engines.clear()  # a process without a cache does need it
    assert _themes(store, workshop.id) == expected
    assert snapshots_read == [workshop.id]


def test_a_copy_that_is_behind_catches_up_in_one_statement(store):
    """A batch of values asks under the workshop's lock: how far the copy is behind and what
    it missed come in one round trip, not one for the revisions and one for the log."""
    workshop = _workshop_with_values(store, 10)
    with store.transaction() as tx:
        revision, engine = theme_cache.current_engine(tx, workshop.id)
    behind = ThemeEngine.from_state(engine.to_state())
    mentor = service.join(store, workshop.code, "Laat", None, 1000).participant
    service.add_value(store, mentor.id, str(uuid.uuid4()), "Nieuwsgierigheid", None)
    service.add_value(store, mentor.id, str(uuid.uuid4()), "Geduld", None)
    expected = _themes(store, workshop.id)
    theme_cache._engines[workshop.id] = (revision, behind)
    statements = []

    def note(_connection, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", note)
    try:
        assert _themes(store, workshop.id) == expected
    finally:
        event.remove(store.engine, "before_cursor_execute", note)
    assert theme_cache._engines[workshop.id][0] == revision + 2
    assert len([s for s in statements if not s.startswith("BEGIN")]) == 1


def test_a_snapshot_saved_between_the_log_and_the_snapshot_read_is_replayed_from(
        store, monkeypatch):
    """A reader without a copy reads the log as it was before another process saved a
    snapshot (and dropped the log up to it), then reads that newer snapshot: it stands at
    the snapshot, never behind what it read, and the next read catches up from the log."""
    monkeypatch.setattr(theme_cache, "SNAPSHOT_EVERY", 20)
    workshop = _workshop_with_values(store, 15)
    with store.transaction() as tx:
        stale = tx.theme_log(workshop.id, after=None)
    expected = _past_a_snapshot(store, workshop)
    with store.transaction() as tx:
        now = tx.theme_log(workshop.id, after=None)
        snapshot = ThemeEngine.from_state(tx.theme_snapshot(workshop.id)[1]).themes()
    assert stale.revision < now.snapshot_revision == 20 < now.revision
    theme_cache._engines.clear()
    original = Tx.theme_log
    logs = iter([stale])
    monkeypatch.setattr(Tx, "theme_log", lambda tx, wid, after: next(logs, None) or original(
        tx, wid, after))
    assert _themes(store, workshop.id) == snapshot
    assert theme_cache._engines[workshop.id][0] == 20
    assert _themes(store, workshop.id) == expected
    assert theme_cache._engines[workshop.id][0] == now.revision


def test_a_copy_from_before_the_snapshot_starts_again_from_the_snapshot(store, monkeypatch):
    """The log before a snapshot is gone: a copy older than the snapshot cannot replay from
    where it stands, and the changes after the snapshot come with the same statement."""
    monkeypatch.setattr(theme_cache, "SNAPSHOT_EVERY", 20)
    workshop = _workshop_with_values(store, 15)
    with store.transaction() as tx:
        revision, engine = theme_cache.current_engine(tx, workshop.id)
    behind = ThemeEngine.from_state(engine.to_state())
    expected = _past_a_snapshot(store, workshop)
    with store.transaction() as tx:
        now = tx.theme_log(workshop.id, after=revision)
    assert revision < now.snapshot_revision == 20 < now.revision
    assert [logged for logged, _ops in now.changes] == list(range(21, now.revision + 1))
    theme_cache._engines[workshop.id] = (revision, behind)
    assert _themes(store, workshop.id) == expected
    assert theme_cache._engines[workshop.id][0] == now.revision
    assert theme_cache._engines[workshop.id][1] is not behind
