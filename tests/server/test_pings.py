"""What a phone learns in the Engine.IO handshake: how soon a silent connection counts as dead.

Phones drop a background tab's socket without a close frame; with the library defaults (a
ping every 25 s, 20 s to answer) a phone looked online for 45 s while its values waited.
"""

import json

import pytest
import requests

pytestmark = pytest.mark.server


def test_the_handshake_tells_phones_to_expect_a_ping_every_15_s_answered_within_10(server):
    answer = requests.get(f"{server.url}/socket.io/", params={"EIO": 4, "transport": "polling"},
                          timeout=5)
    assert answer.status_code == 200 and answer.text.startswith("0")
    handshake = json.loads(answer.text[1:])
    assert handshake["pingInterval"] == 15_000
    assert handshake["pingTimeout"] == 10_000
