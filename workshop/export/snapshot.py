"""The complete workshop as one versioned JSON document: what `json` exports and import reads.

Schema: docs/EXPORT.md and schema_v1.json beside this module. Ids are the source workshop's;
an import gives every row a new one.
"""

from datetime import UTC, datetime

from ..errors import WorkshopError
from ..storage import Tx

FORMAT = "mentorkompas-workshop"
SCHEMA_VERSION = 1


def iso(moment: datetime) -> str:
    """UTC in ISO 8601 with a Z; SQLite hands timestamps back without their zone."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def build(tx: Tx, workshop_id: str, exported_at: datetime, engine: dict) -> dict:
    """Read one consistent snapshot of a workshop inside the caller's transaction.

    `engine` is the theme engine's current state (ThemeEngine.to_state()).
    """
    workshop = tx.workshop(workshop_id)
    if workshop is None:
        raise WorkshopError("not_found", "Deze workshop bestaat niet (meer).")
    arrival = {saved["id"]: index for index, saved in enumerate(engine["values"])}
    live = sorted(tx.live_values(workshop_id), key=lambda v: arrival.get(v.id, len(arrival)))
    live_ids = {value.id for value in live}
    people = tx.participants(workshop_id)
    # who-lists follow the mentors' numbers, not their random ids, so an import keeps them
    number = {p.id: p.number for p in people}
    recognised = tx.recognitions_by_theme(workshop_id)
    return {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "exported_at": iso(exported_at),
        "workshop": {
            "id": workshop.id, "title": workshop.title, "team": workshop.team,
            "created_at": iso(tx.created_at(workshop_id)), "phase": workshop.phase,
            "language": engine["language"], "anonymous": workshop.anonymous,
            "values_per_person": workshop.values_per_person,
            "group_size": workshop.group_size, "mission": workshop.mission,
            "votes_per_person": workshop.votes_per_person, "hide_counts": workshop.hide_counts,
        },
        "participants": [{"id": p.id, "number": p.number, "name": p.name}
                         for p in people],
        "groups": _groups(tx, workshop_id, number),
        "values": [{"id": v.id, "participant": v.participant_id, "text": v.text, "why": v.why,
                    "marked": v.marked} for v in live],
        "themes": [{"id": t["id"], "label": t["label"], "hidden": t["hidden"],
                    "values": [v for v in t["values"] if v in live_ids],
                    "recognised_by": sorted(recognised.get(t["id"], []), key=number.get)}
                   for t in engine["themes"]],
        "theme_routing": {"next_id": engine["next_id"], "routes": engine["routes"],
                          "retired": engine["retired"]},
        "drafts": _drafts(tx, workshop_id, number),
        "periods": [{"id": p.id, "name": p.name} for p in tx.periods(workshop_id)],
        "canvases": _canvases(tx, workshop_id, number),
    }


def _groups(tx: Tx, workshop_id: str, number: dict[str, int]) -> list[dict]:
    names = tx.group_names(workshop_id)
    return [{"number": group, "name": names.get(group, ""),
             "members": sorted(members, key=number.get)}
            for group, members in sorted(tx.groups(workshop_id).items())]


def _drafts(tx: Tx, workshop_id: str, number: dict[str, int]) -> list[dict]:
    dots = tx.votes_by_draft(workshop_id)
    return [{"id": d.id, "participant": d.participant_id, "group": d.group_number,
             "text": d.text, "merged_into": d.merged_into,
             "votes": [{"participant": pid, "count": count} for pid, count in
                       sorted(dots.get(d.id, []), key=lambda vote: number[vote[0]])]}
            for d in tx.drafts(workshop_id)]


def _canvases(tx: Tx, workshop_id: str, number: dict[str, int]) -> list[dict]:
    visions, goals = tx.visions(workshop_id), tx.goals(workshop_id)
    likes = tx.likes_by_goal(workshop_id)
    return [{
        "id": c.id, "name": c.name, "doelgroep": c.doelgroep,
        "visions": [{"id": v.id, "participant": v.participant_id, "text": v.text,
                     "kept": v.kept} for v in visions if v.canvas_id == c.id],
        "goals": [{"id": g.id, "participant": g.participant_id, "text": g.text,
                   "domain": g.domain, "period": g.period_id, "theme": g.theme,
                   "lesson": g.lesson,
                   "liked_by": sorted(likes.get(g.id, []), key=number.get)}
                  for g in goals if g.canvas_id == c.id],
    } for c in tx.canvases(workshop_id)]


def without_names(document: dict) -> dict:
    """The snapshot with every mentor's name left empty, as an anonymous workshop stores them.

    Every format then shows mentors by number ("Mentor 3") wherever it shows them at all, and
    the JSON keeps its shape: an import brings back the same mentors, numbered, without names.
    """
    return {**document, "participants": [{**person, "name": ""}
                                         for person in document["participants"]]}
