"""What the fixed-layout readers (PDF, OFD) share: ruling lines from the paths a page draws, the judgement of a
text layer that gives glyph numbers for characters, and a document's pages turned into its lines and tables
(``layout.pages``)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from gxparse.document import Document
from gxparse.layout.pages import Page, Rule, document_lines, table_pages
from gxparse.unmapped import in_gb2312

THIN = 3.0   # points: a path this thin in one direction is a ruling line
MAX_SEGMENTS = 2000     # paths with more segments are drawings, not table rules
SCAN_SHARE = 0.5        # of the page: a picture this large is a scanned page
OCR_LAYER_SHARE = 0.5   # of a page's characters hidden by a scan: its text is the scan's OCR layer
# A path's points are (kind, x, y), top-down, in points; the kinds are pdfium's segment types, so that the PDF
# reader passes its segments as they are
LINE, CURVE, MOVE = 0, 1, 2
PathPoint = tuple[int, float, float]
NARROW_EM = 0.5       # of the font size: the advance of a character that is not full-width
_MIN_JUDGED = 40      # printed characters on a page before its text layer is judged readable or not
_MIN_READABLE = 0.5   # share of GB2312 characters below which a text layer is glyph numbers


def thin_rule(left: float, top: float, right: float, bottom: float) -> Rule | None:
    """The ruling line a path whose box (top-down, points) is thin in one direction and long in the other draws,
    along its middle; None for any other box."""
    if bottom - top <= THIN < right - left:
        return Rule(True, (top + bottom) / 2, left, right)
    if right - left <= THIN < bottom - top:
        return Rule(False, (left + right) / 2, top, bottom)
    return None


def stroked_rules(points: list[PathPoint]) -> list[Rule]:
    """The straight horizontal and vertical segments a stroked path draws."""
    rules = []
    for (_, x0, y0), (kind, x1, y1) in zip(points, points[1:]):
        if kind != LINE:
            continue
        if abs(y1 - y0) <= 0.5 and abs(x1 - x0) > THIN:
            rules.append(Rule(True, y0, min(x0, x1), max(x0, x1)))
        elif abs(x1 - x0) <= 0.5 and abs(y1 - y0) > THIN:
            rules.append(Rule(False, x0, min(y0, y1), max(y0, y1)))
    return rules


def filled_rules(points: list[PathPoint]) -> list[Rule]:
    """The thin sub-paths of a filled path, each a rule along its length."""
    rules = []
    pieces: list[list[tuple[float, float]]] = []
    for kind, x, y in points:
        if kind == MOVE or not pieces:
            pieces.append([])
        pieces[-1].append((x, y))
    for piece in pieces:
        xs, ys = [x for x, _ in piece], [y for _, y in piece]
        if rule := thin_rule(min(xs), min(ys), max(xs), max(ys)):
            rules.append(rule)
    return rules


def advance(ch: str, size: float) -> float:
    """A character's advance where the format stores none (OFD, HTML placed by CSS): an em if full-width."""
    return size if unicodedata.east_asian_width(ch) in ("W", "F") else NARROW_EM * size


def garbled(text: str) -> bool:
    """Whether a page's text layer gives glyph numbers rather than characters: a font without a map to
    Unicode (no /ToUnicode, an Identity-H CID font) makes pdfium return each glyph's number as its character
    (controls, Latin, Hangul, rare CJK). A report's own text is almost all GB2312, ASCII included."""
    printed = [ch for ch in text if not ch.isspace()]
    if len(printed) < _MIN_JUDGED:
        return False
    readable = sum(map(in_gb2312, printed))
    return readable < _MIN_READABLE * len(printed)


def paged_document(pages: list[Page], source_type: str, layered: set[int] | None = None,
                   read_pictures: Callable[[], Document] | None = None) -> Document:
    """The document of pages read from their text: ``layered``, the pages (1-based) whose text is a scan's
    OCR layer another program wrote."""
    lines = document_lines(pages)
    tables = table_pages(lines)
    # another program's OCR read the tables (or, where no table was found, the document): no evidence
    ocr_text = bool(layered) and (not tables or any(page in layered for page in tables.values()))
    return Document(lines, source_type, pages=len(pages), table_pages=tables, ocr_text=ocr_text,
                    read_pictures=read_pictures)
