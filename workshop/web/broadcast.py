"""What the room hears after a change: always after the change was committed, with its version.

The values web is coalesced: however many values arrive in a burst, each workshop's screens
get at most one `themes` snapshot per THEMES_BROADCAST_DELAY seconds, and the first change
after a quiet spell is sent at once.

In a crowded workshop (CROWD mentors or more) `participants`/`mentors` and `groups`/`group`
are coalesced too, to one per CROWD_DELAY seconds: counts and group lists are read by people,
for whom a second is live. Their cost is the change rate times the room: at a regional day
500 phones add about 40 values a second, and sending every phone the 500-name list after each
one (with the groups overview, rebuilt from every value) was 40 ms of server work per value,
more than one core can do (docs/BENCHMARKS.md, "Load"). A team of 10-60 mentors keeps hearing
each change at once, as the pages and tests expect.

With several processes, a crowded workshop's room-wide broadcasts (the web, the phones'
compact web, the counts) come from one of them, the one leading the workshop
(web/crowd_lead.py); the others tell it what they changed.
"""

import logging
import threading
import time

from .. import service
from ..service import CROWD
from ..views import compact_web_view
from . import fast_json
from .crowd_lead import Claim, CrowdLead

log = logging.getLogger(__name__)

CROWD_DELAY = 1.0
# what one process sends for a crowded workshop while several serve it
ROOM_WIDE = ("themes", "phone_themes", "progress")


class Broadcaster:
    """Sends a committed change to the rooms that may see it."""

    def __init__(self, socketio, store, themes_delay: float, lead: CrowdLead | None = None):
        self.socketio = socketio
        self.store = store
        self.themes_delay = themes_delay
        self.lead = lead  # None in a process of its own
        # (kind, workshop id) -> newest version and group numbers waiting to be sent
        self._pending: dict[tuple[str, str], tuple[int, set[int]]] = {}
        self._last_sent: dict[tuple[str, str], float] = {}  # monotonic time of the last one
        self._crowded: set[str] = set()  # learnt from each progress snapshot's head count
        self._lock = threading.Lock()

    def publish(self, change: service.Change, progress: bool = False) -> None:
        """Broadcast what `change` touched; a replay (no new version) sends nothing."""
        if change.version is None:
            return
        workshop_id = change.workshop_id
        crowded = workshop_id in self._crowded
        if progress and not crowded:
            self._send_progress(workshop_id)
        if change.groups:
            self.groups(workshop_id, change.version, change.groups)
        if crowded:
            # the counts and both webs in one notice: a process that does not lead the
            # workshop tells the leader per change, a round trip to Redis before the ack;
            # the phones' compact web follows once a second, the big screens' web live
            kinds = ((("progress",) if progress else ())
                     + (("themes", "phone_themes") if change.themes else ()))
            if kinds:
                self._room_wide(workshop_id, kinds)
        elif change.themes:
            self._soon("themes", workshop_id, 0)
        if change.board:
            self.board(workshop_id)
        if change.canvas:
            self.canvas(workshop_id)

    def canvas(self, workshop_id: str) -> None:
        """The canvases: all vision statements to the facilitator, the kept ones to the rest."""
        version, full, public = service.canvas_update(self.store, workshop_id)
        self.socketio.emit("canvas", {"version": version, **full}, to=f"f:{workshop_id}")
        self.socketio.emit("canvas", {"version": version, **public},
                           to=[f"p:{workshop_id}", f"m:{workshop_id}"])

    def board(self, workshop_id: str) -> None:
        """The mission board: with counts to the facilitator, as the room may see it to the rest."""
        version, full, public = service.board_update(self.store, workshop_id)
        self.socketio.emit("board", {"version": version, **full}, to=f"f:{workshop_id}")
        self.socketio.emit("board", {"version": version, **public},
                           to=[f"p:{workshop_id}", f"m:{workshop_id}"])

    def progress(self, workshop_id: str) -> None:
        """Counts to every screen, per-mentor counts to the facilitator (coalesced when crowded)."""
        if workshop_id in self._crowded:
            self._room_wide(workshop_id, ("progress",))
        else:
            self._send_progress(workshop_id)

    def _send_progress(self, workshop_id: str) -> None:
        version, progress, people, mentors = service.room_progress(self.store, workshop_id)
        if len(people) >= CROWD:
            self._crowded.add(workshop_id)
        # the names go to the two big screens; phones need only the counts, and sending
        # every phone the whole list after every join or value grows with the square of the room.
        # Both lists of names encoded at once, as the web is: python-socketio would walk the
        # thousand names for bytes when sending, and again in each process the message queue
        # hands them to (2.8 % of the leading process's samples, docs/BENCHMARKS.md, "eighth
        # round")
        self.socketio.emit("participants", fast_json.fragment(
            {"version": version, "participants": people, "progress": progress}),
            to=[f"f:{workshop_id}", f"p:{workshop_id}"])
        self.socketio.emit("progress", {"version": version, "progress": progress},
                           to=f"m:{workshop_id}")
        self.socketio.emit("mentors", fast_json.fragment({"version": version, "mentors": mentors}),
                           to=f"f:{workshop_id}")

    def groups(self, workshop_id: str, version: int, numbers: tuple[int, ...]) -> None:
        """The overview to facilitator and projector; each touched group's detail to its members."""
        if workshop_id in self._crowded:
            self._soon("groups", workshop_id, version, numbers)
        else:
            self._send_groups(workshop_id, version, numbers)

    def _send_groups(self, workshop_id: str, version: int, numbers) -> None:
        overview, details = service.groups_update(self.store, workshop_id, tuple(numbers))
        self.socketio.emit("groups", {"version": version, "groups": overview},
                           to=[f"f:{workshop_id}", f"p:{workshop_id}"])
        for member_ids, detail in details:
            if member_ids:
                self.socketio.emit("group", {"version": version, "group": detail},
                                   to=[f"u:{member}" for member in member_ids])

    def _room_wide(self, workshop_id: str, kinds: tuple[str, ...]) -> None:
        """Schedule a crowded workshop's room-wide broadcasts here, or tell the process that
        sends them. Each reads the workshop as it is when it goes out, version included."""
        mine = self._mine(workshop_id, kinds)
        if mine is None:
            self.lead.tell(workshop_id, kinds)
            return
        for kind in mine:
            self._soon(kind, workshop_id, 0)

    def noticed(self, notice: dict) -> None:
        """Another process committed a change to a crowded workshop: send it if this process
        leads the workshop (or can take it over), else let the leader do it."""
        workshop_id = notice["workshop_id"]
        self._crowded.add(workshop_id)
        for kind in self._mine(workshop_id, tuple(notice["kinds"])) or ():
            self._soon(kind, workshop_id, 0)

    def _mine(self, workshop_id: str, kinds: tuple[str, ...]) -> tuple[str, ...] | None:
        """The kinds this process sends now; None when another process leads the workshop."""
        if self.lead is None:
            return kinds
        claim = self.lead.claim(workshop_id)
        if claim is Claim.OTHER:
            return None
        return ROOM_WIDE if claim is Claim.TAKEN else kinds

    def _soon(self, kind: str, workshop_id: str, version: int, numbers=()) -> None:
        """Merge into the pending broadcast of this kind, or schedule one.

        The first change after a quiet spell goes out at once; changes that follow within the
        window wait for the window's end and share one snapshot. So a lone value reaches the
        projector without delay, and a burst still costs one snapshot per window.
        """
        key = (kind, workshop_id)
        window = self.themes_delay if kind == "themes" else max(self.themes_delay, CROWD_DELAY)
        with self._lock:
            waiting = self._pending.get(key)
            if waiting:
                waiting[1].update(numbers)
                self._pending[key] = (max(waiting[0], version), waiting[1])
                return
            self._pending[key] = (version, set(numbers))
            wait = max(0.0, self._last_sent.get(key, 0.0) + window - time.monotonic())
        self.socketio.start_background_task(self._send_later, key, wait)

    def _send_later(self, key: tuple[str, str], wait: float) -> None:
        if wait:
            self.socketio.sleep(wait)
        with self._lock:
            version, numbers = self._pending.pop(key)
            self._last_sent[key] = time.monotonic()
        kind, workshop_id = key
        try:
            if kind == "themes":
                self._send_themes(workshop_id)
            elif kind == "phone_themes":
                self._send_phone_themes(workshop_id)
            elif kind == "progress":
                self._send_progress(workshop_id)
            else:
                self._send_groups(workshop_id, version, numbers)
        except Exception:  # a background task has nobody to answer: log, never crash the loop
            log.exception("%s broadcast failed", kind)

    def _send_themes(self, workshop_id: str) -> None:
        version, phase, web = service.theme_web(self.store, workshop_id)
        # encoded at once: python-socketio would walk the 5,000 values for bytes first
        # (fast_json.fragment; 9 % of the server's samples at 1,000 phones)
        message = fast_json.fragment({"version": version, "themes": web})
        if service.themes_public(phase):
            # one encoding of the whole web for both screens that show it
            self.socketio.emit("themes", message, to=[f"f:{workshop_id}", f"p:{workshop_id}"])
            if workshop_id not in self._crowded:
                self._emit_phone_web(workshop_id, version, web)
        else:
            self.socketio.emit("themes", message, to=f"f:{workshop_id}")
        if phase in ("mission", "canvas", "closed"):
            self.board(workshop_id)  # which themes the drafts cover may have changed

    def _send_phone_themes(self, workshop_id: str) -> None:
        version, phase, web = service.theme_web(self.store, workshop_id)
        if service.themes_public(phase):
            self._emit_phone_web(workshop_id, version, web)

    def _emit_phone_web(self, workshop_id: str, version: int, web: list) -> None:
        self.socketio.emit("themes", fast_json.fragment(
            {"version": version, "themes": compact_web_view(web)}), to=f"m:{workshop_id}")
