"""Time every export format, and the import, for workshops of up to 1,000 mentors.

Run from the project root:

    .venv/bin/python bench/export.py [--mentors 100 1000] [--runs 3]

A workshop of N mentors with 5 values each (from the built-in value deck), groups of 4,
50 drafts with dots, and two canvases of 40 goals is written as a version-1 JSON document,
imported through the real use case into a fresh SQLite file, and then exported in every
format. Each export reads its snapshot from the database and renders it; times are medians.
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workshop.canvas import DOMAINS  # noqa: E402
from workshop.service import exports  # noqa: E402
from workshop.storage import Store  # noqa: E402
from workshop.themes import ThemeEngine, value_deck  # noqa: E402

VALUES_PER_MENTOR = 5


def document(mentors: int, seed: int = 7) -> dict:
    """A finished workshop as an export document, themes grouped by the real engine."""
    rng = random.Random(seed)
    deck = value_deck()
    people = [{"id": f"p{i}", "number": i + 1, "name": f"Mentor van klas {i + 1}"}
              for i in range(mentors)]
    values, engine = [], ThemeEngine()
    for person in people:
        for text in rng.sample(deck, VALUES_PER_MENTOR):
            value = {"id": f"v{len(values)}", "participant": person["id"], "text": text,
                     "why": "Omdat leerlingen zich dan gezien voelen." if rng.random() < 0.3
                     else "", "marked": rng.random() < 0.2}
            values.append(value)
            engine.add(value["id"], text, person["id"])
    state = engine.to_state()
    periods = [{"id": f"per{i}", "name": f"Periode {i + 1}"} for i in range(4)]
    drafts = [{"id": f"d{i}", "participant": f"p{i}", "group": None, "merged_into": None,
               "text": f"Wij geven elke leerling vertrouwen en ruimte om te groeien ({i}).",
               "votes": [{"participant": f"p{j}", "count": 1}
                         for j in range(i, mentors, 50)]} for i in range(min(50, mentors))]
    canvases = [{
        "id": f"c{c}", "name": f"Leerjaar {c + 1}", "doelgroep": "Brugklassers en tweedejaars.",
        "visions": [{"id": f"vis{c}-{i}", "participant": None, "text": f"Visie {i}",
                     "kept": True} for i in range(5)],
        "goals": [{"id": f"g{c}-{i}", "participant": f"p{i}", "liked_by": [f"p{i + 1}"],
                   "text": f"De leerling kan een planning maken voor week {i + 1}.",
                   "domain": DOMAINS[i % len(DOMAINS)][0], "period": f"per{i % 4}",
                   "theme": "", "lesson": i % 3 == 0} for i in range(40)],
    } for c in range(2)]
    return {
        "format": "mentorkompas-workshop", "schema_version": 1,
        "exported_at": "2026-06-01T12:00:00Z",
        "workshop": {"id": "w", "title": "Regionale trainingsdag", "team": "Alle mentoren",
                     "created_at": datetime(2026, 6, 1, tzinfo=UTC).isoformat(),
                     "phase": "closed", "language": "nl", "anonymous": False,
                     "values_per_person": 5, "group_size": 4, "votes_per_person": 3,
                     "hide_counts": False,
                     "mission": "Wij geven elke leerling vertrouwen en ruimte om te groeien."},
        "participants": people,
        "groups": [{"number": g + 1, "name": "", "members": [p["id"] for p in people[g::250]]}
                   for g in range(min(250, mentors))],
        "values": values,
        "themes": [{**theme, "recognised_by": []} for theme in state["themes"]],
        "theme_routing": {key: state[key] for key in ("next_id", "routes", "retired")},
        "drafts": drafts, "periods": periods, "canvases": canvases,
    }


def timed(action, runs: int) -> tuple[float, float, object]:
    """Median and worst seconds of `runs` calls, and the last result."""
    seconds, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds), max(seconds), result


def bench(mentors: int, runs: int) -> None:
    """Import one workshop of `mentors` mentors, export it in every format, print the rows."""
    doc = document(mentors)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{folder}/bench.db")
        median, worst, created = timed(lambda: exports.import_workshop(store, doc, mentors), 1)
        print(f"| {mentors:,} | {len(doc['values']):,} | import (JSON → database) "
              f"| {median:.2f} | {worst:.2f} | |")
        for format_ in exports.FORMATS:
            median, worst, (data, _, _) = timed(
                lambda f=format_: exports.export(store, created.workshop.id, f), runs)
            print(f"| {mentors:,} | {len(doc['values']):,} | export {format_} "
                  f"| {median:.2f} | {worst:.2f} | {len(data) / 1024:,.0f} KB |")
        store.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentors", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print("| mentors | values | step | median (s) | worst (s) | size |")
    print("|---:|---:|---|---:|---:|---:|")
    for mentors in args.mentors:
        bench(mentors, args.runs)


if __name__ == "__main__":
    main()
