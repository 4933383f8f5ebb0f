"""End to end against `python app.py` under eventlet: a facilitator, three mentors, a kill -9."""

import uuid

import pytest
import requests
import socketio

from tests.live_server import LiveServer

pytestmark = pytest.mark.server


def _client(url):
    client = socketio.Client(reconnection=False)
    client.connect(url, transports=["websocket"], wait_timeout=10)
    return client


def test_acknowledged_values_survive_a_killed_server(server):
    workshop = requests.post(f"{server.url}/api/workshops",
                             json={"title": "Missie", "team": "Onderbouw"}, timeout=5).json()
    facilitator = _client(server.url)
    assert facilitator.call("facilitate", {"workshop_id": workshop["id"],
                                           "token": workshop["facilitator_token"]})["ok"]
    assert facilitator.call("phase:set", {"phase": "reflect"})["ok"]

    mentors, acknowledged = [], {}
    for name in ("Anna", "Bram", "Chris"):
        client = _client(server.url)
        joined = client.call("join", {"code": workshop["code"], "name": name})
        mentors.append((client, joined["token"]))
        acknowledged[joined["token"]] = []
        for text in ("Vertrouwen", "Groei", "Respect", "Humor"):
            ack = client.call("value:add", {"id": str(uuid.uuid4()), "text": f"{text} {name}"})
            assert ack["ok"], ack
            acknowledged[joined["token"]].append(f"{text} {name}")

    server.restart()  # SIGKILL, then a fresh process on the same SQLite file

    for _client_before, token in mentors:
        client = _client(server.url)
        state = client.call("join", {"code": workshop["code"], "token": token})["state"]
        assert sorted(v["text"] for v in state["me"]["values"]) == sorted(acknowledged[token])
        assert state["workshop"]["phase"] == "reflect"
        client.disconnect()
    facilitator = _client(server.url)
    state = facilitator.call("facilitate", {"workshop_id": workshop["id"],
                                            "token": workshop["facilitator_token"]})["state"]
    assert state["progress"] == {"joined": 3, "ready": 3, "values": 12, "min_values": 3}
    facilitator.disconnect()
    assert workshop["facilitator_token"] not in server.log()  # tokens never logged


@pytest.mark.parametrize("async_mode", ["gevent", "threading"])
def test_the_server_also_runs_under_other_async_modes(tmp_path, async_mode):
    live = LiveServer(f"sqlite:///{tmp_path / 'live.db'}", tmp_path / "server.log",
                      async_mode=async_mode).start()
    try:
        workshop = requests.post(f"{live.url}/api/workshops", json={"title": "Missie"},
                                 timeout=5).json()
        facilitator = _client(live.url)
        assert facilitator.call("facilitate", {"workshop_id": workshop["id"],
                                               "token": workshop["facilitator_token"]})["ok"]
        heard = []
        facilitator.on("participants", heard.append)
        mentor = _client(live.url)
        assert mentor.call("join", {"code": workshop["code"], "name": "Anna"})["ok"]
        facilitator.sleep(0.5)
        assert [p["name"] for p in heard[-1]["participants"]] == ["Anna"]
        assert f"modus {async_mode}" in live.log()
        mentor.disconnect()
        facilitator.disconnect()
    finally:
        live.stop()
