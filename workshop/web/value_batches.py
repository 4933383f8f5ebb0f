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
    """Per workshop: a queue of values, and one of their handlers at a time writing a batch.

    The handler that finds nobody writing writes at once, in its own green thread, so a lone
    value costs no extra hand-over. After its batch it passes the turn to the first value
    that waited meanwhile, whose handler writes the next batch. threading.Event and Lock are
    the green ones under eventlet and gevent (both patch the standard library before anything
    is imported), real ones in threading mode.
    """

    def __init__(self, store, learning: bool):
        self.store, self.learning = store, learning
        self._lock = threading.Lock()
        self._queues: dict[str, list[_Waiting]] = {}

    def add(self, workshop_id: str, value: NewValue) -> Change:
        """Add the value with the next batch of its workshop; return when it is committed.
        Raises what adding it alone would have raised."""
        waiting = _Waiting(value)
        with self._lock:
            queue = self._queues.setdefault(workshop_id, [])
            queue.append(waiting)
            writes_now = len(queue) == 1  # the first in line writes; the others wait for it
        if not writes_now:
            waiting.done.wait()  # woken with an outcome, or without one: our turn to write
        if waiting.outcome is None:
            self._write_batch(workshop_id)
        if isinstance(waiting.outcome, Exception):
            raise waiting.outcome
        return waiting.outcome

    def _write_batch(self, workshop_id: str) -> None:
        """Write the values at the head of the queue (the caller's first), answer them, and
        wake the first of the rest to write the next batch."""
        with self._lock:
            batch = self._queues[workshop_id][:BATCH_LIMIT]
        outcomes = None
        try:
            outcomes = service.add_values(self.store, workshop_id,
                                          [waiting.value for waiting in batch], self.learning)
        except Exception as failed:  # the database: every value of the batch answers it
            outcomes = [failed] * len(batch)
        finally:
            if outcomes is None:  # this green thread itself was stopped: the others go on
                outcomes = [RuntimeError("the batch was not written")] * len(batch)
            self._answer(workshop_id, batch, outcomes)

    def _answer(self, workshop_id: str, batch: list[_Waiting], outcomes: list) -> None:
        """Take the batch off the queue, answer its values, and hand the turn on."""
        with self._lock:
            queue = self._queues[workshop_id]
            del queue[:len(batch)]
            if not queue:
                del self._queues[workshop_id]
        for waiting, outcome in zip(batch, outcomes, strict=True):
            waiting.outcome = outcome
            if waiting is not batch[0]:
                waiting.done.set()
        if queue:
            queue[0].done.set()  # no outcome: that handler writes the next batch
