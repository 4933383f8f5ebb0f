"""Socket events of the mission board: drafts, coverage, votes, the facilitator's edits."""

import uuid

import pytest

from tests.conftest import add_value, events_named, mentor_in, set_phase, wait_for


def _draft(sock, text, client_id=None, **extra):
    return sock.emit("draft:add", {"id": client_id or str(uuid.uuid4()), "text": text, **extra},
                     callback=True)


@pytest.fixture
def board_team(connect, workshop, facilitator):
    """Three mentors with shared themes Vertrouwen and Groei, in the mission phase."""
    set_phase(facilitator, "reflect")
    phones = {}
    for name, texts in {"Anna": ["Vertrouwen", "Groei"], "Bram": ["vertrouwen", "groeien"],
                        "Chris": ["Humor", "Rust"]}.items():
        phones[name] = mentor_in(connect, workshop, name)
        for text in texts:
            assert add_value(phones[name], text)["ok"]
    set_phase(facilitator, "mission")
    for sock in phones.values():
        sock.get_received()
    return phones


def test_a_draft_is_posted_once_and_shows_the_themes_it_covers(board_team, facilitator):
    client_id = str(uuid.uuid4())
    ack = _draft(board_team["Anna"], "Wij vertrouwen op elke leerling.", client_id)
    assert ack["ok"] and ack["draft_id"] and ack["hints"]["warnings"] == []
    assert _draft(board_team["Anna"], "Wij vertrouwen op elke leerling.", client_id)["draft_id"] \
        == ack["draft_id"]
    board = wait_for(board_team["Chris"], "board", lambda p: p["drafts"])
    assert len(board["drafts"]) == 1
    assert board["drafts"][0]["covers"] == ["Vertrouwen"]
    assert board["uncovered"] == ["Groei"]
    assert board["drafts"][0]["author"] == "Anna"


def test_drafts_are_refused_outside_the_mission_phase(connect, workshop, facilitator):
    phone = mentor_in(connect, workshop, "Anna")
    ack = _draft(phone, "Wij zien elke leerling.")
    assert ack["ok"] is False and ack["error"] == "wrong_phase"


@pytest.mark.parametrize("text, code", [("", "empty"), ("x" * 301, "too_long"),
                                        (42, "invalid"), (None, "empty")])
def test_bad_drafts_get_a_dutch_error(board_team, text, code):
    ack = _draft(board_team["Anna"], text)
    assert ack["ok"] is False and ack["error"] == code and ack["message"]


def test_voting_limits_retraction_and_closing(board_team, facilitator):
    draft_id = _draft(board_team["Anna"], "Wij vertrouwen op elke leerling.")["draft_id"]
    bram = board_team["Bram"]
    assert bram.emit("vote:cast", {"draft_id": draft_id}, callback=True)["error"] \
        == "voting_closed"
    assert facilitator.emit("voting:set", {"open": True, "votes_per_person": 2},
                            callback=True)["ok"]
    assert bram.emit("vote:cast", {"draft_id": draft_id}, callback=True) \
        == {"ok": True, "votes_left": 1}
    assert bram.emit("vote:cast", {"draft_id": draft_id}, callback=True)["votes_left"] == 0
    assert bram.emit("vote:cast", {"draft_id": draft_id}, callback=True)["error"] \
        == "no_votes_left"
    assert bram.emit("vote:retract", {"draft_id": draft_id}, callback=True)["votes_left"] == 1
    board = wait_for(facilitator, "board", lambda p: p["drafts"] and p["drafts"][0]["votes"] == 1)
    assert board["voting"]["votes_per_person"] == 2
    assert board_team["Chris"].emit("vote:retract", {"draft_id": draft_id},
                                    callback=True)["error"] == "no_vote"
    assert facilitator.emit("voting:set", {"open": False}, callback=True)["ok"]
    assert bram.emit("vote:retract", {"draft_id": draft_id}, callback=True)["error"] \
        == "voting_closed"


def test_hidden_counts_reach_only_the_facilitator(board_team, facilitator):
    draft_id = _draft(board_team["Anna"], "Wij vertrouwen op elke leerling.")["draft_id"]
    facilitator.emit("voting:set", {"open": True, "hide_counts": True}, callback=True)
    board_team["Bram"].emit("vote:cast", {"draft_id": draft_id}, callback=True)
    assert wait_for(facilitator, "board", lambda p: p["drafts"][0]["votes"] == 1)
    phone_board = wait_for(board_team["Chris"], "board", lambda p: p["voting"]["hide_counts"])
    assert phone_board["drafts"][0]["votes"] is None
    facilitator.emit("voting:set", {"open": False}, callback=True)
    assert wait_for(board_team["Chris"], "board", lambda p: p["drafts"][0]["votes"] == 1)


def test_combining_keeps_votes_as_history_and_returns_the_dots(board_team, facilitator):
    first = _draft(board_team["Anna"], "Wij vertrouwen op elke leerling.")["draft_id"]
    second = _draft(board_team["Bram"], "Leerlingen groeien bij ons.")["draft_id"]
    facilitator.emit("voting:set", {"open": True, "votes_per_person": 1}, callback=True)
    assert board_team["Chris"].emit("vote:cast", {"draft_id": first}, callback=True)["ok"]
    ack = facilitator.emit("draft:combine", {"draft_ids": [first, second],
                                             "text": "Wij vertrouwen op leerlingen en laten "
                                                     "ze groeien."}, callback=True)
    assert ack["ok"]
    board = wait_for(facilitator, "board", lambda p: len(p["history"]) == 2)
    assert [d["id"] for d in board["drafts"]] == [ack["draft_id"]]
    assert sorted(board["drafts"][0]["covers"]) == ["Groei", "Vertrouwen"]
    assert board["uncovered"] == []
    assert {h["id"]: h["votes"] for h in board["history"]} == {first: 1, second: 0}
    assert board_team["Chris"].emit("vote:cast", {"draft_id": ack["draft_id"]},
                                    callback=True)["votes_left"] == 0
    assert board_team["Chris"].emit("vote:cast", {"draft_id": first}, callback=True)["error"] \
        == "not_found"


def test_the_facilitator_edits_and_adopts_and_every_phone_sees_the_mission(board_team,
                                                                          facilitator):
    draft_id = _draft(board_team["Anna"], "Wij vertrouwen op elke leerling")["draft_id"]
    assert facilitator.emit("draft:edit", {"draft_id": draft_id,
                                           "text": "Wij vertrouwen op elke leerling."},
                            callback=True)["ok"]
    mission = "Wij vertrouwen op elke leerling. Samen laten we hen groeien."
    assert facilitator.emit("mission:adopt", {"text": mission}, callback=True)["mission"] \
        == mission
    assert wait_for(board_team["Chris"], "board", lambda p: p["mission"] == mission)
    state = board_team["Bram"].emit("sync", {"since": 0}, callback=True)["state"]
    assert state["board"]["mission"] == mission


def test_a_mission_of_three_sentences_is_refused(board_team, facilitator):
    ack = facilitator.emit("mission:adopt", {"text": "Een. Twee. Drie."}, callback=True)
    assert ack["ok"] is False and ack["error"] == "too_many_sentences"


@pytest.mark.parametrize("event, body", [
    ("voting:set", {"open": True}), ("draft:edit", {"draft_id": "x", "text": "y"}),
    ("draft:combine", {"draft_ids": ["a", "b"], "text": "y"}),
    ("mission:adopt", {"text": "Wij zien je."}),
])
def test_mentors_cannot_use_facilitator_board_actions(board_team, event, body):
    ack = board_team["Anna"].emit(event, body, callback=True)
    assert ack["ok"] is False and ack["error"] == "forbidden"
    assert events_named(board_team["Bram"], "board") == []


@pytest.mark.parametrize("body", [{"draft_ids": "ab", "text": "x"},
                                  {"draft_ids": ["only-one"], "text": "x"},
                                  {"draft_ids": ["a", "a"], "text": "x"},
                                  {"draft_ids": ["a", "b"], "text": "x"}])
def test_combining_needs_two_existing_drafts(board_team, facilitator, body):
    ack = facilitator.emit("draft:combine", body, callback=True)
    assert ack["ok"] is False and ack["error"] in ("invalid", "not_found")


def test_a_group_draft_shows_the_group_as_author(connect, workshop, facilitator):
    phones = [mentor_in(connect, workshop, name) for name in ("Anna", "Bram")]
    set_phase(facilitator, "groups")
    set_phase(facilitator, "mission")
    ack = _draft(phones[0], "Wij zien elke leerling.", as_group=True)
    assert ack["ok"]
    board = wait_for(phones[1], "board", lambda p: p["drafts"])
    assert board["drafts"][0]["author"] == "Groep 1"


def test_leaving_the_mission_phase_closes_the_voting(board_team, facilitator):
    draft_id = _draft(board_team["Anna"], "Wij vertrouwen op elke leerling.")["draft_id"]
    facilitator.emit("voting:set", {"open": True, "hide_counts": True}, callback=True)
    board_team["Bram"].emit("vote:cast", {"draft_id": draft_id}, callback=True)
    set_phase(facilitator, "canvas")
    board = wait_for(board_team["Chris"], "board", lambda p: not p["voting"]["open"])
    assert board["drafts"][0]["votes"] == 1  # closed: the counts show
    ack = board_team["Bram"].emit("vote:cast", {"draft_id": draft_id}, callback=True)
    assert ack["ok"] is False and ack["error"] == "voting_closed"
