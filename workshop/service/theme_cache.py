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
from ..storage.value_rows import ThemeLog
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

    One statement reads the revisions with the changes logged after the cached copy: a copy
    that is behind replays what it missed, and the snapshot is loaded only when the log no
    longer reaches back that far. A reader does not hold the workshop's lock, so another
    process may save a snapshot (and drop the log before it) before the snapshot is read: a
    snapshot other than the one the log was read against sends the replay to the log again.
    """
    cached = _engines.get(workshop_id)
    log = tx.theme_log(workshop_id, after=cached[0] if cached else None)
    if log is None:
        return 0, ThemeEngine()
    cached = _engines.get(workshop_id)  # another green thread may have moved it meanwhile
    if cached and cached[0] == log.revision:
        return cached
    # one green thread of this process catches up at a time, the others wait and use its
    # result: each of them used to load the snapshot (tens of milliseconds of the event loop
    # at 5,000 values), as did a reader that came while this process's writer committed;
    # about sixty loads a minute on two processes at 1,000 phones (docs/BENCHMARKS.md)
    lock = _catching_up.setdefault(workshop_id, threading.Lock())
    waited = not lock.acquire(blocking=False)
    if waited:
        lock.acquire()
    try:  # after a wait the log is read again: the copy may have caught up meanwhile
        return _caught_up_engine(tx, workshop_id, None if waited else log)
    finally:
        lock.release()


def _caught_up_engine(tx: Tx, workshop_id: str, log: ThemeLog | None) -> tuple[int, ThemeEngine]:
    """current_engine, for the one green thread that may change the cached copy; `log` as
    just read, or None to read it."""
    for attempt in range(WRITER_WAITS):
        if log is None or attempt:
            cached = _engines.get(workshop_id)
            log = tx.theme_log(workshop_id, after=cached[0] if cached else None)
            if log is None:  # deleted meanwhile
                return 0, ThemeEngine()
        cached = _engines.get(workshop_id)
        if not (cached and cached[0] > log.revision):
            break
        # ahead by a change this process saved and is committing right now (it holds the
        # workshop's lock): wait for that commit rather than go back to the snapshot
        time.sleep(WRITER_PAUSE)
    if cached and cached[0] == log.revision:
        return cached
    # out of the cache while it catches up: a caller that finds no copy waits for this one
    _engines.pop(workshop_id, None)
    revision = None
    if cached and log.snapshot_revision <= cached[0] < log.revision:
        revision, engine = _replayed(*cached, log.changes, log.revision)
    if revision is None:  # no copy, one from before the snapshot, or one ahead (a failed commit)
        snapshot_revision, engine = _from_snapshot(tx, workshop_id)
        revision, engine = _replayed(snapshot_revision, engine, log.changes, log.revision)
        if revision is None:  # the log was read from the copy on, or before a newer snapshot
            revision, engine = _replayed(snapshot_revision, engine,
                                         tx.theme_ops(workshop_id, after=snapshot_revision))
    _engines[workshop_id] = (revision, engine)
    return revision, engine


def _from_snapshot(tx: Tx, workshop_id: str) -> tuple[int, ThemeEngine]:
    revision, state = tx.theme_snapshot(workshop_id)
    return revision, ThemeEngine.from_state(state) if state else ThemeEngine()


def _replayed(revision: int, engine: ThemeEngine, changes: list[tuple[int, list]],
              reaching: int = 0) -> tuple[int | None, ThemeEngine]:
    """Replay the logged changes after `revision` (earlier ones are skipped: the copy moved
    past them while the log was read); None, and the engine untouched, when they do not
    follow on from `revision` without a gap or do not reach revision `reaching`."""
    missed = [(logged, ops) for logged, ops in changes if logged > revision]
    if [logged for logged, _ in missed] != list(range(revision + 1, revision + 1 + len(missed))) \
            or revision + len(missed) < reaching:
        return None, engine
    for _, ops in missed:
        for name, args in ops:
            getattr(engine, name)(*args)
    return (missed[-1][0] if missed else revision), engine


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
