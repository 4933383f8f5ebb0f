"""Time POST /api/workshops/import for the largest valid files and for hostile ones.

Run from the project root:

    .venv/bin/python bench/imports.py [--runs 3]

Each file goes through the real route (Flask test client: reading, schema, rules, the
insert) into a fresh SQLite file. Valid files are bench/export.py's training day; hostile
files are near the 5 MB cap: 60,000 mentors, 2.5 million levels of nesting, one 5 MB value,
and the largest thing the live path allows without a per-mentor limit, facilitator goals.
"""

import argparse
import copy
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from export import document  # noqa: E402  (bench/export.py)

from workshop.web import create_app  # noqa: E402

CAP = 5 * 1024 * 1024


def _goals(base: dict) -> bytes:
    """As many facilitator goals (no mentor: no per-mentor limit) as fit in the cap."""
    doc = copy.deepcopy(base)
    goal = {"id": "", "participant": None, "text": "De leerling kan een weekplanning maken "
            "en bespreekt die elke vrijdag met de mentor.", "domain": "studiebegeleiding",
            "period": doc["periods"][0]["id"], "theme": "", "lesson": False, "liked_by": []}
    size = len(json.dumps(goal)) + 30
    count = (CAP - len(json.dumps(doc))) // size
    doc["canvases"][0]["goals"] = [{**goal, "id": f"goal{i:08d}"} for i in range(count)]
    return json.dumps(doc).encode()


def files() -> list[tuple[str, bytes]]:
    """(description, body) for each measured upload."""
    small, large = document(100), document(1000)
    crowd = copy.deepcopy(small)
    crowd["participants"] = [{"id": f"{i:024x}", "number": i + 1, "name": f"Mentor {i}"}
                             for i in range(60_000)]
    long_value = copy.deepcopy(small)
    long_value["values"][0]["text"] = "x" * (CAP - 200_000)
    depth = (CAP - 100) // 2
    return [
        ("valid: 100 mentors, 500 values", json.dumps(small).encode()),
        ("valid: 1,000 mentors, 5,000 values", json.dumps(large).encode()),
        ("valid: 1,000 mentors + facilitator goals up to 5 MB", _goals(large)),
        ("hostile: 60,000 mentors", json.dumps(crowd).encode()),
        ("hostile: nesting 2.6 million deep", b"[" * depth + b"]" * depth),
        ("hostile: one value of 4.8 MB", json.dumps(long_value).encode()),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print("| file | size | answer | median (s) | worst (s) |")
    print("|---|---:|---|---:|---:|")
    for name, body in files():
        seconds, status = [], None
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory() as folder:
                app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{folder}/b.db",
                                  "ASYNC_MODE": "threading", "SECRET_KEY": "bench",
                                  "PUBLIC_URL": "http://192.0.2.1:5000",
                                  "RATELIMIT_ENABLED": False})
                client = app.test_client()
                start = time.perf_counter()
                response = client.post("/api/workshops/import", data=body,
                                       content_type="application/json")
                seconds.append(time.perf_counter() - start)
                status = f"{response.status_code} {response.get_json().get('error', '')}"
                app.extensions["store"].dispose()
        print(f"| {name} | {len(body) / 1024 / 1024:.1f} MB | {status.strip()} "
              f"| {statistics.median(seconds):.2f} | {max(seconds):.2f} |")


if __name__ == "__main__":
    main()
