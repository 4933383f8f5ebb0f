"""The rules of learning across workshops, on the engine and plain lessons: a learned label
places an arrival, this workshop's own corrections override it, the most recent lesson wins,
and imports teach only what the built-in grouping would do differently."""

from datetime import UTC, datetime, timedelta

from workshop.themes import ThemeEngine
from workshop.themes.learning import (
    Lesson,
    TaughtPlacement,
    lessons_of_correction,
    lessons_of_import,
    prevailing_label,
)

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def _theme_of_text(engine, text):
    return next(t for t in engine.themes() if any(v["text"] == text for v in t["values"]))


def test_a_learned_label_places_an_unknown_value_in_the_lexicon_theme_of_that_name():
    engine = ThemeEngine()
    engine.add("v1", "Veiligheid", "p1")
    placed = engine.add("v2", "ankerplaats voor iedereen", "p2", "Veiligheid")
    assert placed == engine.theme_of("v1")
    values = _theme_of_text(engine, "Veiligheid")["values"]
    assert values == [{"id": "v1", "text": "Veiligheid"},
                      {"id": "v2", "text": "ankerplaats voor iedereen", "learned": True}]


def test_a_learned_label_of_the_facilitators_own_names_a_theme_of_that_label():
    engine = ThemeEngine()
    first = engine.add("v1", "ankerplaats", "p1", "Thuishaven")
    second = engine.add("v2", "Ankerplaatsen", "p2", "thuishaven")
    assert first == second
    assert _theme_of_text(engine, "ankerplaats")["label"] == "Thuishaven"


def test_a_learned_label_moves_a_form_the_lexicon_knows_when_a_facilitator_taught_it():
    engine = ThemeEngine()
    engine.add("v1", "Structuur", "p1")
    assert engine.add("v2", "rust", "p2", "Structuur") == engine.theme_of("v1")


def test_nothing_already_on_the_web_moves_when_a_learned_value_arrives():
    engine = ThemeEngine()
    for i, text in enumerate(["Vertrouwen", "Veiligheid", "ankerplaats", "Humor"]):
        engine.add(f"v{i}", text, f"p{i}")
    before = {f"v{i}": engine.theme_of(f"v{i}") for i in range(4)}
    engine.add("v9", "Ankerplaats!", "p9", "Veiligheid")
    assert {v: engine.theme_of(v) for v in before} == before
    # the form is already placed here: this workshop's own placement wins over the lesson
    assert engine.theme_of("v9") == before["v2"]


def test_a_correction_in_this_workshop_overrides_what_was_learned():
    engine = ThemeEngine()
    engine.add("v1", "Veiligheid", "p1")
    engine.add("v2", "Plezier", "p2")
    engine.add("v3", "ankerplaats", "p3", "Veiligheid")
    engine.move("v3", engine.theme_of("v2"))
    assert "learned" not in _theme_of_text(engine, "ankerplaats")["values"][-1]
    # later values of that form follow the facilitator here, not the lesson
    assert engine.add("v4", "ankerplaats", "p4", "Veiligheid") == engine.theme_of("v2")


def test_the_learned_flag_survives_a_restart():
    engine = ThemeEngine()
    engine.add("v1", "ankerplaats", "p1", "Veiligheid")
    again = ThemeEngine.from_state(engine.to_state())
    assert again.themes() == engine.themes()


def test_the_most_recent_lesson_wins_when_workshops_disagree():
    placements = [TaughtPlacement("Veiligheid", T0),
                  TaughtPlacement("Verbinding", T0 + timedelta(days=2)),
                  TaughtPlacement("Zorg", T0 + timedelta(days=1))]
    assert prevailing_label(placements) == "Verbinding"
    assert prevailing_label([]) is None
    # equal moments: every process picks the same label
    tie = [TaughtPlacement("Zorg", T0), TaughtPlacement("Veiligheid", T0)]
    assert prevailing_label(tie) == prevailing_label(list(reversed(tie))) == "Zorg"


def test_a_correction_teaches_the_form_and_the_lexicon_name_of_a_renamed_theme():
    engine = ThemeEngine()
    engine.add("v1", "Veiligheid", "p1")
    engine.add("v2", "Ankerplaats!", "p2")
    safety = engine.theme_of("v1")
    engine.rename(safety, "Geborgen voelen")
    engine.move("v2", safety)
    assert lessons_of_correction(engine, ["v2"]) == [Lesson("ankerplaats", "Veiligheid")]
    split = engine.split(["v2"], "Haven")
    assert lessons_of_correction(engine, ["v2"]) == [Lesson("ankerplaats", "Haven")]
    assert engine.taught_label(split) == "Haven"


def test_an_import_teaches_only_what_the_built_in_grouping_would_place_differently():
    engine = ThemeEngine()
    for i, text in enumerate(["Veiligheid", "veilig", "ankerplaats", "Rust", "Humor"]):
        engine.add(f"v{i}", text, f"p{i}")
    safety = engine.theme_of("v0")
    engine.move("v2", safety)  # an unknown word the team put under Veiligheid
    engine.move("v3", safety)  # a known word (Geduld) the team put there too
    lessons = set(lessons_of_import(engine))
    assert lessons == {Lesson("ankerplaats", "Veiligheid"), Lesson("rust", "Veiligheid")}
