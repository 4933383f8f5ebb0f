"""Rows of the design canvas: periods, canvases, vision statements, goals and their likes."""

from sqlalchemy import bindparam, delete, func, select

from ..model import Canvas, Goal, Period, Vision
from .tables import canvases, goal_likes, goals, periods, visions
from .workshop_rows import now

# built once: every mentor's state asks it, a thousand times in a reconnect storm
_LIKED_BY = select(goal_likes.c.goal_id).where(
    goal_likes.c.workshop_id == bindparam("workshop_id"),
    goal_likes.c.participant_id == bindparam("participant_id"))


class CanvasRows:
    """The canvas, on the transaction's connection `self.c`."""

    def periods(self, workshop_id: str) -> list[Period]:
        """The workshop's periods in order."""
        rows = self.c.execute(select(periods).where(periods.c.workshop_id == workshop_id)
                              .order_by(periods.c.position)).mappings()
        return [Period(id=r["id"], name=r["name"], position=r["position"]) for r in rows]

    def add_period(self, workshop_id: str, period: Period) -> None:
        """Insert a period."""
        self.c.execute(periods.insert().values(id=period.id, workshop_id=workshop_id,
                                               name=period.name, position=period.position))

    def rename_period(self, period_id: str, name: str) -> None:
        """Rename a period."""
        self.c.execute(periods.update().where(periods.c.id == period_id).values(name=name))

    def remove_period(self, period_id: str) -> None:
        """Delete a period (the caller checked that no goal uses it)."""
        self.c.execute(delete(periods).where(periods.c.id == period_id))

    def canvases(self, workshop_id: str) -> list[Canvas]:
        """The workshop's canvases, oldest first."""
        rows = self.c.execute(select(canvases).where(canvases.c.workshop_id == workshop_id)
                              .order_by(canvases.c.created_at, canvases.c.id)).mappings()
        return [_canvas(r) for r in rows]

    def canvas_by_client_id(self, workshop_id: str, client_id: str) -> Canvas | None:
        """A canvas the facilitator's page created before under this id."""
        row = self.c.execute(select(canvases).where(
            canvases.c.workshop_id == workshop_id, canvases.c.client_id == client_id,
        )).mappings().first()
        return _canvas(row) if row else None

    def add_canvas(self, workshop_id: str, canvas: Canvas) -> None:
        """Insert a canvas."""
        self.c.execute(canvases.insert().values(
            id=canvas.id, workshop_id=workshop_id, client_id=canvas.client_id, name=canvas.name,
            doelgroep=canvas.doelgroep, created_at=now()))

    def update_canvas(self, canvas_id: str, **fields) -> None:
        """Change a canvas's name or doelgroep."""
        self.c.execute(canvases.update().where(canvases.c.id == canvas_id).values(**fields))

    def visions(self, workshop_id: str) -> list[Vision]:
        """All vision statements of the workshop's canvases, oldest first."""
        rows = self.c.execute(
            select(visions).join(canvases, canvases.c.id == visions.c.canvas_id)
            .where(canvases.c.workshop_id == workshop_id)
            .order_by(visions.c.created_at, visions.c.id)).mappings()
        return [_vision(r) for r in rows]

    def vision_by_client_id(self, canvas_id: str, client_id: str) -> Vision | None:
        """A statement sent before under this id."""
        row = self.c.execute(select(visions).where(
            visions.c.canvas_id == canvas_id, visions.c.client_id == client_id,
        )).mappings().first()
        return _vision(row) if row else None

    def add_vision(self, vision: Vision) -> None:
        """Insert a vision statement."""
        self.c.execute(visions.insert().values(
            id=vision.id, canvas_id=vision.canvas_id, participant_id=vision.participant_id,
            client_id=vision.client_id, text=vision.text, kept=vision.kept, created_at=now()))

    def keep_vision(self, vision_id: str, kept: bool) -> None:
        """The facilitator keeps or drops a statement."""
        self.c.execute(visions.update().where(visions.c.id == vision_id).values(kept=kept))

    def goals(self, workshop_id: str) -> list[Goal]:
        """The live goals of all canvases, oldest first."""
        rows = self.c.execute(select(goals).where(goals.c.workshop_id == workshop_id,
                                                  ~goals.c.removed)
                              .order_by(goals.c.created_at, goals.c.id)).mappings()
        return [_goal(r) for r in rows]

    def goal(self, workshop_id: str, goal_id: str) -> Goal | None:
        """A live goal of this workshop."""
        row = self.c.execute(select(goals).where(
            goals.c.workshop_id == workshop_id, goals.c.id == goal_id, ~goals.c.removed,
        )).mappings().first()
        return _goal(row) if row else None

    def goal_by_client_id(self, canvas_id: str, client_id: str) -> Goal | None:
        """A goal a phone sent before under this id (removed ones too: replays stay harmless)."""
        row = self.c.execute(select(goals).where(
            goals.c.canvas_id == canvas_id, goals.c.client_id == client_id,
        )).mappings().first()
        return _goal(row) if row else None

    def count_goals_by(self, participant_id: str) -> int:
        """How many goals a mentor added."""
        return self.c.execute(select(func.count()).select_from(goals)
                              .where(goals.c.participant_id == participant_id)).scalar_one()

    def add_goal(self, workshop_id: str, goal: Goal) -> None:
        """Insert a goal."""
        self.c.execute(goals.insert().values(
            id=goal.id, workshop_id=workshop_id, canvas_id=goal.canvas_id,
            participant_id=goal.participant_id, client_id=goal.client_id, text=goal.text,
            domain=goal.domain, period_id=goal.period_id, theme=goal.theme, lesson=goal.lesson,
            created_at=now()))

    def update_goal(self, goal_id: str, **fields) -> None:
        """Change a goal's text, cell, theme, lesson mark or removal."""
        self.c.execute(goals.update().where(goals.c.id == goal_id).values(**fields))

    def goals_in_period(self, period_id: str) -> int:
        """How many live goals sit in a period."""
        return self.c.execute(select(func.count()).select_from(goals).where(
            goals.c.period_id == period_id, ~goals.c.removed)).scalar_one()

    def like_counts(self, workshop_id: str) -> dict[str, int]:
        """Goal id → likes."""
        rows = self.c.execute(select(goal_likes.c.goal_id, func.count())
                              .where(goal_likes.c.workshop_id == workshop_id)
                              .group_by(goal_likes.c.goal_id))
        return dict(rows.all())

    def likers(self, goal_ids: list[str]) -> set[str]:
        """The mentors who liked any of these goals."""
        rows = self.c.execute(select(goal_likes.c.participant_id)
                              .where(goal_likes.c.goal_id.in_(goal_ids)))
        return set(rows.scalars())

    def like_goal(self, workshop_id: str, goal_id: str, participant_id: str) -> bool:
        """Count a like once; False when this mentor already liked the goal."""
        exists = self.c.execute(select(goal_likes.c.goal_id).where(
            goal_likes.c.goal_id == goal_id, goal_likes.c.participant_id == participant_id,
        )).first()
        if exists:
            return False
        self.c.execute(goal_likes.insert().values(goal_id=goal_id, participant_id=participant_id,
                                                  workshop_id=workshop_id))
        return True

    def liked_by(self, workshop_id: str, participant_id: str) -> set[str]:
        """The goals this mentor liked."""
        rows = self.c.execute(_LIKED_BY, {"workshop_id": workshop_id,
                                          "participant_id": participant_id})
        return set(rows.scalars())


def _canvas(r) -> Canvas:
    return Canvas(id=r["id"], client_id=r["client_id"], name=r["name"], doelgroep=r["doelgroep"])


def _vision(r) -> Vision:
    return Vision(id=r["id"], canvas_id=r["canvas_id"], participant_id=r["participant_id"],
                  client_id=r["client_id"], text=r["text"], kept=r["kept"])


def _goal(r) -> Goal:
    return Goal(id=r["id"], canvas_id=r["canvas_id"], participant_id=r["participant_id"],
                client_id=r["client_id"], text=r["text"], domain=r["domain"],
                period_id=r["period_id"], theme=r["theme"], lesson=r["lesson"])
