"""The theme engine's persistence: snapshots plus a log of engine calls, replayed exactly."""

import uuid

import pytest

from workshop import service
from workshop.service import theme_cache
from workshop.storage import Store
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
