"""Values that arrive together are written together: one transaction per batch and workshop.

Each `value:add` took the workshop's lock for a transaction of its own. On two processes with
PostgreSQL, 1,000 phones kept about 58 transactions waiting on that lock at any moment: under
eventlet the holder waits for the database after each of its statements, and every other
handler runs meanwhile, so each value held the lock for many rounds of the event loop
(docs/BENCHMARKS.md, "Load"). Here a workshop has at most one writing transaction per
process; the values that came in while it ran go together in the next, so the lock, the
theme log entry, the version and the commit are paid once per batch. Nothing is acknowledged
before its batch is committed.
"""

import threading
from dataclasses import dataclass, field

from .. import service
from ..service import Change, NewValue

# bounds one transaction (and the wait of the values behind it) at a burst of a full room
BATCH_LIMIT = 50


@dataclass
class _Waiting:
    value: NewValue
    done: threading.Event = field(default_factory=threading.Event)
    outcome: Change | Exception | None = None


class ValueBatches:
    """Per workshop: a queue of values and at most one writer at a time draining it.

    threading.Event and Lock are the green ones under eventlet and gevent (both patch the
    standard library before anything is imported), real ones in threading mode.
    """

    def __init__(self, store, spawn, learning: bool):
        self.store, self.spawn, self.learning = store, spawn, learning
        self._lock = threading.Lock()
        self._queues: dict[str, list[_Waiting]] = {}

    def add(self, workshop_id: str, value: NewValue) -> Change:
        """Add the value with the next batch of its workshop; return when it is committed.
        Raises what adding it alone would have raised."""
        waiting = _Waiting(value)
        with self._lock:
            queue = self._queues.get(workshop_id)
            start_writer = queue is None  # nobody writes for this workshop now
            if start_writer:
                self._queues[workshop_id] = [waiting]
            else:
                queue.append(waiting)
        if start_writer:
            self.spawn(self._write, workshop_id)
        waiting.done.wait()
        if isinstance(waiting.outcome, Exception):
            raise waiting.outcome
        return waiting.outcome

    def _write(self, workshop_id: str) -> None:
        """Write batches until the workshop's queue is empty, then let the next add start one."""
        while True:
            with self._lock:
                queue = self._queues[workshop_id]
                if not queue:
                    del self._queues[workshop_id]
                    return
                batch, self._queues[workshop_id] = queue[:BATCH_LIMIT], queue[BATCH_LIMIT:]
            try:
                outcomes = service.add_values(self.store, workshop_id,
                                              [waiting.value for waiting in batch], self.learning)
            except Exception as failed:  # the database: every value of the batch answers it
                outcomes = [failed] * len(batch)
            for waiting, outcome in zip(batch, outcomes, strict=True):
                waiting.outcome = outcome
                waiting.done.set()

