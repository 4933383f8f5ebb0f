"""Edges: a workshop with nothing in it yet, and comparing by share of mentors."""

import pytest

from tests.export.conftest import MAX_PARTICIPANTS
from tests.export.helpers import pdf_pages, without_ids
from workshop import service
from workshop.export.compare import compare
from workshop.service import exports


@pytest.mark.parametrize("format_", ["pdf", "docx", "md", "csv", "json"])
def test_an_empty_workshop_exports_every_format(store, format_):
    created = service.create_workshop(store, {"title": "Nog leeg"})
    data, _, _ = exports.export(store, created.workshop.id, format_)
    assert data
    if format_ == "pdf":
        assert "nog geen missie vastgesteld" in " ".join(pdf_pages(data)[0].split())


def test_an_empty_workshop_round_trips(store):
    created = service.create_workshop(store, {"title": "Nog leeg", "team": "Team A"})
    before = exports.read_snapshot(store, created.workshop.id)
    imported = exports.import_workshop(store, before, MAX_PARTICIPANTS)
    assert without_ids(exports.read_snapshot(store, imported.workshop.id)) == without_ids(before)


def _document(mentors: int, themes: dict[str, int], created_at: str) -> dict:
    """A minimal snapshot: `themes` maps a label to how many mentors named it."""
    people = [{"id": f"p{i}", "number": i + 1, "name": ""} for i in range(mentors)]
    values, listed = [], []
    for label, count in themes.items():
        ids = [f"{label}{i}" for i in range(count)]
        values += [{"id": vid, "participant": f"p{i}", "text": label, "why": "",
                    "marked": False} for i, vid in enumerate(ids)]
        listed.append({"id": f"t{len(listed) + 1}", "label": label, "hidden": False,
                       "values": ids, "recognised_by": []})
    return {"workshop": {"title": "W", "team": "Team", "created_at": created_at,
                         "mission": ""},
            "participants": people, "values": values, "themes": listed}


def test_compare_measures_growth_by_share_of_the_team():
    then = _document(10, {"Groei": 5, "Respect": 5, "Rust": 2}, "2025-06-01T10:00:00Z")
    now = _document(20, {"groei": 6, "Respect": 12, "Plezier": 3}, "2026-06-01T10:00:00Z")
    result = {t["label"]: t for t in compare(then, now)["themes"]}
    assert result["groei"]["change"] == "shrank"  # 6 of 20 is less than 5 of 10
    assert result["groei"]["then"] == {"mentors": 5, "share": 50}
    assert result["Respect"]["change"] == "grew"
    assert result["Plezier"]["change"] == "appeared"
    assert result["Rust"]["change"] == "disappeared"
