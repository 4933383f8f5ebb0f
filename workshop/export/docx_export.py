"""The report as Word (.docx): real headings and tables, so a school can edit it further."""

import io

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Cm, Pt

from .report import CanvasReport, Report
from .web_picture import describe, layout, png, svg

# Word 2016+ draws this SVG; older readers fall back to the PNG in the same picture
_SVG_EXTENSION = (
    '<a:extLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    '<a:ext uri="{{96DAC541-7B7A-43D3-8B79-37D633B846F1}}">'
    '<asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'r:embed="{rid}"/></a:ext></a:extLst>')


def render(report: Report) -> bytes:
    """The whole report as a .docx file."""
    doc = Document()
    doc.core_properties.title = f"Missie · {report.title}"
    doc.core_properties.author = "Mentorkompas"
    doc.core_properties.language = "nl-NL"
    doc.styles["Normal"].font.size = Pt(10.5)
    doc.add_heading(f"Resultaat: {report.title}", level=0)
    for label, value in (("Team", report.team or "–"), ("Datum", report.date),
                         ("Mentoren", str(report.mentors)), ("Waarden", str(report.values))):
        _labelled(doc, label, value)
    doc.add_heading("Missie", level=1)
    doc.add_paragraph(report.mission or "Nog geen missie vastgesteld.", style="Intense Quote")
    bubbles, height = layout(list(report.shared or report.single))
    if bubbles:
        doc.add_heading("Waardenweb", level=1)
        _picture(doc, png(bubbles, height), svg(bubbles, height).encode("utf-8"),
                 describe(bubbles))
    doc.add_heading("Gedeelde thema's", level=1)
    if report.shared:
        _table(doc, ["Thema", "Mentoren", "Waarden"], [
            [t.label, str(t.mentors), ", ".join(w if n == 1 else f"{w} ({n}×)"
                                                for w, n in t.words)]
            for t in report.shared])
    else:
        doc.add_paragraph("Geen thema werd door twee of meer mentoren genoemd.")
    if report.single:
        _labelled(doc, "Thema's van één mentor", ", ".join(t.label for t in report.single))
    doc.add_heading("Andere missiezinnen", level=1)
    if report.runner_ups:
        _table(doc, ["Zin", "Stemmen"], [[text, str(votes)] for text, votes in report.runner_ups])
    else:
        doc.add_paragraph("Er waren geen andere zinnen.")
    for canvas in report.canvases:
        _canvas(doc, canvas, report.mission)
    if report.names:  # last: a regional day lists a thousand names
        doc.add_heading("Deelnemers", level=1)
        doc.add_paragraph(", ".join(report.names))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _labelled(doc, label: str, value: str) -> None:
    paragraph = doc.add_paragraph()
    paragraph.add_run(f"{label}: ").bold = True
    paragraph.add_run(value)


def _table(doc, header: list[str], rows: list[list[str]]) -> None:
    """A grid table with a bold header row; cells are filled as plain text."""
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, header, strict=True):
        cell.paragraphs[0].add_run(title).bold = True
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value


def _canvas(doc, canvas: CanvasReport, mission: str) -> None:
    doc.add_page_break()
    doc.add_heading(f"Ontwerpcanvas: {canvas.name}", level=1)
    doc.add_heading("Basis", level=2)
    _labelled(doc, "Doelgroep", canvas.doelgroep or "–")
    _labelled(doc, "Missie", mission or "–")
    _labelled(doc, "Visie op leerlingbegeleiding", "" if canvas.visions else "–")
    for vision in canvas.visions:
        doc.add_paragraph(vision, style="List Bullet")
    doc.add_heading("Leerdoelen per mentortaak en periode", level=2)
    _table(doc, ["Mentortaak", *canvas.periods],
           [[domain, *["\n".join(f"• {g}" for g in goals) for goals in cells]]
            for domain, cells in canvas.rows])
    doc.add_heading("Lessenplan: mentorlessen per periode", level=2)
    for period, lessons in canvas.plan:
        _labelled(doc, period, "; ".join(lessons) or "geen mentorles gekozen")


def _picture(doc, raster: bytes, vector: bytes, description: str) -> None:
    """The PNG as the picture, with the SVG attached for Word versions that draw vectors."""
    shape = doc.add_paragraph().add_run().add_picture(io.BytesIO(raster), width=Cm(15))
    shape._inline.docPr.set("descr", description)
    part = Part(PackURI("/word/media/waardenweb.svg"), "image/svg+xml", vector,
                doc.part.package)
    rid = doc.part.relate_to(part, RELATIONSHIP_TYPE.IMAGE)
    blip = shape._inline.graphic.graphicData.pic.blipFill.blip
    blip.append(parse_xml(_SVG_EXTENSION.format(rid=rid)))
