"""Broadcasts to a crowded room in slices, so one emit does not hold the event loop.

An emit to the room of 1,000 phones hands the same packet to 1,000 connections in one loop
(python-socketio's Manager.emit); under eventlet each hand-over wakes that connection's writer,
and all of them run before the loop looks at its sockets again. A value that arrived meanwhile
waited for the whole room: the tail of the ack and projector latencies at N = 1,000
(docs/BENCHMARKS.md). Here the room is walked in slices of FANOUT_SLICE connections with a
yield after each, so a value's handler gets its turn between slices. Clients already drop an
event older than the last one of the same name, so two broadcasts that interleave are harmless.
"""

import socketio

from . import fast_json

FANOUT_SLICE = 25


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
    """Several processes: broadcasts through Redis, each process's share in slices."""

    def _handle_emit(self, message):
        """A broadcast another process published arrives parsed; encoded again at once, as
        the local ones are (fast_json.fragment), python-socketio does not walk every value of
        the web looking for bytes before it sends it (7 % of a server's samples at 1,000
        phones on two processes)."""
        data = message.get("data")
        if not message.get("binary") and isinstance(data, list) and len(data) == 1 \
                and isinstance(data[0], dict):
            message = {**message, "data": [fast_json.fragment(data[0])]}
        super()._handle_emit(message)


def client_manager(message_queue: str | None) -> dict:
    """The `client_manager` option for this server: in memory, or through Redis. Another
    queue (Flask-SocketIO also speaks Kafka, ZeroMQ, Kombu) keeps the library's own manager."""
    if not message_queue:
        return {"client_manager": SlicedManager()}
    if message_queue.startswith(("redis://", "rediss://")):
        return {"client_manager": SlicedRedisManager(message_queue, channel="flask-socketio")}
    return {}
