"""Rows of workshops and the mentors in them.

The queries every value, join and broadcast runs are built once, here, with bound
parameters: building a statement anew costs SQLAlchemy four times what executing the cached
one does (docs/BENCHMARKS.md, "Load").
"""

from datetime import UTC, datetime

from sqlalchemy import bindparam, delete, func, select

from ..model import Participant, Workshop
from .tables import imported_workshops, participants, workshops

_WORKSHOP = select(workshops).where(workshops.c.id == bindparam("workshop_id"))
_WORKSHOP_LOCKED = _WORKSHOP.with_for_update()
_WORKSHOP_BY_CODE = select(workshops).where(workshops.c.code == bindparam("code"))
_BUMP_VERSION = (workshops.update().where(workshops.c.id == bindparam("workshop_id"))
                 .values(version=workshops.c.version + 1).returning(workshops.c.version))
_LOCK_AND_COUNT = (workshops.update().where(workshops.c.id == bindparam("workshop_id"))
                   .values(version=workshops.c.version + 1).returning(*workshops.c))
_UNCOUNT = (workshops.update().where(workshops.c.id == bindparam("workshop_id"))
            .values(version=workshops.c.version - 1))
PARTICIPANT_COLUMNS = (participants.c.id, participants.c.workshop_id, participants.c.name,
                       participants.c.number)
_PARTICIPANT = select(*PARTICIPANT_COLUMNS).where(
    participants.c.id == bindparam("participant_id"))
_PARTICIPANT_BY_TOKEN = select(*PARTICIPANT_COLUMNS).where(
    participants.c.workshop_id == bindparam("workshop_id"),
    participants.c.token_hash == bindparam("token_hash"))
_PARTICIPANTS = (select(*PARTICIPANT_COLUMNS)
                 .where(participants.c.workshop_id == bindparam("workshop_id"))
                 .order_by(participants.c.number))
_HIGHEST_NUMBER = select(func.max(participants.c.number)).where(
    participants.c.workshop_id == bindparam("workshop_id"))
_COUNT_PARTICIPANTS = select(func.count()).select_from(participants).where(
    participants.c.workshop_id == bindparam("workshop_id"))


def now() -> datetime:
    """Timestamps are stored in UTC."""
    return datetime.now(UTC)


class WorkshopRows:
    """Workshops and participants, on the transaction's connection `self.c`."""

    def add_workshop(self, workshop: Workshop, facilitator_hash: str) -> None:
        """Insert a new workshop."""
        self.c.execute(workshops.insert().values(
            id=workshop.id, code=workshop.code, title=workshop.title, team=workshop.team,
            values_per_person=workshop.values_per_person, anonymous=workshop.anonymous,
            group_size=workshop.group_size, phase=workshop.phase, version=workshop.version,
            facilitator_hash=facilitator_hash, presenter_key=workshop.presenter_key,
            submissions_open=workshop.submissions_open, mission=workshop.mission,
            voting_open=workshop.voting_open, votes_per_person=workshop.votes_per_person,
            hide_counts=workshop.hide_counts, created_at=now(),
        ))

    def code_taken(self, code: str) -> bool:
        """Whether a workshop already uses this join code."""
        query = select(workshops.c.id).where(workshops.c.code == code)
        return self.c.execute(query).first() is not None

    def workshop(self, workshop_id: str, lock: bool = False) -> Workshop | None:
        """The workshop with this id; `lock` serialises writers on PostgreSQL."""
        row = self.c.execute(_WORKSHOP_LOCKED if lock else _WORKSHOP,
                             {"workshop_id": workshop_id}).first()
        return _workshop(row) if row else None

    def workshop_by_code(self, code: str) -> Workshop | None:
        """The workshop a join code opens."""
        row = self.c.execute(_WORKSHOP_BY_CODE, {"code": code}).first()
        return _workshop(row) if row else None

    def facilitator_hash(self, workshop_id: str) -> str | None:
        """The stored hash of the facilitator's token."""
        query = select(workshops.c.facilitator_hash).where(workshops.c.id == workshop_id)
        return self.c.execute(query).scalar()

    def update_workshop(self, workshop_id: str, **fields) -> None:
        """Change columns of a workshop row (phase, timer, voting, mission, …)."""
        self.c.execute(workshops.update().where(workshops.c.id == workshop_id).values(**fields))

    def bump_version(self, workshop_id: str) -> int:
        """Count one more change; broadcasts carry the number so clients can tell what they miss."""
        return self.c.execute(_BUMP_VERSION, {"workshop_id": workshop_id}).scalar_one()

    def lock_and_count(self, workshop_id: str) -> Workshop | None:
        """Lock the workshop and count one more change in one statement: the workshop as it
        is now, its version already the change's. For a writer that changes something nearly
        always (values): on PostgreSQL each statement under the lock is a round trip that
        every other writer of the workshop waits for. `uncount` takes it back."""
        row = self.c.execute(_LOCK_AND_COUNT, {"workshop_id": workshop_id}).first()
        return _workshop(row) if row else None

    def uncount(self, workshop_id: str) -> None:
        """Nothing changed after all: the version counted by `lock_and_count` is taken back,
        before anyone outside the transaction could see it."""
        self.c.execute(_UNCOUNT, {"workshop_id": workshop_id})

    def delete_workshop(self, workshop_id: str) -> None:
        """Delete a workshop; every other row of it goes with it (ON DELETE CASCADE)."""
        self.c.execute(delete(workshops).where(workshops.c.id == workshop_id))

    def workshops_kept_since_before(self, moment: datetime) -> list[str]:
        """Ids of workshops on this server since before `moment` (for the retention period):
        created here then, or imported then."""
        kept_since = func.coalesce(imported_workshops.c.imported_at, workshops.c.created_at)
        rows = self.c.execute(select(workshops.c.id).select_from(workshops.outerjoin(
            imported_workshops, imported_workshops.c.workshop_id == workshops.c.id))
            .where(kept_since < moment))
        return list(rows.scalars())

    def mark_imported(self, workshop_id: str, moment: datetime) -> None:
        """Note that this workshop arrived by import at `moment`."""
        self.c.execute(imported_workshops.insert().values(workshop_id=workshop_id,
                                                          imported_at=moment))

    def add_participant(self, participant: Participant, token_hash: str) -> None:
        """Insert a mentor who just joined."""
        self.c.execute(participants.insert().values(
            id=participant.id, workshop_id=participant.workshop_id, token_hash=token_hash,
            name=participant.name, number=participant.number, created_at=now(),
        ))

    def participant_by_token(self, workshop_id: str, token_hash: str) -> Participant | None:
        """The mentor who holds this token in this workshop."""
        row = self.c.execute(_PARTICIPANT_BY_TOKEN, {"workshop_id": workshop_id,
                                                     "token_hash": token_hash}).first()
        return participant_from(row) if row else None

    def participant(self, participant_id: str) -> Participant | None:
        """A mentor by id."""
        row = self.c.execute(_PARTICIPANT, {"participant_id": participant_id}).first()
        return participant_from(row) if row else None

    def participants(self, workshop_id: str) -> list[Participant]:
        """The workshop's mentors in the order they joined."""
        rows = self.c.execute(_PARTICIPANTS, {"workshop_id": workshop_id})
        return [participant_from(row) for row in rows]

    def next_participant_number(self, workshop_id: str) -> int:
        """1 for the first mentor, then one more than the highest so far."""
        highest = self.c.execute(_HIGHEST_NUMBER, {"workshop_id": workshop_id}).scalar()
        return (highest or 0) + 1

    def count_participants(self, workshop_id: str) -> int:
        """How many mentors joined."""
        return self.c.execute(_COUNT_PARTICIPANTS, {"workshop_id": workshop_id}).scalar_one()


def _workshop(row) -> Workshop:
    return Workshop(
        id=row.id, code=row.code, title=row.title, team=row.team,
        values_per_person=row.values_per_person, anonymous=row.anonymous,
        group_size=row.group_size, phase=row.phase, version=row.version,
        presenter_key=row.presenter_key, submissions_open=row.submissions_open,
        timer_ends_at=row.timer_ends_at, mission=row.mission,
        voting_open=row.voting_open, votes_per_person=row.votes_per_person,
        hide_counts=row.hide_counts, locked=row.locked, shown_canvas=row.shown_canvas,
    )


def participant_from(row) -> Participant:
    return Participant(id=row.id, workshop_id=row.workshop_id, name=row.name, number=row.number)
