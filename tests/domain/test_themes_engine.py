"""The live engine: placement, stability and group weights."""

import random

from workshop.themes import ThemeEngine

WORKSHOP = [
    ("p1", "Vertrouwen"), ("p1", "Veiligheid"), ("p1", "Humor"), ("p2", "vertrouwd"),
    ("p2", "Een veilige plek"), ("p2", "Moed"), ("p3", "trust"), ("p3", "Plezier"),
    ("p3", "moedig"), ("p4", "Respect"), ("p4", "respekt!"), ("p4", "Dankbaarheid"),
    ("p5", "dankbaar"), ("p5", "Groei"), ("p5", "Ontwikkeling"), ("p6", "Eigenaarschap"),
]


def _fill(engine, values=WORKSHOP):
    return [engine.add(f"v{i}", text, who) for i, (who, text) in enumerate(values)]


def test_add_returns_the_theme_and_like_values_share_it():
    engine = ThemeEngine()
    first = engine.add("a", "Vertrouwen", "p1")
    assert engine.add("b", "betrouwbaar", "p2") == first
    assert engine.add("c", "Plezier", "p2") != first
    assert engine.theme_of("b") == first


def test_adding_a_known_value_id_again_changes_nothing():
    engine = ThemeEngine()
    theme = engine.add("a", "Vertrouwen", "p1")
    assert engine.add("a", "Plezier", "p9") == theme
    assert engine.themes()[0]["values"] == [{"id": "a", "text": "Vertrouwen"}]


def test_theme_ids_count_up_and_labels_are_readable():
    engine = ThemeEngine()
    _fill(engine)
    labels = {t["label"] for t in engine.themes()}
    assert {"Vertrouwen", "Veiligheid", "Respect", "Groei", "Moed", "Dankbaarheid"} <= labels
    assert all(t["id"].startswith("t") for t in engine.themes())


def test_unknown_values_join_their_look_alike():
    engine = ThemeEngine()
    assert engine.add("a", "Dankbaarheid", "p1") == engine.add("b", "dankbaar", "p2")


def test_no_arrival_moves_an_already_placed_value():
    for seed in range(5):
        values = WORKSHOP[:]
        random.Random(seed).shuffle(values)
        engine, placed = ThemeEngine(), {}
        for i, (who, text) in enumerate(values):
            placed[f"v{i}"] = engine.add(f"v{i}", text, who)
            assert {v: engine.theme_of(v) for v in placed} == placed


def test_labels_do_not_change_when_values_arrive():
    engine = ThemeEngine()
    theme = engine.add("a", "Moed", "p1")
    engine.add("b", "MOEDIG!!", "p2")
    engine.add("c", "moedig", "p3")
    assert [t["label"] for t in engine.themes() if t["id"] == theme] == ["Moed"]


def test_participants_count_distinct_mentors_and_shared_starts_at_two():
    engine = ThemeEngine()
    engine.add("a", "Respect", "p1")
    engine.add("b", "respectvol", "p1")
    theme = engine.themes()[0]
    assert (theme["participants"], theme["shared"]) == (1, False)
    engine.add("c", "wederzijds respect", "p2")
    theme = engine.themes()[0]
    assert (theme["participants"], theme["shared"]) == (2, True)


def test_themes_are_sorted_by_participants_then_label():
    engine = ThemeEngine()
    engine.add("a", "Zorg", "p1")
    engine.add("b", "Aandacht", "p2")
    engine.add("c", "Rust", "p1")
    engine.add("d", "Plezier", "p1")
    assert [t["label"] for t in engine.themes()] == ["Zorg", "Geduld", "Plezier"]


def test_removing_the_last_value_makes_the_theme_disappear():
    engine = ThemeEngine()
    theme = engine.add("a", "Moed", "p1")
    engine.remove("a")
    engine.remove("unknown")
    assert engine.themes() == []
    assert engine.theme_of("a") is None
    assert engine.add("b", "Moed", "p2") != theme  # ids are never reused
