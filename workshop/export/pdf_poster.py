"""The PDF's first page: the mission large in the middle, the shared themes around it.

Meant to be printed and hung in the staff room, so it holds only the mission, the themes
that carry it, the team and the date.
"""

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from .pdf_styles import INK, MUTED, safe, styles
from .report import Report, ThemeLine
from .web_picture import PALETTE

MAX_THEMES = 14
MISSION_WIDTH = 440
MISSION_HEIGHT = 250


class Poster(Flowable):
    """A whole page drawn by hand; platypus only gives it the page."""

    def __init__(self, report: Report, width: float, height: float):
        super().__init__()
        self.report, self.width, self.height = report, width, height

    def wrap(self, available_width, available_height):
        """Take the whole frame."""
        return self.width, self.height

    def draw(self):
        """Header, the themes above and below, the mission between them, the footer."""
        c, report, w, h = self.canv, self.report, self.width, self.height
        c.setFillColor(MUTED)
        c.setFont("DejaVuSans", 12)
        c.drawCentredString(w / 2, h - 40, report.team or report.title)
        c.setFillColor(INK)
        c.setFont("DejaVuSans-Bold", 30)
        c.drawCentredString(w / 2, h - 80, "Onze missie")
        themes = _poster_themes(report)
        top, bottom = themes[::2], themes[1::2]
        mid = h / 2 - 10
        _pills(c, top, w, mid + MISSION_HEIGHT / 2 + 30, upwards=True)
        _pills(c, bottom, w, mid - MISSION_HEIGHT / 2 - 30, upwards=False)
        _mission(c, report.mission or "(nog geen missie vastgesteld)", w / 2, mid)
        c.setFillColor(MUTED)
        c.setFont("DejaVuSans", 10)
        footer = f"{report.title} · {report.date} · {report.mentors} mentoren"
        c.drawCentredString(w / 2, 30, footer)
        if themes:
            c.drawCentredString(w / 2, 48, "Het getal bij een thema: zoveel mentoren noemden het.")


def _poster_themes(report: Report) -> list[ThemeLine]:
    """The shared themes; a workshop where nobody shares one shows its first themes."""
    return list((report.shared or report.single)[:MAX_THEMES])


def _mission(c, text: str, cx: float, cy: float) -> None:
    """The mission in the largest size that fits its box."""
    for size in range(34, 11, -2):
        style = ParagraphStyle(f"poster{size}", styles()["poster"], fontSize=size,
                               leading=size * 1.25)
        paragraph = Paragraph(safe(text), style)
        _w, height = paragraph.wrap(MISSION_WIDTH, MISSION_HEIGHT)
        if height <= MISSION_HEIGHT:
            break
    paragraph.drawOn(c, cx - MISSION_WIDTH / 2, cy - height / 2)


def _pills(c, themes: list[ThemeLine], page_width: float, edge: float, upwards: bool) -> None:
    """Rows of rounded labels starting at `edge`, growing away from the mission."""
    rows, row, used = [], [], 0.0
    for index, theme in enumerate(themes):
        size = 17 if index < 2 else 14 if index < 6 else 12
        label = f"{theme.label}  ·  {theme.mentors}"
        width = stringWidth(label, "DejaVuSans-Bold", size) + 2 * size
        if row and used + width > page_width - 80:
            rows.append(row)
            row, used = [], 0.0
        row.append((label, size, width, index))
        used += width + 12
    if row:
        rows.append(row)
    y = edge
    for row in rows:
        height = max(size for _, size, _, _ in row) * 2.1
        y_box = y if upwards else y - height
        x = (page_width - (sum(width for _, _, width, _ in row) + 12 * (len(row) - 1))) / 2
        for label, size, width, index in row:
            c.setFillColor(HexColor(PALETTE[index % len(PALETTE)]))
            c.setStrokeColor(INK)
            c.roundRect(x, y_box, width, height, height / 2, stroke=1, fill=1)
            c.setFillColor(INK)
            c.setFont("DejaVuSans-Bold", size)
            c.drawCentredString(x + width / 2, y_box + height / 2 - size * 0.35, label)
            x += width + 12
        y = y + height + 10 if upwards else y - height - 10
