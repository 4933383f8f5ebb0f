"""SQLAlchemy storage: knows the domain records, never Flask.

SQLite (a file under instance/) by default, PostgreSQL through DATABASE_URL. Every write
happens inside `Store.transaction()`, which commits before the caller acknowledges anything.
"""

import json
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Connection, make_url

from .board_rows import BoardRows
from .canvas_rows import CanvasRows
from .export_rows import ExportRows
from .group_rows import GroupRows
from .learning_rows import LearningRows
from .tables import metadata
from .value_rows import ValueRows
from .workshop_rows import WorkshopRows


class Tx(WorkshopRows, ValueRows, GroupRows, BoardRows, CanvasRows, ExportRows, LearningRows):
    """Queries and writes on one open transaction."""

    def __init__(self, connection: Connection):
        self.c = connection


# PostgreSQL: under eventlet every waiting query lets other handlers start theirs, so a
# crowded workshop keeps more than SQLAlchemy's default 5 (+10 overflow) transactions open;
# an overflow connection is closed on return and the next one makes PostgreSQL start a new
# backend (1.4 % of a server's samples at 1,000 phones on two processes). Two processes
# stay at 60 of PostgreSQL's default 100 connections.
_SERVER_POOL = {"pool_size": 20, "max_overflow": 10}


class Store:
    """The database of all workshops."""

    def __init__(self, url: str):
        url = database_url(url)
        is_sqlite = url.get_backend_name() == "sqlite"
        self.engine = create_engine(
            url,
            connect_args={"timeout": 30} if is_sqlite else {},
            # the theme engine's state is saved with every value: compact JSON, no cycle check
            json_serializer=_compact_json,
            **({} if is_sqlite else _SERVER_POOL),
        )
        if is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
            event.listen(self.engine, "begin", _sqlite_begin_immediate)
        else:
            from .postgres import ended_by_server  # psycopg is PostgreSQL's driver only

            event.listen(self.engine, "checkout", ended_by_server)
        metadata.create_all(self.engine)

    @contextmanager
    def transaction(self) -> Iterator[Tx]:
        """One unit of work: committed when the block ends, rolled back when it raises."""
        with self.engine.begin() as connection:
            yield Tx(connection)

    def healthy(self) -> bool:
        """Whether the database answers a trivial query."""
        with self.engine.connect() as connection:
            return connection.execute(text("SELECT 1")).scalar() == 1

    def dispose(self) -> None:
        """Close pooled connections (tests, shutdown)."""
        self.engine.dispose()


def database_url(url: str) -> URL:
    """The SQLAlchemy URL, with PostgreSQL on psycopg 3 (the installed driver).

    A plain `postgresql://` would make SQLAlchemy look for psycopg2, which is not installed.
    """
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _compact_json(data) -> str:
    return json.dumps(data, separators=(",", ":"), check_circular=False)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """WAL lets readers and one writer work at once; the busy timeout waits instead of failing."""
    dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" event below starts transactions
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin_immediate(connection) -> None:
    """Take the write lock when a unit of work starts, not at its first write.

    A unit of work reads (a value's client id, the theme engine's revision) and then writes;
    with SQLite's default deferred start a second writer could read the same old state in
    between, and its write would then fail or overwrite.
    """
    connection.exec_driver_sql("BEGIN IMMEDIATE")
