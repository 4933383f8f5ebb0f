"""The PDF: a mission poster on page one, then the full report (reportlab, DejaVu Sans)."""

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from .pdf_poster import Poster
from .pdf_styles import LINE, MUTED, SHADE, safe, styles
from .report import CanvasReport, Report
from .web_picture import drawing, layout

MARGIN = 1.8 * cm
PICTURE_HEIGHT = 15 * cm


def render(report: Report) -> bytes:
    """The whole PDF as bytes."""
    out = io.BytesIO()
    width, height = A4
    doc = BaseDocTemplate(out, pagesize=A4, title=f"Missie · {report.title}",
                          author="Mentorkompas", subject=report.team, lang="nl")
    poster_frame = Frame(0, 0, width, height, 0, 0, 0, 0, id="poster")
    body = Frame(MARGIN, MARGIN, width - 2 * MARGIN, height - 2 * MARGIN - 0.4 * cm, id="body")
    doc.addPageTemplates([
        PageTemplate("poster", [poster_frame]),
        PageTemplate("report", [body], onPage=lambda c, d: _footer(c, d, report)),
    ])
    story = [Poster(report, width, height), NextPageTemplate("report"), PageBreak()]
    story += _report(report, width - 2 * MARGIN)
    doc.build(story)
    return out.getvalue()


def _footer(c, doc, report: Report) -> None:
    c.saveState()
    c.setFont("DejaVuSans", 8)
    c.setFillColor(MUTED)
    c.drawString(MARGIN, MARGIN / 2, f"{report.title} · {report.date}")
    c.drawRightString(A4[0] - MARGIN, MARGIN / 2, f"pagina {doc.page}")
    c.restoreState()


def _report(report: Report, width: float) -> list:
    s = styles()
    story = [Paragraph(safe(f"Resultaat: {report.title}"), s["h1"])]
    facts = [("Team", report.team or "–"), ("Datum", report.date),
             ("Mentoren", str(report.mentors)), ("Waarden", str(report.values))]
    story += [Paragraph(f"<b>{label}:</b> {safe(value)}", s["body"]) for label, value in facts]
    story += [Paragraph("Missie", s["h2"]),
              Paragraph(safe(report.mission or "Nog geen missie vastgesteld."), s["mission"])]
    bubbles, height = layout(list(report.shared or report.single))
    if bubbles:
        side = min(width, PICTURE_HEIGHT / height)
        story += [Paragraph("Waardenweb", s["h2"]), drawing(bubbles, height, side)]
    story.append(Paragraph("Gedeelde thema's", s["h2"]))
    if not report.shared:
        story.append(Paragraph("Geen thema werd door twee of meer mentoren genoemd.", s["muted"]))
    for theme in report.shared:
        story.append(Paragraph(safe(f"{theme.label} — {theme.mentors} mentoren, "
                                    f"{theme.values} waarden"), s["h3"]))
        story.append(Paragraph(safe(_words(theme.words)), s["body"]))
    if report.single:
        story += [Paragraph("Thema's van één mentor", s["h3"]),
                  Paragraph(safe(", ".join(t.label for t in report.single)), s["body"])]
    story.append(Paragraph("Andere missiezinnen", s["h2"]))
    if report.runner_ups:
        rows = [[Paragraph("Zin", s["th"]), Paragraph("Stemmen", s["th"])]]
        rows += [[Paragraph(safe(text), s["body"]), str(votes)]
                 for text, votes in report.runner_ups]
        story.append(_table(rows, [width - 2.2 * cm, 2.2 * cm]))
    else:
        story.append(Paragraph("Er waren geen andere zinnen.", s["muted"]))
    for canvas in report.canvases:
        story += _canvas(canvas, report.mission, width)
    if report.names:  # last: a regional day lists a thousand names
        story += [Paragraph("Deelnemers", s["h2"]),
                  Paragraph(safe(", ".join(report.names)), s["body"])]
    return story


def _words(words: tuple[tuple[str, int], ...]) -> str:
    return ", ".join(text if count == 1 else f"{text} ({count}×)" for text, count in words)


def _canvas(canvas: CanvasReport, mission: str, width: float) -> list:
    s = styles()
    story = [PageBreak(), Paragraph(safe(f"Ontwerpcanvas: {canvas.name}"), s["h2"]),
             Paragraph("Basis", s["h3"]),
             Paragraph("<b>Doelgroep:</b> " + safe(canvas.doelgroep or "–"), s["body"]),
             Paragraph("<b>Missie:</b> " + safe(mission or "–"), s["body"]),
             Paragraph("<b>Visie op leerlingbegeleiding:</b>" + ("" if canvas.visions
                                                                  else " –"), s["body"])]
    story += [Paragraph(safe(text), s["bullet"], bulletText="•") for text in canvas.visions]
    story.append(Paragraph("Leerdoelen per mentortaak en periode", s["h3"]))
    first = 3.6 * cm
    column = (width - first) / max(len(canvas.periods), 1)
    rows = [[Paragraph(safe(name), s["th"]) for name in ("Mentortaak", *canvas.periods)]]
    for domain, cells in canvas.rows:
        rows.append([Paragraph(safe(domain), s["small"]),
                     *[[Paragraph(safe(goal), s["small"], bulletText="•") for goal in goals]
                       for goals in cells]])
    story.append(_table(rows, [first] + [column] * len(canvas.periods)))
    story.append(Paragraph("Lessenplan: mentorlessen per periode", s["h3"]))
    for period, lessons in canvas.plan:
        text = "; ".join(lessons) if lessons else "geen mentorles gekozen"
        story.append(Paragraph(f"<b>{safe(period)}:</b> {safe(text)}", s["body"]))
    story.append(Spacer(1, 6))
    return story


def _table(rows: list, widths: list[float]) -> Table:
    """A plain grid whose rows may break across pages, header repeated."""
    table = Table(rows, colWidths=widths, repeatRows=1, splitByRow=1, splitInRow=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, 0), "DejaVuSans-Bold", 9),
        ("FONT", (0, 1), (-1, -1), "DejaVuSans", 9),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("GRID", (0, 0), (-1, -1), 0.5, LINE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table
