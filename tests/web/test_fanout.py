"""Broadcasts to a crowded room go out in slices, with a turn for the event loop after each."""

import orjson
import socketio

from workshop.web import fanout


def test_a_room_is_walked_whole_with_a_pause_after_every_slice(monkeypatch):
    server = socketio.Server(async_mode="threading", client_manager=fanout.SlicedManager())
    pauses = []
    monkeypatch.setattr(server, "sleep", lambda seconds: pauses.append(seconds))
    manager = server.manager
    manager.set_server(server)
    members = 2 * fanout.FANOUT_SLICE + 3
    for number in range(members):
        sid = manager.connect(f"eio-{number}", "/")
        manager.enter_room(sid, "/", "w:hall")
    walked = list(manager.get_participants("/", "w:hall"))
    assert len(walked) == members and len(set(walked)) == members
    assert pauses == [0, 0]  # one after each full slice, none for the rest


def test_the_manager_follows_the_message_queue():
    assert isinstance(fanout.client_manager(None)["client_manager"], fanout.SlicedManager)
    redis = fanout.client_manager("redis://127.0.0.1:6379/0")["client_manager"]
    assert isinstance(redis, fanout.SlicedRedisManager)
    assert fanout.client_manager("amqp://guest@127.0.0.1//") == {}


def test_a_broadcast_from_another_process_goes_out_encoded_once(monkeypatch):
    manager = fanout.SlicedRedisManager("redis://127.0.0.1:6379/0", write_only=True)
    handed_on = []
    monkeypatch.setattr(socketio.Manager, "emit",
                        lambda self, event, data, **kw: handed_on.append((event, data, kw)))
    web = {"version": 3, "themes": [{"id": "t1", "label": "Vertrouwen", "values": []}]}
    manager._handle_emit({"method": "emit", "event": "themes", "data": [web],
                          "namespace": "/", "room": "p:w1", "host_id": "other"})
    event, data, options = handed_on[0]
    assert event == "themes" and options["room"] == "p:w1"
    assert isinstance(data, orjson.Fragment)
    assert orjson.loads(orjson.dumps(data)) == web
    # several arguments, or none, pass as the library has them
    manager._handle_emit({"method": "emit", "event": "x", "data": ["a", "b"], "namespace": "/",
                          "room": None, "host_id": "other"})
    assert handed_on[1][1] == ("a", "b")
