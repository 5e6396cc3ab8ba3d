"""A PDF with its text turned into outlines ("文字转曲"), as print shops and some publishing systems deliver it:
every character a filled path at its place, the ruling lines kept, no text layer and no image."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw
from fontTools.pens.basePen import BasePen
from fontTools.ttLib import TTFont
from reportlab.pdfgen import canvas

from gxparse.readers.pdf import _rules
from tests.gxparse.formats.make_pdf import DIGIT_FONT_FILE, FONT_FILE


class _PathPen(BasePen):
    """A glyph's outline as a reportlab canvas path (quadratic curves come in as cubic ones)."""

    def __init__(self, glyphs: object, path: object) -> None:
        super().__init__(glyphs)
        self.path = path

    def _moveTo(self, pt: tuple[float, float]) -> None:
        self.path.moveTo(*pt)

    def _lineTo(self, pt: tuple[float, float]) -> None:
        self.path.lineTo(*pt)

    def _curveToOne(self, p1: tuple[float, float], p2: tuple[float, float], p3: tuple[float, float]) -> None:
        self.path.curveTo(*p1, *p2, *p3)

    def _closePath(self) -> None:
        self.path.close()


def _draw_char(page: canvas.Canvas, font: TTFont, ch: str, x: float, y: float, size: float) -> None:
    name = font.getBestCmap().get(ord(ch))
    if name is None:
        return
    glyphs = font.getGlyphSet()
    path = page.beginPath()
    glyphs[name].draw(_PathPen(glyphs, path))
    scale = size / font["head"].unitsPerEm
    page.saveState()
    page.translate(x, y)
    page.scale(scale, scale)
    page.drawPath(path, stroke=0, fill=1)
    page.restoreState()


def outline_pdf(source: Path, target: Path) -> Path:
    cjk, latin = TTFont(FONT_FILE, fontNumber=0), TTFont(DIGIT_FONT_FILE)
    pdf = pdfium.PdfDocument(str(source))
    out = canvas.Canvas(str(target))
    for page in pdf:
        width, height = page.get_size()
        out.setPageSize((width, height))
        text = page.get_textpage()
        x, y = ctypes.c_double(), ctypes.c_double()
        for i in range(text.count_chars()):
            ch = chr(raw.FPDFText_GetUnicode(text.raw, i))
            if ch.isspace() or not raw.FPDFText_GetCharOrigin(text.raw, i, x, y):
                continue
            font = latin if ch.isascii() else cjk
            _draw_char(out, font, ch, x.value, y.value, raw.FPDFText_GetFontSize(text.raw, i))
        out.setLineWidth(0.5)
        for rule in _rules(page, height):
            if rule.horizontal:
                out.line(rule.start, height - rule.pos, rule.end, height - rule.pos)
            else:
                out.line(rule.pos, height - rule.start, rule.pos, height - rule.end)
        out.showPage()
    out.save()
    pdf.close()
    return target
