"""The public shape of the design canvas, as the `canvas` event and the state carry it."""

from .board_view import FACILITATOR
from .canvas import DOMAINS
from .model import Canvas, Goal, Participant, Period, Vision, Workshop


def canvas_view(workshop: Workshop, canvases: list[Canvas], visions: list[Vision],
                goals: list[Goal], likes: dict[str, int], periods: list[Period],
                people: list[Participant], with_dropped: bool) -> dict:
    """Every canvas with its basis, goals and lesson plan (dropped vision: facilitator only)."""
    names = {p.id: p.display_name(workshop.anonymous) for p in people}
    result = []
    for board in canvases:
        mine = [g for g in goals if g.canvas_id == board.id]
        result.append({
            "id": board.id,
            "name": board.name,
            "basis": {
                "doelgroep": board.doelgroep,
                "missie": workshop.mission,
                "visie": [{"id": v.id, "text": v.text, "kept": v.kept} for v in visions
                          if v.canvas_id == board.id and (v.kept or with_dropped)],
            },
            "goals": [{
                "id": g.id, "text": g.text, "domain": g.domain, "period": g.period_id,
                "likes": likes.get(g.id, 0), "lesson": g.lesson, "theme": g.theme,
                "author": names.get(g.participant_id, FACILITATOR),
            } for g in mine],
            "plan": [{"period": p.id, "lessons": [g.id for g in mine
                                                  if g.lesson and g.period_id == p.id]}
                     for p in periods],
        })
    return {
        "canvases": result,
        "shown": workshop.shown_canvas,
        "domains": [{"id": key, "name": name} for key, name in DOMAINS],
        "periods": [{"id": p.id, "name": p.name} for p in periods],
    }
