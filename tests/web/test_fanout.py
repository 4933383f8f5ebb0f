"""Broadcasts to a crowded room go out in slices, with a turn for the event loop after each."""

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


def _queue_manager() -> fanout.SlicedRedisManager:
    manager = fanout.SlicedRedisManager("redis://127.0.0.1:6379/0", write_only=True)
    manager.json = fast_json
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
