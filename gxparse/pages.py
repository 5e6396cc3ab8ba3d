"""Positioned text on pages (PDF characters, OCR words) turned into document lines.

Tables are rebuilt from their ruling lines: the rules of one table cut the page into a lattice, a lattice cell
whose dividing rule is missing is part of a merged cell, and each glyph goes to the cell holding its centre.
The resulting grids go through ``grid.grid_lines`` like HTML and DOCX tables, so blank cells stay in their
column and merged cells count once. A table continued on the next page is joined to its first part, and a
row broken across the page boundary is put back together. Text outside tables becomes one line per printed
line, its cells split at wide gaps (a table printed without rules still reads as label + numbers).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from gxparse.document import Line, is_value, line_from_cells
from gxparse.grid import expand_spans, grid_lines
from gxparse.normalize import normalize_text, squash


@dataclass(frozen=True)
class Glyph:
    """A character (PDF) or a recognised word (OCR); coordinates top-down, in page units."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass(frozen=True)
class Rule:
    """A ruling line: horizontal at ``pos`` = y, or vertical at ``pos`` = x, from ``start`` to ``end``."""

    horizontal: bool
    pos: float
    start: float
    end: float


Snap = Callable[[str], str]
Box = tuple[float, float, float, float]   # x0, y0, x1, y1
# Given a table's cells (text, box), the texts to use instead: OCR reads doubtful value cells again.
Reread = Callable[[list[tuple[str, Box]]], list[str]]


@dataclass
class Page:
    number: int                 # 1-based
    width: float
    height: float
    glyphs: list[Glyph]
    rules: list[Rule] = field(default_factory=list)
    unit: float = 1.0           # page units per typographic point (1 for PDF, dpi/72 for images)
    reread: Reread | None = None


@dataclass
class _Cell:
    text: str
    row: int
    col: int
    rowspan: int
    colspan: int


@dataclass
class _Table:
    top: float
    xs: list[float]             # column boundaries
    cells: list[_Cell]          # in reading order: by row, then column
    n_rows: int
    page: int
    last_page: int = 0          # the page its last continuation is on

    def html_rows(self) -> list[list[tuple[str, int, int]]]:
        """Rows of (text, rowspan, colspan) as an HTML table has them, for ``grid.expand_spans``."""
        rows: list[list[tuple[str, int, int]]] = [[] for _ in range(self.n_rows)]
        for c in self.cells:
            rows[c.row].append((c.text, c.rowspan, c.colspan))
        return rows


_PAGE_NUMBER = re.compile(r"^(?:[-—–\s]*\d{1,3}[-—–\s]*|第\d{1,3}页(?:共\d{1,3}页)?|\d{1,3}/\d{1,3})$")
_MARGIN = 0.08      # of the page height: where running headers and page numbers sit


# ---------------------------------------------------------------------------------------------------
# rules → tables

def _cluster(values: list[float], tol: float) -> list[float]:
    """Sorted positions merged where closer than ``tol`` (a drawn line is several strokes or pixels thick)."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(c) / len(c) for c in out]


def _nearest(value: float, centres: list[float]) -> float:
    i = bisect_right(centres, value)
    near = [c for c in centres[max(0, i - 1): i + 1]]
    return min(near, key=lambda c: abs(c - value))


def _merge_rules(rules: list[Rule], tol: float) -> list[Rule]:
    """Collinear pieces joined: one rule per drawn line, whatever number of strokes drew it."""
    out: list[Rule] = []
    for horizontal in (True, False):
        same = [r for r in rules if r.horizontal == horizontal]
        centres = _cluster([r.pos for r in same], tol)
        by_pos: dict[float, list[Rule]] = {}
        for r in same:
            by_pos.setdefault(_nearest(r.pos, centres), []).append(r)
        for pos, pieces in by_pos.items():
            pieces.sort(key=lambda r: r.start)
            start, end = pieces[0].start, pieces[0].end
            for r in pieces[1:]:
                if r.start <= end + tol:
                    end = max(end, r.end)
                else:
                    out.append(Rule(horizontal, pos, start, end))
                    start, end = r.start, r.end
            out.append(Rule(horizontal, pos, start, end))
    return out


def _crosses(h: Rule, v: Rule, tol: float) -> bool:
    return h.start - tol <= v.pos <= h.end + tol and v.start - tol <= h.pos <= v.end + tol


def _rule_groups(rules: list[Rule], tol: float) -> list[list[Rule]]:
    """Rules that touch, directly or through others: one group per drawn table."""
    parent = list(range(len(rules)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    hs = [i for i, r in enumerate(rules) if r.horizontal]
    vs = [i for i, r in enumerate(rules) if not r.horizontal]
    for i in hs:
        for j in vs:
            if _crosses(rules[i], rules[j], tol):
                parent[find(i)] = find(j)
    groups: dict[int, list[Rule]] = {}
    for i, r in enumerate(rules):
        groups.setdefault(find(i), []).append(r)
    return [g for g in groups.values()
            if sum(r.horizontal for r in g) >= 2 and sum(not r.horizontal for r in g) >= 2]


def _stacked(group: list[Rule], tol: float) -> list[list[Rule]]:
    """Tables drawn one right under the other share a rule: split where the column rules above a line and
    those below it have no position in common (a caption row, with no inner rules, never splits)."""
    xs = _cluster([r.pos for r in group if not r.horizontal], tol)
    inner = [r for r in group if not r.horizontal and xs[0] + tol < r.pos < xs[-1] - tol]
    cuts = []
    for y in _cluster([r.pos for r in group if r.horizontal], tol)[1:-1]:
        above = {round(r.pos) for r in inner if r.start < y - tol <= r.end}
        below = {round(r.pos) for r in inner if r.start <= y + tol < r.end}
        if above and below and not any(abs(a - b) <= tol for a in above for b in below):
            cuts.append(y)
    if not cuts:
        return [group]
    bands = []
    for top, bottom in zip([float("-inf"), *cuts], [*cuts, float("inf")]):
        band = [r for r in group if r.horizontal and top - tol <= r.pos <= bottom + tol]
        band += [Rule(False, r.pos, max(r.start, top), min(r.end, bottom)) for r in group
                 if not r.horizontal and min(r.end, bottom) - max(r.start, top) > tol]
        bands.append(band)
    return bands


def _covered(rules: list[Rule], a: float, b: float) -> bool:
    """Whether most of the span a..b is drawn by these collinear rules."""
    drawn = sum(max(0.0, min(b, r.end) - max(a, r.start)) for r in rules)
    return drawn >= 0.6 * (b - a)


class _Union:
    def __init__(self) -> None:
        self.parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(self, k: tuple[int, int]) -> tuple[int, int]:
        self.parent.setdefault(k, k)
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def join(self, a: tuple[int, int], b: tuple[int, int]) -> None:
        self.parent[self.find(a)] = self.find(b)


def _cell_text(glyphs: list[Glyph], unit: float) -> str:
    """Text of one cell: its printed lines top to bottom, joined without a gap (labels wrap mid-word and
    narrow header cells stack one character per line)."""
    return "".join(_line_text(line, unit) for line in _text_lines(glyphs))


def _split_at(glyph: Glyph, cuts: list[float]) -> list[Glyph]:
    """An OCR word running across column rules ("0003" read over four narrow cells) cut back into cells:
    one character per cell when the counts agree, else characters of equal width."""
    if not cuts or len(glyph.text) < 2:
        return [glyph]
    bounds = [glyph.x0, *cuts, glyph.x1]
    if len(glyph.text) == len(bounds) - 1:
        return [Glyph(ch, a, glyph.y0, b, glyph.y1) for ch, a, b in zip(glyph.text, bounds, bounds[1:])]
    width = (glyph.x1 - glyph.x0) / len(glyph.text)
    return [Glyph(ch, glyph.x0 + i * width, glyph.y0, glyph.x0 + (i + 1) * width, glyph.y1)
            for i, ch in enumerate(glyph.text)]


def _build_table(group: list[Rule], glyphs: list[Glyph], tol: float, page: Page,
                 snap: Snap) -> tuple[_Table, set[int]]:
    xs = _cluster([r.pos for r in group if not r.horizontal], tol)
    ys = _cluster([r.pos for r in group if r.horizontal], tol)
    verticals = {x: [r for r in group if not r.horizontal and abs(r.pos - x) <= tol] for x in xs}
    horizontals = {y: [r for r in group if r.horizontal and abs(r.pos - y) <= tol] for y in ys}
    cells = _Union()
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    for i in range(n_rows):
        for j in range(n_cols):
            cells.find((i, j))
            if j + 1 < n_cols and not _covered(verticals[xs[j + 1]], ys[i], ys[i + 1]):
                cells.join((i, j), (i, j + 1))
            if i + 1 < n_rows and not _covered(horizontals[ys[i + 1]], xs[j], xs[j + 1]):
                cells.join((i, j), (i + 1, j))
    contents: dict[tuple[int, int], list[Glyph]] = {}
    used: set[int] = set()
    for n, g in enumerate(glyphs):
        if not (xs[0] < g.cx < xs[-1] and ys[0] < g.cy < ys[-1]):
            continue
        used.add(n)
        cuts = [x for x in xs[1:-1] if g.x0 + tol < x < g.x1 - tol
                and any(r.start <= g.cy <= r.end for r in verticals[x])]
        for piece in _split_at(g, cuts):
            slot = (bisect_right(ys, piece.cy) - 1, bisect_right(xs, piece.cx) - 1)
            contents.setdefault(cells.find(slot), []).append(piece)
    spans: dict[tuple[int, int], list[int]] = {}   # root → [first row, first col, last row, last col]
    for i in range(n_rows):
        for j in range(n_cols):
            span = spans.setdefault(cells.find((i, j)), [i, j, i, j])
            span[0], span[1] = min(span[0], i), min(span[1], j)
            span[2], span[3] = max(span[2], i), max(span[3], j)
    placed = [_Cell(snap(normalize_text(_cell_text(contents.get(root, []), page.unit)).strip()),
                    r0, c0, r1 - r0 + 1, c1 - c0 + 1) for root, (r0, c0, r1, c1) in spans.items()]
    placed.sort(key=lambda c: (c.row, c.col))
    if page.reread is not None:
        boxes = [(xs[c.col], ys[c.row], xs[c.col + c.colspan], ys[c.row + c.rowspan]) for c in placed]
        for cell, text in zip(placed, page.reread([(c.text, b) for c, b in zip(placed, boxes)])):
            cell.text = text
    return _Table(ys[0], xs, placed, n_rows, page.number), used


def _tables(page: Page, snap: Snap) -> tuple[list[_Table], list[Glyph]]:
    tol = 2.5 * page.unit
    rules = _merge_rules(page.rules, tol)
    tables = []
    used: set[int] = set()
    for band in (b for group in _rule_groups(rules, tol) for b in _stacked(group, tol)):
        if sum(r.horizontal for r in band) < 2 or sum(not r.horizontal for r in band) < 2:
            continue
        table, inside = _build_table(band, page.glyphs, tol, page, snap)
        if table.n_rows >= 1 and len(table.xs) >= 3:
            tables.append(table)
            used |= inside
    free = [g for n, g in enumerate(page.glyphs) if n not in used]
    return sorted(tables, key=lambda t: t.top), free


# ---------------------------------------------------------------------------------------------------
# glyphs → printed lines

def _text_lines(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped into printed lines (by vertical centre), each sorted left to right."""
    lines: list[list[Glyph]] = []
    centre = total = 0.0
    for g in sorted(glyphs, key=lambda g: g.y0 + g.y1):
        cy = (g.y0 + g.y1) / 2
        if lines and abs(cy - centre) <= 0.5 * max(g.y1 - g.y0, lines[-1][0].y1 - lines[-1][0].y0):
            lines[-1].append(g)
            total += cy
            centre = total / len(lines[-1])
        else:
            lines.append([g])
            centre = total = cy
    return [sorted(line, key=lambda g: g.x0) for line in lines]


def _segments(line: list[Glyph]) -> list[list[Glyph]]:
    """A printed line cut at wide gaps: the cells of a table printed without rules."""
    height = max(g.height for g in line)
    out = [[line[0]]]
    for prev, g in zip(line, line[1:]):
        if g.x0 - prev.x1 > 1.8 * height:
            out.append([g])
        else:
            out[-1].append(g)
    return out


def _line_text(line: list[Glyph], unit: float) -> str:
    """A printed line's text; a gap becomes a space only between two latin words or numbers (Chinese is
    written without spaces, and OCR word boxes leave gaps inside words)."""
    parts = [line[0].text]
    for prev, g in zip(line, line[1:]):
        if (g.x0 - prev.x1 > 0.3 * max(prev.height, g.height, unit)
                and prev.text[-1].isascii() and prev.text[-1].isalnum()
                and g.text[0].isascii() and g.text[0].isalnum()):
            parts.append(" ")
        parts.append(g.text)
    return "".join(parts)


def _is_page_furniture(line: list[Glyph], page: Page) -> bool:
    """Page numbers in the top or bottom margin are not report text."""
    top, bottom = min(g.y0 for g in line), max(g.y1 for g in line)
    in_margin = bottom < _MARGIN * page.height or top > (1 - _MARGIN) * page.height
    return in_margin and bool(_PAGE_NUMBER.match(squash("".join(g.text for g in line))))


# ---------------------------------------------------------------------------------------------------
# pages → document lines

def _same_columns(a: _Table, b: _Table, tol: float) -> bool:
    return len(a.xs) == len(b.xs) and all(abs(x - y) <= tol for x, y in zip(a.xs, b.xs))


def _join_continuation(first: _Table, rest: _Table) -> None:
    """Append a table's continuation; a first row with text only in label columns finishes the row that
    the page boundary broke."""
    numeric = {c.col for c in first.cells if c.text and is_value(c.text)}
    last = [c for c in first.cells if c.row + c.rowspan == first.n_rows]
    head = [c for c in rest.cells if c.row == 0]
    broken = (bool(numeric) and any(c.text for c in head)
              and all(not c.text for c in head if c.col in numeric)
              and any(c.text and is_value(c.text) for c in last if c.row == first.n_rows - 1))
    skip = 0
    if broken:
        for below in head:
            above = next((c for c in last if c.col == below.col and c.colspan == below.colspan), None)
            if below.text and above is not None:
                above.text += below.text
        skip = 1
    for c in rest.cells:
        if c.row >= skip:
            first.cells.append(_Cell(c.text, c.row - skip + first.n_rows, c.col, c.rowspan, c.colspan))
        elif c.rowspan > 1:   # a cell of the broken row reaching further down keeps its lower part
            first.cells.append(_Cell("", first.n_rows, c.col, c.rowspan - 1, c.colspan))
    first.n_rows += rest.n_rows - skip
    first.last_page = rest.page


def _text_line(segments: list[list[Glyph]], page: Page, n: int, snap: Snap) -> Line:
    cells = [snap(normalize_text(_line_text(seg, page.unit)).strip()) for seg in segments]
    return line_from_cells(cells, f"第{page.number}页第{n}行", page.number)


def _as_read(text: str) -> str:
    return text


def document_lines(pages: list[Page], snap: Snap = _as_read) -> list[Line]:
    """Every page's lines in reading order, with each table read as a grid.

    ``snap`` may replace the text of a cell or a line (OCR puts misread labels back to the template's).
    """
    items: list[tuple[str, object]] = []   # ("line", Line) | ("table", _Table), in reading order
    for page in pages:
        tables, free = _tables(page, snap)
        printed = [ln for ln in _text_lines(free) if not _is_page_furniture(ln, page)]
        blocks: list[tuple[float, int, object]] = [(t.top, 0, t) for t in tables]
        blocks += [(min(g.y0 for g in ln), 1, ln) for ln in printed]
        n = 0
        for _, kind, block in sorted(blocks, key=lambda b: (b[0], b[1])):
            if kind == 0:
                table = block  # type: ignore[assignment]
                previous = items[-1][1] if items and items[-1][0] == "table" else None
                if (isinstance(previous, _Table) and max(previous.page, previous.last_page) == page.number - 1
                        and _same_columns(previous, table, 3 * page.unit)):
                    _join_continuation(previous, table)
                else:
                    items.append(("table", table))
            else:
                n += 1
                items.append(("line", _text_line(_segments(block), page, n, snap)))  # type: ignore[arg-type]
    lines: list[Line] = []
    table_no = 0
    for kind, item in items:
        if kind == "table":
            table_no += 1
            lines.extend(grid_lines(expand_spans(item.html_rows()), table_no, item.page))  # type: ignore[union-attr]
        else:
            lines.append(item)  # type: ignore[arg-type]
    return lines


# Markers of each table's own header or rows, to find the page it starts on.
_TABLE_MARKERS = {
    "s2": re.compile(r"第二十条第|本年制发件数|本年新制作数量|本年处理决定数量"),
    "s3": re.compile(r"申请人情况|本年新收"),
    "s4": re.compile(r"结果维持|复议后起诉|尚未审结"),
}


def table_pages(lines: list[Line]) -> dict[str, int]:
    """The page each of tables 二, 三 and 四 starts on (1-based), from its header or first rows: in a
    ruled grid where there is one, else on a short line (a table printed without rules)."""
    out: dict[str, int] = {}
    for in_grid in (True, False):
        for line in lines:
            if line.page is None or line.in_grid != in_grid or (not in_grid and len(squash(line.text)) > 30):
                continue
            text = squash(line.text)
            for key, marker in _TABLE_MARKERS.items():
                if key not in out and marker.search(text):
                    out[key] = line.page
    return out
