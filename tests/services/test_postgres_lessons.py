"""The lessons' query on PostgreSQL: which lessons count for a workshop, and whether its
forms without one are settled (timestamps with time zone compared in the database)."""

from datetime import UTC, datetime, timedelta

import pytest

from workshop import service
from workshop.storage import Store
from workshop.themes.learning import Lesson

pytestmark = pytest.mark.services


@pytest.fixture
def store(database_url):
    store = Store(database_url)
    yield store
    store.dispose()


def _workshop(store, **settings):
    return service.create_workshop(store, {"title": "Missie", **settings}).workshop


def test_lessons_count_for_workshops_created_after_them_and_settle_their_absence(store):
    before = _workshop(store)
    teacher = _workshop(store)
    with store.transaction() as tx:
        tx.teach(teacher.id, [Lesson("ankerplaats", "Veiligheid")])
    after, dated_ahead = _workshop(store), _workshop(store)
    opted_out = _workshop(store, learn=False)
    with store.transaction() as tx:
        tx.update_workshop(dated_ahead.id, created_at=datetime.now(UTC) + timedelta(hours=2))
    with store.transaction() as tx:
        asked = {workshop: tx.taught_placements(["ankerplaats", "rust"], workshop.id)
                 for workshop in (before, teacher, after, opted_out, dated_ahead)}
    assert {w.id: (sorted(t.placements), t.settled) for w, t in asked.items()} == {
        before.id: ([], True),            # taught after it was created
        teacher.id: ([], True),           # its own lesson
        after.id: (["ankerplaats"], True),
        opted_out.id: ([], True),
        dated_ahead.id: (["ankerplaats"], False),  # a later lesson could still count
    }
    assert [p.label for p in asked[after].placements["ankerplaats"]] == ["Veiligheid"]
