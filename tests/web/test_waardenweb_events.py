"""Socket events of the values web: groups, marks, themes, corrections, recognition, timer."""

import uuid

import pytest

from tests.conftest import add_value, events_named, join, mentor_in, set_phase, wait_for


def _theme_with(web, text):
    return next(t for t in web if any(v["text"] == text for v in t["values"]))


@pytest.fixture
def team(connect, workshop, facilitator):
    """Four mentors who each named values in the reflect phase."""
    set_phase(facilitator, "reflect")
    mentors = {}
    values = {"Anna": ["Vertrouwen", "Groei"], "Bram": ["vertrouwen", "Humor"],
              "Chris": ["Veiligheid", "Respect"], "Dewi": ["Respect", "Structuur"]}
    for name, texts in values.items():
        sock = mentor_in(connect, workshop, name)
        for text in texts:
            assert add_value(sock, text)["ok"]
        mentors[name] = sock
    return mentors


def test_the_facilitator_previews_themes_during_reflection_but_phones_do_not(team,
                                                                             facilitator):
    web = wait_for(facilitator, "themes",
                   lambda p: sum(len(t["values"]) for t in p["themes"]) == 8)["themes"]
    trust = _theme_with(web, "Vertrouwen")
    assert {v["text"] for v in trust["values"]} == {"Vertrouwen", "vertrouwen"}
    assert trust["participants"] == 2 and trust["shared"] is True
    assert trust["words"] == [{"text": "Vertrouwen", "count": 2}]
    assert all(events_named(sock, "themes") == [] for sock in team.values())


def test_entering_the_groups_phase_forms_groups_and_each_phone_hears_its_own(team,
                                                                             facilitator):
    set_phase(facilitator, "groups")
    overview = wait_for(facilitator, "groups")["groups"]
    assert sorted(len(g["members"]) for g in overview) == [4]  # 4 mentors, groups of 4
    detail = wait_for(team["Anna"], "group")["group"]
    assert {m["name"] for m in detail["members"]} == {"Anna", "Bram", "Chris", "Dewi"}
    assert any(v["text"] == "Humor" for m in detail["members"] for v in m["values"])


def test_a_group_marks_a_shared_value_and_names_its_theme(connect, workshop, team,
                                                          facilitator):
    set_phase(facilitator, "groups")
    detail = wait_for(team["Anna"], "group")["group"]
    brams_value = next(v for m in detail["members"] if m["name"] == "Bram"
                       for v in m["values"] if v["text"] == "Humor")
    ack = team["Anna"].emit("value:mark", {"value_id": brams_value["id"], "marked": True},
                            callback=True)
    assert ack == {"ok": True}
    heard = wait_for(team["Bram"], "group", lambda p: any(
        v["marked"] for m in p["group"]["members"] for v in m["values"]))
    assert heard["group"]["number"] == detail["number"]
    assert wait_for(facilitator, "groups", lambda p: p["groups"][0]["marked"] == 1)
    ack = team["Chris"].emit("group:name", {"name": "Samen sterk"}, callback=True)
    assert ack["ok"] and ack["name"] == "Samen sterk"
    assert wait_for(team["Dewi"], "group", lambda p: p["group"]["name"] == "Samen sterk")


def test_a_value_of_another_group_cannot_be_marked(connect, workshop, team, facilitator):
    assert facilitator.emit("groups:form", {}, callback=True)["ok"]
    anna_group = wait_for(team["Anna"], "group")["group"]
    # move Dewi into a group of her own making, so her values are outside Anna's group
    dewi_id = next(m["id"] for m in anna_group["members"] if m["name"] == "Dewi")
    assert facilitator.emit("group:move", {"participant_id": dewi_id, "group": 2},
                            callback=True)["ok"]
    set_phase(facilitator, "groups")
    dewi_group = wait_for(team["Dewi"], "group", lambda p: p["group"]["number"] == 2)["group"]
    dewis_value = dewi_group["members"][0]["values"][0]["id"]
    ack = team["Anna"].emit("value:mark", {"value_id": dewis_value}, callback=True)
    assert ack["ok"] is False and ack["error"] == "not_found"


def test_a_mentor_cannot_form_or_move_groups(team):
    for event, body in [("groups:form", {}), ("group:move", {"participant_id": "x", "group": 1})]:
        ack = team["Anna"].emit(event, body, callback=True)
        assert ack["ok"] is False and ack["error"] == "forbidden"


def test_in_the_themes_phase_phones_see_the_compact_web(team, facilitator):
    set_phase(facilitator, "themes")
    web = wait_for(team["Chris"], "themes")["themes"]
    respect = next(t for t in web if t["label"].lower() == "respect")
    assert respect["participants"] == 2
    assert "values" not in respect  # phones get counts and words, not value ids
    assert respect["words"][0]["count"] == 2


def test_corrections_are_broadcast_and_survive_new_values(connect, workshop, team,
                                                          facilitator):
    set_phase(facilitator, "themes")
    web = wait_for(facilitator, "themes",
                   lambda p: sum(len(t["values"]) for t in p["themes"]) == 8)["themes"]
    safety, respect = _theme_with(web, "Veiligheid"), _theme_with(web, "Respect")
    assert facilitator.emit("theme:merge", {"theme_id": safety["id"], "into_id": respect["id"]},
                            callback=True)["ok"]
    assert facilitator.emit("theme:rename", {"theme_id": respect["id"],
                                             "label": "Veilig en respectvol"},
                            callback=True)["ok"]
    late = mentor_in(connect, workshop, "Eva")
    assert add_value(late, "veiligheid")["ok"]
    web = wait_for(facilitator, "themes", lambda p: any(
        v["text"] == "veiligheid" for t in p["themes"] for v in t["values"]))["themes"]
    merged = _theme_with(web, "veiligheid")
    assert merged["id"] == respect["id"] and merged["label"] == "Veilig en respectvol"
    assert {"Veiligheid", "Respect", "veiligheid"} <= {v["text"] for v in merged["values"]}


def test_move_split_and_hide(team, facilitator):
    set_phase(facilitator, "themes")
    web = wait_for(facilitator, "themes",
                   lambda p: sum(len(t["values"]) for t in p["themes"]) == 8)["themes"]
    humor = next(v for t in web for v in t["values"] if v["text"] == "Humor")
    growth = _theme_with(web, "Groei")
    assert facilitator.emit("theme:move", {"value_id": humor["id"], "theme_id": growth["id"]},
                            callback=True)["ok"]
    ack = facilitator.emit("theme:split", {"value_ids": [humor["id"]], "label": "Plezier"},
                           callback=True)
    assert ack["ok"] and ack["theme_id"]
    assert facilitator.emit("theme:hide", {"theme_id": ack["theme_id"], "hidden": True},
                            callback=True)["ok"]
    web = wait_for(facilitator, "themes", lambda p: any(
        t["label"] == "Plezier" and t["hidden"] for t in p["themes"]))["themes"]
    assert _theme_with(web, "Humor")["id"] == ack["theme_id"]
    phone_web = wait_for(team["Anna"], "themes",
                         lambda p: all(t["label"] != "Humor" for t in p["themes"]))["themes"]
    assert all(t["label"] != "Plezier" for t in phone_web)  # hidden from phones


@pytest.mark.parametrize("event, body", [
    ("theme:merge", {"theme_id": "t999", "into_id": "t1"}),
    ("theme:rename", {"theme_id": "t999", "label": "x"}),
    ("theme:move", {"value_id": "nope", "theme_id": "t1"}),
    ("theme:split", {"value_ids": ["nope"]}),
])
def test_corrections_with_unknown_ids_are_refused(team, facilitator, event, body):
    ack = facilitator.emit(event, body, callback=True)
    assert ack["ok"] is False and ack["error"] in ("not_found", "invalid")
    assert ack["message"]


@pytest.mark.parametrize("event, body", [
    ("theme:merge", {"theme_id": "t1", "into_id": "t1"}),
    ("theme:rename", {"theme_id": "t1", "label": ""}),
    ("theme:rename", {"theme_id": "t1", "label": "x" * 61}),
    ("theme:split", {"value_ids": "abc"}),
    ("theme:split", {"value_ids": []}),
    ("theme:hide", {"theme_id": "t1", "hidden": "ja"}),
])
def test_malformed_corrections_are_refused(team, facilitator, event, body):
    ack = facilitator.emit(event, body, callback=True)
    assert ack["ok"] is False and ack["error"] in ("invalid", "empty", "too_long")


def test_a_mentor_cannot_correct_themes(team):
    ack = team["Anna"].emit("theme:rename", {"theme_id": "t1", "label": "Mijn thema"},
                            callback=True)
    assert ack["ok"] is False and ack["error"] == "forbidden"


def test_recognising_a_theme_counts_once_per_mentor(team, facilitator):
    set_phase(facilitator, "themes")
    web = wait_for(team["Anna"], "themes")["themes"]
    theme_id = web[0]["id"]
    assert team["Bram"].emit("theme:recognise", {"theme_id": theme_id}, callback=True)["ok"]
    assert team["Bram"].emit("theme:recognise", {"theme_id": theme_id}, callback=True)["ok"]
    assert team["Chris"].emit("theme:recognise", {"theme_id": theme_id}, callback=True)["ok"]
    web = wait_for(facilitator, "themes", lambda p: any(
        t["id"] == theme_id and t["recognised"] == 2 for t in p["themes"]))
    assert web
    state = team["Bram"].emit("sync", {"since": 0}, callback=True)["state"]
    assert state["me"]["recognised"] == [theme_id]


def test_recognising_before_the_themes_phase_is_refused(team):
    ack = team["Anna"].emit("theme:recognise", {"theme_id": "t1"}, callback=True)
    assert ack["ok"] is False and ack["error"] == "wrong_phase"


def test_closed_submissions_refuse_new_values(team, facilitator):
    set_phase(facilitator, "themes")
    assert facilitator.emit("submissions:set", {"open": False}, callback=True)["ok"]
    assert wait_for(team["Anna"], "submissions")["open"] is False
    ack = add_value(team["Anna"], "Eerlijkheid")
    assert ack["ok"] is False and ack["error"] == "closed"
    assert facilitator.emit("submissions:set", {"open": True}, callback=True)["ok"]
    assert add_value(team["Anna"], "Eerlijkheid")["ok"]


def test_the_timer_reaches_every_screen(team, facilitator):
    ack = facilitator.emit("timer:set", {"seconds": 300}, callback=True)
    assert ack["ok"]
    heard = wait_for(team["Anna"], "timer")
    assert heard["ends_at"] == ack["ends_at"]
    assert 299 <= heard["ends_at"] - heard["now"] <= 300
    assert facilitator.emit("timer:set", {"seconds": 0}, callback=True)["ends_at"] is None
    for bad in (-1, 3601, "300", True):
        assert facilitator.emit("timer:set", {"seconds": bad}, callback=True)["ok"] is False
    assert team["Anna"].emit("timer:set", {"seconds": 60}, callback=True)["error"] \
        == "forbidden"


def test_a_latecomer_during_the_groups_phase_joins_the_smallest_group(connect, workshop,
                                                                      team, facilitator):
    assert facilitator.emit("groups:form", {}, callback=True)["ok"]
    set_phase(facilitator, "groups")
    late = connect()
    ack = join(late, workshop, name="Eva")
    assert ack["state"]["group"]["number"] == 1
    assert {m["name"] for m in ack["state"]["group"]["members"]} >= {"Eva", "Anna"}
    assert add_value(late, "Eigenaarschap", str(uuid.uuid4()))["ok"]


def test_anonymous_groups_show_letters_not_names(connect, client, app):
    from tests.conftest import create_workshop
    workshop = create_workshop(client, anonymous=True)
    fac = connect()
    fac.emit("facilitate", {"workshop_id": workshop["id"],
                            "token": workshop["facilitator_token"]}, callback=True)
    phones = [mentor_in(connect, workshop, name) for name in ("Anna", "Bram")]
    set_phase(fac, "groups")
    detail = wait_for(phones[0], "group")["group"]
    assert sorted(m["name"] for m in detail["members"]) == ["Mentor A", "Mentor B"]
