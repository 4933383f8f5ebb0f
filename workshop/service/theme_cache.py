"""The theme engine of each workshop, kept per process and loaded from the database.

The database holds a snapshot of the engine every SNAPSHOT_EVERY changes and, in between,
each change as the engine calls it made. Replaying those calls rebuilds the same engine
(placing a value depends only on the engine's state), so a process whose cached engine is
behind (another process took values, or a commit failed) replays only what it missed, and
saving a change costs one small row.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from ..storage import Tx
from ..themes import ThemeEngine

SNAPSHOT_EVERY = 1000
_RECORDED = frozenset({"add", "remove", "merge", "move", "rename", "split", "hide"})

_engines: dict[str, tuple[int, ThemeEngine]] = {}


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


def _replay(engine: ThemeEngine, changes: list[list]) -> None:
    for ops in changes:
        for name, args in ops:
            getattr(engine, name)(*args)


def current_engine(tx: Tx, workshop_id: str) -> tuple[int, ThemeEngine]:
    """The workshop's engine and the revision it reflects (0 and an empty engine at first)."""
    head = tx.theme_revision(workshop_id)
    if head is None:
        return 0, ThemeEngine()
    cached = _engines.get(workshop_id)
    if cached and cached[0] == head:
        return cached
    snapshot_revision, state = tx.theme_snapshot(workshop_id)
    if cached and snapshot_revision <= cached[0] < head:
        start, engine = cached
    else:
        start, engine = snapshot_revision, ThemeEngine.from_state(state) if state \
            else ThemeEngine()
    _replay(engine, tx.theme_ops(workshop_id, after=start))
    _engines[workshop_id] = (head, engine)
    return head, engine


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
