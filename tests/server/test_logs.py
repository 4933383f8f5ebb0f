"""What the privacy page says about logs, checked on the real server in each async mode: no
line per request, so no caller's address, path, join code or mentor's words in the output."""

import uuid

import pytest
import requests
import socketio

from tests.live_server import LiveServer

pytestmark = pytest.mark.server


@pytest.mark.parametrize("async_mode", ["eventlet", "gevent", "threading"])
def test_the_server_writes_no_line_per_request(tmp_path, async_mode):
    server = LiveServer(f"sqlite:///{tmp_path / 'logs.db'}", tmp_path / "server.log",
                        async_mode=async_mode).start()
    try:
        workshop = requests.post(f"{server.url}/api/workshops",
                                 json={"title": "Missie"}, timeout=5).json()
        for path in (f"/j/{workshop['code']}", "/privacy", "/no-such-page"):
            requests.get(f"{server.url}{path}", timeout=5)
        mentor = socketio.Client(reconnection=False)
        mentor.connect(server.url, transports=["websocket"], wait_timeout=10)
        assert mentor.call("join", {"code": workshop["code"], "name": "Anna Jansen"})["ok"]
        mentor.call("value:add", {"id": str(uuid.uuid4()), "text": "Geduld"})
        mentor.disconnect()
    finally:
        server.stop()
    log = server.log()
    # the start-up line names the server's own address (PUBLIC_URL); nothing after it may
    # mention a request: no method, no path, no code, no name
    for trace in ("GET ", "POST ", "/privacy", "/no-such-page", "/socket.io", workshop["code"],
                  "Anna Jansen", "Geduld", " - - ["):
        assert trace not in log, f"{async_mode} logged {trace!r}:\n{log}"


def test_eventlet_start_logs_no_deprecation_notice(server):
    # eventlet says on import that it is deprecated; the README states the choice once, the
    # log of every `make run` should not repeat it (app.py drops that one warning by its class)
    assert requests.get(f"{server.url}/healthz", timeout=5).status_code == 200
    log = server.log()
    assert "modus eventlet" in log
    assert "EventletDeprecationWarning" not in log and "Eventlet is deprecated" not in log, log
