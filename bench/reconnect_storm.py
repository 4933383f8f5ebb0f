"""Reconnect storm: N phones joined and named values, the server is killed and restarted, and
every phone comes back at once while another user keeps asking `/healthz`.

Run from the project root:

    .venv/bin/python bench/reconnect_storm.py                    # 1,000 phones, eventlet
    .venv/bin/python bench/reconnect_storm.py --phones 1200      # also: 1,200 connections at once
    .venv/bin/python bench/reconnect_storm.py --phones 200 --profile /tmp/storm

Per run: start `python app.py` (ASYNC_MODE, SQLite in a temporary directory), create a
workshop, join N phones (python-socketio AsyncClients over websocket in this process), let
each name 3 values, move to the themes phase (so every state carries a group and the web),
SIGKILL the server, start it again on the same port and file, then let every phone connect,
`join` with its token and `sync`, all at once. Measured: seconds until the last phone is back
with exactly its values; the worst `/healthz` answer during the storm (a separate process asks
every 0.1 s on a new connection); server CPU seconds and peak RSS over the storm; whether all
N phones, connected at the same time afterwards, hear one broadcast. The phones run on the same
machine as the server, and with 2 cores their own CPU time is part of what is measured.
"""

import argparse
import asyncio
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.live_server import LiveServer  # noqa: E402
from tests.server import storm  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phones", type=int, default=1000)
    parser.add_argument("--mode", default="eventlet", choices=["eventlet", "gevent", "threading"])
    parser.add_argument("--deadline", type=float, default=120.0,
                        help="seconds a phone keeps trying to connect before it counts as failed")
    parser.add_argument("--nice", type=int, default=0,
                        help="niceness for the server, the phones and the probe (negative: root "
                        "only), to keep other jobs on a shared machine from skewing the figures")
    parser.add_argument("--profile", type=Path, metavar="DIR",
                        help="record the restarted server with py-spy during the storm")
    parser.add_argument("--env", nargs="*", default=[], metavar="NAME=VALUE",
                        help="extra settings for the server, e.g. MAX_CONNECTIONS=1024")
    args = parser.parse_args()
    print(_table([run(args)]))


def run(args) -> dict:
    """One storm; the server is stopped whatever happens."""
    with tempfile.TemporaryDirectory(prefix="mentorkompas-storm-") as tmp:
        extra = {"MAX_PARTICIPANTS": str(max(args.phones, 1000))}
        extra.update(setting.split("=", 1) for setting in args.env)
        server = LiveServer(f"sqlite:///{Path(tmp) / 'storm.db'}", Path(tmp) / "server.log",
                            args.mode, extra)
        try:
            server.start()
            return asyncio.run(_storm(server, args))
        except BaseException:
            print(server.log()[-3000:], file=sys.stderr)
            raise
        finally:
            server.stop()


async def _storm(server: LiveServer, args) -> dict:
    workshop = requests.post(f"{server.url}/api/workshops", json={"title": "Regiodag"},
                             timeout=10).json()
    facilitate = {"workshop_id": workshop["id"], "token": workshop["facilitator_token"]}
    facilitator = await storm.connect(server.url)
    assert (await facilitator.call("facilitate", facilitate))["ok"]
    began = time.monotonic()
    phones = await storm.join_phones(server.url, workshop["code"], args.phones, facilitator)
    print(f"-- {args.phones} phones joined and named values in {time.monotonic() - began:.1f} s",
          file=sys.stderr, flush=True)
    await storm.hang_up([facilitator] + [phone.client for phone in phones])

    server.restart()
    process = psutil.Process(server.process.pid)
    if args.nice:  # the probe, started below, inherits this process's niceness
        for each in (process, psutil.Process()):
            each.nice(args.nice)
    profiler = _profile(server.process.pid, args.profile, args.mode, args.phones)
    load_average = os.getloadavg()[0]
    cpu_before = sum(process.cpu_times()[:2])
    own_before = time.process_time()
    with storm.HealthProbe(server.url) as probe:
        await asyncio.sleep(0.5)  # a few answers at rest first
        result = await storm.reconnect_all(server.url, workshop["code"], phones, args.deadline)
        healthz = probe.stop()
    cpu = sum(process.cpu_times()[:2]) - cpu_before
    own = time.process_time() - own_before
    if profiler:
        profiler.send_signal(signal.SIGINT)
        profiler.wait(60)
    connected = len(process.net_connections(kind="tcp"))
    leader = await storm.connect(server.url)
    assert (await leader.call("facilitate", facilitate))["ok"]
    heard = await storm.everyone_hears(leader, phones)
    rss = psutil.Process(server.process.pid).memory_info().rss
    await storm.hang_up([leader] + [phone.client for phone in phones])
    return {
        "mode": args.mode, "phones": args.phones, "back": len(result.back_s),
        "all_back_s": max(result.back_s, default=float("nan")),
        "median_back_s": sorted(result.back_s)[len(result.back_s) // 2] if result.back_s
        else float("nan"),
        "healthz_worst_s": max(healthz), "healthz_probes": len(healthz),
        "failures": len(result.failures), "errors": sorted(set(result.failures))[:3],
        "wrong_values": result.wrong_values, "retries": result.connect_retries,
        "server_cpu_s": cpu, "gen_cpu_s": own, "rss_mb": rss / 2**20,
        "connections": connected, "heard": heard, "load_avg": load_average,
    }


def _profile(pid: int, directory: Path | None, mode: str, phones: int):
    if not directory:
        return None
    directory.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen(
        [str(Path(sys.executable).parent / "py-spy"), "record", "--pid", str(pid), "--rate", "100",
         "--format", "raw", "--output", str(directory / f"storm-{mode}-{phones}.folded")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _table(rows: list[dict]) -> str:
    lines = ["| mode | phones | back | all back s | median back s | worst /healthz s "
             "| probes | failures | wrong values | connect retries | server CPU s | gen. CPU s "
             "| RSS after MB | server TCP conns | heard broadcast | load avg |",
             "|---|" + "---:|" * 15]
    for r in rows:
        lines.append(
            f"| {r['mode']} | {r['phones']} | {r['back']} | {r['all_back_s']:.1f} "
            f"| {r['median_back_s']:.1f} | {r['healthz_worst_s']:.2f} | {r['healthz_probes']} "
            f"| {r['failures']} | {r['wrong_values']} | {r['retries']} | {r['server_cpu_s']:.1f} "
            f"| {r['gen_cpu_s']:.1f} | {r['rss_mb']:.0f} | {r['connections']} | {r['heard']} "
            f"| {r['load_avg']:.1f} |")
        if r["errors"]:
            lines.append(f"<!-- errors: {r['errors']} -->")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
