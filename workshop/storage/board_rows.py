"""Rows of the mission board: drafts and the dots on them."""

from sqlalchemy import bindparam, func, select

from ..model import Draft
from .tables import drafts, votes
from .workshop_rows import now

# built once: every mentor's state asks it, a thousand times in a reconnect storm
_VOTES_OF = (select(votes.c.draft_id, votes.c.count)
             .join(drafts, drafts.c.id == votes.c.draft_id)
             .where(votes.c.workshop_id == bindparam("workshop_id"),
                    votes.c.participant_id == bindparam("participant_id"),
                    drafts.c.merged_into.is_(None), votes.c.count > 0))


class BoardRows:
    """Drafts and votes, on the transaction's connection `self.c`."""

    def draft_by_client_id(self, participant_id: str, client_id: str) -> Draft | None:
        """A draft this mentor's phone sent before under the same id."""
        row = self.c.execute(select(drafts).where(
            drafts.c.participant_id == participant_id, drafts.c.client_id == client_id,
        )).mappings().first()
        return _draft(row) if row else None

    def add_draft(self, workshop_id: str, draft: Draft) -> None:
        """Insert a draft."""
        self.c.execute(drafts.insert().values(
            id=draft.id, workshop_id=workshop_id, participant_id=draft.participant_id,
            client_id=draft.client_id, text=draft.text, group_number=draft.group_number,
            created_at=now(),
        ))

    def draft(self, workshop_id: str, draft_id: str) -> Draft | None:
        """A draft of this workshop that was not combined into another."""
        row = self.c.execute(select(drafts).where(
            drafts.c.workshop_id == workshop_id, drafts.c.id == draft_id,
            drafts.c.merged_into.is_(None),
        )).mappings().first()
        return _draft(row) if row else None

    def drafts(self, workshop_id: str) -> list[Draft]:
        """All drafts, combined ones included, oldest first."""
        rows = self.c.execute(select(drafts).where(drafts.c.workshop_id == workshop_id)
                              .order_by(drafts.c.created_at, drafts.c.id)).mappings()
        return [_draft(row) for row in rows]

    def count_drafts_by(self, participant_id: str) -> int:
        """How many drafts a mentor posted."""
        return self.c.execute(select(func.count()).select_from(drafts)
                              .where(drafts.c.participant_id == participant_id)).scalar_one()

    def edit_draft(self, draft_id: str, text: str) -> None:
        """Replace a draft's wording."""
        self.c.execute(drafts.update().where(drafts.c.id == draft_id).values(text=text))

    def merge_drafts(self, draft_ids: list[str], into_id: str) -> None:
        """Mark drafts as combined into `into_id`; their rows and votes remain as history."""
        self.c.execute(drafts.update().where(drafts.c.id.in_(draft_ids))
                       .values(merged_into=into_id))

    def vote_counts(self, workshop_id: str) -> dict[str, int]:
        """Draft id → dots on it."""
        rows = self.c.execute(select(votes.c.draft_id, func.sum(votes.c.count))
                              .where(votes.c.workshop_id == workshop_id)
                              .group_by(votes.c.draft_id))
        return {draft_id: int(total) for draft_id, total in rows}

    def votes_of(self, workshop_id: str, participant_id: str) -> dict[str, int]:
        """Draft id → this mentor's dots on it, on drafts still on the board."""
        rows = self.c.execute(_VOTES_OF, {"workshop_id": workshop_id,
                                          "participant_id": participant_id})
        return dict(rows.all())

    def set_vote(self, workshop_id: str, participant_id: str, draft_id: str, count: int) -> None:
        """Store how many dots this mentor has on this draft."""
        updated = self.c.execute(votes.update().where(
            votes.c.participant_id == participant_id, votes.c.draft_id == draft_id,
        ).values(count=count)).rowcount
        if not updated:
            self.c.execute(votes.insert().values(workshop_id=workshop_id, draft_id=draft_id,
                                                 participant_id=participant_id, count=count))


def _draft(row) -> Draft:
    return Draft(id=row["id"], participant_id=row["participant_id"], client_id=row["client_id"],
                 text=row["text"], group_number=row["group_number"],
                 merged_into=row["merged_into"])
