"""Who is on this Socket.IO connection, and the checks every handler starts with."""

import functools

from flask import current_app, request, session
from flask_socketio import join_room

from ..errors import WorkshopError
from ..model import has_lone_surrogate
from . import socketio


def on(event: str):
    """Register a handler for `event` behind the per-connection event limit.

    Handlers receive the event's payload (None when the client sent none); a flood of
    events is answered `rate_limited` before it reaches the domain.
    """
    def register(handler):
        @functools.wraps(handler)
        def limited(*args):
            if not current_app.extensions["socket_limits"].allow_event(request.sid):
                raise WorkshopError("rate_limited", "Te veel berichten tegelijk. Wacht even.")
            return handler(args[0] if args else None)

        socketio.on(event)(limited)
        return handler

    return register


def address() -> str:
    """The address the connection came from (the client's behind TRUSTED_PROXIES proxies)."""
    return request.remote_addr or "unknown"


def store():
    """The app's Store."""
    return current_app.extensions["store"]


def learning() -> bool:
    """Whether this server learns from workshops (LEARN_FROM_WORKSHOPS)."""
    return current_app.config["LEARN_FROM_WORKSHOPS"]


def public_url() -> str:
    """The address phones reach this server on."""
    return current_app.config["PUBLIC_URL"]


def payload(data: object) -> dict:
    """Every event carries a JSON object of text; anything else is refused before the domain."""
    if not isinstance(data, dict):
        raise WorkshopError("invalid", "Het bericht heeft niet de juiste vorm.")
    if has_lone_surrogate(data):  # ids and tokens would reach the database driver and crash it
        raise WorkshopError("invalid", "Het bericht bevat een teken dat geen tekst is.")
    return data


def require_role(*roles: str) -> str:
    """The workshop id of this connection, when it holds one of `roles`."""
    if session.get("role") not in roles:
        if session.get("role") is None:
            raise WorkshopError("not_joined", "Meld je eerst aan bij een workshop.")
        raise WorkshopError("forbidden", "Dat mag alleen de begeleider van de workshop.")
    return session["workshop_id"]


def participant_id() -> str:
    """The mentor on this connection (after require_role('mentor'))."""
    return session["participant_id"]


def enter(workshop_id: str, role: str, participant: str | None = None) -> None:
    """Bind this connection to a workshop and role, and to the rooms that role hears.

    Rooms: `w:` every screen; `f:` the facilitator; `p:` the projector; `m:` the phones;
    `u:<participant>` one mentor's phones (their group's detail). The address is remembered
    as one that reached the workshop, so its phones get in while others guess (join_guard).
    """
    session.update(role=role, workshop_id=workshop_id, participant_id=participant)
    current_app.extensions["socket_limits"].remember_reached(address(), workshop_id)
    join_room(f"w:{workshop_id}")
    join_room({"facilitator": "f", "presenter": "p", "mentor": "m"}[role] + f":{workshop_id}")
    if participant:
        join_room(f"u:{participant}")
