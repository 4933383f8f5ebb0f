"""A value's form without a lesson for its workshop is asked about once per workshop, as long
as no lesson could still come for it (service/learning.py, storage Taught.settled)."""

from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event

from tests.storage.test_learning_rows import _add, _corrected, _reflecting, _theme_of, _web
from workshop.service import learning
from workshop.storage import Store


@pytest.fixture
def store(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'untaught.db'}")
    yield store
    store.dispose()


@contextmanager
def lesson_queries(store):
    """The statements that read the lessons, while the block runs."""
    seen: list[str] = []

    def noted(_conn, _cursor, statement, *_rest):
        if statement.lstrip().upper().startswith("SELECT") and "learned_placements" in statement:
            seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", noted)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", noted)


def test_a_form_without_a_lesson_is_asked_about_once_per_workshop(store):
    _corrected(store)  # teaches: "ankerplaats" belongs with "Veiligheid"
    learner = _reflecting(store)
    with lesson_queries(store) as asked:
        _add(store, learner, "Rust", "Anna")
        _add(store, learner, "rust", "Bas")  # the same form: known to have no lesson
        assert len(asked) == 1
        _add(store, learner, "Veiligheid", "Anna")
        _add(store, learner, "ankerplaats", "Bas")
        _add(store, learner, "Ankerplaats", "Chris")  # a form with a lesson is asked again
        assert len(asked) == 4
    web = _web(store, learner)
    assert _theme_of(web, "Ankerplaats") is _theme_of(web, "ankerplaats") \
        is _theme_of(web, "Veiligheid")


def test_a_workshop_dated_ahead_still_learns_what_is_taught_before_that_date(store):
    """An import may date a workshop up to a day ahead: a lesson taught before that date
    counts for it, so a form without a lesson is asked about again."""
    learner = _reflecting(store)
    with store.transaction() as tx:
        tx.update_workshop(learner.id, created_at=datetime.now(UTC) + timedelta(hours=2))
    with store.transaction() as tx:
        assert learning.learned_labels(tx, learner.id, ["ankerplaats"], True) == {
            "ankerplaats": None}
    _corrected(store)  # taught now: before the learner's date
    with store.transaction() as tx:
        assert learning.learned_labels(tx, learner.id, ["Ankerplaats"], True) == {
            "Ankerplaats": "Veiligheid"}


def test_only_the_most_recently_asked_workshops_are_remembered(store, monkeypatch):
    monkeypatch.setattr(learning, "UNTAUGHT_WORKSHOPS", 2)
    first, second, third = (_reflecting(store) for _ in range(3))
    for workshop in (first, second, third):
        _add(store, workshop, "Rust", "Anna")
    with lesson_queries(store) as asked:
        _add(store, third, "rust", "Bas")
        assert not asked
        _add(store, first, "rust", "Bas")  # forgotten when the third was asked about
        assert len(asked) == 1
