"""Rows of small groups, their names, and which mentors recognise which theme (the queries
broadcasts run are built once, as in workshop_rows)."""

from sqlalchemy import bindparam, delete, func, select

from .tables import group_names, memberships, recognitions

_GROUPS = (select(memberships.c.group_number, memberships.c.participant_id)
           .where(memberships.c.workshop_id == bindparam("workshop_id"))
           .order_by(memberships.c.group_number))
_GROUP_OF = select(memberships.c.group_number).where(
    memberships.c.participant_id == bindparam("participant_id"))
_GROUP_NAMES = select(group_names.c.group_number, group_names.c.name).where(
    group_names.c.workshop_id == bindparam("workshop_id"))
_RECOGNITION_COUNTS = (select(recognitions.c.theme_id, func.count())
                       .where(recognitions.c.workshop_id == bindparam("workshop_id"))
                       .group_by(recognitions.c.theme_id))
_RECOGNISED_BY = select(recognitions.c.theme_id).where(
    recognitions.c.workshop_id == bindparam("workshop_id"),
    recognitions.c.participant_id == bindparam("participant_id"))


class GroupRows:
    """Groups and recognitions, on the transaction's connection `self.c`."""

    def groups(self, workshop_id: str) -> dict[int, list[str]]:
        """Group number → participant ids."""
        rows = self.c.execute(_GROUPS, {"workshop_id": workshop_id})
        result: dict[int, list[str]] = {}
        for number, participant_id in rows:
            result.setdefault(number, []).append(participant_id)
        return result

    def group_of(self, participant_id: str) -> int | None:
        """The number of the mentor's group, if groups were formed."""
        return self.c.execute(_GROUP_OF, {"participant_id": participant_id}).scalar()

    def replace_groups(self, workshop_id: str, groups: list[list[str]]) -> None:
        """Forget the old groups and their names; store these, numbered from 1."""
        self.c.execute(delete(memberships).where(memberships.c.workshop_id == workshop_id))
        self.c.execute(delete(group_names).where(group_names.c.workshop_id == workshop_id))
        rows = [{"participant_id": pid, "workshop_id": workshop_id, "group_number": number}
                for number, members in enumerate(groups, start=1) for pid in members]
        if rows:
            self.c.execute(memberships.insert(), rows)

    def set_group(self, workshop_id: str, participant_id: str, number: int) -> None:
        """Put a mentor in group `number`."""
        updated = self.c.execute(memberships.update()
                                 .where(memberships.c.participant_id == participant_id)
                                 .values(group_number=number)).rowcount
        if not updated:
            self.c.execute(memberships.insert().values(
                participant_id=participant_id, workshop_id=workshop_id, group_number=number))

    def group_names(self, workshop_id: str) -> dict[int, str]:
        """The common theme each group named in its own words."""
        return dict(self.c.execute(_GROUP_NAMES, {"workshop_id": workshop_id}).all())

    def name_group(self, workshop_id: str, number: int, name: str) -> None:
        """Store (or replace) a group's name for its common theme."""
        self.c.execute(delete(group_names).where(group_names.c.workshop_id == workshop_id,
                                                 group_names.c.group_number == number))
        self.c.execute(group_names.insert().values(workshop_id=workshop_id,
                                                   group_number=number, name=name))

    def recognise(self, workshop_id: str, theme_id: str, participant_id: str) -> bool:
        """Count a mentor's 'dit herken ik' once; False when it was already counted."""
        exists = self.c.execute(select(recognitions.c.theme_id).where(
            recognitions.c.workshop_id == workshop_id, recognitions.c.theme_id == theme_id,
            recognitions.c.participant_id == participant_id)).first()
        if exists:
            return False
        self.c.execute(recognitions.insert().values(
            workshop_id=workshop_id, theme_id=theme_id, participant_id=participant_id))
        return True

    def recognition_counts(self, workshop_id: str) -> dict[str, int]:
        """Theme id → how many mentors recognise it."""
        return dict(self.c.execute(_RECOGNITION_COUNTS, {"workshop_id": workshop_id}).all())

    def recognised_by(self, workshop_id: str, participant_id: str) -> set[str]:
        """The themes this mentor already recognised."""
        rows = self.c.execute(_RECOGNISED_BY, {"workshop_id": workshop_id,
                                               "participant_id": participant_id})
        return set(rows.scalars())
