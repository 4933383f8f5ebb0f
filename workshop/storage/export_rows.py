"""Rows only the export and import touch: who gave which dots, likes and recognitions, the
date, and the bulk inserts and ordering of an import.

The live screens need counts; a complete, re-importable snapshot needs who did what.
"""

from datetime import datetime, timedelta

from sqlalchemy import bindparam, select

from ..model import Participant, Value
from .tables import (
    canvases,
    drafts,
    goal_likes,
    goals,
    participants,
    recognitions,
    values,
    visions,
    votes,
    workshops,
)

_ORDERED = {"drafts": drafts, "canvases": canvases, "visions": visions, "goals": goals}


class ExportRows:
    """Export and import rows, on the transaction's connection `self.c`."""

    def created_at(self, workshop_id: str) -> datetime:
        """When the workshop was opened (the date of the session)."""
        query = select(workshops.c.created_at).where(workshops.c.id == workshop_id)
        return self.c.execute(query).scalar_one()

    def votes_by_draft(self, workshop_id: str) -> dict[str, list[tuple[str, int]]]:
        """Draft id → (participant id, dots) for every dot still on it, combined drafts included."""
        return self._grouped(select(votes.c.draft_id, votes.c.participant_id, votes.c.count)
                             .where(votes.c.workshop_id == workshop_id, votes.c.count > 0)
                             .order_by(votes.c.draft_id, votes.c.participant_id),
                             lambda participant_id, count: (participant_id, count))

    def likes_by_goal(self, workshop_id: str) -> dict[str, list[str]]:
        """Goal id → the mentors who liked it."""
        return self._grouped(select(goal_likes.c.goal_id, goal_likes.c.participant_id)
                             .where(goal_likes.c.workshop_id == workshop_id)
                             .order_by(goal_likes.c.goal_id, goal_likes.c.participant_id),
                             lambda participant_id: participant_id)

    def recognitions_by_theme(self, workshop_id: str) -> dict[str, list[str]]:
        """Theme id → the mentors who said 'dit herken ik'."""
        return self._grouped(select(recognitions.c.theme_id, recognitions.c.participant_id)
                             .where(recognitions.c.workshop_id == workshop_id)
                             .order_by(recognitions.c.theme_id, recognitions.c.participant_id),
                             lambda participant_id: participant_id)

    def _grouped(self, query, item) -> dict[str, list]:
        """Rows (key, *rest) as key → [item(*rest), …], in the query's order."""
        result: dict[str, list] = {}
        for key, *rest in self.c.execute(query):
            result.setdefault(key, []).append(item(*rest))
        return result

    def stamp_order(self, kinds: dict[str, list], start: datetime) -> None:
        """Give imported rows creation times one microsecond apart, in document order.

        The screens list drafts, canvases, visions and goals by creation time; rows inserted in
        one burst could share a timestamp and then sort by their random ids.
        """
        for name, items in kinds.items():
            table = _ORDERED[name]
            if items:
                self.c.execute(table.update().where(table.c.id == bindparam("row_id"))
                             .values(created_at=bindparam("at")),
                             [{"row_id": item.id, "at": start + timedelta(microseconds=step)}
                              for step, item in enumerate(items)])

    def insert_participants(self, people: list[Participant], token_hashes: list[str],
                            start: datetime) -> None:
        """Insert an import's mentors in one statement (a thousand single inserts take seconds)."""
        if people:
            self.c.execute(participants.insert(), [
                {"id": p.id, "workshop_id": p.workshop_id, "token_hash": token_hash,
                 "name": p.name, "number": p.number,
                 "created_at": start + timedelta(microseconds=i)}
                for i, (p, token_hash) in enumerate(zip(people, token_hashes, strict=True))])

    def insert_values(self, workshop_id: str, new_values: list[Value], start: datetime) -> None:
        """Insert an import's values in one statement, in document order."""
        if new_values:
            self.c.execute(values.insert(), [
                {"id": v.id, "workshop_id": workshop_id, "participant_id": v.participant_id,
                 "client_id": v.client_id, "text": v.text, "why": v.why, "marked": v.marked,
                 "removed": False, "created_at": start + timedelta(microseconds=i)}
                for i, v in enumerate(new_values)])
