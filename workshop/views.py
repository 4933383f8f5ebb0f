"""The public shapes of a workshop's state, per role: what each screen may see.

Values stay private until the themes phase: the room only ever gets counts.
"""

from .model import MIN_VALUES, Participant, Value, Workshop


def join_url(public_url: str, code: str) -> str:
    """The address in the QR code: the phone page with the code filled in."""
    return f"{public_url}/j/{code}"


def workshop_view(workshop: Workshop, public_url: str) -> dict:
    """The settings every screen of the workshop shows."""
    return {
        "id": workshop.id, "title": workshop.title, "team": workshop.team,
        "code": workshop.code, "phase": workshop.phase,
        "join_url": join_url(public_url, workshop.code),
        "values_per_person": workshop.values_per_person, "min_values": MIN_VALUES,
        "anonymous": workshop.anonymous, "group_size": workshop.group_size,
        "submissions_open": workshop.submissions_open, "locked": workshop.locked,
    }


def participants_view(workshop: Workshop, people: list[Participant]) -> list[dict]:
    """Who joined, by display name (numbered in an anonymous workshop)."""
    return [{"id": p.id, "name": p.display_name(workshop.anonymous)} for p in people]


def progress_view(people: list[Participant], counts: dict[str, int]) -> dict:
    """How far the team is: '18 van 24 klaar' on the projector."""
    return {
        "joined": len(people),
        "ready": sum(1 for p in people if counts.get(p.id, 0) >= MIN_VALUES),
        "values": sum(counts.values()),
        "min_values": MIN_VALUES,
    }


def mentors_view(workshop: Workshop, people: list[Participant], counts: dict[str, int]) -> list:
    """Per-mentor progress for the facilitator's screen only."""
    return [{"id": p.id, "name": p.display_name(workshop.anonymous), "values": counts.get(p.id, 0)}
            for p in people]


def theme_view(theme: dict, marked: int, recognised: int) -> dict:
    """One theme of the values web, its repeated words counted once.

    `participants` (distinct mentors) sizes a bubble; `marked` counts values small groups
    marked as shared, which the projector gives extra weight.
    """
    words: dict[str, dict] = {}
    for value in theme["values"]:
        word = words.setdefault(value["text"].casefold(), {"text": value["text"], "count": 0})
        word["count"] += 1
    return {
        "id": theme["id"], "label": theme["label"], "participants": theme["participants"],
        "shared": theme["shared"], "hidden": theme["hidden"], "recognised": recognised,
        "marked": marked,
        # the engine's list: [{"id", "text"}], "learned": true where an earlier workshop taught it
        "values": theme["values"],
        "words": sorted(words.values(), key=lambda w: (-w["count"], w["text"].casefold())),
    }


def compact_web_view(web: list[dict], words_per_theme: int = 8) -> list:
    """What phones get: visible themes, counts and their most named words, no value ids."""
    return [{key: theme[key] for key in ("id", "label", "participants", "shared", "recognised",
                                         "marked")} | {"words": theme["words"][:words_per_theme]}
            for theme in web if not theme["hidden"]]


def groups_view(workshop: Workshop, people: list[Participant], groups: dict[int, list[str]],
                names: dict[int, str], marked_by_owner: dict[str, int]) -> list:
    """The groups for the facilitator and the projector: members and how many values marked."""
    by_id = {p.id: p for p in people}
    return [{
        "number": number, "name": names.get(number, ""),
        "members": [{"id": pid, "name": by_id[pid].display_name(workshop.anonymous)}
                    for pid in members if pid in by_id],
        "marked": sum(marked_by_owner.get(pid, 0) for pid in members),
    } for number, members in sorted(groups.items())]


def group_view(workshop: Workshop, number: int, people: list[Participant], name: str,
               values_by_owner: dict[str, list[Value]]) -> dict:
    """One group as its members' phones show it: who is in it and their values."""
    label = "Mentor {}" if workshop.anonymous else None
    members = []
    for index, person in enumerate(people):
        display = label.format("ABCDEFGHIJKLMNOPQRSTUVWXYZ"[index % 26]) if label \
            else person.display_name(False)
        members.append({"id": person.id, "name": display, "values": [
            {"id": v.id, "text": v.text, "why": v.why, "marked": v.marked}
            for v in values_by_owner.get(person.id, [])]})
    return {"number": number, "name": name, "members": members}
