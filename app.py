"""Entry point: `python app.py` serves Mentorkompas on the embedded default (one process, SQLite).

The async server is chosen by ASYNC_MODE before anything else is imported, because eventlet
and gevent must patch the standard library first.
"""

import os
import sys
import warnings

# python-engineio imports aiohttp, when it is installed, for its asyncio client, which a server
# never uses: about 8 MB resident. `make test` installs it (the load tools' phones are such
# clients) into the .venv that `make run` serves from. None in sys.modules makes that import
# fail as it would without aiohttp, which engineio expects.
sys.modules.setdefault("aiohttp", None)

from workshop.config import async_mode  # noqa: E402  (after the line above)

_MODE = async_mode()
if _MODE == "eventlet":
    # eventlet's green DNS resolver loads a second, patched copy of dnspython (about 7 MB
    # resident); the server resolves names only when it connects to its database or Redis
    os.environ.setdefault("EVENTLET_NO_GREENDNS", "yes")
    # psycopg 3 waits for PostgreSQL in C (poll() in wait_c) unless it sees gevent's patches;
    # under eventlet that wait would hold every connection of the process for each query.
    # wait_select goes through select.select, which eventlet makes green.
    os.environ.setdefault("PSYCOPG_WAIT_FUNC", "wait_select")
    # eventlet announces on import that it is in bug-fix-only maintenance; the README states
    # once why it stays the default, so that one notice (EventletDeprecationWarning, a class
    # that exists only after the import) is dropped and every other warning passes on
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        import eventlet
    for notice in caught:
        if not issubclass(notice.category, eventlet.EventletDeprecationWarning):
            warnings.warn_explicit(notice.message, notice.category, notice.filename, notice.lineno)

    eventlet.monkey_patch()
elif _MODE == "gevent":
    from gevent import monkey

    monkey.patch_all()

from werkzeug.serving import WSGIRequestHandler  # noqa: E402  (after patching)

from workshop.web import create_app, schedule_purge, socketio  # noqa: E402  (after patching)
from workshop.web.collector import FreezeSurvivors  # noqa: E402  (after patching)
from workshop.web.serving import serve  # noqa: E402  (after patching)

app = create_app()
# what start-up built (the libraries, the Dutch word lists, the spelling index) lives as long
# as the process: kept out of the collector's full passes, which otherwise walked it every
# few seconds under load and held the event loop 150-270 ms each time (docs/BENCHMARKS.md),
# and so is what each full pass under load leaves (the phones' connections)
collector = FreezeSurvivors()
collector.start()


class QuietRequestHandler(WSGIRequestHandler):
    """Werkzeug's handler (threading mode) without its lines per request and per bad request,
    which carry the caller's address; eventlet and gevent log none (see /privacy)."""

    def log(self, type: str, message: str, *args) -> None:
        """Write nothing."""


if __name__ == "__main__":
    config = app.config
    print(f"Mentorkompas op http://localhost:{config['PORT']}  "
          f"(telefoons: {config['PUBLIC_URL']}, modus {config['ASYNC_MODE']})", flush=True)
    schedule_purge(app)
    socketio.start_background_task(collector.run, socketio.sleep)
    serve(app, socketio, QuietRequestHandler)
