"""Broadcasts to a crowded room go out in slices, with a turn for the event loop after each."""

import threading
import time

import orjson
import pytest
import socketio

from workshop.web import fanout, fast_json


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


@pytest.fixture
def published(monkeypatch) -> list[bytes]:
    """What the Redis managers publish, kept here instead of sent, as Redis would carry it."""
    kept: list[bytes] = []
    monkeypatch.setattr(socketio.RedisManager, "_publish",
                        lambda self, data: kept.append(self.json.dumps(data).encode()))
    return kept


class _AtOnce:
    """A server whose background tasks run at once, so a test reads what was handed on."""

    def start_background_task(self, target, *args):
        target(*args)


def _queue_manager(server=None) -> fanout.SlicedRedisManager:
    manager = fanout.SlicedRedisManager("redis://127.0.0.1:6379/0", write_only=True)
    manager.json = fast_json
    manager.server = server or _AtOnce()
    return manager


def test_a_broadcast_crosses_to_the_other_process_as_text_and_goes_out_as_it_came(
        monkeypatch, published):
    sender, receiver = _queue_manager(), _queue_manager()
    handed_on = []
    monkeypatch.setattr(socketio.Manager, "emit",
                        lambda self, event, data, **kw: handed_on.append((event, data, kw)))
    web = {"version": 3, "themes": [{"id": "t1", "label": "Vertrouwen", "values": []}]}
    sender.emit("themes", fast_json.fragment(web), room="p:w1")
    sender.emit("progress", {"version": 3, "progress": {"joined": 1}}, room="m:w1")
    assert len(published) == 2 and len(handed_on) == 2  # each also went out locally
    message = orjson.loads(published[0])
    assert message["encoded"] and isinstance(message["data"][0], str)
    assert published[0].endswith(f',"sender":"{sender.host_id}"}}'.encode())

    handed_on.clear()
    for raw in published:
        receiver._handle_emit(orjson.loads(raw))
    (event, data, options), (_event, progress, _options) = handed_on
    assert event == "themes" and options["room"] == "p:w1"
    assert isinstance(data, orjson.Fragment)  # not parsed into dicts and encoded again
    assert orjson.loads(orjson.dumps(data)) == web
    assert orjson.loads(orjson.dumps(progress)) == {"version": 3, "progress": {"joined": 1}}


def test_several_arguments_cross_as_the_library_has_them(monkeypatch, published):
    sender, receiver = _queue_manager(), _queue_manager()
    handed_on = []
    monkeypatch.setattr(socketio.Manager, "emit",
                        lambda self, event, data, **kw: handed_on.append(data))
    sender.emit("x", ("a", "b"), room="r")
    receiver._handle_emit(orjson.loads(published[0]))
    assert handed_on == [("a", "b"), ("a", "b")]


def test_a_process_passes_over_what_it_published_itself(monkeypatch, published):
    mine, other = _queue_manager(), _queue_manager()
    mine.emit("themes", {"version": 1}, room="p:w1")
    other.emit("themes", {"version": 2}, room="p:w1")
    monkeypatch.setattr(socketio.RedisManager, "_listen", lambda self: iter(published))
    assert list(mine._listen()) == [published[1]]
    assert list(other._listen()) == [published[0]]


def test_a_notice_reaches_the_other_processes_and_no_client(monkeypatch, published):
    sender, receiver = _queue_manager(), _queue_manager()
    handed_on, noticed = [], []
    monkeypatch.setattr(socketio.Manager, "emit",
                        lambda self, event, data, **kw: handed_on.append(event))
    receiver.on_notice = noticed.append
    sender.notify({"workshop_id": "w1", "kinds": ["themes"]})
    receiver._handle_emit(orjson.loads(published[0]))
    assert noticed == [{"workshop_id": "w1", "kinds": ["themes"]}]
    assert handed_on == []


def test_a_slow_walk_of_a_crowded_room_does_not_hold_the_next_message(monkeypatch, published):
    """The listener of a process hands on the other processes' broadcasts one by one: the
    projector's web must not wait while the counts are still going out to 500 phones."""
    sender = _queue_manager()
    receiver = _queue_manager(socketio.Server(async_mode="threading"))
    monkeypatch.setattr(socketio.Manager, "emit", lambda self, event, data, **kw: None)
    sender.emit("progress", {"version": 7, "progress": {"joined": 500}}, room="m:w1")
    sender.emit("themes", {"version": 7, "themes": []}, room="p:w1")
    walking, delivered = threading.Event(), []

    def deliver(self, event, data, room=None, **kw):
        if room == "m:w1":
            walking.wait(10)  # a crowded room, still being walked
        delivered.append(room)

    monkeypatch.setattr(socketio.Manager, "emit", deliver)
    listener = threading.Thread(target=lambda: [receiver._handle_emit(orjson.loads(raw))
                                                for raw in published])
    listener.start()
    listener.join(5)
    assert not listener.is_alive()  # it went on to the next message
    deadline = time.monotonic() + 5
    while not delivered and time.monotonic() < deadline:
        time.sleep(0.01)
    assert delivered == ["p:w1"]  # the web went out while the room still waited
    walking.set()
    while len(delivered) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert delivered == ["p:w1", "m:w1"]
