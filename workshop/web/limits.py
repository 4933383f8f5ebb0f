"""Abuse limits: HTTP routes through Flask-Limiter, socket events and wrong join codes
through moving windows kept here, per connection and per address."""

import threading
import time
from collections import deque

from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from limits import parse

# in-memory: one process guards its own connections; behind a load balancer each process
# limits what reaches it, which is what a guessing client meets
http_limiter = Limiter(get_remote_address, storage_uri="memory://", default_limits=[])

# how long an address counts as one the room is in: a training day
REACHED_SECONDS = 12 * 3600


class MovingWindow:
    """At most `amount` hits per `seconds` for each key, counted over the last `seconds`.

    Old hits are dropped when their key is looked at, and idle keys once per window. The
    `limits` library's MemoryStorage did that on a timer every 10 ms over all keys, which at
    1,000 connections took a fifth of the server's time (docs/BENCHMARKS.md, "Load").
    """

    def __init__(self, amount: int, seconds: float, clock=time.monotonic):
        self.amount, self.seconds, self._clock = amount, seconds, clock
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()
        self._next_sweep = clock() + seconds

    def hit(self, key: str) -> bool:
        """Count one hit of `key`; False (and not counted) once the window is full."""
        with self._lock:
            hits = self._recent(key)
            if len(hits) >= self.amount:
                return False
            hits.append(self._clock())
            return True

    def test(self, key: str) -> bool:
        """Whether `key` may hit once more now, without counting it."""
        with self._lock:
            return len(self._recent(key)) < self.amount

    def _recent(self, key: str) -> deque[float]:
        now = self._clock()
        if now >= self._next_sweep:
            self._next_sweep = now + self.seconds
            for idle in [k for k, hits in self._hits.items()
                         if not hits or hits[-1] <= now - self.seconds]:
                del self._hits[idle]
        hits = self._hits.setdefault(key, deque())
        while hits and hits[0] <= now - self.seconds:
            hits.popleft()
        return hits

    def __len__(self) -> int:
        """How many keys are remembered (idle ones go at the next sweep)."""
        return len(self._hits)


def moving_window(notation: str, clock=time.monotonic) -> MovingWindow:
    """A window from the `limits` library's notation, e.g. "60 per 10 seconds"."""
    item = parse(notation)
    return MovingWindow(item.amount, item.get_expiry(), clock)


class SocketLimits:
    """Moving-window counters for socket events and wrong join codes, and the workshops each
    address has reached (see join_guard.py for why)."""

    def __init__(self, per_connection: str, failed_per_address: str,
                 failed_per_connection: str):
        self._events = moving_window(per_connection)
        self._failed_per_address = moving_window(failed_per_address)
        self._failed_per_connection = moving_window(failed_per_connection)
        self._reached: dict[str, dict[str, float]] = {}  # address → {workshop: until}
        self._prune_at = 10_000  # addresses; expired ones go when the table reaches this

    def allow_event(self, sid: str) -> bool:
        """Count one event of this connection; False once it sends too many."""
        return self._events.hit(sid)

    def guessing(self, sid: str, address: str) -> bool:
        """Whether this connection or its address has sent too many wrong codes lately."""
        return not (self._failed_per_connection.test(sid)
                    and self._failed_per_address.test(address))

    def count_failed_code(self, sid: str, address: str) -> None:
        """Remember a wrong join code from this connection and address."""
        self._failed_per_connection.hit(sid)
        self._failed_per_address.hit(address)

    def remember_reached(self, address: str, workshop_id: str) -> None:
        """Someone at this address got into this workshop (a mentor, the facilitator)."""
        now = time.monotonic()
        if len(self._reached) >= self._prune_at:
            self._reached = {addr: workshops for addr, workshops in self._reached.items()
                             if max(workshops.values()) > now}
            self._prune_at = max(10_000, 2 * len(self._reached))
        self._reached.setdefault(address, {})[workshop_id] = now + REACHED_SECONDS

    def reached(self, address: str) -> set[str]:
        """The workshops someone at this address got into in the last hours."""
        now = time.monotonic()
        return {workshop for workshop, until in self._reached.get(address, {}).items()
                if until > now}
