"""Paragraph styles of the PDF report, in DejaVu Sans, and text made safe for reportlab."""

from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle

from .fonts import register_fonts

INK = HexColor("#1d2b36")
MUTED = HexColor("#5a6b78")
LINE = HexColor("#c9d3db")
SHADE = HexColor("#eef3f7")


def safe(text: str) -> str:
    """Paragraphs read a little markup: what mentors typed must stay text (<script> too)."""
    return escape(text)


@cache
def styles() -> dict[str, ParagraphStyle]:
    """The named styles; registered fonts first, so every style can use them."""
    register_fonts()
    base = ParagraphStyle("body", fontName="DejaVuSans", fontSize=10, leading=14,
                          textColor=INK, spaceAfter=4)
    return {
        "body": base,
        "small": ParagraphStyle("small", base, fontSize=8, leading=10.5, spaceAfter=0),
        "th": ParagraphStyle("th", base, fontName="DejaVuSans-Bold", fontSize=8, leading=10.5,
                             spaceAfter=0),
        "muted": ParagraphStyle("muted", base, textColor=MUTED),
        "h1": ParagraphStyle("h1", base, fontName="DejaVuSans-Bold", fontSize=20, leading=25,
                             spaceAfter=10),
        "h2": ParagraphStyle("h2", base, fontName="DejaVuSans-Bold", fontSize=14, leading=18,
                             spaceBefore=12, spaceAfter=6, keepWithNext=1),
        "h3": ParagraphStyle("h3", base, fontName="DejaVuSans-Bold", fontSize=11, leading=14,
                             spaceBefore=8, spaceAfter=4, keepWithNext=1),
        "mission": ParagraphStyle("mission", base, fontName="DejaVuSans-Bold", fontSize=14,
                                  leading=19, spaceAfter=8),
        "poster": ParagraphStyle("poster", base, fontName="DejaVuSans-Bold", alignment=TA_CENTER),
        "bullet": ParagraphStyle("bullet", base, leftIndent=12, bulletIndent=2, spaceAfter=2),
    }
