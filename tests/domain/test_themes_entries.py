"""ThemeEngine.themes() hands out the same entry for a theme until that theme changes."""

from workshop.themes import ThemeEngine


def _by_id(engine):
    return {theme["id"]: theme for theme in engine.themes()}


def _engine():
    engine = ThemeEngine()
    trust = engine.add("a", "Vertrouwen", "p1")
    engine.add("b", "vertrouwd", "p2")
    fun = engine.add("c", "Plezier", "p1")
    return engine, trust, fun


def test_an_unchanged_theme_keeps_its_entry_and_a_changed_one_gets_a_fresh_one():
    engine, trust, fun = _engine()
    before = _by_id(engine)
    assert _by_id(engine)[trust] is before[trust]
    engine.add("d", "betrouwbaar", "p3")
    after = _by_id(engine)
    assert after[fun] is before[fun]
    assert after[trust] is not before[trust]
    assert [v["text"] for v in after[trust]["values"]] == ["Vertrouwen", "vertrouwd",
                                                         "betrouwbaar"]
    assert after[trust]["participants"] == 3


def test_removing_renaming_and_hiding_show_in_the_next_entries():
    engine, trust, fun = _engine()
    _by_id(engine)
    engine.remove("b")
    assert _by_id(engine)[trust]["participants"] == 1
    engine.rename(trust, "Elkaar vertrouwen")
    assert _by_id(engine)[trust]["label"] == "Elkaar vertrouwen"
    engine.hide(fun)
    assert _by_id(engine)[fun]["hidden"] is True


def test_a_move_refreshes_both_themes():
    engine, trust, fun = _engine()
    before = _by_id(engine)
    engine.move("c", trust)
    after = _by_id(engine)
    assert fun not in after  # emptied, so gone
    assert {v["id"] for v in after[trust]["values"]} == {"a", "b", "c"}
    assert after[trust]["participants"] == 2 and after[trust] is not before[trust]


def test_a_restored_engine_reads_the_same_web():
    engine, _trust, _fun = _engine()
    engine.themes()
    assert ThemeEngine.from_state(engine.to_state()).themes() == engine.themes()
