"""The values web as a picture: bubbles sized by how many mentors named a theme.

One layout, drawn three ways: reportlab vector shapes (PDF), SVG (the summary page and the
Word file) and a PNG fallback for Word versions that do not read SVG. reportlab and Pillow
load only when a PDF or Word file is drawn: the summary page and a running server need
neither (about 10 MB of memory, docs/BENCHMARKS.md, "Load").
"""

import io
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from ..messages import N_
from .report import ThemeLine

if TYPE_CHECKING:
    from PIL.ImageFont import FreeTypeFont
    from reportlab.graphics.shapes import Drawing

MAX_BUBBLES = 20
PALETTE = ("#cfe3f5", "#d9efd6", "#fbe3c4", "#efd5ec", "#fdf1b8", "#d6e9e7", "#f6d2d2")
INK = "#1d2b36"
_ANGLES = 36


@dataclass(frozen=True)
class Bubble:
    """One theme placed in a unit square (y grows downwards), radius in the same unit."""

    x: float
    y: float
    r: float
    label: str
    mentors: int
    colour: str


def layout(themes: list[ThemeLine]) -> tuple[list[Bubble], float]:
    """Pack the most named themes around the biggest one; returns the bubbles and the height.

    x runs from 0 to 1; y from 0 to the returned height (the picture's aspect ratio).
    """
    chosen = themes[:MAX_BUBBLES]
    placed: list[tuple[float, float, float]] = []
    for theme in chosen:
        r = math.sqrt(max(theme.mentors, 1))
        placed.append(_spot(placed, r) if placed else (0.0, 0.0, r))
    if not placed:
        return [], 0.0
    left = min(x - r for x, _, r in placed)
    top = min(y - r for _, y, r in placed)
    scale = 1 / (max(x + r for x, _, r in placed) - left)
    height = (max(y + r for _, y, r in placed) - top) * scale
    return [Bubble((x - left) * scale, (y - top) * scale, r * scale, theme.label, theme.mentors,
                   PALETTE[index % len(PALETTE)])
            for index, ((x, y, r), theme) in enumerate(zip(placed, chosen, strict=True))], height


def _spot(placed: list[tuple[float, float, float]], r: float) -> tuple[float, float, float]:
    """The free spot touching a placed bubble that lies closest to the centre."""
    gap = 0.08
    best = None
    for px, py, pr in placed:
        for step in range(_ANGLES):
            angle = 2 * math.pi * step / _ANGLES
            x = px + (pr + r + gap) * math.cos(angle)
            y = py + (pr + r + gap) * math.sin(angle)
            if all(math.hypot(x - qx, y - qy) >= qr + r + gap * 0.99 for qx, qy, qr in placed):
                distance = math.hypot(x, y)
                if best is None or distance < best[0]:
                    best = (distance, x, y)
    return best[1], best[2], r


def _fit(text: str, width: float, size: float, measure) -> float:
    """The largest font size up to `size` at which `text` fits in `width`."""
    return min(size, size * width / max(measure(text, size), 1e-6))


def _lines(label: str, r: float, measure) -> tuple[list[str], float]:
    """The label in one line, or two when one line would have to shrink too far."""
    size = _fit(label, r * 1.6, r * 0.42, measure)
    words = label.split()
    if size >= r * 0.25 or len(words) < 2:
        return [label], size
    cut = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(label) / 2))
    lines = [" ".join(words[:cut]), " ".join(words[cut:])]
    return lines, min(_fit(line, r * 1.5, r * 0.36, measure) for line in lines)


ONE_MENTOR = N_("1 mentor")
MENTORS = N_("{count} mentoren")
TITLE = N_("Waardenweb")


def _same(text: str) -> str:
    return text


def _caption(bubble: Bubble, translate: Callable[[str], str] = _same) -> str:
    if bubble.mentors == 1:
        return translate(ONE_MENTOR)
    return translate(MENTORS).format(count=bubble.mentors)


def drawing(bubbles: list[Bubble], height: float, width: float) -> "Drawing":
    """Vector shapes for reportlab, `width` points wide (reportlab's y grows upwards)."""
    from reportlab.graphics.shapes import Circle, Drawing, String
    from reportlab.lib.colors import HexColor
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from .fonts import register_fonts

    register_fonts()
    picture = Drawing(width, height * width)

    def measure(text, size):
        return stringWidth(text, "DejaVuSans-Bold", size)

    for b in bubbles:
        cx, cy, r = b.x * width, (height - b.y) * width, b.r * width
        picture.add(Circle(cx, cy, r, fillColor=HexColor(b.colour), strokeColor=HexColor(INK),
                           strokeWidth=0.6))
        lines, size = _lines(b.label, r, measure)
        y = cy + size * 0.1 + (len(lines) - 1) * size * 0.55
        for line in lines:
            picture.add(String(cx, y, line, fontName="DejaVuSans-Bold", fontSize=size,
                               fillColor=HexColor(INK), textAnchor="middle"))
            y -= size * 1.1
        picture.add(String(cx, y + size * 0.05, _caption(b), fontName="DejaVuSans",
                           fontSize=size * 0.62, fillColor=HexColor(INK), textAnchor="middle"))
    return picture


def _approx(text: str, size: float) -> float:
    """DejaVu Sans Bold is about 0.63 em per character on average."""
    return len(text) * size * 0.63


def svg(bubbles: list[Bubble], height: float, size: int = 600,
        translate: Callable[[str], str] = _same) -> str:
    """An SVG document (texts escaped), for the summary page and the Word file; `translate`
    puts its captions in the page's language (a Word file stays Dutch)."""
    tall = round(height * size)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {tall}" '
             f'width="{size}" height="{tall}" role="img" '
             f'font-family="DejaVu Sans, Verdana, sans-serif">',
             f"<title>{escape(describe(bubbles, translate))}</title>"]
    for b in bubbles:
        cx, cy, r = b.x * size, b.y * size, b.r * size
        lines, font = _lines(b.label, r, _approx)
        parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r:.1f}" fill="{b.colour}" '
                     f'stroke="{INK}" stroke-width="1"/>')
        y = cy - font * 0.1 - (len(lines) - 1) * font * 0.55
        for line in lines:
            parts.append(f'<text x="{cx:.1f}" y="{y:.1f}" font-size="{font:.1f}" '
                         f'font-weight="bold" text-anchor="middle" fill="{INK}">'
                         f'{escape(line)}</text>')
            y += font * 1.1
        parts.append(f'<text x="{cx:.1f}" y="{y - font * 0.15:.1f}" '
                     f'font-size="{font * 0.62:.1f}" text-anchor="middle" fill="{INK}">'
                     f'{escape(_caption(b, translate))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def describe(bubbles: list[Bubble], translate: Callable[[str], str] = _same) -> str:
    """The picture in words, for screen readers and as the Word picture's description."""
    return f"{translate(TITLE)}: " + ", ".join(f"{b.label} ({_caption(b, translate)})"
                                              for b in bubbles)


def png(bubbles: list[Bubble], height: float, size: int = 1200) -> bytes:
    """A raster copy for Word versions without SVG support."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (size, max(round(height * size), 1)), "white")
    pen = ImageDraw.Draw(image)

    def measure(text, font_size):
        return _font("DejaVuSans-Bold.ttf", font_size).getlength(text)

    for b in bubbles:
        cx, cy, r = b.x * size, b.y * size, b.r * size
        pen.ellipse((cx - r, cy - r, cx + r, cy + r), fill=b.colour, outline=INK, width=2)
        lines, font_size = _lines(b.label, r, measure)
        y = cy - font_size * 0.1 - (len(lines) - 1) * font_size * 0.55
        for line in lines:
            pen.text((cx, y), line, fill=INK, anchor="ms",
                     font=_font("DejaVuSans-Bold.ttf", font_size))
            y += font_size * 1.1
        pen.text((cx, y - font_size * 0.15), _caption(b), fill=INK, anchor="ms",
                 font=_font("DejaVuSans.ttf", font_size * 0.62))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


@lru_cache(maxsize=256)
def _font(file: str, size: float) -> "FreeTypeFont":
    from PIL import ImageFont

    from .fonts import FONT_DIR

    return ImageFont.truetype(str(FONT_DIR / file), max(int(size), 6))
