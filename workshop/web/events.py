"""Socket.IO handlers for the session: joining, roles, phases, the timer, sync, and errors.

Each handler reads the payload, checks the connection's role, calls the service, then
broadcasts and acknowledges. The other handlers live in value_events.py and theme_events.py.
"""

import logging
import time

from flask import current_app, session
from flask_babel import gettext

from .. import service
from ..errors import WorkshopError
from . import fast_json, socketio
from .connection import enter, on, payload, public_url, require_role, store
from .i18n import translate
from .join_guard import guarded_join

log = logging.getLogger(__name__)


def broadcaster():
    """The app's Broadcaster."""
    return current_app.extensions["broadcaster"]


def facilitator_change(apply) -> dict:
    """Run a facilitator's edit, broadcast it, and acknowledge with what it returned."""
    workshop_id = require_role("facilitator")
    change = apply(workshop_id)
    broadcaster().publish(change)
    return {"ok": True, **change.result}


def _state(workshop_id: str, role: str, participant: str | None = None):
    """The state for this screen, with the server's clock so timers survive a wrong phone clock
    (encoded at once: fast_json.fragment); state builds take turns with other work (turns.py)."""
    with current_app.extensions["turns"]:
        return fast_json.fragment(service.state(store(), workshop_id, role, public_url(),
                                                participant) | {"now": time.time()})


@on("join")
def on_join(data):
    """Sent by a phone with the join code, its join id, and its token after a first answer;
    the room hears who joined."""
    data = payload(data)
    joined = guarded_join(data, lambda: service.join(
        store(), data.get("code"), data.get("name"), data.get("token"),
        current_app.config["MAX_PARTICIPANTS"], data.get("id")))
    enter(joined.workshop.id, "mentor", joined.participant.id)
    if joined.version is not None:
        broadcaster().progress(joined.workshop.id)
        if joined.group is not None:
            broadcaster().groups(joined.workshop.id, joined.version, (joined.group,))
    return {"ok": True, "participant_id": joined.participant.id, "token": joined.token,
            "state": _state(joined.workshop.id, "mentor", joined.participant.id)}


@on("facilitate")
def on_facilitate(data):
    """Sent by the facilitator page with its secret token; grants facilitator rights here."""
    data = payload(data)
    workshop = service.authorise_facilitator(store(), data.get("workshop_id"), data.get("token"))
    enter(workshop.id, "facilitator")
    return {"ok": True, "state": _state(workshop.id, "facilitator")}


@on("present")
def on_present(data):
    """Sent by the projector page with its read-only key; it then hears the room."""
    data = payload(data)
    workshop = service.authorise_presenter(store(), data.get("workshop_id"), data.get("key"))
    enter(workshop.id, "presenter")
    return {"ok": True, "state": _state(workshop.id, "presenter")}


@on("phase:set")
def on_phase_set(data):
    """Sent by the facilitator; every screen of the workshop hears the new phase."""
    workshop_id = require_role("facilitator")
    change = service.set_phase(store(), workshop_id, payload(data).get("phase"))
    if change.version is not None:
        socketio.emit("phase", {"version": change.version, "phase": change.result["phase"]},
                      to=f"w:{workshop_id}")
        broadcaster().publish(change)
    return {"ok": True, "phase": change.result["phase"]}


@on("timer:set")
def on_timer_set(data):
    """Sent by the facilitator to start (seconds > 0) or stop (0) a countdown on every screen."""
    workshop_id = require_role("facilitator")
    change = service.set_timer(store(), workshop_id, payload(data).get("seconds"), time.time())
    socketio.emit("timer", {"version": change.version, "ends_at": change.result["ends_at"],
                            "now": time.time()}, to=f"w:{workshop_id}")
    return {"ok": True, "ends_at": change.result["ends_at"]}


@on("workshop:lock")
def on_workshop_lock(data):
    """Sent by the facilitator: no new mentors may join (those who joined keep their place)."""
    workshop_id = require_role("facilitator")
    change = service.lock_workshop(store(), workshop_id, payload(data).get("locked"))
    if change.version is not None:
        socketio.emit("locked", {"version": change.version, "locked": change.result["locked"]},
                      to=f"w:{workshop_id}")
    return {"ok": True, "locked": change.result["locked"]}


@on("submissions:set")
def on_submissions_set(data):
    """Sent by the facilitator to open or close the adding of values."""
    workshop_id = require_role("facilitator")
    change = service.set_submissions(store(), workshop_id, payload(data).get("open"))
    if change.version is not None:
        socketio.emit("submissions", {"version": change.version, "open": change.result["open"]},
                      to=f"w:{workshop_id}")
    return {"ok": True, "open": change.result["open"]}


@on("sync")
def on_sync(data):
    """Sent by any screen after a reconnect; answers the whole state, which carries its version."""
    workshop_id = require_role("mentor", "facilitator", "presenter")
    since = payload(data).get("since", 0)
    if isinstance(since, bool) or not isinstance(since, int):
        raise WorkshopError("invalid", "`since` moet een versienummer zijn.")
    return {"ok": True, "state": _state(workshop_id, session["role"],
                                        session.get("participant_id"))}


@socketio.on_error_default
def on_error(error):
    """Expected failures become a Dutch answer; anything else is logged and answered `internal`."""
    if isinstance(error, WorkshopError):
        return {"ok": False, "error": error.code, "message": translate(error)}
    log.exception("socket event failed")
    return {"ok": False, "error": "internal",
            "message": gettext("Er ging iets mis op de server. Probeer het opnieuw.")}
