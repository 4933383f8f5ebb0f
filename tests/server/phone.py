"""A simulated phone for fault tests: it queues values locally, retries until each is
acknowledged, and after any reconnect joins again with its join id and token, as the phone
page does."""

import threading
import time
import uuid

import socketio


class Phone:
    """One mentor's phone against a live server."""

    def __init__(self, url: str, code: str, name: str):
        self.url, self.code, self.name = url, code, name
        self.token = None
        self.join_id = str(uuid.uuid4())  # made once, before the first join, and kept
        self.acked: dict[str, str] = {}  # client id → value id
        self.pending: list[tuple[str, str]] = []  # (client id, text), kept until acknowledged
        self.joined = threading.Event()
        self.client = socketio.Client(reconnection=True, reconnection_delay=0.2,
                                      reconnection_delay_max=1)
        self.client.on("disconnect", self.joined.clear)

    def connect(self) -> None:
        """Open the connection (the client reconnects by itself afterwards)."""
        self.client.connect(self.url, transports=["websocket"], wait_timeout=10)

    def queue(self, text: str) -> None:
        """Add a value locally, as a tap on 'toevoegen' does."""
        self.pending.append((str(uuid.uuid4()), text))

    def _ensure_joined(self) -> bool:
        if self.joined.is_set():
            return True
        if not self.client.connected:
            return False
        try:
            ack = self.client.call("join", self._join_payload(), timeout=5)
        except (socketio.exceptions.TimeoutError, socketio.exceptions.BadNamespaceError):
            return False
        if ack.get("ok"):
            self.token = ack["token"]
            self.joined.set()
        return self.joined.is_set()

    def _join_payload(self) -> dict:
        return {"code": self.code, "name": self.name, "token": self.token, "id": self.join_id}

    def join_and_lose_the_answer(self) -> None:
        """Send the join without listening for its answer: the server lets the mentor in,
        and the phone never learns it (as when the server dies before its ack goes out)."""
        self.client.emit("join", self._join_payload())

    def flush(self, deadline: float) -> None:
        """Send what is pending until all is acknowledged or the deadline passes."""
        while self.pending and time.monotonic() < deadline:
            if not self._ensure_joined():
                time.sleep(0.1)
                continue
            client_id, text = self.pending[0]
            try:
                ack = self.client.call("value:add", {"id": client_id, "text": text}, timeout=5)
            except (socketio.exceptions.TimeoutError, socketio.exceptions.BadNamespaceError):
                self.joined.clear()
                continue
            if not ack.get("ok"):
                raise AssertionError(f"{self.name}: {text!r} refused: {ack}")
            self.acked[client_id] = ack["value_id"]
            self.pending.pop(0)

    def join(self, seconds: float = 20) -> None:
        """Join (again), retrying until the server answers."""
        deadline = time.monotonic() + seconds
        while not self._ensure_joined():
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.name} could not rejoin")
            time.sleep(0.1)

    def server_values(self) -> list[dict]:
        """What the server holds for this mentor now."""
        self.join()
        return self.client.call("sync", {"since": 0}, timeout=5)["state"]["me"]["values"]

    def close(self) -> None:
        """Disconnect for good; a phone that is reconnecting stops trying. (disconnect() would
        leave a reconnecting client's thread trying on after its test, drawing its jitter
        from the global `random`, which Hypothesis checks around each draw of a later test.)"""
        self.client.shutdown()
