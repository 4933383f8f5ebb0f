"""Socket.IO handlers for the values web: the facilitator's corrections, the mentors' recognition.

Every correction is saved with the theme engine, so it survives new values and a restart.
"""

from .. import service
from .connection import learning, on, participant_id, payload, require_role, store
from .events import broadcaster, facilitator_change


@on("theme:merge")
def on_theme_merge(data):
    """Sent by the facilitator: `theme_id` joins `into_id`."""
    data = payload(data)
    return facilitator_change(lambda w: service.merge_themes(store(), w, data.get("theme_id"),
                                                   data.get("into_id"), learning()))


@on("theme:move")
def on_theme_move(data):
    """Sent by the facilitator: this value belongs in that theme."""
    data = payload(data)
    return facilitator_change(lambda w: service.move_value(store(), w, data.get("value_id"),
                                                 data.get("theme_id"), learning()))


@on("theme:rename")
def on_theme_rename(data):
    """Sent by the facilitator: the team's own name for a theme."""
    data = payload(data)
    return facilitator_change(lambda w: service.rename_theme(store(), w, data.get("theme_id"),
                                                   data.get("label")))


@on("theme:split")
def on_theme_split(data):
    """Sent by the facilitator: these values form a theme of their own."""
    data = payload(data)
    return facilitator_change(lambda w: service.split_theme(store(), w, data.get("value_ids"),
                                                  data.get("label"), learning()))


@on("theme:hide")
def on_theme_hide(data):
    """Sent by the facilitator: keep a theme off the projector and phones (or show it again)."""
    data = payload(data)
    return facilitator_change(lambda w: service.hide_theme(store(), w, data.get("theme_id"),
                                                 data.get("hidden", True)))


@on("theme:recognise")
def on_theme_recognise(data):
    """Sent by a mentor: 'dit herken ik', once per theme; every screen sees the count."""
    require_role("mentor")
    change = service.recognise_theme(store(), participant_id(), payload(data).get("theme_id"))
    broadcaster().publish(change)
    return {"ok": True}
