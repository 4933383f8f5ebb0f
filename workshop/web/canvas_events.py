"""Socket.IO handlers for the design canvas: the facilitator shapes canvases and periods and
edits goals; mentors (and the facilitator) add goals and vision; every screen hears `canvas`."""

from flask import session

from .. import service
from .connection import on, participant_id, payload, require_role, store
from .events import broadcaster, facilitator_change
from .i18n import translate_all


def _author() -> tuple[str, str | None]:
    """The workshop, and the mentor writing (None when it is the facilitator)."""
    workshop_id = require_role("mentor", "facilitator")
    return workshop_id, session.get("participant_id")


@on("canvas:add")
def on_canvas_add(data):
    """Sent by the facilitator: a canvas for a target group ('leerjaar 1 havo/vwo')."""
    data = payload(data)
    return facilitator_change(lambda w: service.add_canvas(store(), w, data.get("id"),
                                                           data.get("name")))


@on("canvas:show")
def on_canvas_show(data):
    """Sent by the facilitator: put this canvas on the projector."""
    data = payload(data)
    return facilitator_change(lambda w: service.show_canvas(store(), w, data.get("canvas_id")))


@on("canvas:basis")
def on_canvas_basis(data):
    """Sent by the facilitator: who the students of this canvas are and what they need."""
    data = payload(data)
    return facilitator_change(lambda w: service.set_doelgroep(store(), w, data.get("canvas_id"),
                                                       data.get("doelgroep")))


@on("period:add")
def on_period_add(data):
    """Sent by the facilitator: one more period of the school year."""
    data = payload(data)
    return facilitator_change(lambda w: service.add_period(store(), w, data.get("name")))


@on("period:rename")
def on_period_rename(data):
    """Sent by the facilitator: a period's new name."""
    data = payload(data)
    return facilitator_change(lambda w: service.rename_period(store(), w, data.get("period_id"),
                                                       data.get("name")))


@on("period:remove")
def on_period_remove(data):
    """Sent by the facilitator: drop an empty period."""
    data = payload(data)
    return facilitator_change(lambda w: service.remove_period(store(), w, data.get("period_id")))


@on("vision:add")
def on_vision_add(data):
    """Sent by a mentor or the facilitator: a short statement of vision on student guidance."""
    workshop_id, author = _author()
    data = payload(data)
    change = service.add_vision(store(), workshop_id, author, data.get("canvas_id"),
                                data.get("id"), data.get("text"))
    broadcaster().publish(change)
    return {"ok": True, **change.result}


@on("vision:keep")
def on_vision_keep(data):
    """Sent by the facilitator: keep (true) or drop (false) a vision statement."""
    data = payload(data)
    return facilitator_change(lambda w: service.keep_vision(store(), w, data.get("vision_id"),
                                                     data.get("kept")))


@on("goal:add")
def on_goal_add(data):
    """Sent by a mentor or the facilitator: a learning goal in a domain × period cell."""
    workshop_id, author = _author()
    change = service.add_goal(store(), workshop_id, author, payload(data))
    broadcaster().publish(change)
    return {"ok": True, **change.result, "hints": translate_all(change.result["hints"])}


@on("goal:move")
def on_goal_move(data):
    """Sent by the facilitator: a goal dragged to another cell."""
    data = payload(data)
    return facilitator_change(lambda w: service.move_goal(store(), w, data.get("goal_id"),
                                                   data.get("domain"), data.get("period")))


@on("goal:edit")
def on_goal_edit(data):
    """Sent by the facilitator: a goal's new wording."""
    data = payload(data)
    return facilitator_change(lambda w: service.edit_goal(store(), w, data.get("goal_id"),
                                                   data.get("text")))


@on("goal:merge")
def on_goal_merge(data):
    """Sent by the facilitator: goals that say the same become one."""
    data = payload(data)
    return facilitator_change(lambda w: service.merge_goals(store(), w, data.get("goal_ids"),
                                                     data.get("text")))


@on("goal:delete")
def on_goal_delete(data):
    """Sent by the facilitator: remove a goal."""
    data = payload(data)
    return facilitator_change(lambda w: service.delete_goal(store(), w, data.get("goal_id")))


@on("goal:lesson")
def on_goal_lesson(data):
    """Sent by the facilitator: this goal is (or is not) a mentor lesson in its period."""
    data = payload(data)
    return facilitator_change(lambda w: service.mark_lesson(store(), w, data.get("goal_id"),
                                                     data.get("lesson", True)))


@on("goal:like")
def on_goal_like(data):
    """Sent by a mentor: I like this goal (once)."""
    require_role("mentor")
    change = service.like_goal(store(), participant_id(), payload(data).get("goal_id"))
    broadcaster().publish(change)
    return {"ok": True}
