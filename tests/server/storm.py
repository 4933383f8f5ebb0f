"""A reconnect storm against the real server: phones that joined and named values come back
all at once after a restart, while someone else keeps asking `/healthz`.

Used by tests/server/test_reconnect_storm.py (200 phones) and bench/reconnect_storm.py
(1,000 and more). The phones are python-socketio AsyncClients over websocket in one asyncio
loop; the health probe runs in a process of its own, so the phones' own loop cannot delay it.
"""

import asyncio
import multiprocessing
import random
import time
from dataclasses import dataclass, field

import requests
import socketio

VALUES = ("Vertrouwen", "Groei", "Respect", "Veiligheid", "Autonomie", "Eerlijkheid",
          "Betrokkenheid", "Humor", "Rust", "Openheid", "Zorg", "Structuur", "Plezier",
          "Samenwerking", "Verantwoordelijkheid", "Nieuwsgierigheid")
VALUES_PER_PHONE = 3
JOIN_CONCURRENCY = 20  # before the storm phones arrive as people do, a few at a time
CALL_TIMEOUT = 60.0
PROBE_INTERVAL = 0.1


@dataclass
class Phone:
    """One mentor's phone: its token and the values the server acknowledged."""

    index: int
    token: str = ""
    values: list[str] = field(default_factory=list)
    client: socketio.AsyncClient | None = None
    heard: set[str] = field(default_factory=set)  # events heard since the storm


@dataclass
class StormResult:
    """What the storm did: per phone, seconds from the storm's start until it was back."""

    back_s: list[float]
    failures: list[str]
    wrong_values: int
    connect_retries: int


async def connect(url: str, phone: Phone | None = None) -> socketio.AsyncClient:
    """A websocket connection; a phone's records every `timer` event it hears."""
    client = socketio.AsyncClient(reconnection=False)
    if phone is not None:
        client.on("timer", lambda _message: phone.heard.add("timer"))
    await client.connect(url, transports=["websocket"], wait_timeout=CALL_TIMEOUT)
    return client


async def join_phones(url: str, code: str, count: int, facilitator) -> list[Phone]:
    """`count` phones join in the lobby and name their values in the reflection; then the
    workshop moves to the themes phase, so each state carries a group and the web."""
    phones = [Phone(i) for i in range(count)]
    gate = asyncio.Semaphore(JOIN_CONCURRENCY)

    async def join(phone: Phone) -> None:
        async with gate:
            phone.client = await connect(url)
            ack = await phone.client.call("join", {"code": code, "name": f"Mentor {phone.index}"},
                                          timeout=CALL_TIMEOUT)
            assert ack["ok"], ack
            phone.token = ack["token"]

    async def name_values(phone: Phone) -> None:
        picks = random.Random(phone.index).sample(VALUES, VALUES_PER_PHONE)
        async with gate:
            for text in picks:
                ack = await phone.client.call("value:add", {"id": f"v-{phone.index}-{text}",
                                                            "text": text}, timeout=CALL_TIMEOUT)
                assert ack["ok"], ack
                phone.values.append(text)

    await asyncio.gather(*(join(phone) for phone in phones))
    assert (await facilitator.call("phase:set", {"phase": "reflect"}))["ok"]
    await asyncio.gather(*(name_values(phone) for phone in phones))
    for phase in ("groups", "themes"):
        assert (await facilitator.call("phase:set", {"phase": phase}))["ok"]
    return phones


async def reconnect_all(url: str, code: str, phones: list[Phone], deadline_s: float) -> StormResult:
    """Every phone at once: connect (retrying with jittered backoff, as socket.io's client
    does), `join` with its token, `sync`; back when its own values are all there."""
    start = time.monotonic()
    back, failures, wrong, retries = [], [], [0], [0]

    async def come_back(phone: Phone) -> None:
        delay = 0.5
        while True:
            try:
                phone.client = await connect(url, phone)
                break
            except Exception as error:  # refused or timed out: try again, as a phone would
                if time.monotonic() - start > deadline_s:
                    failures.append(f"connect: {type(error).__name__}: {error}")
                    return
                retries[0] += 1
                await asyncio.sleep(delay * random.uniform(0.5, 1.5))
                delay = min(delay * 2, 5.0)
        try:
            joined = await phone.client.call("join", {"code": code, "token": phone.token},
                                             timeout=CALL_TIMEOUT)
            synced = await phone.client.call("sync", {"since": joined["state"]["version"]},
                                             timeout=CALL_TIMEOUT)
        except Exception as error:
            failures.append(f"call: {type(error).__name__}: {error}")
            return
        if not (joined["ok"] and synced["ok"]):
            failures.append(f"refused: {joined.get('error')} {synced.get('error')}")
            return
        if sorted(v["text"] for v in synced["state"]["me"]["values"]) != sorted(phone.values):
            wrong[0] += 1
        back.append(time.monotonic() - start)

    await asyncio.gather(*(come_back(phone) for phone in phones))
    return StormResult(back, failures, wrong[0], retries[0])


async def everyone_hears(facilitator, phones: list[Phone], wait_s: float = 30.0) -> int:
    """How many phones, all connected at once, hear one broadcast (a countdown started)."""
    for phone in phones:
        phone.heard.discard("timer")
    assert (await facilitator.call("timer:set", {"seconds": 60}))["ok"]
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline and not all("timer" in p.heard for p in phones):
        await asyncio.sleep(0.1)
    return sum("timer" in p.heard for p in phones)


async def hang_up(clients) -> None:
    """Close every connection that is still open."""
    await asyncio.gather(*(c.disconnect() for c in clients if c is not None),
                         return_exceptions=True)


class HealthProbe:
    """Asks GET /healthz every PROBE_INTERVAL seconds in a process of its own and keeps how long
    each answer took (a request that failed or took over 10 s counts as 10 s)."""


    def __init__(self, url: str):
        context = multiprocessing.get_context("spawn")
        self._stop = context.Event()
        self._results = context.Queue()
        self._process = context.Process(target=_probe, args=(url, self._stop, self._results),
                                         daemon=True)

    def __enter__(self) -> "HealthProbe":
        self._process.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._process.join(30)

    def stop(self) -> list[float]:
        """Stop probing; every answer's seconds, in order."""
        self._stop.set()
        timings = self._results.get(timeout=30)
        self._process.join(30)
        return timings


def _probe(url: str, stop, results) -> None:
    timings = []
    while not stop.is_set():
        began = time.monotonic()
        try:  # a new connection each time, as another user's browser would open
            ok = requests.get(f"{url}/healthz", timeout=10).status_code == 200
        except requests.RequestException:
            ok = False
        timings.append(time.monotonic() - began if ok else 10.0)
        stop.wait(PROBE_INTERVAL)
    results.put(timings)
