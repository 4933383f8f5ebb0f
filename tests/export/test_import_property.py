"""Property: whatever a hand (or an attacker) does to a valid export, import answers 201 or
400, never 500; a 400 adds no row to any table; a 201 gives a workshop every format renders.

Hypothesis mutates a real export: a node anywhere in it gets another type, an extreme
number, hostile unicode (lone surrogates, controls, noncharacters, bidi overrides), a long
string, deep nesting, or is dropped, repeated or given a stranger beside it.
"""

import copy
import json
import os

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.export.conftest import PUBLIC, build_workshop
from tests.export.test_import_rules import FORMATS, post, row_counts
from workshop.service import exports
from workshop.web import create_app

EXAMPLES = int(os.environ.get("IMPORT_EXAMPLES", "60"))  # more when exploring
DEEP = "\u2063deep\u2063"  # a marker string no mutation produces; replaced in the raw text

hostile_text = st.text(st.characters(exclude_categories=()), max_size=70) | st.sampled_from([
    "\ud800", "a\udfffb", "\x00\x01\x1f\x7f", "\ufffe\uffff", "\u202egeheim", "zero\u200bwidth",
    "x" * 301, " " * 80, "<script>alert(1)</script>", "=HYPERLINK(\"x\")", "💥" * 61])
numbers = st.integers(-(2**70), 2**70) | st.sampled_from(
    [0, -1, 1, 2, 5, 11, 1000, 1001, 2**31, 2**63, 10**10, 10**30])
scalars = (st.none() | st.booleans() | numbers | hostile_text
           | st.floats(allow_nan=True, allow_infinity=True))
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                           max_leaves=6)


def _paths(node, path=()):
    """Every place in a document, the root included."""
    yield path
    children = node.items() if isinstance(node, dict) else \
        enumerate(node) if isinstance(node, list) else ()
    for key, child in children:
        yield from _paths(child, (*path, key))


def _mutate(document: dict, data) -> str:
    """Apply one drawn mutation; returns the raw JSON text to upload."""
    path = data.draw(st.sampled_from(list(_paths(document))[1:]), label="path")
    *parent_path, key = path
    parent = document
    for step in parent_path:
        parent = parent[step]
    kind = data.draw(st.sampled_from(["replace", "text", "deep", "drop", "repeat", "extra"]),
                     label="kind")
    event(f"mutation: {kind}")
    if kind == "replace":
        parent[key] = data.draw(json_values, label="value")
    elif kind == "text" and isinstance(parent[key], str):
        where = data.draw(st.integers(0, len(parent[key])), label="at")
        parent[key] = parent[key][:where] + data.draw(hostile_text) + parent[key][where:]
    elif kind == "deep":
        parent[key] = DEEP
    elif kind == "drop":
        del parent[key]
    elif kind == "repeat" and isinstance(parent[key], list) and parent[key]:
        parent[key] *= data.draw(st.sampled_from([2, 3, 400, 1100]), label="times")
    elif kind == "extra" and isinstance(parent[key], dict):
        parent[key][data.draw(hostile_text, label="name")] = data.draw(json_values)
    raw = json.dumps(document, allow_nan=True)  # ensure_ascii: surrogates travel as \ud800
    depth = data.draw(st.sampled_from([2, 7, 50, 5000]), label="depth")
    return raw.replace(json.dumps(DEEP), "[" * depth + "]" * depth)


@pytest.fixture(scope="module")
def export_document(tmp_path_factory):
    """A finished workshop's export, built once through the real use cases."""
    app = _app(tmp_path_factory.mktemp("source"))
    store = app.extensions["store"]
    document = exports.read_snapshot(store, build_workshop(store).workshop.id)
    store.dispose()
    return document


def _app(folder):
    return create_app({
        "TESTING": True, "DATABASE_URL": f"sqlite:///{folder / 'property.db'}",
        "ASYNC_MODE": "threading", "PUBLIC_URL": PUBLIC, "SECRET_KEY": "test",
        "RATELIMIT_ENABLED": False,
    })


@pytest.fixture
def target(tmp_path):
    app = _app(tmp_path)
    app.testing = False  # a crash must come back as the 500 a real client would see
    app.config["PROPAGATE_EXCEPTIONS"] = False
    yield app
    app.extensions["store"].dispose()


@pytest.mark.timeout(600)  # 60 imports, a third with five exports each, on a shared machine
@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(data=st.data())
def test_a_mutated_export_is_refused_cleanly_or_imported_whole(target, export_document, data):
    raw = _mutate(copy.deepcopy(export_document), data)
    store, client = target.extensions["store"], target.test_client()
    before = row_counts(store)
    response = post(client, raw.encode())
    assert response.status_code in (201, 400), response.get_data(as_text=True)[:500]
    event(f"answer: {response.status_code}")
    if response.status_code == 400:
        assert response.get_json()["error"] == "invalid"
        assert row_counts(store) == before
        return
    created = response.get_json()
    headers = {"Authorization": f"Bearer {created['facilitator_token']}"}
    downloads = {f: client.get(f"/api/workshops/{created['id']}/export?format={f}",
                               headers=headers) for f in FORMATS}
    assert {f: d.status_code for f, d in downloads.items()} == dict.fromkeys(FORMATS, 200)
    # what an imported workshop exports imports again: the door lets in what it lets out
    assert post(client, downloads["json"].get_data()).status_code == 201
