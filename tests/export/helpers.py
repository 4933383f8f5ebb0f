"""Readers for the exported files, and the comparison of documents with their ids aside."""

import csv
import io
import zipfile

from pypdf import PdfReader

ID_LISTS = ("participants", "values", "drafts", "periods", "canvases")


def pdf_pages(data: bytes) -> list[str]:
    """The text of every page, as pypdf extracts it."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def every_text(format_: str, data: bytes) -> str:
    """All text a file carries, read from its bytes: each part of a zip (docx, csv), the PDF's
    page text and metadata, or the file itself (md, json)."""
    if format_ == "pdf":
        reader = PdfReader(io.BytesIO(data))
        return " ".join([page.extract_text() for page in reader.pages]
                        + [str(value) for value in (reader.metadata or {}).values()])
    if format_ in ("docx", "csv"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return " ".join(archive.read(name).decode("utf-8", errors="ignore")
                            for name in archive.namelist())
    return data.decode("utf-8")


def csv_sheets(data: bytes) -> dict[str, list[dict]]:
    """Each CSV in the zip as a list of rows, read the way a spreadsheet would."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8-sig")),
                                          delimiter=";"))
                for name in archive.namelist()}


def without_ids(document: dict) -> dict:
    """The document with every row id replaced by its kind and position, and no export time."""
    names: dict[str, str] = {document["workshop"]["id"]: "workshop"}
    for kind in ID_LISTS:
        names.update((row["id"], f"{kind}:{i}") for i, row in enumerate(document[kind]))
    for canvas in document["canvases"]:
        for kind in ("visions", "goals"):
            names.update((row["id"], f"{kind}:{row['text']}") for row in canvas[kind])

    def swap(node):
        if isinstance(node, dict):
            return {key: swap(value) for key, value in node.items() if key != "exported_at"}
        if isinstance(node, list):
            return [swap(item) for item in node]
        return names.get(node, node) if isinstance(node, str) else node

    return swap(document)
