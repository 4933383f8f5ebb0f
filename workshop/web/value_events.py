"""Socket.IO handlers for mentors' values and their small groups."""

import random

from flask import current_app

from .. import service
from .connection import on, participant_id, payload, require_role, store
from .events import broadcaster


@on("value:add")
def on_value_add(data):
    """Sent by a mentor per value; a retry with the same client id adds nothing. Written with
    the other values that arrive meanwhile (value_batches.py), answered once committed."""
    workshop_id = require_role("mentor")
    data = payload(data)
    new = service.NewValue(participant_id(), data.get("id"), data.get("text"), data.get("why"))
    change = current_app.extensions["value_batches"].add(workshop_id, new)
    broadcaster().publish(change, progress=True)
    return {"ok": True, "value_id": change.result["value_id"]}


@on("value:remove")
def on_value_remove(data):
    """Sent by a mentor to take back one of their own values."""
    require_role("mentor")
    change = service.remove_value(store(), participant_id(), payload(data).get("value_id"))
    broadcaster().publish(change, progress=True)
    return {"ok": True}


@on("value:mark")
def on_value_mark(data):
    """Sent by a group member: this value of our group is one we share. The group hears it."""
    require_role("mentor")
    data = payload(data)
    change = service.mark_value(store(), participant_id(), data.get("value_id"),
                                data.get("marked", True))
    broadcaster().publish(change)
    return {"ok": True}


@on("group:name")
def on_group_name(data):
    """Sent by a group member: our common theme, in our own words."""
    require_role("mentor")
    change = service.name_group(store(), participant_id(), payload(data).get("name"))
    broadcaster().publish(change)
    return {"ok": True, "name": change.result["name"]}


@on("groups:form")
def on_groups_form(data):
    """Sent by the facilitator to (re)form balanced random groups."""
    workshop_id = require_role("facilitator")
    payload(data)
    change = service.form_groups(store(), workshop_id, random.Random())
    broadcaster().publish(change)
    return {"ok": True, "groups": change.result["groups"]}


@on("group:move")
def on_group_move(data):
    """Sent by the facilitator to move a mentor to another (or a new) group."""
    workshop_id = require_role("facilitator")
    data = payload(data)
    change = service.move_member(store(), workshop_id, data.get("participant_id"),
                                 data.get("group"))
    broadcaster().publish(change)
    return {"ok": True, "group": change.result["group"]}
