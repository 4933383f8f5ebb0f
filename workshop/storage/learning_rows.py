"""Rows of what the grouping learned from earlier workshops, and who opted out of learning."""

from sqlalchemy import bindparam, delete, exists, select

from ..themes.learning import Lesson, TaughtPlacement
from .tables import learned_placements, learning_opt_outs, workshops
from .workshop_rows import now

# built once: every batch of values asks for the lessons and every correction for the
# opt-out, and building a statement costs about four times what executing the cached one
# does (docs/BENCHMARKS.md, "Load")
_OPTED_OUT = select(learning_opt_outs.c.workshop_id).where(
    learning_opt_outs.c.workshop_id == bindparam("workshop_id"))
_TAUGHT = select(learned_placements.c.form, learned_placements.c.label,
                 learned_placements.c.taught_at).where(
    learned_placements.c.form.in_(bindparam("forms", expanding=True)),
    learned_placements.c.workshop_id != bindparam("receiver_id"),
    learned_placements.c.taught_at < select(workshops.c.created_at).where(
        workshops.c.id == bindparam("receiver_id")).scalar_subquery(),
    ~exists().where(learning_opt_outs.c.workshop_id == bindparam("receiver_id")))


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

    def taught_placements(self, forms: list[str],
                          receiver_id: str) -> dict[str, list[TaughtPlacement]]:
        """Per form, the lessons from other workshops taught before the receiver was created
        (forms nobody taught are left out), none for a receiver that opted out. One query for a
        whole batch of values: on PostgreSQL a query per value and one for the opt-out were a
        tenth of a server's work at 1,000 phones."""
        taught: dict[str, list[TaughtPlacement]] = {}
        for form, label, taught_at in self.c.execute(
                _TAUGHT, {"forms": list(forms), "receiver_id": receiver_id}):
            taught.setdefault(form, []).append(TaughtPlacement(label, taught_at))
        return taught
