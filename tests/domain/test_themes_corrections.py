"""Facilitator corrections survive later arrivals and a save/restore."""

import json

import pytest

from workshop.errors import WorkshopError
from workshop.themes import ThemeEngine


def _restored(engine):
    return ThemeEngine.from_state(json.loads(json.dumps(engine.to_state())))


@pytest.fixture
def engine():
    engine = ThemeEngine()
    engine.add("a", "Vertrouwen", "p1")
    engine.add("b", "Veiligheid", "p2")
    engine.add("c", "Rust", "p1")
    engine.add("d", "Structuur", "p3")
    engine.add("e", "Moed", "p2")
    return engine


@pytest.mark.parametrize("reload", [False, True])
def test_merged_themes_stay_merged(engine, reload):
    engine.merge(engine.theme_of("b"), engine.theme_of("a"))
    engine = _restored(engine) if reload else engine
    assert engine.add("x", "een veilige haven", "p4") == engine.theme_of("a")
    assert engine.add("y", "trust", "p5") == engine.theme_of("a")
    assert engine.theme_of("b") == engine.theme_of("a")


@pytest.mark.parametrize("reload", [False, True])
def test_a_moved_value_stays_moved_and_its_form_follows(engine, reload):
    structure = engine.theme_of("d")
    engine.move("c", structure)
    engine = _restored(engine) if reload else engine
    engine.add("x", "Kalmte", "p4")  # another patience word: creates Geduld again
    assert engine.theme_of("c") == structure
    assert engine.add("y", "rust!", "p5") == structure
    assert engine.theme_of("x") != structure


@pytest.mark.parametrize("reload", [False, True])
def test_a_renamed_theme_keeps_its_name_and_its_arrivals(engine, reload):
    trust = engine.theme_of("a")
    engine.rename(trust, "  Vertrouwen & betrouwbaarheid ")
    engine = _restored(engine) if reload else engine
    assert engine.add("x", "betrouwbaar", "p4") == trust
    assert [t["label"] for t in engine.themes() if t["id"] == trust] == [
        "Vertrouwen & betrouwbaarheid"]


@pytest.mark.parametrize("reload", [False, True])
def test_a_split_theme_stays_split(engine, reload):
    engine.add("f", "rustig", "p3")
    patience = engine.theme_of("c")
    calm = engine.split(["f"], label="Rustig blijven")
    engine = _restored(engine) if reload else engine
    assert engine.theme_of("f") == calm != patience
    assert engine.add("x", "Rustig", "p4") == calm  # same form follows the split value
    assert engine.add("y", "geduld", "p5") == patience


def test_split_without_label_takes_the_values_form(engine):
    new = engine.split(["e"])
    assert [t["label"] for t in engine.themes() if t["id"] == new] == ["Moed"]


@pytest.mark.parametrize("reload", [False, True])
def test_a_hidden_theme_stays_hidden_as_values_arrive(engine, reload):
    engine.hide(engine.theme_of("e"))
    engine = _restored(engine) if reload else engine
    engine.add("x", "moedig", "p4")
    hidden = [t for t in engine.themes() if t["hidden"]]
    assert [v["id"] for v in hidden[0]["values"]] == ["e", "x"]
    engine.hide(engine.theme_of("e"), hidden=False)
    assert not any(t["hidden"] for t in engine.themes())


def test_a_theme_emptied_by_moves_comes_back_with_its_renamed_label(engine):
    patience = engine.theme_of("c")
    engine.rename(patience, "Rust en geduld")
    engine.move("c", engine.theme_of("d"))
    assert patience not in {t["id"] for t in engine.themes()}
    revived = engine.add("x", "geduld", "p4")
    assert revived != patience
    assert [t["label"] for t in engine.themes() if t["id"] == revived] == ["Rust en geduld"]


def test_restored_engine_shows_the_same_web_and_places_alike(engine):
    engine.merge(engine.theme_of("b"), engine.theme_of("a"))
    engine.move("c", engine.theme_of("d"))
    engine.remove("e")
    copy = _restored(engine)
    assert copy.themes() == engine.themes()
    assert copy.to_state() == engine.to_state()
    arrivals = ["Moed", "moedig", "geduld", "veilig", "Kunst", "rust", "Vertrouwen"]
    for i, text in enumerate(arrivals):
        assert copy.add(f"n{i}", text, "p9") == engine.add(f"n{i}", text, "p9")
    assert copy.themes() == engine.themes()


@pytest.mark.parametrize("correction", [
    lambda e: e.merge("t99", "t1"),
    lambda e: e.merge("t1", "t99"),
    lambda e: e.move("zz", "t1"),
    lambda e: e.move("a", "t99"),
    lambda e: e.rename("t99", "X"),
    lambda e: e.split(["a", "zz"]),
    lambda e: e.hide("t99"),
])
def test_unknown_ids_raise_not_found_and_change_nothing(engine, correction):
    before = engine.to_state()
    with pytest.raises(WorkshopError) as raised:
        correction(engine)
    assert raised.value.code == "not_found"
    assert raised.value.message
    assert engine.to_state() == before


def test_an_empty_label_is_refused(engine):
    with pytest.raises(WorkshopError) as raised:
        engine.rename(engine.theme_of("a"), "   ")
    assert raised.value.code == "invalid"
