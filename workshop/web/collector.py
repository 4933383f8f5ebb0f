"""CPython's cyclic garbage collector in a long-running server: full passes over what is new.

A full pass walks every object the collector tracks and holds the event loop while it does.
At 1,000 phones a process keeps about a hundred thousand objects for its connections (green
threads, sockets, sessions) that live as long as the phones stay, and under load a full pass
came every seven seconds on the process that sends the values web: 87 ms median each, the
longest stalls of the loop (docs/BENCHMARKS.md, "sixth round"). What start-up built is
frozen once (gc.freeze: left out of every later pass); after each full pass, what survived it
is frozen too, so the next pass walks only what came since: 14 ms.

A frozen object that later turns into a garbage cycle is not freed until it is unfrozen, so
every RESCAN_SECONDS everything is unfrozen, collected in one full pass, and frozen again:
such memory comes back at most that late. Objects without cycles are freed by their
reference counts at once, frozen or not.
"""

import gc
import time

RESCAN_SECONDS = 600.0
TICK_SECONDS = 1.0
OLDEST = 2  # the generation a full pass collects


class FreezeSurvivors:
    """Freezes what survived the collector's last full pass; unfreezes everything now and then.

    The collector reports its passes through gc.callbacks, where freezing is not safe: the
    freeze waits for `tick`, which the server calls from its loop.
    """

    def __init__(self, clock=time.monotonic, rescan: float = RESCAN_SECONDS):
        self.clock, self.rescan = clock, rescan
        self._rescan_at = clock() + rescan
        self._full_pass_done = False

    def start(self) -> None:
        """Freeze what exists now (start-up) and follow the collector's passes from here."""
        gc.freeze()
        gc.callbacks.append(self._noted)

    def stop(self) -> None:
        """Stop following the collector (tests)."""
        gc.callbacks.remove(self._noted)

    def _noted(self, phase: str, info: dict) -> None:
        if phase == "stop" and info["generation"] == OLDEST:
            self._full_pass_done = True

    def tick(self) -> None:
        """Freeze after a full pass; rescan everything when it is time."""
        if self.clock() >= self._rescan_at:
            self._rescan_at = self.clock() + self.rescan
            gc.unfreeze()
            gc.collect()  # sets _full_pass_done: frozen again right below
        if self._full_pass_done:
            self._full_pass_done = False
            gc.freeze()

    def run(self, sleep) -> None:
        """The server's background task; `sleep` is its async mode's (Flask-SocketIO's)."""
        while True:
            sleep(TICK_SECONDS)
            self.tick()
