"""Two real server processes sharing PostgreSQL and a Redis message queue on 127.0.0.1.

Without PostgreSQL or Redis these tests skip, except when MENTORKOMPAS_REQUIRE_SERVICES is
set (as .ci/run does): then they fail, so CI never passes without having run them.
"""

import os
import uuid

import pytest

from tests.live_server import LiveServer

POSTGRES = os.environ.get("MENTORKOMPAS_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")
REDIS = os.environ.get("MENTORKOMPAS_TEST_REDIS", "redis://127.0.0.1:6379/0")


def _unavailable(reason: str):
    if os.environ.get("MENTORKOMPAS_REQUIRE_SERVICES"):
        pytest.fail(f"MENTORKOMPAS_REQUIRE_SERVICES is set but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def redis_url() -> str:
    """Redis answers a PING."""
    try:
        import redis

        redis.Redis.from_url(REDIS, socket_connect_timeout=3).ping()
    except Exception as error:  # ImportError, ConnectionError, …: all mean "not here"
        _unavailable(f"Redis is not reachable at {REDIS}: {error}")
    return REDIS


@pytest.fixture(scope="session")
def database_url():
    """A fresh PostgreSQL database for this test run, dropped afterwards."""
    try:
        import psycopg

        admin = psycopg.connect(POSTGRES, autocommit=True, connect_timeout=3)
    except Exception as error:
        _unavailable(f"PostgreSQL is not reachable at {POSTGRES}: {error}")
    name = f"mentorkompas_test_{uuid.uuid4().hex[:12]}"
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    # plain postgresql:// on purpose: the Store maps it to the installed psycopg 3 driver
    yield POSTGRES.rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(POSTGRES, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def two_processes(database_url, redis_url, tmp_path_factory):
    """Processes A and B (eventlet, the default) on the same database and message queue."""
    logs = tmp_path_factory.mktemp("scale-out")
    servers = [LiveServer(database_url, logs / f"{name}.log",
                          extra_env={"MESSAGE_QUEUE": redis_url}) for name in "AB"]
    try:
        for server in servers:
            server.start()
        yield servers
    finally:
        for server in servers:
            server.stop()
