"""Rows only the export and import touch: who gave which dots, likes and recognitions, the
date, and the bulk insert of an import.

The live screens need counts; a complete, re-importable snapshot needs who did what.
"""

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from .tables import (
    canvases,
    drafts,
    goal_likes,
    goals,
    group_names,
    memberships,
    participants,
    periods,
    recognitions,
    values,
    visions,
    votes,
    workshops,
)

if TYPE_CHECKING:  # the plan is built by the export package, which reads through storage
    from ..export.restore import Plan


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

    def insert_import(self, workshop_id: str, rows: "Plan", token_hashes: list[str],
                      start: datetime) -> None:
        """Insert an import's rows, one statement per table (single inserts of a 5 MB file
        took a minute under load), with creation times one microsecond apart in document
        order: the screens list by creation time, and a burst could share a timestamp."""
        def at(i: int) -> datetime:
            return start + timedelta(microseconds=i)

        self._many(participants, [
            {"id": p.id, "workshop_id": p.workshop_id, "token_hash": token_hash, "name": p.name,
             "number": p.number, "created_at": at(i)}
            for i, (p, token_hash) in enumerate(zip(rows.participants, token_hashes,
                                                    strict=True))])
        self._many(values, [
            {"id": v.id, "workshop_id": workshop_id, "participant_id": v.participant_id,
             "client_id": v.client_id, "text": v.text, "why": v.why, "marked": v.marked,
             "removed": False, "created_at": at(i)} for i, v in enumerate(rows.values)])
        self._many(recognitions, [{"workshop_id": workshop_id, "theme_id": theme,
                                   "participant_id": person}
                                  for theme, person in rows.recognitions])
        self._many(memberships, [{"participant_id": person, "workshop_id": workshop_id,
                                  "group_number": number} for person, number in rows.members])
        self._many(group_names, [{"workshop_id": workshop_id, "group_number": number,
                                  "name": name} for number, name in rows.group_names.items()])
        self._many(drafts, [
            {"id": d.id, "workshop_id": workshop_id, "participant_id": d.participant_id,
             "client_id": d.client_id, "text": d.text, "group_number": d.group_number,
             "merged_into": d.merged_into, "created_at": at(i)}
            for i, d in enumerate(rows.drafts)])
        self._many(votes, [{"draft_id": draft, "participant_id": person,
                            "workshop_id": workshop_id, "count": count}
                           for draft, person, count in rows.votes])
        self._many(periods, [{"id": p.id, "workshop_id": workshop_id, "name": p.name,
                              "position": p.position} for p in rows.periods])
        self._many(canvases, [
            {"id": c.id, "workshop_id": workshop_id, "client_id": c.client_id, "name": c.name,
             "doelgroep": c.doelgroep, "created_at": at(i)} for i, c in enumerate(rows.canvases)])
        self._many(visions, [
            {"id": v.id, "canvas_id": v.canvas_id, "participant_id": v.participant_id,
             "client_id": v.client_id, "text": v.text, "kept": v.kept, "created_at": at(i)}
            for i, v in enumerate(rows.visions)])
        self._many(goals, [
            {"id": g.id, "workshop_id": workshop_id, "canvas_id": g.canvas_id,
             "participant_id": g.participant_id, "client_id": g.client_id, "text": g.text,
             "domain": g.domain, "period_id": g.period_id, "theme": g.theme,
             "lesson": g.lesson, "removed": False, "created_at": at(i)}
            for i, g in enumerate(rows.goals)])
        self._many(goal_likes, [{"goal_id": goal, "participant_id": person,
                                 "workshop_id": workshop_id} for goal, person in rows.likes])

    def _many(self, table, rows: list[dict]) -> None:
        if rows:
            self.c.execute(table.insert(), rows)
