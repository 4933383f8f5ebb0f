"""What learning from corrections buys, and what it costs per arrival (used by bench/themes.py).

On its own it prints only the learning table, for any value set in the development sets'
format (the hand-written blind set leaves more to correct than the development sets):

    .venv/bin/python bench/themes_learning.py bench/data/values_blind.json

Corrections: workshop 1 of a development set is grouped by the live engine; the facilitator
then makes the corrections that reach the human grouping (each human theme keeps the engine
theme that holds most of it, matched one to one; every other value is moved there, or split
off under the human theme's name when no engine theme is left for it); those corrections
teach. Workshops 2.. are then grouped with and without what was learned. A correction is
one value moved.
"""

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np
from scipy.optimize import linear_sum_assignment
from sklearn.metrics import adjusted_rand_score

from workshop import codes, service
from workshop.storage import Store
from workshop.themes import ThemeEngine
from workshop.themes.learning import (
    Lesson,
    TaughtPlacement,
    lessons_of_correction,
    prevailing_label,
)
from workshop.themes.normalise import normalise, readable

LEARNED_FORMS = 10_000
TAUGHT_AT = datetime(2026, 1, 5, tzinfo=UTC)
ARRIVALS_TIMED = 25


def _grouped(workshop: dict, lessons: dict[str, list[TaughtPlacement]]) -> ThemeEngine:
    """The live web of one workshop, each value placed as it arrives (with lessons, if any)."""
    engine = ThemeEngine()
    for i, response in enumerate(workshop["responses"]):
        learned = prevailing_label(lessons.get(normalise(response["text"]), []))
        engine.add(str(i), response["text"], response["participant"],
                   *([learned] if learned else []))
    return engine


def _matching(engine: ThemeEngine, truth: list[str]) -> dict[str, str]:
    """Human theme -> the engine theme it keeps, matched one to one for the most overlap."""
    humans = sorted(set(truth))
    ours = sorted({engine.theme_of(str(i)) for i in range(len(truth))})
    overlap = np.zeros((len(humans), len(ours)))
    for i, human in enumerate(truth):
        overlap[humans.index(human), ours.index(engine.theme_of(str(i)))] += 1
    rows, cols = linear_sum_assignment(-overlap)
    return {humans[r]: ours[c] for r, c in zip(rows, cols, strict=True) if overlap[r, c] > 0}


def corrections_needed(engine: ThemeEngine, truth: list[str]) -> int:
    """Values a facilitator must move to reach the human grouping."""
    kept = _matching(engine, truth)
    return sum(kept.get(human) != engine.theme_of(str(i)) for i, human in enumerate(truth))


def correct(engine: ThemeEngine, truth: list[str]) -> list[Lesson]:
    """Make the facilitator's corrections; return what they teach."""
    kept, moved = _matching(engine, truth), []
    for human in sorted(set(truth)):
        misplaced = [str(i) for i, h in enumerate(truth)
                     if h == human and engine.theme_of(str(i)) != kept.get(human)]
        if not misplaced:
            continue
        if human in kept:
            for value_id in misplaced:
                engine.move(value_id, kept[human])
        else:
            kept[human] = engine.split(misplaced, readable(human))
        moved += misplaced
    return lessons_of_correction(engine, moved)


def learning_report(workshops: list[dict]) -> None:
    """Mean ARI and corrections of workshops 2.. before and after learning from workshop 1,
    how many of their values have a form workshop 1 taught, and workshop 1's own wording
    grouped once more (a team that meets again, or imports last year's web)."""
    first, rest = workshops[0], workshops[1:]
    truth = [r["theme"] for r in first["responses"]]
    engine = _grouped(first, {})
    needed_first = corrections_needed(engine, truth)
    taught = {lesson.form: [TaughtPlacement(lesson.label, TAUGHT_AT)]
              for lesson in correct(engine, truth)}
    print(f"workshop 1 ({first['id']}): {needed_first} corrections, teaching "
          f"{len(taught)} value forms\n")
    print("| workshop | values | values with a taught form | ARI before | ARI after "
          "| corrections before | after |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    rows = []
    for workshop in rest:
        row = _before_after(workshop, taught)
        rows.append(row)
        print(f"| {workshop['id']} | {_row(row)} |")
    if rows:
        means = [statistics.mean(column) for column in zip(*rows, strict=True)]
        print(f"| mean of 2–{len(workshops)} | {means[0]:.1f} | {means[1]:.1f} "
              f"| {means[2]:.3f} | {means[3]:.3f} | {means[4]:.1f} | {means[5]:.1f} |")
    print(f"| {first['id']} again | {_row(_before_after(first, taught))} |\n")


def _before_after(workshop: dict, taught: dict[str, list[TaughtPlacement]]) -> list:
    """Values, values with a taught form, ARI and corrections without and with the lessons."""
    truth = [r["theme"] for r in workshop["responses"]]
    met = sum(normalise(r["text"]) in taught for r in workshop["responses"])
    before, after = _grouped(workshop, {}), _grouped(workshop, taught)
    return [len(truth), met, _ari(before, truth), _ari(after, truth),
            corrections_needed(before, truth), corrections_needed(after, truth)]


def _row(row: list) -> str:
    values, met, ari_before, ari_after, needed_before, needed_after = row
    return (f"{values} | {met} | {ari_before:.3f} | {ari_after:.3f} | {needed_before} "
            f"| {needed_after}")


def _ari(engine: ThemeEngine, truth: list[str]) -> float:
    return adjusted_rand_score(truth, [engine.theme_of(str(i)) for i in range(len(truth))])


def arrival_with_learned_forms() -> tuple[float, float, float]:
    """With LEARNED_FORMS lessons in a SQLite file: median ms of the lesson look-up alone,
    median and worst ms of a whole arrival (service.add_value: look-up, engine, commit)."""
    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{Path(folder) / 'learned.db'}")
        teacher = service.create_workshop(store, {"title": "Leraar"}).workshop
        with store.transaction() as tx:
            tx.teach(teacher.id, [Lesson(f"waarde {i}", "Veiligheid")
                                  for i in range(LEARNED_FORMS)])
        learner = service.create_workshop(store, {"title": "Leerling"}).workshop
        service.set_phase(store, learner.id, "reflect")
        lookups, arrivals = [], []
        for i in range(ARRIVALS_TIMED):
            mentor = service.join(store, learner.code, f"Mentor {i}", None, 1000).participant
            text = f"Waarde {i * 397 % LEARNED_FORMS}"
            with store.transaction() as tx:
                started = time.perf_counter()
                tx.taught_placements(normalise(text), learner.id)
                lookups.append(time.perf_counter() - started)
            started = time.perf_counter()
            service.add_value(store, mentor.id, codes.new_id(), text, "", True)
            arrivals.append(time.perf_counter() - started)
        store.dispose()
    return (statistics.median(lookups) * 1000, statistics.median(arrivals) * 1000,
            max(arrivals) * 1000)


def main() -> None:
    """The learning table of each value set named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, nargs="+")
    for gold in parser.parse_args().gold:
        print(f"### {gold.name}\n")
        learning_report(json.loads(gold.read_text(encoding="utf-8"))["workshops"])


if __name__ == "__main__":
    main()
