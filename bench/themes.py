"""Time theme grouping at workshop sizes and measure how stable and right the web is.

Run from the project root:

    .venv/bin/python bench/themes.py [--gold ../shared/data/values_dev.json
                                      ../shared/data/values_real_dev.json] [--runs 7]

Per development set: values are drawn from it with phone noise added (a missing, doubled,
swapped or wrong letter, shouting, emoji), five per mentor, so 5,000 values come from 1,000
mentors. Timings are medians on one core; "cold" clears every per-text and per-word cache
first, as a fresh server would meet new texts; "cold CPU" is the same run counted in this
process's CPU time, which other work on a shared machine inflates far less than the wall
clock. Stability replays each workshop in random orders and reports the share of
already-placed values whose theme changes per arrival. ARI compares a grouping with the
human themes. "Unknown values" are those the lexicon gives no theme; the table counts how
many of them the n-gram look-alike still puts into a lexicon theme, and how many of those
against the human theme (forced into a wrong theme).
"""

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sklearn.metrics import adjusted_rand_score  # noqa: E402
from themes_learning import arrival_with_learned_forms, learning_report  # noqa: E402

from workshop.themes import ThemeEngine, cluster_texts, prepare  # noqa: E402
from workshop.themes.lexicon import load_lexicon  # noqa: E402
from workshop.themes.normalise import stem  # noqa: E402
from workshop.themes.reading import canonical_word, read, read_form  # noqa: E402
from workshop.themes.similarity import look_alike_theme  # noqa: E402

SIZES = (50, 500, 5000)
VALUES_PER_MENTOR = 5
ARRIVALS_TIMED = 25


def phone_noise(text: str, rng: random.Random) -> str:
    """One realistic phone slip in about a third of the texts, casing and emoji in some."""
    words = text.split()
    long_words = [i for i, w in enumerate(words) if len(w) >= 5]
    if long_words and rng.random() < 0.35:
        i = rng.choice(long_words)
        words[i] = _slip(words[i], rng)
    text = " ".join(words)
    if rng.random() < 0.1:
        text = text.upper()
    if rng.random() < 0.1:
        text += rng.choice(["!", "!!", " ❤️", ".", " 🙂"])
    return text


def _slip(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["missing", "doubled", "swapped", "wrong"])
    if kind == "missing":
        return word[:i] + word[i + 1:]
    if kind == "doubled":
        return word[:i] + word[i] + word[i:]
    if kind == "swapped":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + rng.choice("aeioulnrst") + word[i + 1:]


def workload(pool: list[tuple[str, str]], size: int, seed: int) -> list[tuple[str, str, str]]:
    """(participant, text, human theme) triples: `size` values from size/5 mentors."""
    rng = random.Random(seed)
    drawn = [rng.choice(pool) for _ in range(size)]
    return [(f"m{i // VALUES_PER_MENTOR}", phone_noise(text, rng), theme)
            for i, (text, theme) in enumerate(drawn)]


def clear_caches() -> None:
    """Forget every text seen before, keeping only the lexicon loaded at start-up."""
    read_form.cache_clear()
    canonical_word.cache_clear()
    stem.cache_clear()
    look_alike_theme.cache_clear()


def time_cluster(pool: list, size: int, runs: int) -> tuple[float, float, float, int, float]:
    """Median cold ms (wall clock and this process's CPU time) and warm ms of cluster_texts,
    distinct texts, and ARI against the humans. The CPU time is what the grouping costs on
    a machine shared with other work; the wall clock also counts the waits for a core."""
    values = workload(pool, size, seed=size)
    texts = [text for _, text, _ in values]
    cold, cold_cpu, warm = [], [], []
    for _ in range(runs):
        clear_caches()
        started, started_cpu = time.perf_counter(), time.process_time()
        labels = cluster_texts(texts)
        cold.append(time.perf_counter() - started)
        cold_cpu.append(time.process_time() - started_cpu)
        started = time.perf_counter()
        cluster_texts(texts)
        warm.append(time.perf_counter() - started)
    distinct = len({t.strip().lower() for t in texts})
    ari = adjusted_rand_score([theme for _, _, theme in values], labels)
    return (statistics.median(cold) * 1000, statistics.median(cold_cpu) * 1000,
            statistics.median(warm) * 1000, distinct, ari)


def time_arrival(pool: list, size: int) -> tuple[float, float]:
    """Median and worst milliseconds to place one new value in an engine of `size` values."""
    values = workload(pool, size + ARRIVALS_TIMED, seed=size + 1)
    engine = ThemeEngine()
    for i, (participant, text, _) in enumerate(values[:size]):
        engine.add(f"v{i}", text, participant)
    clear_caches()
    timings = []
    for i, (participant, text, _) in enumerate(values[size:], start=size):
        started = time.perf_counter()
        engine.add(f"v{i}", text, participant)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000, max(timings) * 1000


def stability(workshops: list[dict], orders: int) -> tuple[float, float]:
    """Mean share of placed values that change theme per arrival, and the engine's mean ARI."""
    shares, aris = [], []
    for workshop in workshops:
        responses = list(enumerate(workshop["responses"]))
        for seed in range(orders):
            random.Random(seed).shuffle(responses)
            engine, placed = ThemeEngine(), []
            for i, response in responses:
                before = {value_id: engine.theme_of(value_id) for value_id in placed}
                engine.add(str(i), response["text"], response["participant"])
                if placed:
                    moved = sum(before[v] != engine.theme_of(v) for v in placed)
                    shares.append(moved / len(placed))
                placed.append(str(i))
            truth = [r["theme"] for r in workshop["responses"]]
            ours = [engine.theme_of(str(i)) for i in range(len(truth))]
            aris.append(adjusted_rand_score(truth, ours))
    return statistics.mean(shares), statistics.mean(aris)


def batch_ari(workshops: list[dict]) -> float:
    """Mean ARI of cluster_texts per workshop, as ../shared/tools/eval_themes.py scores it."""
    scores = [adjusted_rand_score([r["theme"] for r in w["responses"]],
                                  cluster_texts([r["text"] for r in w["responses"]]))
              for w in workshops]
    return statistics.mean(scores)


def unknown_values(workshops: list[dict]) -> tuple[int, int, int, int]:
    """Values in all, values the lexicon does not know, of those placed into a lexicon theme
    by look-alike, and of those placed against the human theme."""
    responses = [r for w in workshops for r in w["responses"]]
    unknown = [r for r in responses if read(r["text"]).theme is None and read(r["text"]).form]
    placed = [(r, look_alike_theme(read(r["text"]).content)) for r in unknown]
    placed = [(r, theme) for r, theme in placed if theme]
    wrong = [r for r, theme in placed if theme != r["theme"]]
    return len(responses), len(unknown), len(placed), len(wrong)


def report(gold: Path, runs: int, orders: int) -> None:
    """The tables for one development set."""
    workshops = json.loads(gold.read_text(encoding="utf-8"))["workshops"]
    pool = [(r["text"], r["theme"]) for w in workshops for r in w["responses"]]
    print(f"### {gold.name}\n")
    print("| values | mentors | distinct texts | cluster_texts cold (ms) | cold CPU (ms) "
          "| warm (ms) | ARI | one arrival median (ms) | worst of 25 (ms) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in SIZES:
        cold, cold_cpu, warm, distinct, ari = time_cluster(pool, size, runs)
        median, worst = time_arrival(pool, size)
        mentors = size // VALUES_PER_MENTOR
        print(f"| {size:,} | {mentors:,} | {distinct:,} | {cold:.1f} | {cold_cpu:.1f} "
              f"| {warm:.1f} | {ari:.3f} | {median:.2f} | {worst:.2f} |")
    share, live_ari = stability(workshops, orders)
    total, unknown, placed, wrong = unknown_values(workshops)
    print(f"\n- cluster_texts on the human workshops: mean ARI {batch_ari(workshops):.3f}")
    print(f"- live engine, {len(workshops)} workshops x {orders} random orders: mean share of "
          f"placed values reshuffled per arrival {share:.2%}, mean ARI of the live web "
          f"{live_ari:.3f}")
    print(f"- unknown values: {unknown} of {total}; put into a lexicon theme by look-alike "
          f"{placed}, of those against the human theme {wrong}\n")
    print(f"Learning from the corrections of the first workshop of {gold.name}:\n")
    learning_report(workshops)


def main() -> None:
    """Print the start-up cost and, per development set, the timing and quality tables."""
    shared = Path(__file__).resolve().parents[2] / "shared/data"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, nargs="+",
                        default=[shared / "values_dev.json", shared / "values_real_dev.json"])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--orders", type=int, default=10)
    args = parser.parse_args()

    started, started_cpu = time.perf_counter(), time.process_time()
    prepare("nl")
    wall, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    lexicon = load_lexicon("nl")
    print(f"start-up (prepare(): lexicon of {len(lexicon.labels)} themes and "
          f"{len(lexicon.terms) + len(lexicon.sayings):,} entries, spelling and n-gram "
          f"indexes): {wall * 1000:.0f} ms, CPU {cpu * 1000:.0f} ms\n")
    for gold in args.gold:
        report(gold, args.runs, args.orders)
    lookup, median, worst = arrival_with_learned_forms()
    print(f"one arrival with 10,000 learned forms in SQLite: lesson look-up median "
          f"{lookup:.2f} ms; whole service.add_value (look-up, engine, commit) median "
          f"{median:.2f} ms, worst of 25 {worst:.2f} ms")


if __name__ == "__main__":
    main()
