"""The theme engine of each workshop, loaded from its saved state and kept per process.

The saved state's `revision` tells whether the cached engine is still the current one (another
process, or a transaction that failed to commit, may have moved on), so a cached engine is
reused only when its revision matches the database.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from ..storage import Tx
from ..themes import ThemeEngine

_engines: dict[str, tuple[int, ThemeEngine]] = {}


def current_engine(tx: Tx, workshop_id: str) -> tuple[int, ThemeEngine]:
    """The workshop's engine and the revision it reflects (0 and an empty engine at first)."""
    revision = tx.theme_revision(workshop_id)
    if revision is None:
        return 0, ThemeEngine()
    cached = _engines.get(workshop_id)
    if cached and cached[0] == revision:
        return cached
    revision, state = tx.theme_state(workshop_id)
    engine = ThemeEngine.from_state(state)
    _engines[workshop_id] = (revision, engine)
    return revision, engine


@contextmanager
def changing_engine(tx: Tx, workshop_id: str) -> Iterator[ThemeEngine]:
    """Change the engine inside the caller's transaction and save it as the next revision.

    The caller must hold the workshop's row lock. On failure the cached copy, which may be
    half changed, is dropped.
    """
    revision, engine = current_engine(tx, workshop_id)
    try:
        yield engine
        tx.save_theme_state(workshop_id, revision + 1, engine.to_state())
    except BaseException:
        _engines.pop(workshop_id, None)
        raise
    # if the commit still fails, the database keeps `revision` and the mismatch reloads it
    _engines[workshop_id] = (revision + 1, engine)
