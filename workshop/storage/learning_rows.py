"""Rows of what the grouping learned from earlier workshops, and who opted out of learning."""

from typing import NamedTuple

from sqlalchemy import and_, bindparam, delete, exists, select

from ..themes.learning import Lesson, TaughtPlacement
from .tables import learned_placements, learning_opt_outs, workshops
from .workshop_rows import now

# built once: every batch of values asks for the lessons and every correction for the
# opt-out, and building a statement costs about four times what executing the cached one
# does (docs/BENCHMARKS.md, "Load")
_OPTED_OUT = select(learning_opt_outs.c.workshop_id).where(
    learning_opt_outs.c.workshop_id == bindparam("workshop_id"))
# the receiver's own row, joined with the lessons that count for it; no row at all for a
# receiver that opted out (or is gone)
_TAUGHT = (select((workshops.c.created_at <= bindparam("now")).label("settled"),
                  learned_placements.c.form, learned_placements.c.label,
                  learned_placements.c.taught_at)
           .select_from(workshops.outerjoin(learned_placements, and_(
               learned_placements.c.form.in_(bindparam("forms", expanding=True)),
               learned_placements.c.workshop_id != workshops.c.id,
               learned_placements.c.taught_at < workshops.c.created_at)))
           .where(workshops.c.id == bindparam("receiver_id"),
                  ~exists().where(learning_opt_outs.c.workshop_id == workshops.c.id)))


class Taught(NamedTuple):
    """The lessons that count for a workshop, and whether the forms without one are settled."""

    placements: dict[str, list[TaughtPlacement]]  # per form; forms nobody taught left out
    # a lesson counts when it was taught before the workshop was created, and every lesson
    # from now on is taught later: once the workshop's creation lies in the past (an import
    # may date it up to a day ahead), a form without a lesson never gets one
    settled: bool


class LearningRows:
    """Learned placements, on the transaction's connection `self.c`."""

    def opt_out_of_learning(self, workshop_id: str) -> None:
        """Record that this workshop neither teaches nor is taught."""
        self.c.execute(learning_opt_outs.insert().values(workshop_id=workshop_id))

    def takes_part_in_learning(self, workshop_id: str) -> bool:
        """False for a workshop whose facilitator opted out at creation."""
        return self.c.execute(_OPTED_OUT, {"workshop_id": workshop_id}).first() is None

    def teach(self, workshop_id: str, lessons: list[Lesson]) -> None:
        """Store lessons of this workshop; a form it taught before takes the new label."""
        if not lessons:
            return
        forms = [lesson.form for lesson in lessons]
        self.c.execute(delete(learned_placements).where(
            learned_placements.c.workshop_id == workshop_id, learned_placements.c.form.in_(forms)))
        taught_at = now()
        self.c.execute(learned_placements.insert(), [
            {"workshop_id": workshop_id, "form": lesson.form, "label": lesson.label,
             "taught_at": taught_at} for lesson in lessons])

    def taught_placements(self, forms: list[str], receiver_id: str) -> Taught:
        """Per form, the lessons from other workshops taught before the receiver was created,
        none for a receiver that opted out. One query for a whole batch of values: on
        PostgreSQL a query per value and one for the opt-out were a tenth of a server's work
        at 1,000 phones."""
        taught: dict[str, list[TaughtPlacement]] = {}
        settled = True  # no row: opted out (for good) or gone
        for row in self.c.execute(_TAUGHT, {"forms": list(forms), "receiver_id": receiver_id,
                                            "now": now()}):
            settled = bool(row.settled)
            if row.form is not None:
                taught.setdefault(row.form, []).append(TaughtPlacement(row.label, row.taught_at))
        return Taught(taught, settled)
