"""Start the real server (`python app.py`) as a subprocess on a free port, for end-to-end tests."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """A port nobody listens on now (eventlet's SO_REUSEPORT would share a taken one silently)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LiveServer:
    """One server process; `restart()` keeps port and database, as a real restart would."""

    def __init__(self, database_url: str, log_path: Path, async_mode: str = "eventlet",
                 extra_env: dict | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.env = {
            **os.environ,
            "HOST": "127.0.0.1",
            "PORT": str(self.port),
            "PUBLIC_URL": self.url,
            "DATABASE_URL": database_url,
            "ASYNC_MODE": async_mode,
            "SECRET_KEY": "live-server-test",
            **(extra_env or {}),
        }
        self.process = None

    def start(self) -> "LiveServer":
        """Launch and wait until /healthz answers."""
        with self.log_path.open("ab") as log:  # the child keeps its own copy of the handle
            self.process = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=self.env,
                                            stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.log_path.read_text()[-2000:]}")
            try:
                if requests.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return self
            except requests.ConnectionError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"server did not answer: {self.log_path.read_text()[-2000:]}")

    def kill(self) -> None:
        """SIGKILL: no shutdown code runs, as when the power goes."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        """End the process politely, then for sure."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()

    def restart(self) -> "LiveServer":
        """Kill and start again on the same port and database."""
        self.kill()
        return self.start()

    def log(self) -> str:
        """Everything the server printed."""
        return self.log_path.read_text(errors="replace")
