"""Abuse limits: HTTP routes through Flask-Limiter, socket events through the same `limits`
library, per connection; wrong join codes per connection and per address."""

import time

from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

# in-memory: one process guards its own connections; behind a load balancer each process
# limits what reaches it, which is what a guessing client meets
http_limiter = Limiter(get_remote_address, storage_uri="memory://", default_limits=[])

# how long an address counts as one the room is in: a training day
REACHED_SECONDS = 12 * 3600


class SocketLimits:
    """Moving-window counters for socket events and wrong join codes, and the workshops each
    address has reached (see join_guard.py for why)."""

    def __init__(self, per_connection: str, failed_per_address: str,
                 failed_per_connection: str):
        self._limiter = MovingWindowRateLimiter(MemoryStorage())
        self._per_connection = parse(per_connection)
        self._failed_per_address = parse(failed_per_address)
        self._failed_per_connection = parse(failed_per_connection)
        self._reached: dict[str, dict[str, float]] = {}  # address → {workshop: until}
        self._prune_at = 10_000  # addresses; expired ones go when the table reaches this

    def allow_event(self, sid: str) -> bool:
        """Count one event of this connection; False once it sends too many."""
        return self._limiter.hit(self._per_connection, "event", sid)

    def guessing(self, sid: str, address: str) -> bool:
        """Whether this connection or its address has sent too many wrong codes lately."""
        return not (self._limiter.test(self._failed_per_connection, "join-sid", sid)
                    and self._limiter.test(self._failed_per_address, "join", address))

    def count_failed_code(self, sid: str, address: str) -> None:
        """Remember a wrong join code from this connection and address."""
        self._limiter.hit(self._failed_per_connection, "join-sid", sid)
        self._limiter.hit(self._failed_per_address, "join", address)

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
