"""Broadcasts to a crowded room go out in slices, with a turn for the event loop after each."""

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
