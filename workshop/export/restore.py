"""Turn an export back into rows for a new workshop: every id new, every reference rewritten.

The JSON schema checks shapes and rules.py the workshop's limits; this module checks what
neither can (that references point at rows in the same document, that every value sits in
exactly one theme), cleans every text with the helper the live path uses, and rebuilds the
theme engine's state, corrections included, under the new value and mentor ids.
"""

from dataclasses import dataclass, field
from datetime import datetime

from .. import board, canvas, codes
from ..groups import MAX_GROUP_NAME_CHARS
from ..model import (
    MAX_LABEL_CHARS,
    MAX_NAME_CHARS,
    MAX_VALUE_CHARS,
    MAX_WHY_CHARS,
    Canvas,
    Draft,
    Goal,
    Participant,
    Period,
    Value,
    Vision,
    clean_text,
)
from ..themes import ThemeEngine, load_lexicon
from ..themes.engine import STATE_VERSION
from . import rules
from .rules import at, refuse


@dataclass
class Plan:
    """The new workshop's settings and rows, ready to insert in document order."""

    settings: dict = field(default_factory=dict)
    created_at: datetime | None = None
    participants: list[Participant] = field(default_factory=list)
    values: list[Value] = field(default_factory=list)
    theme_state: dict = field(default_factory=dict)
    recognitions: list[tuple[str, str]] = field(default_factory=list)
    members: list[tuple[str, int]] = field(default_factory=list)
    group_names: dict[int, str] = field(default_factory=dict)
    drafts: list[Draft] = field(default_factory=list)
    votes: list[tuple[str, str, int]] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    canvases: list[Canvas] = field(default_factory=list)
    visions: list[Vision] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    likes: list[tuple[str, str]] = field(default_factory=list)


def _renumber(items: list[dict], where: str) -> dict[str, str]:
    """Old id → new id, refusing an id used twice."""
    mapping: dict[str, str] = {}
    for i, item in enumerate(items):
        if item["id"] in mapping:
            refuse(f"{where}/{i}/id", "dit id staat er twee keer in.")
        mapping[item["id"]] = codes.new_id()
    return mapping


def _ref(mapping: dict[str, str], old: str | None, where: str) -> str | None:
    if old is None:
        return None
    if old not in mapping:
        refuse(where, "dit verwijst naar iets dat niet in het bestand staat.")
    return mapping[old]


def plan(document: dict, workshop_id: str, max_participants: int, now: datetime) -> Plan:
    """The new workshop's rows from a schema-checked document, or the first problem."""
    result = Plan(settings=rules.workshop_settings(document["workshop"]),
                  created_at=rules.created_at(document["workshop"]["created_at"], now))
    rules.check_numbers(document, max_participants)
    rules.check_limits(document, result.settings["values_per_person"])
    anonymous = result.settings["anonymous"]
    people = _renumber(document["participants"], "participants")
    if len({p["number"] for p in document["participants"]}) < len(people):
        refuse("participants", "twee mentoren hebben hetzelfde nummer.")
    for i, saved in enumerate(document["participants"]):
        # an anonymous workshop keeps no names, whatever a hand-edited file says; an export
        # made without names (names=0) has empty ones, shown as "Mentor 3" like anonymous ones
        name = "" if anonymous else at(f"participants/{i}/name", clean_text, saved["name"],
                                       "Je naam", MAX_NAME_CHARS, required=False)
        result.participants.append(Participant(id=people[saved["id"]], workshop_id=workshop_id,
                                               name=name, number=saved["number"]))
    values = _renumber(document["values"], "values")
    _values(document, people, values, result)
    result.theme_state = _theme_state(document, result.values, values)
    for i, theme in enumerate(document["themes"]):
        result.recognitions += [(theme["id"], _ref(people, pid, f"themes/{i}/recognised_by"))
                                for pid in dict.fromkeys(theme["recognised_by"])]
    _groups(document, people, result)
    _drafts(document, people, result)
    _canvases(document, people, result)
    return result


def _values(document: dict, people: dict[str, str], values: dict[str, str], result: Plan):
    said: set[tuple[str, str]] = set()
    for i, saved in enumerate(document["values"]):
        where = f"values/{i}"
        owner = _ref(people, saved["participant"], f"{where}/participant")
        text = at(f"{where}/text", clean_text, saved["text"], "De waarde", MAX_VALUE_CHARS)
        if (owner, text.casefold()) in said:  # add_value refuses the same value twice
            refuse(f"{where}/text", "deze mentor heeft deze waarde al.")
        said.add((owner, text.casefold()))
        result.values.append(Value(
            id=values[saved["id"]], participant_id=owner, client_id=codes.new_id(), text=text,
            why=at(f"{where}/why", clean_text, saved["why"], "Het waarom", MAX_WHY_CHARS,
                   required=False),
            marked=saved["marked"]))


def _theme_state(document: dict, new_values: list[Value], values: dict[str, str]) -> dict:
    """The engine state under new ids; corrections (labels, hiding, routes) carry over."""
    placed: dict[str, str] = {}
    themes = []
    for i, theme in enumerate(document["themes"]):
        if theme["id"] in {t["id"] for t in themes}:
            refuse(f"themes/{i}/id", "dit thema staat er twee keer in.")
        if not theme["values"]:  # the engine drops a theme as its last value leaves
            refuse(f"themes/{i}/values", "een thema zonder waarden bestaat niet.")
        for old in theme["values"]:
            if old in placed:
                refuse(f"themes/{i}/values", "een waarde staat in twee thema's.")
            placed[old] = theme["id"]
        themes.append({"id": theme["id"], "hidden": theme["hidden"],
                       "label": at(f"themes/{i}/label", clean_text, theme["label"],
                                   "De naam van het thema", MAX_LABEL_CHARS),
                       "values": [_ref(values, old, f"themes/{i}/values") for old in
                                  theme["values"]]})
    if len(placed) != len(values):
        refuse("themes", "elke waarde hoort in precies één thema.")
    routing = document["theme_routing"]
    labels = load_lexicon(document["workshop"]["language"]).labels
    unknown = [key for key in routing["routes"] if key not in labels]
    if unknown:
        refuse("theme_routing/routes", "onbekende themasleutel \"%(key)s\".", key=unknown[0][:40])
    live = {t["id"] for t in themes}
    if live & set(routing["retired"]):
        refuse("theme_routing/retired", "een thema is tegelijk actief en opgeheven.")
    retired = {tid: at(f"theme_routing/retired/{tid}", clean_text, label,
                       "De naam van het thema", MAX_LABEL_CHARS)
               for tid, label in routing["retired"].items()}
    highest = max((int(tid[1:]) for tid in live | set(retired)), default=0)
    state = {
        "version": STATE_VERSION, "language": document["workshop"]["language"],
        "next_id": max(routing["next_id"], highest + 1), "themes": themes,
        "values": [{"id": v.id, "text": v.text, "participant": v.participant_id}
                   for v in new_values],
        "routes": dict(routing["routes"]), "retired": retired,
    }
    ThemeEngine.from_state(state)  # the engine must load what we store
    return state


def _groups(document: dict, people: dict[str, str], result: Plan) -> None:
    seen: set[str] = set()
    for i, group in enumerate(document["groups"]):
        if group["number"] in result.group_names:
            refuse(f"groups/{i}/number", "deze groep staat er twee keer in.")
        result.group_names[group["number"]] = at(
            f"groups/{i}/name", clean_text, group["name"], "De naam van jullie thema",
            MAX_GROUP_NAME_CHARS, required=False)
        for old in group["members"]:
            if old in seen:
                refuse(f"groups/{i}/members", "een mentor zit in twee groepjes.")
            seen.add(old)
            result.members.append((_ref(people, old, f"groups/{i}/members"), group["number"]))
    result.group_names = {n: name for n, name in result.group_names.items() if name}


def _drafts(document: dict, people: dict[str, str], result: Plan) -> None:
    drafts = _renumber(document["drafts"], "drafts")
    for i, saved in enumerate(document["drafts"]):
        where, new_id = f"drafts/{i}", drafts[saved["id"]]
        result.drafts.append(Draft(
            id=new_id, participant_id=_ref(people, saved["participant"], f"{where}/participant"),
            client_id=codes.new_id(), text=at(f"{where}/text", board.check_draft_text,
                                              saved["text"]),
            group_number=saved["group"],
            merged_into=_ref(drafts, saved["merged_into"], f"{where}/merged_into")))
        voters = [vote["participant"] for vote in saved["votes"]]
        if len(set(voters)) < len(voters):
            refuse(f"{where}/votes", "een mentor staat twee keer bij dezelfde zin.")
        result.votes += [(new_id, _ref(people, vote["participant"], f"{where}/votes"),
                          vote["count"]) for vote in saved["votes"]]
    _check_combinations(document["drafts"])


def _check_combinations(saved: list[dict]) -> None:
    """Only the facilitator's combining makes a draft without a mentor, out of 2 to
    MAX_COMBINED drafts on the board, so following `merged_into` always ends."""
    sources = {draft["id"]: 0 for draft in saved}
    for draft in saved:
        if draft["merged_into"] is not None:
            sources[draft["merged_into"]] += 1
    by_id = {draft["id"]: draft for draft in saved}
    ends: set[str] = set()  # drafts whose chain of combinations is known to end
    for i, draft in enumerate(saved):
        if draft["participant"] is None and sources[draft["id"]] not in \
                range(2, board.MAX_COMBINED + 1):
            refuse(f"drafts/{i}", "een samengevoegde zin komt uit 2 tot %(n)s zinnen.",
                   n=board.MAX_COMBINED)
        if draft["merged_into"] is not None and by_id[draft["merged_into"]]["participant"]:
            refuse(f"drafts/{i}/merged_into", "zinnen gaan alleen op in een samengevoegde zin.")
        chain: dict[str, None] = {}  # ordered, with set-speed membership
        step = draft["id"]
        while step is not None and step not in ends:
            if step in chain:
                refuse(f"drafts/{i}/merged_into", "samengevoegde zinnen vormen een kring.")
            chain[step] = None
            step = by_id[step]["merged_into"]
        ends.update(chain)


def _canvases(document: dict, people: dict[str, str], result: Plan) -> None:
    periods = _renumber(document["periods"], "periods")
    result.periods = [Period(id=periods[p["id"]], position=i,
                             name=at(f"periods/{i}/name", canvas.check_name, p["name"],
                                     "De periode"))
                      for i, p in enumerate(document["periods"])]
    canvases = _renumber(document["canvases"], "canvases")
    visions = _renumber([v for c in document["canvases"] for v in c["visions"]], "visions")
    goals = _renumber([g for c in document["canvases"] for g in c["goals"]], "goals")
    for i, saved in enumerate(document["canvases"]):
        where, canvas_id = f"canvases/{i}", canvases[saved["id"]]
        result.canvases.append(Canvas(
            id=canvas_id, client_id=codes.new_id(),
            name=at(f"{where}/name", canvas.check_name, saved["name"], "De doelgroep"),
            doelgroep=at(f"{where}/doelgroep", clean_text, saved["doelgroep"], "De doelgroep",
                         canvas.MAX_DOELGROEP_CHARS, required=False)))
        result.visions += [Vision(
            id=visions[v["id"]], canvas_id=canvas_id, client_id=codes.new_id(),
            participant_id=_ref(people, v["participant"], f"{where}/visions/{j}/participant"),
            text=at(f"{where}/visions/{j}/text", clean_text, v["text"], "De visie",
                    canvas.MAX_VISION_CHARS), kept=v["kept"])
            for j, v in enumerate(saved["visions"])]
        for j, g in enumerate(saved["goals"]):
            at_goal = f"{where}/goals/{j}"
            result.goals.append(Goal(
                id=goals[g["id"]], canvas_id=canvas_id, client_id=codes.new_id(),
                participant_id=_ref(people, g["participant"], f"{at_goal}/participant"),
                text=at(f"{at_goal}/text", canvas.check_goal_text, g["text"]),
                domain=at(f"{at_goal}/domain", canvas.check_domain, g["domain"]),
                period_id=_ref(periods, g["period"], f"{at_goal}/period"),
                theme=at(f"{at_goal}/theme", clean_text, g["theme"], "Het thema",
                         canvas.MAX_NAME_CHARS, required=False),
                lesson=g["lesson"]))
            result.likes += [(goals[g["id"]], _ref(people, pid, f"{at_goal}/liked_by"))
                             for pid in dict.fromkeys(g["liked_by"])]
