"""The values web per process: unchanged themes keep their view, every change shows."""

from workshop.service.web_views import web_view
from workshop.themes import ThemeEngine


def _engine():
    engine = ThemeEngine()
    trust = engine.add("a", "Vertrouwen", "p1")
    engine.add("b", "vertrouwen", "p2")
    fun = engine.add("c", "Plezier", "p3")
    return engine, trust, fun


def _views(engine, marked=frozenset(), recognised=None, workshop="w1"):
    return {view["id"]: view for view in web_view(workshop, engine.themes(), set(marked),
                                                   recognised or {})}


def test_the_view_counts_words_marks_and_recognitions():
    engine, trust, _fun = _engine()
    view = _views(engine, marked={"a"}, recognised={trust: 4})[trust]
    assert view["marked"] == 1 and view["recognised"] == 4
    assert view["words"] == [{"text": "Vertrouwen", "count": 2}]
    assert [v["id"] for v in view["values"]] == ["a", "b"]


def test_only_the_theme_that_changed_is_built_again():
    engine, trust, fun = _engine()
    before = _views(engine)
    engine.add("e", "vertrouwd", "p4")
    after = _views(engine)
    assert after[fun] is before[fun]
    assert after[trust] is not before[trust]
    assert [v["text"] for v in after[trust]["values"]][-1] == "vertrouwd"


def test_a_new_mark_or_recognition_changes_the_view_of_its_theme():
    engine, trust, fun = _engine()
    before = _views(engine)
    marked = _views(engine, marked={"c"})
    assert marked[fun]["marked"] == 1 and marked[trust] is before[trust]
    recognised = _views(engine, marked={"c"}, recognised={trust: 1})
    assert recognised[trust]["recognised"] == 1 and recognised[fun] is marked[fun]
    assert _views(engine)[fun]["marked"] == 0  # unmarked again


def test_workshops_keep_their_own_views():
    one, trust, _ = _engine()
    other = ThemeEngine()
    other.add("x", "Moed", "q1")
    _views(one, workshop="w-one")
    assert [v["label"] for v in _views(other, workshop="w-two").values()] == ["Moed"]
    assert trust in _views(one, workshop="w-one")


def test_a_reloaded_engine_gives_an_equal_web():
    engine, _trust, _fun = _engine()
    first = web_view("w3", engine.themes(), set(), {})
    again = web_view("w3", ThemeEngine.from_state(engine.to_state()).themes(), set(), {})
    assert again == first
