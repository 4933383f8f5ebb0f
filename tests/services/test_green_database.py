"""Under eventlet, a query that waits for PostgreSQL must not hold the rest of the process.

psycopg 3 waits for the server in C unless told otherwise; in one eventlet process that wait
would stall every phone's connection for as long as any query runs. The check runs the
server's own start-up (`import app`, which patches and builds the store) in a subprocess:
one green thread's statement waits on an advisory lock that the main green thread holds and
releases only after it ran while that statement was waiting. A statement timeout ends the
blocking case with an error instead of a hang.
"""

import json
import subprocess
import sys
import textwrap

import pytest

from tests.live_server import ROOT

pytestmark = pytest.mark.services

SCRIPT = textwrap.dedent("""
    import json
    import app  # the server's patching and its store, exactly as `python app.py` has them
    import eventlet
    from sqlalchemy import text

    engine = app.app.extensions["store"].engine
    order = []
    holder = engine.connect()
    holder.execute(text("SELECT pg_advisory_lock(4711)"))

    def waiter():
        with engine.connect() as connection:
            connection.execute(text("SET statement_timeout = '5s'"))
            try:
                connection.execute(text("SELECT pg_advisory_lock(4711)"))
                connection.execute(text("SELECT pg_advisory_unlock(4711)"))
                order.append("statement done")
            except Exception as error:
                order.append(type(error).__name__)

    thread = eventlet.spawn(waiter)
    for _ in range(50):  # the waiter connects and sends its statement while this one sleeps
        eventlet.sleep(0.02)
    order.append("main ran")
    holder.execute(text("SELECT pg_advisory_unlock(4711)"))
    holder.close()
    thread.wait()
    print(json.dumps(order))
""")


def test_a_waiting_query_lets_the_other_green_threads_run(database_url, tmp_path):
    env = {"DATABASE_URL": database_url, "SECRET_KEY": "green-database-test",
           "ASYNC_MODE": "eventlet", "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    order = json.loads(result.stdout.strip().splitlines()[-1])
    assert order == ["main ran", "statement done"], order
