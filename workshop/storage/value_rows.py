"""Rows of values and the saved theme engine state (hot queries built once, with bound
parameters, as in workshop_rows)."""

from datetime import timedelta
from typing import NamedTuple

from sqlalchemy import Integer, bindparam, delete, func, select

from ..model import Participant, Value
from .tables import participants, theme_ops, theme_states, values
from .workshop_rows import PARTICIPANT_COLUMNS, now, participant_from

_VALUE_COLUMNS = (values.c.id, values.c.participant_id, values.c.client_id, values.c.text,
                  values.c.why, values.c.marked)
# a mentor with no values yet comes as one row without a value (the outer join)
_MENTORS_AND_VALUES = (
    select(*PARTICIPANT_COLUMNS, *(column.label(f"value_{column.name}")
                                   for column in (*_VALUE_COLUMNS, values.c.removed)))
    .select_from(participants.outerjoin(values, values.c.participant_id == participants.c.id))
    .where(participants.c.workshop_id == bindparam("workshop_id"),
           participants.c.id.in_(bindparam("participant_ids", expanding=True)))
    .order_by(values.c.created_at, values.c.id))
_LIVE = (values.c.workshop_id == bindparam("workshop_id")) & ~values.c.removed
_LIVE_VALUES = select(*_VALUE_COLUMNS).where(_LIVE).order_by(values.c.created_at, values.c.id)
# by mentor alone, which the (participant_id, client_id) index finds: with the workshop in the
# condition too, SQLite chose the workshop's index and read every value of the workshop (5,000
# at a regional day) for each phone's state (docs/BENCHMARKS.md, "Reconnect storm")
_LIVE_VALUES_OF = (select(*_VALUE_COLUMNS)
                   .where(values.c.participant_id.in_(bindparam("ids", expanding=True)),
                          ~values.c.removed)
                   .order_by(values.c.created_at, values.c.id))
_INSERT_VALUE = values.insert()
_MARKED_IDS = select(values.c.id).where(_LIVE, values.c.marked)
_COUNTS = select(values.c.participant_id, func.count()).where(_LIVE) \
    .group_by(values.c.participant_id)
_MARKED_COUNTS = select(values.c.participant_id, func.count()).where(_LIVE, values.c.marked) \
    .group_by(values.c.participant_id)
# the state's revisions with the logged changes after `after` (no copy: after the snapshot),
# one row per change, or one row without a change when there is none
_LOG = (select(theme_states.c.revision, theme_states.c.snapshot_revision,
               theme_ops.c.revision.label("logged"), theme_ops.c.ops)
        .select_from(theme_states.outerjoin(theme_ops, (
            theme_ops.c.workshop_id == theme_states.c.workshop_id)
            & (theme_ops.c.revision > func.coalesce(bindparam("after", type_=Integer),
                                                    theme_states.c.snapshot_revision))))
        .where(theme_states.c.workshop_id == bindparam("workshop_id"))
        .order_by(theme_ops.c.revision))
# names apart from the columns, which SET claims
_INSERT_OPS = theme_ops.insert().values(workshop_id=bindparam("state_of"),
                                        revision=bindparam("new_revision"),
                                        ops=bindparam("ops", type_=theme_ops.c.ops.type))
_SET_REVISION = theme_states.update().where(
    theme_states.c.workshop_id == bindparam("state_of")).values(revision=bindparam("new_revision"))
# PostgreSQL logs the change and moves the revision in one statement, one round trip less
# under the workshop's lock for every batch of values; SQLite has no INSERT inside WITH
_LOG_AND_SET_REVISION = _SET_REVISION.add_cte(_INSERT_OPS.cte("logged"))


class ThemeLog(NamedTuple):
    """Where a workshop's theme engine stands, as one statement saw it."""

    revision: int  # the newest change
    snapshot_revision: int  # the change the saved snapshot includes
    changes: list[tuple[int, list]]  # (revision, engine calls) after the asked one, oldest first


class ValueRows:
    """Values and theme state, on the transaction's connection `self.c`."""

    def mentors_and_values(self, workshop_id: str, participant_ids: list[str]) -> tuple[
            dict[str, Participant], dict[str, list[tuple[Value, bool]]]]:
        """Those of these mentors who are (still) in the workshop, by id, and per mentor every
        value their phone sent, oldest first, with whether it was removed. One statement: a
        batch of values asks it under the workshop's lock."""
        mentors: dict[str, Participant] = {}
        sent: dict[str, list[tuple[Value, bool]]] = {}
        for row in self.c.execute(_MENTORS_AND_VALUES, {"workshop_id": workshop_id,
                                                        "participant_ids": list(participant_ids)}):
            if row.id not in mentors:
                mentors[row.id], sent[row.id] = participant_from(row), []
            if row.value_id is not None:
                sent[row.id].append((Value(
                    id=row.value_id, participant_id=row.value_participant_id,
                    client_id=row.value_client_id, text=row.value_text, why=row.value_why,
                    marked=row.value_marked), row.value_removed))
        return mentors, sent

    def value(self, workshop_id: str, value_id: str) -> Value | None:
        """A live value of this workshop."""
        row = self.c.execute(select(*_VALUE_COLUMNS).where(
            values.c.workshop_id == workshop_id, values.c.id == value_id, ~values.c.removed,
        )).first()
        return _value(row) if row else None

    def add_values(self, workshop_id: str, new: list[Value]) -> None:
        """Insert values, in one statement, a microsecond apart so they keep their order."""
        moment = now()
        self.c.execute(_INSERT_VALUE, [{
            "id": value.id, "workshop_id": workshop_id, "participant_id": value.participant_id,
            "client_id": value.client_id, "text": value.text, "why": value.why,
            "removed": False, "marked": False, "created_at": moment + timedelta(microseconds=i),
        } for i, value in enumerate(new)])

    def remove_value(self, value_id: str) -> None:
        """Mark a value removed."""
        self.c.execute(values.update().where(values.c.id == value_id).values(removed=True))

    def mark_value(self, value_id: str, marked: bool) -> None:
        """Record that a small group shares (or no longer shares) this value."""
        self.c.execute(values.update().where(values.c.id == value_id).values(marked=marked))

    def marked_value_ids(self, workshop_id: str) -> set[str]:
        """The live values small groups marked as shared."""
        return set(self.c.execute(_MARKED_IDS, {"workshop_id": workshop_id}).scalars())

    def live_values(self, workshop_id: str,
                    participant_ids: list[str] | None = None) -> list[Value]:
        """The workshop's (or some of its mentors') values that were not removed, oldest first."""
        if participant_ids is None:
            rows = self.c.execute(_LIVE_VALUES, {"workshop_id": workshop_id})
        else:
            rows = self.c.execute(_LIVE_VALUES_OF, {"ids": list(participant_ids)})
        return [_value(row) for row in rows]

    def value_counts(self, workshop_id: str, marked_only: bool = False) -> dict[str, int]:
        """Live values (or only those a group marked as shared) per participant id."""
        rows = self.c.execute(_MARKED_COUNTS if marked_only else _COUNTS,
                              {"workshop_id": workshop_id})
        return dict(rows.all())

    def theme_log(self, workshop_id: str, after: int | None) -> ThemeLog | None:
        """The engine's revisions and the changes logged after revision `after` (None: after
        the snapshot), in one statement: a cached engine that is behind learns how far and
        what it missed in one round trip, which a batch of values asks under the workshop's
        lock. Never the snapshot itself (about a megabyte of JSON at 5,000 values)."""
        rows = self.c.execute(_LOG, {"workshop_id": workshop_id, "after": after}).all()
        if not rows:
            return None
        return ThemeLog(rows[0].revision, rows[0].snapshot_revision,
                        [(row.logged, row.ops) for row in rows if row.logged is not None])

    def theme_snapshot(self, workshop_id: str) -> tuple[int, dict] | None:
        """The last saved whole state of the engine and the revision it includes."""
        row = self.c.execute(select(theme_states.c.snapshot_revision, theme_states.c.state)
                             .where(theme_states.c.workshop_id == workshop_id)).first()
        return (row.snapshot_revision, row.state) if row else None

    def theme_ops(self, workshop_id: str, after: int) -> list[tuple[int, list]]:
        """(revision, engine calls) of every logged change after revision `after`, oldest first."""
        rows = self.c.execute(select(theme_ops.c.revision, theme_ops.c.ops)
                              .where(theme_ops.c.workshop_id == workshop_id,
                                     theme_ops.c.revision > after)
                              .order_by(theme_ops.c.revision))
        return [(row.revision, row.ops) for row in rows]

    def append_theme_ops(self, workshop_id: str, revision: int, ops: list) -> None:
        """Log one change's engine calls as `revision` (the previous revision plus one)."""
        logged = {"state_of": workshop_id, "new_revision": revision, "ops": ops}
        if self.c.dialect.name == "postgresql":
            updated = self.c.execute(_LOG_AND_SET_REVISION, logged).rowcount
        else:
            self.c.execute(_INSERT_OPS, logged)
            updated = self.c.execute(_SET_REVISION, logged).rowcount
        if not updated:
            self.c.execute(theme_states.insert().values(
                workshop_id=workshop_id, revision=revision, snapshot_revision=0, state={}))

    def save_theme_snapshot(self, workshop_id: str, revision: int, state: dict) -> None:
        """Store the whole engine state as of `revision`; the log up to it is no longer needed."""
        values_ = {"revision": revision, "snapshot_revision": revision, "state": state}
        updated = self.c.execute(theme_states.update()
                                 .where(theme_states.c.workshop_id == workshop_id)
                                 .values(**values_)).rowcount
        if not updated:
            self.c.execute(theme_states.insert().values(workshop_id=workshop_id, **values_))
        self.c.execute(delete(theme_ops).where(theme_ops.c.workshop_id == workshop_id,
                                               theme_ops.c.revision <= revision))


def _value(row) -> Value:
    return Value(id=row.id, participant_id=row.participant_id, client_id=row.client_id,
                 text=row.text, why=row.why, marked=row.marked)
