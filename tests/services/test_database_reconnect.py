"""A pooled PostgreSQL connection that the server ended is never handed to a unit of work.

PostgreSQL ends a backend when it restarts or shuts down, when an administrator ends it
(pg_terminate_backend) and after an idle timeout. The pool still holds that connection; the
next value, join or broadcast would fail on it with "server closed the connection".
"""

import time

import psycopg
import pytest
from sqlalchemy import text

from workshop.storage import Store

pytestmark = pytest.mark.services


def _end_backends(database_url: str, pids: set[int]) -> None:
    """End these backends and wait until they are gone (their sockets closed)."""
    with psycopg.connect(database_url, autocommit=True) as admin:
        for pid in pids:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        deadline = time.monotonic() + 10
        while admin.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(%s)",
                            (list(pids),)).fetchone()[0]:
            assert time.monotonic() < deadline, "the ended backends did not go away"
            time.sleep(0.02)


def _backend(store: Store) -> int:
    with store.transaction() as tx:
        return tx.c.execute(text("SELECT pg_backend_pid()")).scalar()


def test_a_unit_of_work_gets_a_fresh_connection_when_the_server_ended_the_pooled_one(
        database_url):
    store = Store(database_url)
    try:
        ended = _backend(store)
        _end_backends(database_url, {ended})
        assert _backend(store) != ended  # answered, on a new connection
    finally:
        store.dispose()


def test_after_a_restart_every_pooled_connection_is_replaced(database_url):
    """All backends gone at once, as after a restart: every later unit of work succeeds."""
    store = Store(database_url)
    try:
        connections = [store.engine.connect() for _ in range(3)]  # three in the pool
        pids = {c.execute(text("SELECT pg_backend_pid()")).scalar() for c in connections}
        for connection in connections:
            connection.close()
        _end_backends(database_url, pids)
        answered = {_backend(store) for _ in range(5)}
        assert not answered & pids
    finally:
        store.dispose()
