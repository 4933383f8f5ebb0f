"""Rows of values and the saved theme engine state."""

from sqlalchemy import delete, func, select

from ..model import Value
from .tables import theme_ops, theme_states, values
from .workshop_rows import now


class ValueRows:
    """Values and theme state, on the transaction's connection `self.c`."""

    def value_by_client_id(self, participant_id: str, client_id: str) -> tuple[Value, bool] | None:
        """A value this mentor's phone sent before under the same id, and whether it was removed."""
        row = self.c.execute(select(values).where(
            values.c.participant_id == participant_id, values.c.client_id == client_id,
        )).mappings().first()
        return (_value(row), row["removed"]) if row else None

    def value(self, workshop_id: str, value_id: str) -> Value | None:
        """A live value of this workshop."""
        row = self.c.execute(select(values).where(
            values.c.workshop_id == workshop_id, values.c.id == value_id, ~values.c.removed,
        )).mappings().first()
        return _value(row) if row else None

    def add_value(self, workshop_id: str, value: Value) -> None:
        """Insert a value."""
        self.c.execute(values.insert().values(
            id=value.id, workshop_id=workshop_id, participant_id=value.participant_id,
            client_id=value.client_id, text=value.text, why=value.why, created_at=now(),
        ))

    def remove_value(self, value_id: str) -> None:
        """Mark a value removed."""
        self.c.execute(values.update().where(values.c.id == value_id).values(removed=True))

    def mark_value(self, value_id: str, marked: bool) -> None:
        """Record that a small group shares (or no longer shares) this value."""
        self.c.execute(values.update().where(values.c.id == value_id).values(marked=marked))

    def marked_value_ids(self, workshop_id: str) -> set[str]:
        """The live values small groups marked as shared."""
        rows = self.c.execute(select(values.c.id).where(
            values.c.workshop_id == workshop_id, values.c.marked, ~values.c.removed))
        return set(rows.scalars())

    def live_values(self, workshop_id: str,
                    participant_ids: list[str] | None = None) -> list[Value]:
        """The workshop's (or some mentors') values that were not removed, oldest first."""
        query = select(values).where(values.c.workshop_id == workshop_id, ~values.c.removed)
        if participant_ids is not None:
            query = query.where(values.c.participant_id.in_(participant_ids))
        rows = self.c.execute(query.order_by(values.c.created_at, values.c.id)).mappings()
        return [_value(row) for row in rows]

    def value_counts(self, workshop_id: str, marked_only: bool = False) -> dict[str, int]:
        """Live values (or only those a group marked as shared) per participant id."""
        query = select(values.c.participant_id, func.count()).where(
            values.c.workshop_id == workshop_id, ~values.c.removed)
        if marked_only:
            query = query.where(values.c.marked)
        rows = self.c.execute(query.group_by(values.c.participant_id))
        return dict(rows.all())

    def theme_revision(self, workshop_id: str) -> int | None:
        """The newest change of the theme engine, to tell whether a cached engine is current."""
        return self.c.execute(select(theme_states.c.revision)
                              .where(theme_states.c.workshop_id == workshop_id)).scalar()

    def theme_snapshot(self, workshop_id: str) -> tuple[int, dict] | None:
        """The last saved whole state of the engine and the revision it includes."""
        row = self.c.execute(select(theme_states.c.snapshot_revision, theme_states.c.state)
                             .where(theme_states.c.workshop_id == workshop_id)).first()
        return (row.snapshot_revision, row.state) if row else None

    def theme_ops(self, workshop_id: str, after: int) -> list[list]:
        """The engine calls of every change after revision `after`, oldest first."""
        rows = self.c.execute(select(theme_ops.c.ops)
                              .where(theme_ops.c.workshop_id == workshop_id,
                                     theme_ops.c.revision > after)
                              .order_by(theme_ops.c.revision))
        return list(rows.scalars())

    def append_theme_ops(self, workshop_id: str, revision: int, ops: list) -> None:
        """Log one change's engine calls as `revision` (the previous revision plus one)."""
        self.c.execute(theme_ops.insert().values(workshop_id=workshop_id, revision=revision,
                                                 ops=ops))
        updated = self.c.execute(theme_states.update()
                                 .where(theme_states.c.workshop_id == workshop_id)
                                 .values(revision=revision)).rowcount
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
    return Value(id=row["id"], participant_id=row["participant_id"], client_id=row["client_id"],
                 text=row["text"], why=row["why"], marked=row["marked"])
