"""Import: an export comes back as a new workshop, equal but for its ids, or not at all."""

import copy
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from tests.export.conftest import MAX_PARTICIPANTS, MISSION, PUBLIC, build_workshop
from tests.export.helpers import without_ids
from workshop import codes, service
from workshop.errors import WorkshopError
from workshop.service import exports
from workshop.storage.tables import workshops


def _count_workshops(store) -> int:
    with store.transaction() as tx:
        return tx.c.execute(select(func.count()).select_from(workshops)).scalar_one()


def test_export_import_export_gives_the_same_content(store, finished):
    before = exports.read_snapshot(store, finished.workshop.id)
    created = exports.import_workshop(store, before, MAX_PARTICIPANTS)
    after = exports.read_snapshot(store, created.workshop.id)
    assert created.workshop.id != finished.workshop.id
    assert created.workshop.code != finished.workshop.code
    assert without_ids(after) == without_ids(before)
    assert {v["id"] for v in after["values"]}.isdisjoint({v["id"] for v in before["values"]})


def test_the_imported_workshop_gets_its_own_facilitator_token(store, finished):
    created = exports.import_workshop(store, exports.read_snapshot(store, finished.workshop.id),
                                     MAX_PARTICIPANTS)
    assert service.authorise_facilitator(store, created.workshop.id, created.facilitator_token)
    with pytest.raises(WorkshopError):
        service.authorise_facilitator(store, created.workshop.id, finished.facilitator_token)


def test_imported_corrections_keep_steering_new_values(store, finished):
    """The renamed theme and its routes survive: a new 'vertrouwen' joins the renamed theme."""
    document = exports.read_snapshot(store, finished.workshop.id)
    document["workshop"]["phase"] = "reflect"
    created = exports.import_workshop(store, document, MAX_PARTICIPANTS)
    mentor = service.join(store, created.workshop.code, "Nieuw", None, 100).participant
    service.add_value(store, mentor.id, codes.new_id(), "Vertrouwen", "")
    web = service.state(store, created.workshop.id, "facilitator", PUBLIC)["themes"]
    renamed = next(t for t in web if t["label"] == "Vertrouwen geven")
    assert renamed["participants"] == 3
    assert len(renamed["values"]) == 3


def test_the_imported_web_board_and_canvas_match_the_original(store, finished):
    created = exports.import_workshop(store, exports.read_snapshot(store, finished.workshop.id),
                                     MAX_PARTICIPANTS)
    old = service.state(store, finished.workshop.id, "facilitator", PUBLIC)
    new = service.state(store, created.workshop.id, "facilitator", PUBLIC)
    assert [(t["label"], t["participants"], t["recognised"]) for t in new["themes"]] == \
        [(t["label"], t["participants"], t["recognised"]) for t in old["themes"]]
    assert [(d["text"], d["votes"]) for d in new["board"]["drafts"]] == \
        [(d["text"], d["votes"]) for d in old["board"]["drafts"]]
    assert new["board"]["mission"] == MISSION
    goals = new["canvas"]["canvases"][0]["goals"]
    assert [(g["text"], g["likes"], g["lesson"]) for g in goals] == \
        [(g["text"], g["likes"], g["lesson"]) for g in old["canvas"]["canvases"][0]["goals"]]


def _broken(document, change):
    document = copy.deepcopy(document)
    change(document)
    return document


@pytest.mark.parametrize("change", [
    lambda d: d.update(schema_version=2),
    lambda d: d.update(format="iets anders"),
    lambda d: d["workshop"].update(title=""),
    lambda d: d["values"][0].update(participant="onbekend"),
    lambda d: d["values"].append({**d["values"][0], "id": "los"}),
    lambda d: d["themes"][0]["values"].append(d["themes"][1]["values"][0]),
    lambda d: d["drafts"][0].update(merged_into="nergens"),
    lambda d: d["canvases"][0]["goals"][0].update(period="geen-periode"),
    lambda d: d["canvases"][0]["goals"][0].update(domain="sport"),
    lambda d: d["theme_routing"]["routes"].update(bestaat_niet="t1"),
    lambda d: d["participants"].append(dict(d["participants"][0])),
    lambda d: d.pop("canvases"),
])
def test_an_invalid_document_is_refused_in_dutch_and_creates_nothing(store, finished, change):
    document = _broken(exports.read_snapshot(store, finished.workshop.id), change)
    before = _count_workshops(store)
    with pytest.raises(WorkshopError) as caught:
        exports.import_workshop(store, document, MAX_PARTICIPANTS)
    assert caught.value.code == "invalid"
    assert caught.value.message.startswith(("De export klopt niet", "Dit is geen export",
                                            "Deze versie"))
    assert _count_workshops(store) == before


def test_an_anonymous_export_stays_anonymous_when_imported(store):
    created = build_workshop(store, anonymous=True)
    document = exports.read_snapshot(store, created.workshop.id)
    document["participants"][0]["name"] = "Iemand"  # a hand-edited file cannot add names
    imported = exports.import_workshop(store, document, MAX_PARTICIPANTS)
    names = [p["name"] for p in exports.read_snapshot(store, imported.workshop.id)["participants"]]
    assert names == ["", "", ""]


def test_last_years_workshop_is_kept_for_the_retention_period_from_its_import(store, finished):
    """It keeps the date it was held, but is purged only RETENTION_DAYS after it arrived."""
    document = exports.read_snapshot(store, finished.workshop.id)
    document["workshop"]["created_at"] = "2025-10-01T09:00:00+00:00"
    created = exports.import_workshop(store, document, MAX_PARTICIPANTS)
    assert exports.read_snapshot(store, created.workshop.id)["workshop"]["created_at"] \
        .startswith("2025-10-01")
    assert service.purge_expired(store, datetime.now(UTC), 90) == 0
    assert service.purge_expired(store, datetime.now(UTC) + timedelta(days=91), 90) == 2
    assert _count_workshops(store) == 0
