"""Socket.IO handlers for the mission board: drafts and dots from phones, the facilitator's
voting controls, edits and the adopted mission. Every screen hears `board` afterwards."""

from .. import service
from .connection import on, participant_id, payload, require_role, store
from .events import broadcaster


@on("draft:add")
def on_draft_add(data):
    """Sent by a mentor (optionally for the group); the same client id adds nothing."""
    require_role("mentor")
    data = payload(data)
    change = service.add_draft(store(), participant_id(), data.get("id"), data.get("text"),
                               data.get("as_group"))
    broadcaster().publish(change)
    return {"ok": True, **change.result}


@on("voting:set")
def on_voting_set(data):
    """Sent by the facilitator to open or close the dot voting."""
    workshop_id = require_role("facilitator")
    data = payload(data)
    change = service.set_voting(store(), workshop_id, data.get("open"),
                                data.get("votes_per_person"), data.get("hide_counts"))
    broadcaster().publish(change)
    return {"ok": True, **change.result}


@on("vote:cast")
def on_vote_cast(data):
    """Sent by a mentor to put one dot on a draft."""
    require_role("mentor")
    change = service.cast_vote(store(), participant_id(), payload(data).get("draft_id"))
    broadcaster().publish(change)
    return {"ok": True, **change.result}


@on("vote:retract")
def on_vote_retract(data):
    """Sent by a mentor to take one dot back from a draft."""
    require_role("mentor")
    change = service.retract_vote(store(), participant_id(), payload(data).get("draft_id"))
    broadcaster().publish(change)
    return {"ok": True, **change.result}


@on("draft:edit")
def on_draft_edit(data):
    """Sent by the facilitator to reword a draft."""
    workshop_id = require_role("facilitator")
    data = payload(data)
    change = service.edit_draft(store(), workshop_id, data.get("draft_id"), data.get("text"))
    broadcaster().publish(change)
    return {"ok": True, **change.result}


@on("draft:combine")
def on_draft_combine(data):
    """Sent by the facilitator to combine drafts into one new draft."""
    workshop_id = require_role("facilitator")
    data = payload(data)
    change = service.combine_drafts(store(), workshop_id, data.get("draft_ids"),
                                    data.get("text"))
    broadcaster().publish(change)
    return {"ok": True, **change.result}


@on("mission:adopt")
def on_mission_adopt(data):
    """Sent by the facilitator: this is our mission. Every screen shows it."""
    workshop_id = require_role("facilitator")
    change = service.adopt_mission(store(), workshop_id, payload(data).get("text"))
    broadcaster().publish(change)
    return {"ok": True, **change.result}
