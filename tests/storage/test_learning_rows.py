"""Learning across workshops against a real SQLite file: corrections teach workshops created
afterwards, deleting or purging the teacher forgets, opt-out and the server switch stop it."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from workshop import codes, service
from workshop.storage import Store
from workshop.storage.tables import learned_placements

PUBLIC = "http://192.0.2.10:5000"


@pytest.fixture
def store(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'learning.db'}")
    yield store
    store.dispose()


def _reflecting(store, **settings):
    workshop = service.create_workshop(store, {"title": "Missie", **settings}).workshop
    service.set_phase(store, workshop.id, "reflect")
    return workshop


def _add(store, workshop, text, name="Anna", learning=True):
    mentor = service.join(store, workshop.code, name, None, 100).participant
    return service.add_value(store, mentor.id, codes.new_id(), text, "", learning)


def _web(store, workshop):
    return service.state(store, workshop.id, "facilitator", PUBLIC)["themes"]


def _theme_of(web, text):
    return next(t for t in web if any(v["text"] == text for v in t["values"]))


def _corrected(store, text="ankerplaats", into="Veiligheid", learning=True, **settings):
    """A workshop whose facilitator moved `text` into the theme of `into`."""
    teacher = _reflecting(store, **settings)
    _add(store, teacher, into, "Bram", learning)
    value_id = _add(store, teacher, text, "Chris", learning).result["value_id"]
    target = _theme_of(_web(store, teacher), into)["id"]
    service.move_value(store, teacher.id, value_id, target, learning)
    return teacher


def _learned_rows(store) -> int:
    with store.transaction() as tx:
        return tx.c.execute(select(func.count()).select_from(learned_placements)).scalar_one()


def test_a_move_teaches_a_workshop_created_afterwards(store):
    _corrected(store)
    learner = _reflecting(store)
    _add(store, learner, "Veiligheid")
    _add(store, learner, "Ankerplaats!", "Dewi")
    safety = _theme_of(_web(store, learner), "Veiligheid")
    assert [v["text"] for v in safety["values"]] == ["Veiligheid", "Ankerplaats!"]
    assert safety["values"][1]["learned"] is True


def test_a_workshop_created_before_the_correction_learns_nothing_from_it(store):
    earlier = _reflecting(store)
    _corrected(store)
    _add(store, earlier, "Veiligheid")
    _add(store, earlier, "ankerplaats", "Dewi")
    assert _theme_of(_web(store, earlier), "ankerplaats")["label"] == "Ankerplaats"


def test_merges_and_splits_teach_too(store):
    teacher = _reflecting(store)
    _add(store, teacher, "Verbinding")
    _add(store, teacher, "lichtpuntje", "Bram")
    _add(store, teacher, "zeilboot", "Chris")
    web = _web(store, teacher)
    service.merge_themes(store, teacher.id, _theme_of(web, "lichtpuntje")["id"],
                         _theme_of(web, "Verbinding")["id"], True)
    boat = _theme_of(_web(store, teacher), "zeilboot")["values"][0]["id"]
    service.split_theme(store, teacher.id, [boat], "Samen op weg", True)
    learner = _reflecting(store)
    _add(store, learner, "Lichtpuntje")
    _add(store, learner, "Zeilboot", "Bram")
    web = _web(store, learner)
    assert _theme_of(web, "Lichtpuntje")["label"] == "Verbinding"
    assert _theme_of(web, "Zeilboot")["label"] == "Samen op weg"


def test_when_workshops_disagree_the_most_recent_correction_wins(store):
    _corrected(store, into="Veiligheid")
    _corrected(store, into="Verbinding")
    learner = _reflecting(store)
    _add(store, learner, "ankerplaats")
    assert _theme_of(_web(store, learner), "ankerplaats")["label"] == "Verbinding"


def test_deleting_the_teaching_workshop_forgets_what_it_taught(store):
    teacher = _corrected(store)
    learner_before = _reflecting(store)
    _add(store, learner_before, "ankerplaats")
    service.delete_workshop(store, teacher.id)
    assert _learned_rows(store) == 0
    # what is already on a web stays there; a workshop created now learns nothing
    assert _theme_of(_web(store, learner_before), "ankerplaats")["label"] == "Veiligheid"
    learner = _reflecting(store)
    _add(store, learner, "ankerplaats")
    assert _theme_of(_web(store, learner), "ankerplaats")["label"] == "Ankerplaats"


def test_the_retention_purge_forgets_what_expired_workshops_taught(store):
    _corrected(store)
    assert _learned_rows(store) == 1
    assert service.purge_expired(store, datetime.now(UTC) + timedelta(days=91), 90) == 1
    assert _learned_rows(store) == 0


def test_an_opted_out_workshop_neither_teaches_nor_learns(store):
    _corrected(store, learn=False)
    assert _learned_rows(store) == 0
    _corrected(store, text="zeilboot")
    opted_out = _reflecting(store, learn=False)
    _add(store, opted_out, "zeilboot")
    value = _theme_of(_web(store, opted_out), "zeilboot")["values"][0]
    assert "learned" not in value


def test_the_server_switch_turns_learning_off(store):
    _corrected(store, learning=False)
    assert _learned_rows(store) == 0
    _corrected(store, text="zeilboot")
    learner = _reflecting(store)
    _add(store, learner, "zeilboot", learning=False)
    assert _theme_of(_web(store, learner), "zeilboot")["label"] == "Zeilboot"


def test_a_correction_made_twice_keeps_one_lesson_with_the_newest_label(store):
    teacher = _corrected(store)
    web = _web(store, teacher)
    value_id = _theme_of(web, "ankerplaats")["values"][-1]["id"]
    service.split_theme(store, teacher.id, [value_id], "Haven", True)
    with store.transaction() as tx:
        rows = tx.c.execute(select(learned_placements.c.form, learned_placements.c.label)).all()
    assert rows == [("ankerplaats", "Haven")]


def test_an_invalid_learn_setting_is_refused_and_creates_nothing(store):
    from workshop.errors import WorkshopError
    with pytest.raises(WorkshopError) as refused:
        service.create_workshop(store, {"title": "Missie", "learn": "nee"})
    assert refused.value.code == "invalid"
