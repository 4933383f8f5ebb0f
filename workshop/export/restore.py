"""Turn an export back into rows for a new workshop: every id new, every reference rewritten.

The JSON schema checks shapes; this module checks what a schema cannot (that references point
at rows in the same document, that every value sits in exactly one theme) and rebuilds the
theme engine's state, corrections included, under the new value and mentor ids.
"""

from dataclasses import dataclass, field

from .. import codes
from ..canvas import MAX_NAME_CHARS
from ..errors import WorkshopError
from ..model import Canvas, Draft, Goal, Participant, Period, Value, Vision, clean_text
from ..themes import ThemeEngine, load_lexicon
from ..themes.engine import STATE_VERSION


@dataclass
class Plan:
    """The rows of the new workshop, ready to insert in document order."""

    participants: list[Participant] = field(default_factory=list)
    values: list[Value] = field(default_factory=list)
    theme_state: dict = field(default_factory=dict)
    recognitions: list[tuple[str, str]] = field(default_factory=list)
    members: list[tuple[str, int]] = field(default_factory=list)
    group_names: dict[int, str] = field(default_factory=dict)
    drafts: list[Draft] = field(default_factory=list)
    merged: list[tuple[str, str]] = field(default_factory=list)  # (draft id, into id)
    votes: list[tuple[str, str, int]] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    canvases: list[Canvas] = field(default_factory=list)
    visions: list[Vision] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    likes: list[tuple[str, str]] = field(default_factory=list)


def _refuse(message: str):
    raise WorkshopError("invalid", "De export klopt niet: %(problem)s", problem=message)


def _renumber(items: list[dict], kind: str) -> dict[str, str]:
    """Old id → new id, refusing an id used twice."""
    mapping: dict[str, str] = {}
    for item in items:
        if item["id"] in mapping:
            _refuse(f"{kind} {item['id']} staat er twee keer in.")
        mapping[item["id"]] = codes.new_id()
    return mapping


def _ref(mapping: dict[str, str], old: str | None, kind: str) -> str | None:
    if old is None:
        return None
    if old not in mapping:
        _refuse(f"{kind} {old} bestaat niet in het bestand.")
    return mapping[old]


def plan(document: dict, workshop_id: str) -> Plan:
    """The new workshop's rows from a schema-checked document."""
    result = Plan()
    anonymous = document["workshop"]["anonymous"]
    people = _renumber(document["participants"], "Mentor")
    if len({p["number"] for p in document["participants"]}) < len(people):
        _refuse("twee mentoren hebben hetzelfde nummer.")
    for saved in document["participants"]:
        name = "" if anonymous else clean_text(saved["name"], "De naam", 40, required=False)
        result.participants.append(Participant(id=people[saved["id"]], workshop_id=workshop_id,
                                               name=name, number=saved["number"]))
    values = _renumber(document["values"], "Waarde")
    for saved in document["values"]:
        result.values.append(Value(
            id=values[saved["id"]], participant_id=_ref(people, saved["participant"], "Mentor"),
            client_id=codes.new_id(), text=clean_text(saved["text"], "De waarde", 60),
            why=clean_text(saved["why"], "Het waarom", 200, required=False),
            marked=saved["marked"]))
    result.theme_state = _theme_state(document, result.values, values)
    for theme in document["themes"]:
        result.recognitions += [(theme["id"], _ref(people, pid, "Mentor"))
                                for pid in dict.fromkeys(theme["recognised_by"])]
    _groups(document, people, result)
    _drafts(document, people, result)
    _canvases(document, people, result)
    return result


def _theme_state(document: dict, new_values: list[Value], values: dict[str, str]) -> dict:
    """The engine state under new ids; corrections (labels, hiding, routes) carry over."""
    placed: dict[str, str] = {}
    themes = []
    for theme in document["themes"]:
        if theme["id"] in {t["id"] for t in themes}:
            _refuse(f"thema {theme['id']} staat er twee keer in.")
        for old in theme["values"]:
            if old in placed:
                _refuse(f"waarde {old} staat in twee thema's.")
            placed[old] = theme["id"]
        themes.append({"id": theme["id"], "hidden": theme["hidden"],
                       "label": clean_text(theme["label"], "De naam van het thema", 60),
                       "values": [_ref(values, old, "Waarde") for old in theme["values"]]})
    if len(placed) != len(values):
        _refuse("elke waarde hoort in precies één thema.")
    routing = document["theme_routing"]
    labels = load_lexicon(document["workshop"]["language"]).labels
    unknown = [key for key in routing["routes"] if key not in labels]
    if unknown:
        _refuse(f"onbekende themasleutel {unknown[0]!r}.")
    live = {t["id"] for t in themes}
    if live & set(routing["retired"]):
        _refuse("een thema is tegelijk actief en opgeheven.")
    highest = max((int(tid[1:]) for tid in live | set(routing["retired"])), default=0)
    state = {
        "version": STATE_VERSION, "language": document["workshop"]["language"],
        "next_id": max(routing["next_id"], highest + 1), "themes": themes,
        "values": [{"id": v.id, "text": v.text, "participant": v.participant_id}
                   for v in new_values],
        "routes": dict(routing["routes"]), "retired": dict(routing["retired"]),
    }
    ThemeEngine.from_state(state)  # the engine must load what we store
    return state


def _groups(document: dict, people: dict[str, str], result: Plan) -> None:
    seen: set[str] = set()
    for group in document["groups"]:
        if group["number"] in result.group_names:
            _refuse(f"groep {group['number']} staat er twee keer in.")
        result.group_names[group["number"]] = clean_text(group["name"], "De groepsnaam", 60,
                                                         required=False)
        for old in group["members"]:
            if old in seen:
                _refuse(f"mentor {old} zit in twee groepjes.")
            seen.add(old)
            result.members.append((_ref(people, old, "Mentor"), group["number"]))
    result.group_names = {n: name for n, name in result.group_names.items() if name}


def _drafts(document: dict, people: dict[str, str], result: Plan) -> None:
    drafts = _renumber(document["drafts"], "Zin")
    for saved in document["drafts"]:
        new_id = drafts[saved["id"]]
        result.drafts.append(Draft(
            id=new_id, participant_id=_ref(people, saved["participant"], "Mentor"),
            client_id=codes.new_id(), text=clean_text(saved["text"], "De zin", 300),
            group_number=saved["group"]))
        if saved["merged_into"] is not None:
            if saved["merged_into"] == saved["id"]:
                _refuse(f"zin {saved['id']} is in zichzelf opgegaan.")
            result.merged.append((new_id, _ref(drafts, saved["merged_into"], "Zin")))
        result.votes += [(new_id, _ref(people, vote["participant"], "Mentor"), vote["count"])
                         for vote in saved["votes"]]


def _canvases(document: dict, people: dict[str, str], result: Plan) -> None:
    periods = _renumber(document["periods"], "Periode")
    result.periods = [Period(id=periods[p["id"]], position=position,
                             name=clean_text(p["name"], "De periode", MAX_NAME_CHARS))
                      for position, p in enumerate(document["periods"])]
    canvases = _renumber(document["canvases"], "Canvas")
    visions = _renumber([v for c in document["canvases"] for v in c["visions"]], "Visie")
    goals = _renumber([g for c in document["canvases"] for g in c["goals"]], "Leerdoel")
    for saved in document["canvases"]:
        canvas_id = canvases[saved["id"]]
        result.canvases.append(Canvas(
            id=canvas_id, client_id=codes.new_id(),
            name=clean_text(saved["name"], "De doelgroep", MAX_NAME_CHARS),
            doelgroep=clean_text(saved["doelgroep"], "De doelgroep", 1000, required=False)))
        result.visions += [Vision(
            id=visions[v["id"]], canvas_id=canvas_id, client_id=codes.new_id(),
            participant_id=_ref(people, v["participant"], "Mentor"),
            text=clean_text(v["text"], "De visie", 200), kept=v["kept"])
            for v in saved["visions"]]
        for g in saved["goals"]:
            result.goals.append(Goal(
                id=goals[g["id"]], canvas_id=canvas_id, client_id=codes.new_id(),
                participant_id=_ref(people, g["participant"], "Mentor"),
                text=clean_text(g["text"], "Het leerdoel", 200), domain=g["domain"],
                period_id=_ref(periods, g["period"], "Periode"),
                theme=clean_text(g["theme"], "Het thema", MAX_NAME_CHARS, required=False),
                lesson=g["lesson"]))
            result.likes += [(goals[g["id"]], _ref(people, pid, "Mentor"))
                             for pid in dict.fromkeys(g["liked_by"])]
