"""The simulated phones of bench/load.py: many asyncio Socket.IO clients in one process.

Each worker process joins its share of phones, reports, waits for the start signal, then lets
every phone add its values at its planned moments and sends back what happened. Times are
`time.monotonic()`, which on Linux is one clock for all processes of the machine, so the
orchestrator can compare a phone's send time with the moment the projector saw the value.
"""

import asyncio
import time
from dataclasses import dataclass, field

import socketio

JOIN_CONCURRENCY = 20  # phones connecting at once per worker: a busy staff room, not a storm
CALL_TIMEOUT = 30.0
LAG_TICK = 0.05


@dataclass
class PhonePlan:
    """One phone: which server it talks to, its name, and its values with their send offsets."""

    url: str
    name: str
    values: list[tuple[float, str, str]]  # (seconds after the start, client id, text)


@dataclass
class Sent:
    """One `value:add` as the phone saw it."""

    client_id: str
    text: str
    sent: float
    acked: float | None = None
    value_id: str | None = None
    error: str | None = None


@dataclass
class Report:
    """What one worker sends back."""

    joined: int = 0
    join_failures: list[str] = field(default_factory=list)
    disconnects: int = 0
    sent: list[Sent] = field(default_factory=list)
    loop_lag_ms: list[float] = field(default_factory=list)
    cpu_seconds: float = 0.0  # this worker's own CPU time while the values were sent


def run_worker(conn, code: str, plans: list[PhonePlan]) -> None:
    """Process entry point: join, report, wait for ("go", start), add values, report again."""
    asyncio.run(_worker(conn, code, plans))


async def _worker(conn, code: str, plans: list[PhonePlan]) -> None:
    loop = asyncio.get_running_loop()
    report = Report()
    closing = False

    def lost_connection():
        if not closing:
            report.disconnects += 1

    gate = asyncio.Semaphore(JOIN_CONCURRENCY)
    phones = await asyncio.gather(*(_join(plan, code, gate, report, lost_connection)
                                    for plan in plans))
    conn.send(("joined", report.joined, report.join_failures))
    message, start = await loop.run_in_executor(None, conn.recv)
    assert message == "go"
    ticker = asyncio.create_task(_measure_lag(report.loop_lag_ms))
    cpu_before = time.process_time()
    await asyncio.gather(*(_add_values(client, plan, start, report.sent)
                           for client, plan in zip(phones, plans, strict=True) if client))
    report.cpu_seconds = time.process_time() - cpu_before
    ticker.cancel()
    conn.send(("done", report))
    # wait until the orchestrator has checked the projector before hanging up
    await loop.run_in_executor(None, conn.recv)
    closing = True
    await asyncio.gather(*(client.disconnect() for client in phones if client),
                         return_exceptions=True)


async def _join(plan: PhonePlan, code: str, gate: asyncio.Semaphore, report: Report,
                lost_connection) -> socketio.AsyncClient | None:
    client = socketio.AsyncClient(reconnection=False)
    client.on("disconnect", lost_connection)
    async with gate:
        try:
            await client.connect(plan.url, transports=["websocket"], wait_timeout=30)
            ack = await client.call("join", {"code": code, "name": plan.name},
                                    timeout=CALL_TIMEOUT)
        except Exception as error:  # a failed connection is a result, not a crash
            report.join_failures.append(f"{type(error).__name__}: {error}")
            return None
    if not ack.get("ok"):
        report.join_failures.append(f"join refused: {ack.get('error')}")
        await client.disconnect()
        return None
    report.joined += 1
    return client


async def _add_values(client: socketio.AsyncClient, plan: PhonePlan, start: float,
                      out: list[Sent]) -> None:
    for offset, client_id, text in plan.values:
        await asyncio.sleep(max(0.0, start + offset - time.monotonic()))
        sent = Sent(client_id, text, time.monotonic())
        out.append(sent)
        try:
            ack = await client.call("value:add", {"id": client_id, "text": text},
                                    timeout=CALL_TIMEOUT)
        except Exception as error:
            sent.error = type(error).__name__
            continue
        sent.acked = time.monotonic()
        if ack.get("ok"):
            sent.value_id = ack["value_id"]
        else:
            sent.error = ack.get("error")


async def _measure_lag(out: list[float]) -> None:
    """How late this worker's own event loop wakes up: if large, the generator is the limit."""
    while True:
        before = time.monotonic()
        await asyncio.sleep(LAG_TICK)
        out.append((time.monotonic() - before - LAG_TICK) * 1000)
