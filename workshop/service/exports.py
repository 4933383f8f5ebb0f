"""Exporting a workshop, importing one from an export, and comparing two of a team.

A snapshot is read in one short transaction; the (slow) rendering happens after it, so a
PDF of a big workshop never holds the database's write lock.

The PDF and Word renderers (reportlab, python-docx, Pillow) and the import's schema check
(jsonschema-rs) load at their first use: a server that never exports keeps about 20 MB less
(docs/BENCHMARKS.md, "Load"). That first export pays the import once (a few hundred ms).
"""

import json
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from .. import codes
from ..errors import WorkshopError
from ..export import compare as comparing
from ..export import csv_export, markdown, report, restore, snapshot
from ..model import Workshop
from ..storage import Store
from .changes import Created
from .sessions import _free_code
from .theme_cache import current_engine


def _pdf(document: dict) -> bytes:
    from ..export import pdf_export

    return pdf_export.render(report.build(document))


def _docx(document: dict) -> bytes:
    from ..export import docx_export

    return docx_export.render(report.build(document))


_RENDERERS: dict[str, tuple[Callable[[dict], bytes], str, str]] = {
    "pdf": (_pdf, "application/pdf", "pdf"),
    "docx": (_docx,
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "md": (lambda doc: markdown.render(report.build(doc)), "text/markdown; charset=utf-8", "md"),
    "csv": (csv_export.render, "application/zip", "csv.zip"),
    "json": (lambda doc: json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"),
             "application/json", "json"),
}
FORMATS = tuple(_RENDERERS)


def read_snapshot(store: Store, workshop_id: str, names: bool = True) -> dict:
    """The complete workshop as its versioned JSON document; `names=False` leaves them out."""
    with store.transaction() as tx:
        _revision, engine = current_engine(tx, workshop_id)
        document = snapshot.build(tx, workshop_id, datetime.now(UTC), engine.to_state())
    return document if names else snapshot.without_names(document)


def summary(store: Store, workshop_id: str, names: bool = True) -> report.Report:
    """What the summary page shows."""
    return report.build(read_snapshot(store, workshop_id, names))


def export(store: Store, workshop_id: str, format_: object,
           names: bool = True) -> tuple[bytes, str, str]:
    """The workshop as a file: (content, mimetype, filename); `names=False`: "Mentor 3"."""
    if format_ not in _RENDERERS:
        raise WorkshopError("invalid", "Kies pdf, docx, md, csv of json.")
    render, mimetype, extension = _RENDERERS[format_]
    document = read_snapshot(store, workshop_id, names)
    return render(document), mimetype, f"{_file_stem(document)}.{extension}"


def _file_stem(document: dict) -> str:
    """'mentorkompas-missie-onderbouw-2026-03-12': readable, safe in any file system."""
    slug = re.sub(r"[^a-z0-9]+", "-", document["workshop"]["title"].casefold()).strip("-")
    return f"mentorkompas-{slug[:40] or 'workshop'}-{document['workshop']['created_at'][:10]}"


def import_workshop(store: Store, document: object, max_participants: int) -> Created:
    """A new workshop (new id, code and tokens) with everything an export holds.

    The document is checked whole before the transaction (the write lock) begins; all rows
    then go in one transaction, so an invalid document leaves nothing behind.
    """
    from ..export.schema import check_document

    document = check_document(document, max_participants)
    workshop_id = codes.new_id()
    rows = restore.plan(document, workshop_id, max_participants, datetime.now(UTC))
    token = codes.new_token()
    with store.transaction() as tx:
        workshop = Workshop(id=workshop_id, code=_free_code(tx), version=1,
                            presenter_key=codes.new_token(), **rows.settings)
        tx.add_workshop(workshop, codes.hash_token(token))
        tx.update_workshop(workshop.id, created_at=rows.created_at)
        tx.mark_imported(workshop.id, datetime.now(UTC))
        # imported mentors cannot log in: nobody holds a token for these hashes
        tx.insert_import(workshop.id, rows, [codes.hash_token(codes.new_token())
                                             for _ in rows.participants],
                         datetime.now(UTC) - timedelta(seconds=1))
        tx.save_theme_snapshot(workshop.id, 1, rows.theme_state)
    return Created(workshop, token)


def compare(store: Store, first_id: str, second_id: str) -> dict:
    """The older workshop as 'then', the newer as 'now'."""
    first, second = read_snapshot(store, first_id), read_snapshot(store, second_id)
    ordered = sorted((first, second), key=lambda doc: doc["workshop"]["created_at"])
    return comparing.compare(*ordered)
