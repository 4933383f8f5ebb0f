"""The socket packets' JSON: orjson where it can, the standard library for what it refuses."""

import json
import math

import pytest

from workshop.web import fast_json


def test_packets_are_compact_utf8_json_that_any_parser_reads():
    data = {"text": "Geloof in ’elkaar’ – ëen", "n": [1, 2.5, None, True], 3: "drie"}
    text = fast_json.dumps(data, separators=(",", ":"))
    assert text == '{"text":"Geloof in ’elkaar’ – ëen","n":[1,2.5,null,true],"3":"drie"}'
    assert json.loads(text) == {"text": data["text"], "n": [1, 2.5, None, True], "3": "drie"}
    assert fast_json.loads(text) == json.loads(text)


@pytest.mark.parametrize("text", ['{"since": NaN}', '{"since": Infinity}', '["\\ud800"]'])
def test_what_orjson_refuses_is_read_as_the_standard_library_reads_it(text):
    ours, theirs = fast_json.loads(text), json.loads(text)
    assert repr(ours) == repr(theirs)


def test_invalid_json_still_raises_a_value_error():
    with pytest.raises(ValueError):
        fast_json.loads('{"id": ')


@pytest.mark.parametrize("data", [[2 ** 70], ["\ud800"]])
def test_what_orjson_cannot_write_is_written_by_the_standard_library(data):
    assert fast_json.dumps(data) == json.dumps(data, separators=(",", ":"))


def test_not_a_number_is_never_written_as_invalid_json():
    assert json.loads(fast_json.dumps([math.nan])) == [None]


def test_a_fragment_is_sent_as_the_data_would_be(monkeypatch):
    from socketio import packet

    monkeypatch.setattr(packet.Packet, "json", fast_json)
    state = {"participants": [{"id": str(i), "name": f"Mentor {i}"} for i in range(3)], "n": 1}
    sent = packet.Packet(packet.ACK, data=[{"ok": True, "state": fast_json.fragment(state)}], id=1)
    plain = packet.Packet(packet.ACK, data=[{"ok": True, "state": state}], id=1)
    assert sent.encode() == plain.encode()
    assert sent.packet_type == packet.ACK  # no bytes inside: not a binary packet


def test_what_orjson_cannot_encode_is_left_for_dumps():
    data = {"n": 2 ** 70}
    assert fast_json.fragment(data) is data


def test_the_room_list_is_encoded_once_not_walked_for_bytes(app, facilitator, connect, workshop,
                                                            monkeypatch):
    """The lists of names (participants to the big screens, mentors to the facilitator) go as
    one encoding each: python-socketio's walk for bytes (Packet.data_is_binary) never sees the
    names, and the facilitator gets them all."""
    from socketio import packet

    from tests.conftest import join

    for name in ("Anna", "Bas", "Chris"):
        join(connect(), workshop, name)
    facilitator.get_received()
    walked = []
    walk = packet.Packet.data_is_binary.__func__

    def noted(cls, data):
        if isinstance(data, dict) and "name" in data:
            walked.append(data)
        return walk(cls, data)

    monkeypatch.setattr(packet.Packet, "data_is_binary", classmethod(noted))
    app.extensions["broadcaster"]._send_progress(workshop["id"])
    received = facilitator.get_received()
    (people,) = [m["args"][0]["participants"] for m in received if m["name"] == "participants"]
    (mentors,) = [m["args"][0]["mentors"] for m in received if m["name"] == "mentors"]
    assert sorted(person["name"] for person in people) == ["Anna", "Bas", "Chris"]
    assert sorted(mentor["name"] for mentor in mentors) == ["Anna", "Bas", "Chris"]
    assert not walked
