"""Text boxes as OCR engines and services hand them out, read by their places on the page.

- PaddleOCR's results as scripts print them, a box a line: ``[[[x1, y1], [x2, y2], [x3, y3], [x4, y4]],
  ('text', 0.99)]`` (PaddleOCR 2.x, RapidOCR); a page's boxes come top to bottom, so a box far above the one
  before it starts the next page.
- OCR services' JSON answers: a list of detections each holding its text and its box (Tencent Cloud's
  ``TextDetections`` with ``DetectedText`` and ``ItemPolygon``/``Polygon``; Baidu's ``words_result`` with
  ``words`` and ``location``; ``text``/``transcription`` with ``points``/``box``), one answer per page when
  the document is a list of answers.
- Baidu's table recognition (``tables_result``): each table's cells by their first and last row and column,
  the text above and below it as ``header`` and ``footer``: written as HTML tables and read as a page.

A box becomes one placed word (as a scan's OCR words are) and the pages go to the layout path that reads PDFs and
scans (``fixedlayout.paged_document``). The text is OCR's: its figures are no evidence for an error
(``ocr_text``)."""

from __future__ import annotations

import ast
import dataclasses
import html
import re
from statistics import median

from gxparse.document import Document
from gxparse.jsonwalk import json_objects

MAX_DEPTH = 8
MAX_NODES = 200_000
_MAX_LINE = 4096   # a printed box line longer than this is no PaddleOCR result
_PADDLE_LINE = re.compile(r"^\s*\[\[\[\s*-?[\d.]+,\s*-?[\d.]+\],.*\),?\s*\]\s*,?\s*$")
_TEXT_KEYS = ("detectedtext", "words", "text", "transcription")
_POINT = ("x", "y")
_LINE_PT = 12.0   # a text box is taken as a 12 pt line: the page's scale from its boxes' median height
_NEW_PAGE = 0.5   # a box this share of the page's height above the one before begins a new page


@dataclasses.dataclass
class _Box:
    page: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def is_paddle_lines(text: str) -> bool:
    """Whether ``text`` begins with PaddleOCR results printed a box a line."""
    lines = [line for line in text.lstrip("\ufeff").splitlines()[:5] if line.strip()]
    return bool(lines) and all(len(line) < _MAX_LINE and _PADDLE_LINE.match(line) for line in lines)


def _paddle_boxes(text: str) -> list[_Box]:
    boxes: list[_Box] = []
    page = 0
    for line in text.splitlines():
        if not line.strip() or len(line) > _MAX_LINE or not _PADDLE_LINE.match(line):
            continue
        try:
            quad, (words, _) = ast.literal_eval(line.strip().rstrip(","))
            xs, ys = [float(p[0]) for p in quad], [float(p[1]) for p in quad]
        except (ValueError, SyntaxError, TypeError, IndexError, MemoryError, RecursionError):
            continue
        if not isinstance(words, str) or not words.strip():
            continue
        if boxes and boxes[-1].page == page and min(ys) < boxes[-1].y0 - _NEW_PAGE * _page_height(boxes, page):
            page += 1
        boxes.append(_Box(page, words.strip(), min(xs), min(ys), max(xs), max(ys)))
    return boxes


def _page_height(boxes: list[_Box], page: int) -> float:
    return max(b.y1 for b in boxes if b.page == page)


def read_paddle_lines(text: str) -> Document:
    return _read_boxes(_paddle_boxes(text))


def _box_of(fields: dict[str, object]) -> tuple[float, float, float, float] | None:
    """A detection's box: a rectangle (X/Y/Width/Height, left/top/width/height) or a polygon's bounds."""
    for key in ("itempolygon", "location", "rect", "boundingbox"):
        rect = fields.get(key)
        if isinstance(rect, dict):
            lower = {str(k).lower(): v for k, v in rect.items()}
            x, y = lower.get("x", lower.get("left")), lower.get("y", lower.get("top"))
            w, h = lower.get("width"), lower.get("height")
            if all(isinstance(v, (int, float)) for v in (x, y, w, h)):
                return float(x), float(y), float(x) + float(w), float(y) + float(h)   # type: ignore[arg-type]
    for key in ("polygon", "points", "box", "textregion", "vertexeslocation"):
        points = fields.get(key)
        if isinstance(points, list) and points:
            xy = [_point(p) for p in points]
            if all(p is not None for p in xy):
                xs, ys = [p[0] for p in xy if p], [p[1] for p in xy if p]
                return min(xs), min(ys), max(xs), max(ys)
    return None


def _point(p: object) -> tuple[float, float] | None:
    if isinstance(p, dict):
        lower = {str(k).lower(): v for k, v in p.items()}
        x, y = lower.get("x"), lower.get("y")
    elif isinstance(p, list) and len(p) == 2:
        x, y = p
    else:
        return None
    return (float(x), float(y)) if isinstance(x, (int, float)) and isinstance(y, (int, float)) else None


def _detections(answer: object, page: int) -> list[_Box]:
    boxes = []
    for held in json_objects(answer, (), MAX_DEPTH, MAX_NODES):
        text = next((v for k in _TEXT_KEYS if isinstance(v := held.fields.get(k), str)), None)
        if text is None or not text.strip() or (box := _box_of(held.fields)) is None:
            continue
        boxes.append(_Box(page, text.strip(), *box))
    return boxes


def json_boxes(answer: object) -> list[_Box]:
    """The detections of an OCR answer (a page per answer when ``answer`` is a list of them), [] for none."""
    pages = answer if isinstance(answer, list) and all(isinstance(a, dict) for a in answer) else [answer]
    return [box for number, page in enumerate(pages) for box in _detections(page, number)]


def _read_boxes(boxes: list[_Box]) -> Document:
    # imported here: the layout path loads numpy, and the sniffer imports this module for ``is_paddle_lines``
    from gxparse.layout.pages import Glyph, Page
    from gxparse.readers.fixedlayout import paged_document

    unit = median(b.y1 - b.y0 for b in boxes) / _LINE_PT if boxes else 1.0
    pages = []
    for number in sorted({b.page for b in boxes}):
        on = [b for b in boxes if b.page == number]
        glyphs = [Glyph(b.text, b.x0, b.y0, b.x1, b.y1) for b in sorted(on, key=lambda b: (b.y0, b.x0))]
        pages.append(Page(number + 1, max(b.x1 for b in on), max(b.y1 for b in on), glyphs, unit=max(unit, 0.1)))
    return dataclasses.replace(paged_document(pages, "text"), ocr_text=True)


def read_ocr_answer(answer: object) -> Document | None:
    """The document an OCR service's JSON answer holds, None when it is no such answer."""
    if tables := _baidu_tables(answer):
        from gxparse.readers.html import read_html
        return dataclasses.replace(read_html(tables), ocr_text=True)
    boxes = json_boxes(answer)
    return _read_boxes(boxes) if boxes else None


def _baidu_tables(answer: object) -> str | None:
    """Baidu's table recognition answer as HTML: each table's header words, the table, its footer words."""
    if not is_table_ocr_answer(answer):
        return None
    out = []
    for table in answer["tables_result"]:
        if not isinstance(table, dict):
            continue
        out += [f"<p>{html.escape(str(w.get('words', '')))}</p>" for w in table.get("header") or []
                if isinstance(w, dict)]
        out.append(_cells_table([c for c in table.get("body") or [] if isinstance(c, dict)]))
        out += [f"<p>{html.escape(str(w.get('words', '')))}</p>" for w in table.get("footer") or []
                if isinstance(w, dict)]
    return "<html><body>" + "\n".join(out) + "</body></html>" if out else None


def is_table_ocr_answer(answer: object) -> bool:
    """Baidu's table recognition answer (its figures OCR's: read here, not as a layout tool's blocks)."""
    return isinstance(answer, dict) and isinstance(answer.get("tables_result"), list)


def _cells_table(cells: list[dict]) -> str:
    """Cells given by their row and column bounds (ends exclusive) as an HTML table with spans."""
    from gxparse.readers.celltables import cells_table
    spans = []
    for cell in cells:
        try:
            r0, r1, c0, c1 = (int(cell[k]) for k in ("row_start", "row_end", "col_start", "col_end"))
        except (KeyError, TypeError, ValueError):
            continue
        spans.append((r0, c0, r1 - r0, c1 - c0, str(cell.get("words", ""))))
    return cells_table(spans)
