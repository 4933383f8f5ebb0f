"""Every event × every role: only the facilitator steers, a mentor changes only their own
things, and a mentor or facilitator of another workshop changes nothing in this one."""

import uuid

import pytest

from tests.conftest import create_workshop, join

FACILITATOR, MENTOR, PRESENTER = "facilitator", "mentor", "presenter"

# event → the roles that may send it (any other role is refused)
ALLOWED = {
    "sync": {FACILITATOR, MENTOR, PRESENTER},
    "phase:set": {FACILITATOR}, "timer:set": {FACILITATOR}, "submissions:set": {FACILITATOR},
    "workshop:lock": {FACILITATOR}, "groups:form": {FACILITATOR}, "group:move": {FACILITATOR},
    "theme:merge": {FACILITATOR}, "theme:move": {FACILITATOR}, "theme:rename": {FACILITATOR},
    "theme:split": {FACILITATOR}, "theme:hide": {FACILITATOR},
    "voting:set": {FACILITATOR}, "draft:edit": {FACILITATOR}, "draft:combine": {FACILITATOR},
    "mission:adopt": {FACILITATOR}, "canvas:add": {FACILITATOR}, "canvas:basis": {FACILITATOR},
    "period:add": {FACILITATOR}, "period:rename": {FACILITATOR},
    "period:remove": {FACILITATOR}, "vision:keep": {FACILITATOR}, "goal:move": {FACILITATOR},
    "goal:edit": {FACILITATOR}, "goal:merge": {FACILITATOR}, "goal:delete": {FACILITATOR},
    "goal:lesson": {FACILITATOR},
    "value:add": {MENTOR}, "value:remove": {MENTOR}, "value:mark": {MENTOR},
    "group:name": {MENTOR}, "theme:recognise": {MENTOR}, "draft:add": {MENTOR},
    "vote:cast": {MENTOR}, "vote:retract": {MENTOR}, "goal:like": {MENTOR},
    "vision:add": {FACILITATOR, MENTOR}, "goal:add": {FACILITATOR, MENTOR},
}


def _payloads(ids):
    """A well-formed payload per event, naming the objects of workshop A."""
    new = lambda: str(uuid.uuid4())  # noqa: E731
    return {
        "sync": {"since": 0}, "phase:set": {"phase": "closed"}, "timer:set": {"seconds": 60},
        "submissions:set": {"open": False}, "workshop:lock": {"locked": True},
        "groups:form": {}, "group:move": {"participant_id": ids["participant"], "group": 1},
        "theme:merge": {"theme_id": ids["themes"][0], "into_id": ids["themes"][1]},
        "theme:move": {"value_id": ids["value"], "theme_id": ids["themes"][1]},
        "theme:rename": {"theme_id": ids["themes"][0], "label": "Gekaapt"},
        "theme:split": {"value_ids": [ids["value"]], "label": "Gekaapt"},
        "theme:hide": {"theme_id": ids["themes"][0], "hidden": True},
        "voting:set": {"open": True}, "draft:edit": {"draft_id": ids["draft"], "text": "Gekaapt."},
        "draft:combine": {"draft_ids": [ids["draft"], ids["draft2"]], "text": "Gekaapt."},
        "mission:adopt": {"text": "Gekaapt."}, "canvas:add": {"id": new(), "name": "Gekaapt"},
        "canvas:basis": {"canvas_id": ids["canvas"], "doelgroep": "Gekaapt"},
        "period:add": {"name": "Gekaapt"},
        "period:rename": {"period_id": ids["period"], "name": "Gekaapt"},
        "period:remove": {"period_id": ids["period2"]},
        "vision:keep": {"vision_id": ids["vision"], "kept": False},
        "goal:move": {"goal_id": ids["goal"], "domain": "dossier", "period": ids["period"]},
        "goal:edit": {"goal_id": ids["goal"], "text": "Gekaapt."},
        "goal:merge": {"goal_ids": [ids["goal"], ids["goal2"]], "text": "Gekaapt."},
        "goal:delete": {"goal_id": ids["goal"]}, "goal:lesson": {"goal_id": ids["goal"]},
        "value:add": {"id": new(), "text": "Gekaapt"},
        "value:remove": {"value_id": ids["value"]},
        "value:mark": {"value_id": ids["value"], "marked": True},
        "group:name": {"name": "Gekaapt"}, "theme:recognise": {"theme_id": ids["themes"][0]},
        "draft:add": {"id": new(), "text": "Gekaapt."},
        "vote:cast": {"draft_id": ids["draft"]}, "vote:retract": {"draft_id": ids["draft"]},
        "goal:like": {"goal_id": ids["goal"]},
        "vision:add": {"id": new(), "canvas_id": ids["canvas"], "text": "Gekaapt"},
        "goal:add": {"id": new(), "canvas_id": ids["canvas"], "text": "De leerling kan x.",
                     "domain": "dossier", "period": ids["period"]},
    }


def _facilitate(sock, workshop):
    ack = sock.emit("facilitate", {"workshop_id": workshop["id"],
                                   "token": workshop["facilitator_token"]}, callback=True)
    assert ack["ok"], ack
    return ack["state"]


@pytest.fixture
def world(client, connect):
    """Workshop A with something of everything, and workshop B next to it."""
    a, b = create_workshop(client), create_workshop(client)
    fac_a, fac_b = connect(), connect()
    _facilitate(fac_a, a)
    state_b = _facilitate(fac_b, b)
    anna, bram = connect(), connect()
    join(anna, a, name="Anna")
    bram_id = join(bram, a, name="Bram")["participant_id"]
    fac_a.emit("phase:set", {"phase": "reflect"}, callback=True)
    for text in ("Vertrouwen", "Groei"):
        anna.emit("value:add", {"id": str(uuid.uuid4()), "text": text}, callback=True)
    value = bram.emit("value:add", {"id": str(uuid.uuid4()), "text": "vertrouwen"},
                      callback=True)["value_id"]
    fac_a.emit("phase:set", {"phase": "groups"}, callback=True)
    fac_a.emit("phase:set", {"phase": "mission"}, callback=True)
    draft = anna.emit("draft:add", {"id": str(uuid.uuid4()), "text": "Wij vertrouwen."},
                      callback=True)["draft_id"]
    draft2 = bram.emit("draft:add", {"id": str(uuid.uuid4()), "text": "Wij groeien."},
                       callback=True)["draft_id"]
    fac_a.emit("voting:set", {"open": True}, callback=True)
    anna.emit("vote:cast", {"draft_id": draft}, callback=True)
    canvas = fac_a.emit("canvas:add", {"id": str(uuid.uuid4()), "name": "Leerjaar 1"},
                        callback=True)["canvas_id"]
    fac_a.emit("phase:set", {"phase": "canvas"}, callback=True)
    state = fac_a.emit("sync", {"since": 0}, callback=True)["state"]
    periods = [p["id"] for p in state["canvas"]["periods"]]
    vision = anna.emit("vision:add", {"id": str(uuid.uuid4()), "canvas_id": canvas,
                                      "text": "Elke leerling telt."}, callback=True)["vision_id"]
    goals = [anna.emit("goal:add", {"id": str(uuid.uuid4()), "canvas_id": canvas,
                                    "text": f"De leerling kan {verb}.", "domain": "ouders",
                                    "period": periods[0]}, callback=True)["goal_id"]
             for verb in ("plannen", "vragen")]
    presenter = connect()
    assert presenter.emit("present", {"workshop_id": a["id"], "key": state["presenter_key"]},
                          callback=True)["ok"]
    state = fac_a.emit("sync", {"since": 0}, callback=True)["state"]
    ids = {"participant": bram_id, "value": value, "draft": draft, "draft2": draft2,
           "canvas": canvas, "period": periods[0], "period2": periods[3], "vision": vision,
           "goal": goals[0], "goal2": goals[1], "themes": [t["id"] for t in state["themes"]]}
    mentor_b = connect()
    join(mentor_b, b, name="Buiten")
    return {"a": a, "b": b, "ids": ids, "fac_a": fac_a, "fac_b": fac_b, "anna": anna,
            "presenter": presenter, "mentor_b": mentor_b, "stranger": connect(),
            "periods_b": state_b["canvas"]["periods"]}


def _snapshot(world):
    state = world["fac_a"].emit("sync", {"since": 0}, callback=True)["state"]
    state.pop("now")
    return state


@pytest.mark.parametrize("event", sorted(ALLOWED))
def test_roles_without_the_right_are_refused_and_change_nothing(world, event):
    before = _snapshot(world)
    payload = _payloads(world["ids"])[event]
    for role, sock in (("mentor", world["anna"]), ("presenter", world["presenter"]),
                       ("stranger", world["stranger"])):
        allowed = ALLOWED[event]
        if role in allowed:
            continue
        ack = sock.emit(event, payload, callback=True)
        assert ack["ok"] is False, (event, role, ack)
        expected = "not_joined" if role == "stranger" else "forbidden"
        assert ack["error"] == expected, (event, role, ack)
        assert ack["message"]
    assert _snapshot(world) == before


@pytest.mark.parametrize("event", sorted(ALLOWED))
def test_another_workshop_cannot_touch_this_one(world, event):
    before = _snapshot(world)
    payload = _payloads(world["ids"])[event]
    for sock in (world["mentor_b"], world["fac_b"]):
        sock.emit(event, payload, callback=True)  # may succeed, but only inside workshop B
    after = _snapshot(world)
    assert after == before, event
