"""Socket events of the design canvas: canvases, periods, basis, goals, likes, roles."""

import uuid

import pytest

from tests.conftest import mentor_in, set_phase, wait_for


def _new_id():
    return str(uuid.uuid4())


@pytest.fixture
def canvas_setup(connect, workshop, facilitator):
    """A canvas for leerjaar 1 and two phones, in the canvas phase."""
    ack = facilitator.emit("canvas:add", {"id": _new_id(), "name": "Leerjaar 1 havo/vwo"},
                           callback=True)
    assert ack["ok"]
    phones = [mentor_in(connect, workshop, name) for name in ("Anna", "Bram")]
    set_phase(facilitator, "canvas")
    state = facilitator.emit("sync", {"since": 0}, callback=True)["state"]
    return {"canvas_id": ack["canvas_id"], "phones": phones,
            "periods": [p["id"] for p in state["canvas"]["periods"]]}


def _goal(sock, setup, text="De leerling kan zijn huiswerk plannen.",
          domain="studiebegeleiding", period=0, client_id=None):
    return sock.emit("goal:add", {"id": client_id or _new_id(), "canvas_id": setup["canvas_id"],
                                  "text": text, "domain": domain,
                                  "period": setup["periods"][period]}, callback=True)


def test_a_workshop_starts_with_four_periods(canvas_setup, facilitator):
    state = facilitator.emit("sync", {"since": 0}, callback=True)["state"]
    assert [p["name"] for p in state["canvas"]["periods"]] == [
        "Periode 1", "Periode 2", "Periode 3", "Periode 4"]
    assert [d["id"] for d in state["canvas"]["domains"]][:2] == ["introductie",
                                                                "studiebegeleiding"]


def test_a_phone_adds_a_goal_once_and_every_screen_sees_the_cell(canvas_setup, facilitator):
    client_id = _new_id()
    ack = _goal(canvas_setup["phones"][0], canvas_setup, client_id=client_id)
    assert ack["ok"] and ack["hints"] == []
    assert _goal(canvas_setup["phones"][0], canvas_setup, client_id=client_id)["goal_id"] \
        == ack["goal_id"]
    heard = wait_for(canvas_setup["phones"][1], "canvas",
                     lambda p: p["canvases"][0]["goals"])
    goal = heard["canvases"][0]["goals"][0]
    assert goal == {"id": ack["goal_id"], "text": "De leerling kan zijn huiswerk plannen.",
                    "domain": "studiebegeleiding", "period": canvas_setup["periods"][0],
                    "likes": 0, "lesson": False, "theme": "", "author": "Anna"}


def test_a_goal_about_the_mentor_gets_a_hint(canvas_setup):
    ack = _goal(canvas_setup["phones"][0], canvas_setup,
                text="De mentor bespreekt de studieplanner.")
    assert ack["ok"] and ack["hints"][0].startswith("Dit beschrijft wat de mentor doet")


@pytest.mark.parametrize("change", [{"domain": "sport"}, {"period": "p-unknown"},
                                    {"canvas_id": "nope"}, {"text": ""}, {"domain": None}])
def test_unknown_domain_period_or_canvas_is_refused(canvas_setup, change):
    body = {"id": _new_id(), "canvas_id": canvas_setup["canvas_id"], "text": "De leerling kan.",
            "domain": "introductie", "period": canvas_setup["periods"][0], **change}
    ack = canvas_setup["phones"][0].emit("goal:add", body, callback=True)
    assert ack["ok"] is False and ack["error"] in ("invalid", "not_found", "empty")


def test_the_issue_names_invalid_for_an_unknown_domain(canvas_setup):
    ack = _goal(canvas_setup["phones"][0], canvas_setup, domain="sport")
    assert ack == {"ok": False, "error": "invalid",
                   "message": "Kies een van de acht mentortaken."}


def test_the_facilitator_moves_edits_marks_and_deletes(canvas_setup, facilitator):
    goal_id = _goal(canvas_setup["phones"][0], canvas_setup)["goal_id"]
    assert facilitator.emit("goal:move", {"goal_id": goal_id, "domain": "ouders",
                                          "period": canvas_setup["periods"][2]},
                            callback=True)["ok"]
    assert facilitator.emit("goal:lesson", {"goal_id": goal_id, "lesson": True},
                            callback=True)["ok"]
    assert facilitator.emit("goal:edit", {"goal_id": goal_id,
                                          "text": "De leerling kan met ouders plannen."},
                            callback=True)["ok"]
    heard = wait_for(facilitator, "canvas", lambda p: p["canvases"][0]["goals"]
                     and p["canvases"][0]["goals"][0]["lesson"])
    canvas = heard["canvases"][0]
    assert canvas["goals"][0]["domain"] == "ouders"
    assert canvas["goals"][0]["text"] == "De leerling kan met ouders plannen."
    assert canvas["plan"][2] == {"period": canvas_setup["periods"][2], "lessons": [goal_id]}
    assert facilitator.emit("goal:delete", {"goal_id": goal_id}, callback=True)["ok"]
    assert wait_for(facilitator, "canvas", lambda p: p["canvases"][0]["goals"] == [])


def test_merging_goals_keeps_the_likes(canvas_setup, facilitator):
    anna, bram = canvas_setup["phones"]
    first = _goal(anna, canvas_setup)["goal_id"]
    second = _goal(bram, canvas_setup, text="De leerling kan een planning maken.")["goal_id"]
    assert bram.emit("goal:like", {"goal_id": first}, callback=True)["ok"]
    assert bram.emit("goal:like", {"goal_id": first}, callback=True)["ok"]  # once only
    assert anna.emit("goal:like", {"goal_id": second}, callback=True)["ok"]
    ack = facilitator.emit("goal:merge", {"goal_ids": [first, second],
                                          "text": "De leerling kan een weekplanning maken."},
                           callback=True)
    assert ack["ok"]
    heard = wait_for(facilitator, "canvas", lambda p: len(p["canvases"][0]["goals"]) == 1)
    assert heard["canvases"][0]["goals"][0]["likes"] == 2


def test_periods_can_be_added_renamed_and_removed_when_empty(canvas_setup, facilitator):
    added = facilitator.emit("period:add", {"name": "Toetsweek"}, callback=True)
    assert added["ok"]
    assert facilitator.emit("period:rename", {"period_id": canvas_setup["periods"][0],
                                              "name": "September"}, callback=True)["ok"]
    _goal(canvas_setup["phones"][0], canvas_setup, period=1)
    refused = facilitator.emit("period:remove", {"period_id": canvas_setup["periods"][1]},
                               callback=True)
    assert refused["ok"] is False and refused["error"] == "in_use"
    assert facilitator.emit("period:remove", {"period_id": added["period_id"]},
                            callback=True)["ok"]
    periods = facilitator.emit("sync", {"since": 0}, callback=True)["state"]["canvas"]["periods"]
    assert [p["name"] for p in periods] == ["September", "Periode 2", "Periode 3", "Periode 4"]


def test_vision_statements_are_kept_or_dropped_by_the_facilitator(canvas_setup, facilitator):
    anna = canvas_setup["phones"][0]
    ack = anna.emit("vision:add", {"id": _new_id(), "canvas_id": canvas_setup["canvas_id"],
                                   "text": "Elke leerling heeft een mentor die hem kent."},
                    callback=True)
    assert ack["ok"]
    assert facilitator.emit("canvas:basis", {"canvas_id": canvas_setup["canvas_id"],
                                             "doelgroep": "Brugklassers, 12 jaar"},
                            callback=True)["ok"]
    assert facilitator.emit("vision:keep", {"vision_id": ack["vision_id"], "kept": False},
                            callback=True)["ok"]
    phone_view = wait_for(canvas_setup["phones"][1], "canvas",
                          lambda p: p["canvases"][0]["basis"]["doelgroep"])
    assert phone_view["canvases"][0]["basis"]["visie"] == []
    facilitator_view = wait_for(facilitator, "canvas",
                                lambda p: p["canvases"][0]["basis"]["visie"])
    assert facilitator_view["canvases"][0]["basis"]["visie"][0]["kept"] is False


@pytest.mark.parametrize("event, body", [
    ("canvas:add", {"id": "a1b2c3d4e5", "name": "x"}),
    ("goal:move", {"goal_id": "g", "domain": "ouders", "period": "p"}),
    ("goal:delete", {"goal_id": "g"}), ("period:add", {"name": "x"}),
    ("vision:keep", {"vision_id": "v", "kept": False}),
    ("canvas:basis", {"canvas_id": "c", "doelgroep": "x"}),
])
def test_mentors_cannot_change_the_canvas_structure(canvas_setup, event, body):
    ack = canvas_setup["phones"][0].emit(event, body, callback=True)
    assert ack["ok"] is False and ack["error"] == "forbidden"


def test_mentors_add_goals_only_in_the_canvas_phase(connect, workshop, facilitator):
    canvas_id = facilitator.emit("canvas:add", {"id": _new_id(), "name": "Leerjaar 2"},
                                 callback=True)["canvas_id"]
    phone = mentor_in(connect, workshop, "Anna")
    periods = facilitator.emit("sync", {"since": 0}, callback=True)["state"]["canvas"]["periods"]
    ack = phone.emit("goal:add", {"id": _new_id(), "canvas_id": canvas_id,
                                  "text": "De leerling kan plannen.", "domain": "introductie",
                                  "period": periods[0]["id"]}, callback=True)
    assert ack["ok"] is False and ack["error"] == "wrong_phase"


def test_the_facilitator_chooses_the_canvas_on_the_projector(canvas_setup, facilitator):
    second = facilitator.emit("canvas:add", {"id": _new_id(), "name": "Leerjaar 2 vmbo"},
                              callback=True)["canvas_id"]
    assert facilitator.emit("canvas:show", {"canvas_id": second}, callback=True)["ok"]
    assert wait_for(canvas_setup["phones"][0], "canvas", lambda p: p["shown"] == second)
    ack = facilitator.emit("canvas:show", {"canvas_id": "nope"}, callback=True)
    assert ack["ok"] is False and ack["error"] == "not_found"
    assert canvas_setup["phones"][0].emit("canvas:show", {"canvas_id": second},
                                          callback=True)["error"] == "forbidden"


def test_a_goal_may_serve_a_theme_of_the_web_only(canvas_setup):
    ack = _goal(canvas_setup["phones"][0], canvas_setup)
    assert ack["ok"]
    body = {"id": _new_id(), "canvas_id": canvas_setup["canvas_id"],
            "text": "De leerling kan plannen.", "domain": "introductie",
            "period": canvas_setup["periods"][0], "theme": "Verzonnen thema"}
    refused = canvas_setup["phones"][0].emit("goal:add", body, callback=True)
    assert refused["ok"] is False and refused["error"] == "invalid"
