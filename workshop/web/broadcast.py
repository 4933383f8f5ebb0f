"""What the room hears after a change: always after the change was committed, with its version.

The values web is coalesced: however many values arrive in a burst, each workshop's screens
get at most one `themes` snapshot per THEMES_BROADCAST_DELAY seconds.
"""

import logging
import threading

from .. import service
from ..views import compact_web_view

log = logging.getLogger(__name__)


class Broadcaster:
    """Sends a committed change to the rooms that may see it."""

    def __init__(self, socketio, store, themes_delay: float):
        self.socketio = socketio
        self.store = store
        self.themes_delay = themes_delay
        self._pending: set[str] = set()
        self._lock = threading.Lock()

    def publish(self, change: service.Change, progress: bool = False) -> None:
        """Broadcast what `change` touched; a replay (no new version) sends nothing."""
        if change.version is None:
            return
        if progress:
            self.progress(change.workshop_id, change.version)
        if change.groups:
            self.groups(change.workshop_id, change.version, change.groups)
        if change.themes:
            self.themes_soon(change.workshop_id)
        if change.board:
            self.board(change.workshop_id)
        if change.canvas:
            self.canvas(change.workshop_id)

    def canvas(self, workshop_id: str) -> None:
        """The canvases: all vision statements to the facilitator, the kept ones to the rest."""
        version, full, public = service.canvas_update(self.store, workshop_id)
        self.socketio.emit("canvas", {"version": version, **full}, to=f"f:{workshop_id}")
        for room in ("p", "m"):
            self.socketio.emit("canvas", {"version": version, **public},
                               to=f"{room}:{workshop_id}")

    def board(self, workshop_id: str) -> None:
        """The mission board: with counts to the facilitator, as the room may see it to the rest."""
        version, full, public = service.board_update(self.store, workshop_id)
        self.socketio.emit("board", {"version": version, **full}, to=f"f:{workshop_id}")
        for room in ("p", "m"):
            self.socketio.emit("board", {"version": version, **public}, to=f"{room}:{workshop_id}")

    def progress(self, workshop_id: str, version: int) -> None:
        """Counts to every screen, per-mentor counts to the facilitator."""
        progress, people, mentors = service.room_progress(self.store, workshop_id)
        self.socketio.emit("participants", {"version": version, "participants": people,
                                            "progress": progress}, to=f"w:{workshop_id}")
        self.socketio.emit("mentors", {"version": version, "mentors": mentors},
                           to=f"f:{workshop_id}")

    def groups(self, workshop_id: str, version: int, numbers: tuple[int, ...]) -> None:
        """The overview to facilitator and projector; each touched group's detail to its members."""
        overview, details = service.groups_update(self.store, workshop_id, numbers)
        message = {"version": version, "groups": overview}
        self.socketio.emit("groups", message, to=f"f:{workshop_id}")
        self.socketio.emit("groups", message, to=f"p:{workshop_id}")
        for member_ids, detail in details:
            for member in member_ids:
                self.socketio.emit("group", {"version": version, "group": detail},
                                   to=f"u:{member}")

    def themes_soon(self, workshop_id: str) -> None:
        """Schedule one `themes` snapshot for the workshop unless one is already on its way."""
        with self._lock:
            if workshop_id in self._pending:
                return
            self._pending.add(workshop_id)
        self.socketio.start_background_task(self._send_themes, workshop_id)

    def _send_themes(self, workshop_id: str) -> None:
        self.socketio.sleep(self.themes_delay)
        with self._lock:
            self._pending.discard(workshop_id)
        try:
            version, phase, web = service.theme_web(self.store, workshop_id)
        except Exception:  # a background task has nobody to answer: log, never crash the loop
            log.exception("themes broadcast failed")
            return
        message = {"version": version, "themes": web}
        self.socketio.emit("themes", message, to=f"f:{workshop_id}")
        if service.themes_public(phase):
            self.socketio.emit("themes", message, to=f"p:{workshop_id}")
            self.socketio.emit("themes", {"version": version, "themes": compact_web_view(web)},
                               to=f"m:{workshop_id}")
        if phase in ("mission", "canvas", "closed"):
            self.board(workshop_id)  # which themes the drafts cover may have changed
