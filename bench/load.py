"""Load benchmark: N phones add values to one workshop on the real server, timed end to end.

Run from the project root:

    .venv/bin/python bench/load.py                        # N = 50, 200, 500 x 3 modes, 60 s
    .venv/bin/python bench/load.py --sizes 50 --modes eventlet --duration 10   # a quick look
    .venv/bin/python bench/load.py --servers 2 --modes eventlet \\
        --database-url postgresql://postgres@127.0.0.1/postgres \\
        --message-queue redis://127.0.0.1:6379/0          # two processes, half the phones each

Per run: start `python app.py` (ASYNC_MODE, SQLite in a temporary directory, or a fresh
PostgreSQL database made next to --database-url and dropped afterwards), create a workshop,
connect the facilitator (to the first server) and the projector (to the last), join N
phones from worker processes (python-socketio AsyncClients over websocket, many per process),
move the workshop to the `themes` phase (via reflect and groups, so groups are formed), then
every phone adds 5 values drawn from values_dev.json at random moments of the run.

Measured: `value:add` to its ack; `value:add` to the first projector `themes` snapshot that
contains the value (the projector hears `themes` from the themes phase on, hence the phase);
values lost or duplicated, checked in the database; whether the saved theme engine holds
exactly the database's live values; connection failures (failed joins, unexpected
disconnects, value:add errors or timeouts); server CPU (percent of one core over the load
window) and peak RSS; the worst event-loop lag of the load generator itself.
"""

import argparse
import asyncio
import json
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import psutil
import requests
import socketio
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from load_phones import PhonePlan, Report, run_worker  # noqa: E402

from tests.live_server import LiveServer  # noqa: E402
from workshop.service.theme_cache import current_engine  # noqa: E402
from workshop.storage import Store  # noqa: E402
from workshop.storage.tables import values  # noqa: E402

VALUES_FILE = ROOT.parent / "shared" / "data" / "values_dev.json"
VALUES_PER_PHONE = 5
PHONES_PER_WORKER = 250
DRAIN_SECONDS = 15.0


def main() -> None:
    """Run every size under every mode and print one table."""
    args = _arguments()
    texts = _value_texts(args.values_file)
    rows = []
    for mode in args.modes:
        for size in args.sizes:
            print(f"-- {mode}, N={size}, {args.duration:g} s, {args.servers} process(es)",
                  file=sys.stderr, flush=True)
            rows.append(run_once(mode, size, args, texts))
            print(_table([rows[-1]]), file=sys.stderr, flush=True)
    print(_table(rows))


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 500])
    parser.add_argument("--modes", nargs="+", default=["eventlet", "gevent", "threading"])
    parser.add_argument("--duration", type=float, default=60.0,
                        help="seconds over which each phone's values are spread")
    parser.add_argument("--servers", type=int, default=1)
    parser.add_argument("--database-url", help="PostgreSQL server to make a fresh database on "
                        "(required with --servers 2); default: SQLite in a temporary directory")
    parser.add_argument("--message-queue", help="e.g. redis://127.0.0.1:6379/0")
    parser.add_argument("--values-file", type=Path, default=VALUES_FILE)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--keep-logs", action="store_true", help="print the server logs' tails")
    parser.add_argument("--nice", type=int, default=0,
                        help="niceness for the servers and the load generator (negative: root "
                        "only), to keep other jobs on a shared machine from skewing the figures")
    parser.add_argument("--profile", type=Path, metavar="DIR",
                        help="record each server with py-spy into DIR, the join and the load "
                        "window apart")
    args = parser.parse_args()
    if args.servers > 1 and not (args.database_url and args.message_queue):
        parser.error("several servers need --database-url (PostgreSQL) and --message-queue")
    return args


def _value_texts(path: Path) -> list[str]:
    """Distinct value texts (by case) from the development set: what real mentors typed."""
    data = json.loads(path.read_text())
    unique = {}
    for workshop in data["workshops"]:
        for response in workshop["responses"]:
            unique.setdefault(response["text"].casefold(), response["text"])
    return sorted(unique.values())


# ---- one run ---------------------------------------------------------------------------------

def run_once(mode: str, size: int, args: argparse.Namespace, texts: list[str]) -> dict:
    """Start the server(s), run the load, check the database, stop everything."""
    with tempfile.TemporaryDirectory(prefix="mentorkompas-load-") as tmp:
        tmp = Path(tmp)
        with _database(args.database_url, tmp) as database_url:
            extra = {"MESSAGE_QUEUE": args.message_queue} if args.message_queue else {}
            servers = [LiveServer(database_url, tmp / f"server{i}.log", mode, extra)
                       for i in range(args.servers)]
            finished = False
            try:
                for server in servers:
                    server.start()
                sampler = _Sampler([psutil.Process(s.process.pid) for s in servers])
                _renice([s.process.pid for s in servers] + [os.getpid()], args.nice)
                profile = _Profile(servers, args, f"{mode}-{size}")
                result = asyncio.run(_load(servers, size, args, texts, sampler, profile))
                profile.stop()
                result.update(_check_database(database_url, result.pop("workshop_id"),
                                              result.pop("acked_ids")))
                result.update(mode=mode, size=size, servers=args.servers)
                finished = True
                return result
            finally:
                for server in servers:
                    server.stop()
                if args.keep_logs or not finished:  # a failed run shows why
                    for server in servers:
                        print(server.log()[-3000:], file=sys.stderr)


class _Profile:
    """py-spy (a sampling profiler from PyPI) on each server, one file per window and server:
    DIR/<mode>-<N>-join-<i>.folded while the phones join, -load- while they add values."""

    def __init__(self, servers: list[LiveServer], args, name: str):
        self.servers, self.directory, self.name = servers, args.profile, name
        self.running: list[subprocess.Popen] = []
        if self.directory:
            self.directory.mkdir(parents=True, exist_ok=True)

    def window(self, label: str) -> None:
        """Stop the recording of the previous window and start one for `label`."""
        self.stop()
        if not self.directory:
            return
        self.running = [subprocess.Popen(
            [str(Path(sys.executable).parent / "py-spy"), "record", "--pid", str(s.process.pid),
             "--rate", "50", "--format", "raw",
             "--output", str(self.directory / f"{self.name}-{label}-{i}.folded")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for i, s in enumerate(self.servers)]

    def stop(self) -> None:
        """py-spy writes its file when interrupted."""
        for profiler in self.running:
            profiler.send_signal(signal.SIGINT)
        for profiler in self.running:
            profiler.wait(60)
        self.running = []


def _renice(pids: list[int], niceness: int) -> None:
    if niceness:
        for pid in pids:
            psutil.Process(pid).nice(niceness)


class _database:
    """SQLite in the run's directory, or a fresh PostgreSQL database dropped afterwards."""

    def __init__(self, url: str | None, tmp: Path):
        self.url, self.tmp, self.created = url, tmp, None

    def __enter__(self) -> str:
        if not self.url:
            return f"sqlite:///{self.tmp / 'load.db'}"
        import psycopg

        self.created = f"mentorkompas_bench_{uuid.uuid4().hex[:10]}"
        server = make_url(self.url)
        with psycopg.connect(_libpq(server), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{self.created}"')
        return server.set(database=self.created).render_as_string(hide_password=False)

    def __exit__(self, *_exc) -> None:
        if self.created:
            import psycopg

            with psycopg.connect(_libpq(make_url(self.url)), autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.created}" WITH (FORCE)')


def _libpq(url) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


class _Sampler:
    """Server CPU seconds over the load window and resident memory, sampled 5 times a second."""

    def __init__(self, processes: list[psutil.Process]):
        self.processes = processes
        self.peak_rss = [0] * len(processes)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.wait(0.2):
            for i, process in enumerate(self.processes):
                try:
                    self.peak_rss[i] = max(self.peak_rss[i], process.memory_info().rss)
                except psutil.Error:
                    pass

    def cpu_seconds(self) -> float:
        """User plus system CPU time of all servers so far."""
        return sum(sum(p.cpu_times()[:2]) for p in self.processes)

    def stop(self) -> list[int]:
        """Peak RSS per process in bytes (VmHWM, the kernel's own peak, when readable)."""
        self._stop.set()
        self._thread.join()
        peaks = []
        for process, sampled in zip(self.processes, self.peak_rss, strict=True):
            try:
                status = Path(f"/proc/{process.pid}/status").read_text()
                hwm = next(int(line.split()[1]) * 1024 for line in status.splitlines()
                           if line.startswith("VmHWM:"))
                peaks.append(max(hwm, sampled))
            except (OSError, StopIteration):
                peaks.append(sampled)
        return peaks


async def _load(servers: list[LiveServer], size: int, args, texts: list[str],
                sampler: _Sampler, profile: _Profile) -> dict:
    first, last = servers[0].url, servers[-1].url
    workshop = requests.post(f"{first}/api/workshops", json={
        "title": "Regionale trainingsdag", "team": "Mentoren", "values_per_person": 5,
    }, timeout=10).json()
    facilitator = socketio.AsyncClient(reconnection=False)
    await facilitator.connect(first, transports=["websocket"], wait_timeout=30)
    ack = await facilitator.call("facilitate", {"workshop_id": workshop["id"],
                                                "token": workshop["facilitator_token"]})
    projector = socketio.AsyncClient(reconnection=False)
    await projector.connect(last, transports=["websocket"], wait_timeout=30)
    assert (await projector.call("present", {"workshop_id": workshop["id"],
                                             "key": ack["state"]["presenter_key"]}))["ok"]
    seen = {"projector": {}, "facilitator": {}}
    doubled = {"n": 0}

    def listener(who):
        def on_themes(message):
            now = time.monotonic()
            ids = [v["id"] for theme in message["themes"] for v in theme["values"]]
            doubled["n"] = max(doubled["n"], len(ids) - len(set(ids)))
            for value_id in ids:
                seen[who].setdefault(value_id, now)
        return on_themes

    projector.on("themes", listener("projector"))
    facilitator.on("themes", listener("facilitator"))

    rng = random.Random(args.seed)
    urls = [s.url for s in servers]
    plans = [PhonePlan(urls[i % len(urls)], f"Mentor {i + 1}", [
        (offset, uuid.uuid4().hex, text)
        for offset, text in zip(sorted(rng.uniform(0.5, args.duration)
                                       for _ in range(VALUES_PER_PHONE)),
                                rng.sample(texts, VALUES_PER_PHONE), strict=True)
    ]) for i in range(size)]
    workers = max(1, -(-size // PHONES_PER_WORKER))
    context = multiprocessing.get_context("spawn")
    pipes, processes = [], []
    for w in range(workers):
        here, there = context.Pipe()
        process = context.Process(target=run_worker, daemon=True,  # gone if the run fails
                                  args=(there, workshop["code"], plans[w::workers]))
        process.start()
        _renice([process.pid], args.nice)
        pipes.append(here)
        processes.append(process)
    loop = asyncio.get_running_loop()
    profile.window("join")
    join_started = time.monotonic()
    joined, join_failures = 0, []
    for pipe in pipes:
        _message, count, failures = await loop.run_in_executor(None, pipe.recv)
        joined += count
        join_failures += failures
    join_seconds = time.monotonic() - join_started

    for phase in ("reflect", "groups", "themes"):
        assert (await facilitator.call("phase:set", {"phase": phase}))["ok"]
    await asyncio.sleep(1.0)  # let the phase broadcasts settle
    load_average = os.getloadavg()[0]  # other work on the machine competes for its 2 cores
    profile.window("load")
    cpu_before, start = sampler.cpu_seconds(), time.monotonic() + 0.5
    for pipe in pipes:
        pipe.send(("go", start))
    reports: list[Report] = [(await loop.run_in_executor(None, pipe.recv))[1] for pipe in pipes]
    load_end = time.monotonic()
    cpu = sampler.cpu_seconds() - cpu_before
    profile.stop()
    sent = [s for report in reports for s in report.sent]
    acked = {s.value_id for s in sent if s.value_id}
    deadline = time.monotonic() + DRAIN_SECONDS
    while time.monotonic() < deadline and not acked <= seen["projector"].keys():
        await asyncio.sleep(0.1)
    for pipe in pipes:
        pipe.send(("bye", None))
    for process in processes:
        process.join(30)
    await facilitator.disconnect()
    await projector.disconnect()
    peak_rss = sampler.stop()

    ok = [s for s in sent if s.value_id]
    return {
        "workshop_id": workshop["id"],
        "acked_ids": acked,
        "phones": joined,
        "join_s": join_seconds,
        "sent": len(sent),
        "acked": len(acked),
        "ack_ms": _percentiles([(s.acked - s.sent) * 1000 for s in ok]),
        "projector_ms": _percentiles([(seen["projector"][s.value_id] - s.sent) * 1000
                                      for s in ok if s.value_id in seen["projector"]]),
        "facilitator_ms": _percentiles([(seen["facilitator"][s.value_id] - s.sent) * 1000
                                        for s in ok if s.value_id in seen["facilitator"]]),
        "unseen": len(acked - seen["projector"].keys()),
        "doubled_in_web": doubled["n"],
        "conn_failures": len(join_failures) + sum(r.disconnects for r in reports)
        + sum(1 for s in sent if s.error),
        "errors": sorted({s.error for s in sent if s.error} | set(join_failures))[:5],
        "cpu_pct": 100 * cpu / max(load_end - start, 1e-9),
        "rss_mb": [round(b / 2**20) for b in peak_rss],
        "load_avg": load_average,
        "gen_cpu_pct": 100 * sum(r.cpu_seconds for r in reports) / max(load_end - start, 1e-9),
        "gen_lag_ms": max((lag for r in reports for lag in r.loop_lag_ms), default=0.0),
        "workers": workers,
    }


def _check_database(url: str, workshop_id: str, acked: set[str]) -> dict:
    """Lost (acked, not stored), extra (stored, never acked), duplicated client ids, and
    whether the saved theme engine holds exactly the live values."""
    store = Store(url)
    try:
        with store.engine.connect() as c:
            rows = c.execute(select(values.c.id, values.c.removed)
                             .where(values.c.workshop_id == workshop_id)).all()
            duplicated = c.execute(
                select(func.count()).select_from(
                    select(values.c.participant_id, values.c.client_id)
                    .where(values.c.workshop_id == workshop_id)
                    .group_by(values.c.participant_id, values.c.client_id)
                    .having(func.count() > 1).subquery())).scalar_one()
        with store.transaction() as tx:  # the saved engine: snapshot plus the logged changes
            state = current_engine(tx, workshop_id)[1].to_state()
    finally:
        store.dispose()
    stored = {row.id for row in rows}
    live = {row.id for row in rows if not row.removed}
    engine_ids = {v["id"] for v in (state or {}).get("values", [])}
    return {"lost": len(acked - stored), "extra": len(stored - acked), "duplicated": duplicated,
            "engine_mismatch": len(engine_ids ^ live)}


# ---- report ----------------------------------------------------------------------------------

def _percentiles(samples: list[float]) -> tuple[float, float, float] | None:
    if not samples:
        return None
    ordered = sorted(samples)

    def rank(q):
        return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered) + 0.5) - 1))]

    return rank(0.50), rank(0.95), rank(0.99)


def _ms(triple) -> str:
    return " / ".join(f"{x:.0f}" for x in triple) if triple else "–"


def _table(rows: list[dict]) -> str:
    head = ("| mode | procs | N | values acked/sent | ack p50/p95/p99 ms "
            "| projector p50/p95/p99 ms | facilitator p50/p95/p99 ms | lost | dup | unseen "
            "| engine≠DB | conn. failures | server CPU % | peak RSS MB | join s "
            "| gen. CPU % | gen. lag max ms | load avg |")
    lines = [head, "|" + "---|" * 3 + "---:|" * 15]
    for r in rows:
        lines.append(
            f"| {r['mode']} | {r['servers']} | {r['size']} | {r['acked']}/{r['sent']} "
            f"| {_ms(r['ack_ms'])} | {_ms(r['projector_ms'])} | {_ms(r['facilitator_ms'])} "
            f"| {r['lost']} | {r['duplicated'] + r['doubled_in_web']} | {r['unseen']} "
            f"| {r['engine_mismatch']} | {r['conn_failures']} | {r['cpu_pct']:.0f} "
            f"| {' + '.join(map(str, r['rss_mb']))} | {r['join_s']:.1f} "
            f"| {r['gen_cpu_pct']:.0f} | {r['gen_lag_ms']:.0f} | {r['load_avg']:.1f} |")
        if r["errors"]:
            lines.append(f"<!-- errors: {r['errors']} -->")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
