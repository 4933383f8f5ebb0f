"""Abuse limits: HTTP routes through Flask-Limiter, socket events through the same `limits`
library, per connection and, for failed join codes, per address."""

from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

# in-memory: one process guards its own connections; behind a load balancer each process
# limits what reaches it, which is what a guessing client meets
http_limiter = Limiter(get_remote_address, storage_uri="memory://", default_limits=[])


class SocketLimits:
    """Moving-window counters for socket events and failed join attempts."""

    def __init__(self, per_connection: str, failed_joins: str):
        self._limiter = MovingWindowRateLimiter(MemoryStorage())
        self._per_connection = parse(per_connection)
        self._failed_joins = parse(failed_joins)

    def allow_event(self, sid: str) -> bool:
        """Count one event of this connection; False once it sends too many."""
        return self._limiter.hit(self._per_connection, "event", sid)

    def may_try_code(self, address: str) -> bool:
        """Whether this address may try another join code (failed guesses are limited)."""
        return self._limiter.test(self._failed_joins, "join", address)

    def count_failed_code(self, address: str) -> None:
        """Remember a wrong join code from this address."""
        self._limiter.hit(self._failed_joins, "join", address)
