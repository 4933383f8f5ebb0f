"""Each export format opened by its own reader: PDF text, Word, CSV, Markdown, JSON."""

import io
import json
import re
import subprocess
from pathlib import Path

import docx
import pytest
from jsonschema import Draft202012Validator

from tests.export.conftest import MISSION, XSS_DRAFT, XSS_VALUE, build_workshop
from tests.export.helpers import csv_sheets, pdf_pages
from workshop.errors import WorkshopError
from workshop.export.schema import schema
from workshop.service import exports

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
SHARED_THEMES = ("Vertrouwen geven", "Groei", "Respect")


def _export(store, created, format_):
    return exports.export(store, created.workshop.id, format_)


def _flat(text: str) -> str:
    """pypdf breaks lines where the layout wraps them."""
    return " ".join(text.split())


def test_pdf_starts_with_a_poster_of_the_mission_and_shared_themes(store, finished):
    data, mimetype, filename = _export(store, finished, "pdf")
    pages = pdf_pages(data)
    assert mimetype == "application/pdf" and filename.endswith(".pdf")
    poster = _flat(pages[0])
    assert MISSION in poster  # ë, ‘ ’ and “ ” survive with the DejaVu font
    assert all(theme in poster for theme in SHARED_THEMES)
    assert "Resultaat" not in poster  # the report starts on page 2
    report = _flat(" ".join(pages[1:]))
    assert "Resultaat: Missie 2026" in report
    assert all(f"{theme} — 2 mentoren" in report for theme in SHARED_THEMES)
    assert "Leerjaar 1 havo/vwo" in report and "De leerling kan een weekplanning maken." in report


def test_pdf_first_page_renders_to_a_png_artefact(store, finished, tmp_path):
    data, _, _ = _export(store, finished, "pdf")
    (tmp_path / "export.pdf").write_bytes(data)
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / "export-poster"
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                    str(tmp_path / "export.pdf"), str(target)], check=True, timeout=60)
    assert (ARTIFACTS / "export-poster.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_pdf_draws_the_values_web_as_vector_shapes_not_an_image(store, finished):
    data, _, _ = _export(store, finished, "pdf")
    assert b"/Subtype /Image" not in data
    assert "Waardenweb" in pdf_pages(data)[1]


def test_docx_has_real_headings_tables_and_the_values_web(store, finished):
    data, mimetype, _ = _export(store, finished, "docx")
    document = docx.Document(io.BytesIO(data))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert {"Missie", "Waardenweb", "Gedeelde thema's", "Andere missiezinnen",
            "Ontwerpcanvas: Leerjaar 1 havo/vwo"} <= set(headings)
    assert MISSION in [p.text for p in document.paragraphs]
    themes, drafts, grid = document.tables
    assert [row.cells[0].text for row in themes.rows][1:] == sorted(SHARED_THEMES + ("Autonomie",),
                                                                     key=str.casefold)
    assert [row.cells[0].text for row in drafts.rows][1] == XSS_DRAFT
    assert grid.rows[0].cells[1].text == "Periode 1" and len(grid.rows) == 9
    assert len(document.inline_shapes) == 1
    assert any(part.content_type == "image/svg+xml" for part in document.part.package.parts)
    assert mimetype.endswith("wordprocessingml.document")


def test_csv_is_a_zip_of_values_and_themes(store, finished):
    data, mimetype, filename = _export(store, finished, "csv")
    sheets = csv_sheets(data)
    assert mimetype == "application/zip" and filename.endswith(".csv.zip")
    values = sheets["waarden.csv"]
    assert len(values) == 12
    bram = [row for row in values if row["mentor"] == "Bram"]
    assert XSS_VALUE in {row["waarde"] for row in bram}
    assert {row["thema"] for row in values if row["waarde"].casefold() == "vertrouwen"} == \
        {"Vertrouwen geven"}
    assert all(row["groep"] for row in values)
    themes = {row["thema"]: row for row in sheets["themas.csv"]}
    assert themes["Vertrouwen geven"]["mentoren"] == "2"
    assert themes["Vertrouwen geven"]["gedeeld"] == "ja"


def test_csv_never_hands_a_spreadsheet_a_formula(store):
    created = build_workshop(store)
    document = exports.read_snapshot(store, created.workshop.id)
    document["values"][0]["text"] = "=HYPERLINK(\"http://x\")"
    from workshop.export import csv_export

    sheets = csv_sheets(csv_export.render(document))
    assert sheets["waarden.csv"][0]["waarde"] == "'=HYPERLINK(\"http://x\")"


def test_markdown_reads_as_the_report_with_typed_markup_escaped(store, finished):
    data, mimetype, _ = _export(store, finished, "md")
    text = data.decode("utf-8")
    assert mimetype.startswith("text/markdown")
    assert text.startswith("# Resultaat: Missie 2026\n")
    assert "## Missie" in text and "## Ontwerpcanvas: Leerjaar 1 havo/vwo" in text
    assert "ideeën" in text and "“coach”" in text
    assert re.search(r"(?<!\\)<(img|script)", text) is None  # no raw HTML left
    assert "\\<img src=x onerror=" in text
    assert "| Vertrouwen geven | 2 | Vertrouwen (2×) |" in text


def test_json_is_valid_against_its_published_schema(store, finished):
    data, mimetype, _ = _export(store, finished, "json")
    document = json.loads(data)
    assert mimetype == "application/json"
    assert list(Draft202012Validator(schema()).iter_errors(document)) == []
    assert document["schema_version"] == 1 and document["workshop"]["mission"] == MISSION
    renamed = next(t for t in document["themes"] if t["label"] == "Vertrouwen geven")
    assert len(renamed["values"]) == 2 and len(renamed["recognised_by"]) == 1


def test_an_unknown_format_is_refused(store, finished):
    with pytest.raises(WorkshopError) as caught:
        _export(store, finished, "xlsx")
    assert caught.value.code == "invalid"


@pytest.mark.parametrize("format_", ["pdf", "docx", "md", "csv", "json"])
def test_an_anonymous_workshop_names_no_mentor(store, format_):
    created = build_workshop(store, anonymous=True)
    data, _, _ = exports.export(store, created.workshop.id, format_)
    if format_ == "pdf":
        text = " ".join(pdf_pages(data))
    elif format_ == "docx":
        document = docx.Document(io.BytesIO(data))
        text = " ".join([p.text for p in document.paragraphs]
                        + [c.text for t in document.tables for r in t.rows for c in r.cells])
    elif format_ == "csv":
        text = json.dumps(csv_sheets(data), ensure_ascii=False)
        assert "Mentor 1" in text
    else:
        text = data.decode("utf-8")
    assert not any(name in text for name in ("Anna", "Bram", "Chloë", "Chlo\\u00eb"))
    assert "Vertrouwen geven" in text  # the content is there, only the names are not
