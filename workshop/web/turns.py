"""Turns on a cooperative event loop: a storm of state builds leaves room for everyone else.

Under eventlet a handler that never waits runs to its end, and the loop looks at its sockets
only when every greenthread that was ready has had its go. After a restart 1,000 phones ask
for their state within a second or two: all of them are ready at once, and a `/healthz` (or
the facilitator's click) that arrives meanwhile waits for the whole round, seconds of work
(docs/BENCHMARKS.md, "Reconnect storm"). With turns, the state builds of one round share a
budget; once it is spent, the rest yield (`sleep(0)` puts a greenthread behind the loop's
next look at its sockets) and go on in later rounds, so any other request waits for about
one budget instead of the whole storm. The phones take as long as before in total.

gevent bounds its own rounds (it polls after every 5 ms of callbacks), and real threads are
preempted, so turns are kept only under eventlet (create_app).
"""

import time


class Turns:
    """A budget of busy seconds per round of the event loop, shared by the callers of `turn`."""

    def __init__(self, sleep, spawn, budget: float = 0.02):
        self.sleep, self.spawn, self.budget = sleep, spawn, budget
        self.used = 0.0
        self._refill_pending = False

    def __enter__(self) -> "Turns":
        """Wait for a round with budget left."""
        while self.used >= self.budget:
            if not self._refill_pending:
                # scheduled before the callers that yield below, so it runs first next round
                self._refill_pending = True
                self.spawn(self._refill)
            self.sleep(0)
        self._began = time.perf_counter()
        return self

    def __exit__(self, *_exc) -> None:
        self.used += time.perf_counter() - self._began

    def _refill(self) -> None:
        self.used = 0.0
        self._refill_pending = False


class NoTurns:
    """Where the scheduler is fair by itself (gevent, threads): nothing to wait for."""

    def __enter__(self) -> "NoTurns":
        return self

    def __exit__(self, *_exc) -> None:
        return None
