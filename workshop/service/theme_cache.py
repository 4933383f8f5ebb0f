"""The theme engine of each workshop, kept per process and loaded from the database.

The database holds a snapshot of the engine every SNAPSHOT_EVERY changes and, in between,
each change as the engine calls it made. Replaying those calls rebuilds the same engine
(placing a value depends only on the engine's state), so a process whose cached engine is
behind (another process took values, or a commit failed) replays only what it missed, and
saving a change costs one small row.
"""

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from ..storage import Tx
from ..themes import ThemeEngine

SNAPSHOT_EVERY = 1000
_RECORDED = frozenset({"add", "remove", "merge", "move", "rename", "split", "hide"})
# a writer of this process commits within a few round trips; a copy still ahead after this
# is one whose commit failed, and goes back to the snapshot
WRITER_WAITS, WRITER_PAUSE = 20, 0.002

_engines: dict[str, tuple[int, ThemeEngine]] = {}
_catching_up: dict[str, threading.Lock] = {}  # workshop id -> held while its copy catches up


class _Recorder:
    """Passes calls to the engine and notes the ones that change it, for the log."""

    def __init__(self, engine: ThemeEngine):
        self._engine = engine
        self.ops: list[list] = []

    def __getattr__(self, name: str):
        method = getattr(self._engine, name)
        if name not in _RECORDED:
            return method

        def recorded(*args):
            self.ops.append([name, list(args)])
            return method(*args)

        return recorded


def current_engine(tx: Tx, workshop_id: str) -> tuple[int, ThemeEngine]:
    """The workshop's engine and the revision it reflects (0 and an empty engine at first).

    Only the revisions are read to decide: a cached engine that is behind replays the log
    from where it stopped, and the snapshot is loaded only when the log no longer reaches back
    that far. A reader does not hold the workshop's lock, so another process may save a
    snapshot (and drop the log before it) between these statements: a gap in the log sends
    the engine back to the snapshot, never past a change it did not make.
    """
    revisions = tx.theme_revisions(workshop_id)
    if revisions is None:
        return 0, ThemeEngine()
    cached = _engines.get(workshop_id)
    if cached and cached[0] == revisions[0]:
        return cached
    # one green thread of this process catches up at a time, the others wait and use its
    # result: each of them used to load the snapshot (tens of milliseconds of the event loop
    # at 5,000 values), as did a reader that came while this process's writer committed;
    # about sixty loads a minute on two processes at 1,000 phones (docs/BENCHMARKS.md)
    lock = _catching_up.setdefault(workshop_id, threading.Lock())
    waited = not lock.acquire(blocking=False)
    if waited:
        lock.acquire()
    try:  # after a wait the revisions are read again: the copy may have caught up meanwhile
        return _caught_up_engine(tx, workshop_id, None if waited else revisions)
    finally:
        lock.release()


def _caught_up_engine(tx: Tx, workshop_id: str,
                      revisions: tuple[int, int] | None) -> tuple[int, ThemeEngine]:
    """current_engine, for the one green thread that may change the cached copy; `revisions`
    as just read, or None to read them."""
    for _ in range(WRITER_WAITS):
        if revisions is None:
            revisions = tx.theme_revisions(workshop_id)
            if revisions is None:  # deleted meanwhile
                return 0, ThemeEngine()
        head, snapshot_revision = revisions
        cached = _engines.get(workshop_id)
        if not (cached and cached[0] > head):
            break
        # ahead by a change this process saved and is committing right now (it holds the
        # workshop's lock): wait for that commit rather than go back to the snapshot
        time.sleep(WRITER_PAUSE)
        revisions = None
    if cached and cached[0] == head:
        return cached
    # out of the cache while it catches up: a caller that finds no copy waits for this one
    _engines.pop(workshop_id, None)
    if not (cached and snapshot_revision <= cached[0] < head):
        cached = _from_snapshot(tx, workshop_id)
    revision, engine = _caught_up(tx, workshop_id, *cached)
    if revision is None:  # the log moved on past a new snapshot meanwhile
        revision, engine = _caught_up(tx, workshop_id, *_from_snapshot(tx, workshop_id))
    _engines[workshop_id] = (revision, engine)
    return revision, engine


def _from_snapshot(tx: Tx, workshop_id: str) -> tuple[int, ThemeEngine]:
    revision, state = tx.theme_snapshot(workshop_id)
    return revision, ThemeEngine.from_state(state) if state else ThemeEngine()


def _caught_up(tx: Tx, workshop_id: str, revision: int,
               engine: ThemeEngine) -> tuple[int | None, ThemeEngine]:
    """Replay the logged changes after `revision`; None when the log has a gap there."""
    for logged, ops in tx.theme_ops(workshop_id, after=revision):
        if logged != revision + 1:
            return None, engine
        for name, args in ops:
            getattr(engine, name)(*args)
        revision = logged
    return revision, engine


@contextmanager
def changing_engine(tx: Tx, workshop_id: str) -> Iterator[ThemeEngine]:
    """Change the engine inside the caller's transaction and save it as the next revision.

    The caller must hold the workshop's row lock. On failure the cached copy, which may be
    half changed, is dropped.
    """
    revision, engine = current_engine(tx, workshop_id)
    recorder = _Recorder(engine)
    try:
        yield recorder
        revision += 1
        if revision % SNAPSHOT_EVERY == 0:
            tx.save_theme_snapshot(workshop_id, revision, engine.to_state())
        else:
            tx.append_theme_ops(workshop_id, revision, recorder.ops)
    except BaseException:
        _engines.pop(workshop_id, None)
        raise
    # if the commit still fails, the database keeps the older revision and a reload follows
    _engines[workshop_id] = (revision, engine)
