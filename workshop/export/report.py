"""What a reader of the result wants, derived from a snapshot: every format renders this.

Mentors are counted, not named, except in the list of participants of a named workshop; an
anonymous workshop's report holds no names at all.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from ..canvas import DOMAINS

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")


@dataclass(frozen=True)
class ThemeLine:
    """A theme of the values web: how many mentors named it and in which words."""

    label: str
    mentors: int
    values: int
    words: tuple[tuple[str, int], ...]  # (text, how many times), most named first


@dataclass(frozen=True)
class CanvasReport:
    """One canvas: its basis, the goals per domain × period, and the lessons per period."""

    name: str
    doelgroep: str
    visions: tuple[str, ...]
    periods: tuple[str, ...]
    rows: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]  # domain, goals per period
    plan: tuple[tuple[str, tuple[str, ...]], ...]  # period, lesson goals


@dataclass(frozen=True)
class Report:
    """The whole result of one workshop, ready to lay out."""

    title: str
    team: str
    date: str  # in Dutch, as the exports write it
    held_on: date  # for a page that writes the date in its own language
    mentors: int
    names: tuple[str, ...]
    anonymous: bool
    mission: str
    values: int
    shared: tuple[ThemeLine, ...]
    single: tuple[ThemeLine, ...]
    runner_ups: tuple[tuple[str, int], ...]
    canvases: tuple[CanvasReport, ...]


def _day(iso: str) -> date:
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).date()


def dutch_date(iso: str) -> str:
    """'2026-03-12T…' → '12 maart 2026'."""
    day = _day(iso)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def theme_lines(document: dict) -> list[ThemeLine]:
    """The visible themes, most mentors first, then by label (as the projector shows them)."""
    values = {v["id"]: v for v in document["values"]}
    lines = []
    for theme in document["themes"]:
        if theme["hidden"] or not theme["values"]:
            continue
        mine = [values[v] for v in theme["values"]]
        counts: Counter = Counter()
        spelled: dict[str, str] = {}
        for value in mine:
            key = value["text"].casefold()
            spelled.setdefault(key, value["text"])
            counts[key] += 1
        words = tuple((spelled[k], n) for k, n in
                      sorted(counts.items(), key=lambda item: (-item[1], item[0])))
        lines.append(ThemeLine(theme["label"], len({v["participant"] for v in mine}),
                               len(mine), words))
    return sorted(lines, key=lambda t: (-t.mentors, t.label.casefold()))


def build(document: dict) -> Report:
    """The report of a snapshot."""
    workshop = document["workshop"]
    lines = theme_lines(document)
    people = document["participants"]
    return Report(
        title=workshop["title"], team=workshop["team"],
        date=dutch_date(workshop["created_at"]), held_on=_day(workshop["created_at"]),
        mentors=len(people),
        names=() if workshop["anonymous"] else tuple(p["name"] for p in people if p["name"]),
        anonymous=workshop["anonymous"], mission=workshop["mission"],
        values=len(document["values"]),
        shared=tuple(t for t in lines if t.mentors >= 2),
        single=tuple(t for t in lines if t.mentors < 2),
        runner_ups=_runner_ups(document), canvases=tuple(_canvas(document, c)
                                                         for c in document["canvases"]),
    )


def _runner_ups(document: dict) -> tuple[tuple[str, int], ...]:
    """Drafts still on the board besides the adopted wording, most dots first."""
    mission = document["workshop"]["mission"].casefold()
    drafts = [(d["text"], sum(v["count"] for v in d["votes"])) for d in document["drafts"]
              if d["merged_into"] is None and d["text"].casefold() != mission]
    return tuple(sorted(drafts, key=lambda d: -d[1]))


def _canvas(document: dict, canvas: dict) -> CanvasReport:
    periods = document["periods"]
    goals = canvas["goals"]

    def cell(domain: str | None, period: str, lesson_only: bool = False) -> tuple[str, ...]:
        return tuple(g["text"] for g in goals if g["period"] == period
                     and (domain is None or g["domain"] == domain)
                     and (g["lesson"] or not lesson_only))

    return CanvasReport(
        name=canvas["name"], doelgroep=canvas["doelgroep"],
        visions=tuple(v["text"] for v in canvas["visions"] if v["kept"]),
        periods=tuple(p["name"] for p in periods),
        rows=tuple((name, tuple(cell(key, p["id"]) for p in periods)) for key, name in DOMAINS),
        plan=tuple((p["name"], cell(None, p["id"], lesson_only=True)) for p in periods),
    )
