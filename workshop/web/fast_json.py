"""orjson behind the `dumps`/`loads` interface that python-socketio, engine.io and the Redis
message queue call, for every packet the server sends or receives.

The projector's web of 5,000 values is about 290 KB of JSON, encoded several times a second:
the standard library took 10 ms for it, orjson under 1 ms (docs/BENCHMARKS.md, "Load").
Output is compact UTF-8 JSON, as the standard library's with the separators socketio asks
for, except that non-ASCII text is not escaped; integer keys become strings, as there.
What orjson refuses (NaN, lone surrogates, integers past 64 bits) goes to the standard
library, so hostile packets meet the same checks as before.
"""

import json

import orjson

_OPTIONS = orjson.OPT_NON_STR_KEYS


def dumps(data, **_options) -> str:
    """JSON text; the standard library's keyword options (separators) need no counterpart."""
    try:
        return orjson.dumps(data, option=_OPTIONS).decode()
    except TypeError:
        return json.dumps(data, separators=(",", ":"))


def fragment(data):
    """`data` encoded now, to be sent as it is: python-socketio walks every list and dict of a
    packet looking for bytes before it encodes it (Packet.data_is_binary), and for a state
    with 1,000 participants that walk cost more than the encoding. What orjson refuses stays
    as it was, for `dumps` to encode."""
    try:
        return orjson.Fragment(orjson.dumps(data, option=_OPTIONS))
    except TypeError:
        return data


def loads(text, **_options):
    """Parse JSON text or bytes; invalid input raises a ValueError, as json.loads does."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)
