"""PostgreSQL's pooled connections: a connection the server ended is found without asking it.

SQLAlchemy's pre-ping sends "SELECT 1" at every checkout, so every unit of work paid a round
trip before its first statement: at 1,000 phones on two processes one of eleven per batch of
values (docs/BENCHMARKS.md, "seventh round"), each a wake-up of the database and a turn of
the event loop. A server that restarts, shuts down or ends a backend (pg_terminate_backend,
an idle timeout) says so with a FATAL message and closes the socket; libpq reads both without
sending anything.
"""

from psycopg import OperationalError
from psycopg.pq import ConnStatus
from sqlalchemy.exc import InvalidatePoolError

_ENDING = ("FATAL", "PANIC")


def ended_by_server(dbapi_connection, _record, _proxy) -> None:
    """Pool checkout: raise when the server ended this connection, where the pre-ping would
    have failed. The pool then replaces every connection it held before now (a restart ended
    them all) and hands out a fresh one.

    A server that vanished without a word (a cable pulled) is not seen here; the pre-ping
    would have waited for it just as long as the first statement now does.
    """
    pgconn = dbapi_connection.pgconn
    said: list[str] = []

    def note(diagnostic) -> None:
        said.append(diagnostic.severity_nonlocalized)

    dbapi_connection.add_notice_handler(note)
    try:
        # none of these waits: read what arrived while the connection sat in the pool, parse
        # it (a message to an idle connection reaches the notice handlers), and read again,
        # which finds the socket closed once the server's goodbye is followed by its close
        pgconn.consume_input()
        pgconn.is_busy()
        pgconn.consume_input()
    except OperationalError as closed:
        raise InvalidatePoolError(str(closed)) from closed
    finally:
        dbapi_connection.remove_notice_handler(note)
    if pgconn.status != ConnStatus.OK or any(severity in _ENDING for severity in said):
        raise InvalidatePoolError("PostgreSQL ended this connection")
