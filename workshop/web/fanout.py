"""Broadcasts to a crowded room in slices, so one emit does not hold the event loop.

An emit to the room of 1,000 phones hands the same packet to 1,000 connections in one loop
(python-socketio's Manager.emit); under eventlet each hand-over wakes that connection's writer,
and all of them run before the loop looks at its sockets again. A value that arrived meanwhile
waited for the whole room: the tail of the ack and projector latencies at N = 1,000
(docs/BENCHMARKS.md). Here the room is walked in slices of FANOUT_SLICE connections with a
yield after each, so a value's handler gets its turn between slices. Clients already drop an
event older than the last one of the same name, so two broadcasts that interleave are harmless.
"""

import orjson
import socketio

from . import fast_json

FANOUT_SLICE = 25
# the room of notices between processes (web/crowd_lead.py): no client is ever in it, so a
# process that does not know notices hands them to nobody
NOTICE_ROOM = "mentorkompas:crowd-notices"


class _InSlices:
    """A client manager whose room walks yield to the event loop every FANOUT_SLICE members."""

    def get_participants(self, namespace, room):
        """The room's (sid, eio_sid) pairs (a copy, so yielding is safe), with a pause per slice."""
        for count, participant in enumerate(super().get_participants(namespace, room), 1):
            yield participant
            if count % FANOUT_SLICE == 0:
                self.server.sleep(0)


class SlicedManager(_InSlices, socketio.Manager):
    """One process: rooms in memory."""


class SlicedRedisManager(_InSlices, socketio.RedisManager):
    """Several processes: broadcasts through Redis, each process's share in slices, and
    notices from one process to the others on the same channel."""

    on_notice = None  # called with each notice another process sent (set by the app)

    def _publish(self, data):
        """Signed with this process's id, last, so `_listen` can pass over its own messages.

        A broadcast's one argument travels as JSON text (marked `encoded`): the other
        processes hand it on as it is, where they parsed the whole web and encoded it again
        (a tenth of a server's samples at 1,000 phones on two processes)."""
        payload = data.get("data")
        if data.get("method") == "emit" and data.get("room") != NOTICE_ROOM \
                and not data.get("binary") and isinstance(payload, list) and len(payload) == 1 \
                and isinstance(payload[0], dict | orjson.Fragment):
            data = {**data, "data": [fast_json.dumps(payload[0])], "encoded": True}
        return super()._publish({**data, "sender": self.host_id})

    def _listen(self):
        """What the other processes published. Redis hands a process its own messages too, and
        python-socketio parsed each before it saw whose it was: a process read back every web
        it had sent (a megabyte of JSON at 5,000 values, ten times a second)."""
        own = f',"sender":"{self.host_id}"}}'.encode()
        for raw in super()._listen():
            if not (isinstance(raw, bytes) and raw.endswith(own)):
                yield raw

    def notify(self, notice: dict) -> None:
        """Hand `notice` (JSON) to the other processes; no client hears it."""
        self._publish({"method": "emit", "event": NOTICE_ROOM, "data": [notice],
                       "binary": False, "namespace": "/", "room": NOTICE_ROOM,
                       "skip_sid": None, "callback": None, "host_id": self.host_id})

    def _handle_emit(self, message):
        """A notice goes to `on_notice`; a broadcast to this process's share of the room, an
        encoded argument as the text it came as (an orjson.Fragment, which python-socketio
        neither walks for bytes nor encodes again).

        Another process's broadcast goes out in a green thread of its own. The listener hands
        over one message at a time, and a crowded room is walked in slices: the counts and the
        compact web to 500 phones took about 90 ms each, twice a second, and every message
        behind them waited, the projector's web included (relay p95 109 ms, docs/BENCHMARKS.md,
        "sixth round"). Broadcasts that overlap are harmless (see above); this process's own
        go out in the green thread that emits them, as before.
        """
        if message.get("room") == NOTICE_ROOM:
            if self.on_notice is not None:
                self.on_notice(message["data"][0])
            return
        if message.get("encoded"):
            message = {**message, "data": [orjson.Fragment(message["data"][0])]}
        deliver = super()._handle_emit
        if message.get("host_id") == self.host_id:
            deliver(message)
        else:
            self.server.start_background_task(deliver, message)


def client_manager(message_queue: str | None) -> dict:
    """The `client_manager` option for this server: in memory, or through Redis. Another
    queue (Flask-SocketIO also speaks Kafka, ZeroMQ, Kombu) keeps the library's own manager."""
    if not message_queue:
        return {"client_manager": SlicedManager()}
    if message_queue.startswith(("redis://", "rediss://")):
        return {"client_manager": SlicedRedisManager(message_queue, channel="flask-socketio")}
    return {}
