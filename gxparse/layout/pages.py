"""Positioned text on pages (PDF characters, OCR words) turned into document lines.

Tables are rebuilt from their ruling lines: the rules of one table cut the page into a lattice, a lattice cell
whose dividing rule is missing is part of a merged cell, and each glyph goes to the cell holding its centre.
The resulting grids go through ``grid.grid_lines`` like HTML and DOCX tables, so blank cells stay in their
column and merged cells count once. A table continued on the next page is joined to its first part, and a
row broken across the page boundary is put back together. Text outside tables becomes one line per printed
line, its cells split at wide gaps. On a page without ruled tables, a table printed without rules is rebuilt
from the positions of its values (``columns``) and read as a grid too.

A PDF page's characters come as columns (``layout.charlines.CharBoxes``), and the lines outside its tables are
read from those columns in bulk (``layout.charlines.printed_lines``), with the same result as glyph by glyph.
"""

from __future__ import annotations

import re
from collections import Counter
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from math import isnan
from operator import attrgetter
from typing import NamedTuple

import numpy as np

from gxparse import deadline
from gxparse.layout.charlines import CELL_GAP, SPACE_GAP, CharBoxes, PrintedLine, printed_lines
from gxparse.layout.columns import Layout, TextLine, find_tables
from gxparse.document import Line, figures_apart, glued_cell_lines, is_value, line_from_cells
from gxparse.layout.grid import expand_spans, grid_lines
from gxparse.layout.prosecolumns import column_lines, gutter
from gxparse.layout.stacked import unstacked
from gxparse.normalize import normalize_text, squash
from gxparse.sections import heading_section
from gxparse.template import S4_WIDTH


# Cells of a table past which its continuation on the next page is read as a table of its own: each join
# looks at all the cells joined so far (a table 三 has about 300; 1,000 pages of one table took 30 s to join).
MAX_JOINED_CELLS = 10_000


class Glyph(NamedTuple):
    """A character (PDF) or a recognised word (OCR); coordinates top-down, in page units.

    A named tuple, not a dataclass: a table page holds thousands, and a tuple is made several times faster
    than a frozen dataclass instance."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2


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
    glyphs: list[Glyph] | CharBoxes
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
    lines: tuple[str, ...] = ()   # its printed lines, where it has several: a row stacked into one (``stacked``)


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
            # the lines, where they still are the cell's text (OCR may have read the cell again)
            text = "\n".join(c.lines) if c.lines and "".join(c.lines) == c.text else c.text
            rows[c.row].append((text, c.rowspan, c.colspan))
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


def _closed(band: list[Rule], tol: float) -> list[Rule]:
    """The band with a rule across where its column rules run on beyond the first or last row rule: a table
    broken across pages is often printed without the rule that closes it (the border is left to the other
    page), and the row printed there would be lost."""
    ys = [r.pos for r in band if r.horizontal]
    columns = [r for r in band if not r.horizontal]
    left, right = min(r.pos for r in columns), max(r.pos for r in columns)
    above = [r.start for r in columns if r.start < min(ys) - tol]
    below = [r.end for r in columns if r.end > max(ys) + tol]
    extra = [Rule(True, y, left, right) for ends, y in ((above, min(above, default=0.0)), (below, max(below, default=0.0)))
             if len(ends) >= 2]
    return band + extra


def _covered(rules: list[Rule], a: float, b: float) -> bool:
    """Whether most of the span a..b is drawn by these collinear rules."""
    drawn = sum(max(0.0, min(b, r.end) - max(a, r.start)) for r in rules)
    return drawn >= 0.6 * (b - a)


class _Union:
    """Union-find over the slots of a lattice, numbered row by row."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, k: int) -> int:
        parent = self.parent
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def join(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def _rectangles(owners: list[int], n_cols: int) -> list[int]:
    """Each slot's cell (slots numbered row by row), with every cell a rectangle. Rules drawn only part of the
    way join slots into a region of another shape (a browser closes a cell broken across pages with a rule
    under one column only), and the bounding box of such a region would overlap the cells it bends round:
    it is cut into runs of columns per row, a run going on down while the rows below repeat it."""
    boxes: dict[int, list[int]] = {}   # owner → [first row, first col, last row, last col, slots]
    for k, owner in enumerate(owners):
        i, j = divmod(k, n_cols)
        box = boxes.setdefault(owner, [i, j, i, j, 0])
        box[0], box[1], box[2], box[3] = min(box[0], i), min(box[1], j), max(box[2], i), max(box[3], j)
        box[4] += 1
    bent = {owner for owner, (r0, c0, r1, c1, n) in boxes.items() if n != (r1 - r0 + 1) * (c1 - c0 + 1)}
    if not bent:
        return owners
    cut = list(owners)
    fresh = len(owners)   # ids no slot has
    above: dict[tuple[int, int, int], int] = {}   # (owner, first col, last col) of the row above → its cell
    for i in range(len(owners) // n_cols):
        here: dict[tuple[int, int, int], int] = {}
        j = 0
        while j < n_cols:
            owner = owners[i * n_cols + j]
            end = j
            while end + 1 < n_cols and owners[i * n_cols + end + 1] == owner:
                end += 1
            if owner in bent:
                run = (owner, j, end)
                cell = above.get(run)
                if cell is None:
                    cell, fresh = fresh, fresh + 1
                here[run] = cell
                cut[i * n_cols + j:i * n_cols + end + 1] = [cell] * (end - j + 1)
            j = end + 1
        above = here
    return cut


def _cell_lines(glyphs: list[Glyph], unit: float) -> list[str]:
    """A cell's printed lines, top to bottom."""
    if len(glyphs) <= 1:
        return [glyphs[0].text] if glyphs else []
    return [_line_text(line, unit) for line in _text_lines(glyphs)]


def _cell_text(glyphs: list[Glyph], unit: float) -> str:
    return glued_cell_lines(_cell_lines(glyphs, unit))


def _ruled_cell(glyphs: list[Glyph], span: list[int], page: Page, snap: Snap) -> _Cell:
    """A cell of a ruled table, keeping its lines where it has several (a row stacked into one)."""
    r0, c0, r1, c1 = span
    lines = _cell_lines(glyphs, page.unit)
    several = tuple(normalize_text(line).strip() for line in lines) if len(lines) > 1 else ()
    return _Cell(snap(normalize_text(glued_cell_lines(lines)).strip()), r0, c0, r1 - r0 + 1, c1 - c0 + 1, several)


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


class _Heights:
    """A page's glyphs in order of their vertical centres, to find those between two heights without
    visiting the whole page for every table on it."""

    def __init__(self, glyphs: list[Glyph]) -> None:
        middles = [(g.y0 + g.y1) / 2 for g in glyphs]
        # a centre that is not a number is between no heights, and would leave the order unsorted
        self.order = sorted((n for n, m in enumerate(middles) if not isnan(m)), key=middles.__getitem__)
        self.middles = [middles[n] for n in self.order]

    def between(self, top: float, bottom: float) -> list[int]:
        """Indices (ascending, the page's order) of the glyphs whose centre is strictly between."""
        return sorted(self.order[bisect_right(self.middles, top):bisect_left(self.middles, bottom)])


def _build_table(group: list[Rule], glyphs: list[Glyph], heights: _Heights, tol: float, page: Page,
                 snap: Snap) -> tuple[_Table, set[int]]:
    xs = _cluster([r.pos for r in group if not r.horizontal], tol)
    ys = _cluster([r.pos for r in group if r.horizontal], tol)
    verticals = {x: [r for r in group if not r.horizontal and abs(r.pos - x) <= tol] for x in xs}
    horizontals = {y: [r for r in group if r.horizontal and abs(r.pos - y) <= tol] for y in ys}
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    cells = _Union(n_rows * n_cols)   # slot (i, j) is i * n_cols + j
    for i in range(n_rows):
        for j in range(n_cols):
            if j + 1 < n_cols and not _covered(verticals[xs[j + 1]], ys[i], ys[i + 1]):
                cells.join(i * n_cols + j, i * n_cols + j + 1)
            if i + 1 < n_rows and not _covered(horizontals[ys[i + 1]], xs[j], xs[j + 1]):
                cells.join(i * n_cols + j, (i + 1) * n_cols + j)
    roots = _rectangles([cells.find(k) for k in range(n_rows * n_cols)], n_cols)
    contents: dict[int, list[Glyph]] = {}
    used: set[int] = set()
    left, right, inner = xs[0], xs[-1], xs[1:-1]
    for n in heights.between(ys[0], ys[-1]):
        g = glyphs[n]
        cx = (g.x0 + g.x1) / 2
        if not left < cx < right:
            continue
        used.add(n)
        cy = (g.y0 + g.y1) / 2
        across = inner[bisect_right(inner, g.x0 + tol):bisect_left(inner, g.x1 - tol)]   # g.x0+tol < x < g.x1-tol
        cuts = [x for x in across if any(r.start <= cy <= r.end for r in verticals[x])]
        row = bisect_right(ys, cy) - 1
        for piece in _split_at(g, cuts) if cuts else (g,):
            col = bisect_right(xs, cx if piece is g else piece.cx) - 1
            if 0 <= col < n_cols:   # a piece of a word cut at a rule can lie beyond the table's edge
                contents.setdefault(roots[row * n_cols + col], []).append(piece)
    spans: dict[int, list[int]] = {}   # root → [first row, first col, last row, last col]
    for i in range(n_rows):
        for j in range(n_cols):
            span = spans.setdefault(roots[i * n_cols + j], [i, j, i, j])
            span[0], span[1] = min(span[0], i), min(span[1], j)
            span[2], span[3] = max(span[2], i), max(span[3], j)
    placed = [_ruled_cell(contents.get(root, []), span, page, snap) for root, span in spans.items()]
    placed.sort(key=lambda c: (c.row, c.col))
    if page.reread is not None:
        boxes = [(xs[c.col], ys[c.row], xs[c.col + c.colspan], ys[c.row + c.rowspan]) for c in placed]
        for cell, text in zip(placed, page.reread([(c.text, b) for c, b in zip(placed, boxes)])):
            cell.text = text
    return _Table(ys[0], xs, placed, n_rows, page.number), used


def _glyph_list(glyphs: list[Glyph] | CharBoxes) -> list[Glyph]:
    if isinstance(glyphs, CharBoxes):   # tuple.__new__: Glyph.__new__ without its Python call
        return [_new_tuple(Glyph, (ch, *box)) for ch, box in zip(glyphs.text, glyphs.boxes.tolist())]
    return glyphs


def _tables(page: Page, snap: Snap) -> tuple[list[_Table], list[Glyph] | CharBoxes]:
    """The page's tables, top to bottom, and the glyphs outside them."""
    tol = 2.5 * page.unit
    rules = _merge_rules(page.rules, tol)
    bands = [_closed(b, tol) for group in _rule_groups(rules, tol) for b in _stacked(group, tol)
             if sum(r.horizontal for r in b) >= 2 and sum(not r.horizontal for r in b) >= 2]
    if not bands:
        return [], page.glyphs
    glyphs = _glyph_list(page.glyphs)
    tables = []
    used: set[int] = set()
    heights = _Heights(glyphs)
    for band in bands:
        table, inside = _build_table(band, glyphs, heights, tol, page, snap)
        if table.n_rows >= 1 and len(table.xs) >= 3:
            tables.append(table)
            used |= inside
    tables.sort(key=lambda t: t.top)
    if not used:
        return tables, page.glyphs
    if isinstance(page.glyphs, CharBoxes):
        return tables, page.glyphs.without(used)
    return tables, [g for n, g in enumerate(glyphs) if n not in used]


# ---------------------------------------------------------------------------------------------------
# glyphs → printed lines

_LEFT = attrgetter("x0")
_new_tuple = tuple.__new__
_LATIN = re.compile("[0-9A-Za-z]")   # str.isascii() and str.isalnum()


def _text_lines(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped into printed lines (by vertical centre), each sorted left to right."""
    lines: list[list[Glyph]] = []
    line: list[Glyph] = []
    centre = total = line_height = 0.0
    sums = [g.y0 + g.y1 for g in glyphs]
    for i in sorted(range(len(glyphs)), key=sums.__getitem__):
        g = glyphs[i]
        cy = sums[i] / 2
        height = g.y1 - g.y0
        if line and abs(cy - centre) <= 0.5 * max(height, line_height):
            line.append(g)
            total += cy
            centre = total / len(line)
        else:
            line = [g]
            lines.append(line)
            centre = total = cy
            line_height = height
    return [sorted(line, key=_LEFT) for line in lines]


def _segments(line: list[Glyph], unit: float, split: bool = True) -> list[str]:
    """A printed line's text, cut (``split``) at wide gaps into the cells of a table printed without rules.

    Within a cell a gap becomes a space only between two latin words or numbers (Chinese is written without
    spaces, and OCR word boxes leave gaps inside words). Gaps are measured in one pass and only the few
    places where a cut or a space may go are looked at: a line holds dozens of characters."""
    texts = [g.text for g in line]
    if len(texts) == 1:
        return texts
    heights = [g.y1 - g.y0 for g in line]
    gaps = [g.x0 - prev.x1 for prev, g in pairwise(line)]   # gaps[k - 1] is the gap before line[k]
    wide = CELL_GAP * max(heights)
    cuts = {k for k, gap in enumerate(gaps, start=1) if gap > wide} if split else set()
    joined = "".join(texts)
    starts = ends = joined if len(joined) == len(texts) else None   # one character per glyph (PDF)
    if starts is None:
        starts, ends = "".join([t[0] for t in texts]), "".join([t[-1] for t in texts])
    spaces = {k for k in (m.start() for m in _LATIN.finditer(starts))
              if k and k not in cuts and _LATIN.match(ends, k - 1)
              and gaps[k - 1] > SPACE_GAP * max(heights[k - 1], heights[k], unit)}
    if not cuts and not spaces:
        return [joined]
    out: list[str] = []
    parts: list[str] = []
    start = 0
    for k in sorted(cuts | spaces):
        parts.append("".join(texts[start:k]))
        if k in cuts:
            out.append("".join(parts))
            parts = []
        else:
            parts.append(" ")
        start = k
    parts.append("".join(texts[start:]))
    out.append("".join(parts))
    return out


def _line_text(line: list[Glyph], unit: float) -> str:
    """A printed line's text, uncut: a line of one table cell."""
    return _segments(line, unit, split=False)[0]


def _printed_lines(glyphs: list[Glyph] | CharBoxes, unit: float) -> list[PrintedLine]:
    """Glyphs outside the tables as printed lines, top to bottom."""
    if isinstance(glyphs, CharBoxes):
        lines = printed_lines(glyphs, unit)
        if lines is not None:
            return lines
        glyphs = _glyph_list(glyphs)
    return [_printed_line(line, unit) for line in _text_lines(glyphs)]


def _printed_line(glyphs: list[Glyph], unit: float) -> PrintedLine:
    return PrintedLine(min([g.y0 for g in glyphs]), max([g.y1 for g in glyphs]), "".join([g.text for g in glyphs]),
                       _segments(glyphs, unit))


def _is_page_furniture(line: PrintedLine, page: Page) -> bool:
    """Page numbers in the top or bottom margin are not report text."""
    in_margin = line.bottom < _MARGIN * page.height or line.top > (1 - _MARGIN) * page.height
    return in_margin and bool(_PAGE_NUMBER.match(squash(line.text)))


# ---------------------------------------------------------------------------------------------------
# tables printed without rules

def _may_hold_table(lines: list[PrintedLine]) -> bool:
    """Two lines or more that end in a value after a wide gap: worth looking for a table without rules."""
    return sum(len(ln.cells) >= 2 and is_value(ln.cells[-1]) for ln in lines) >= 2


def _layout_table(layout: Layout, page: Page, snap: Snap) -> _Table:
    cells = [_Cell(snap(normalize_text(" ".join(_cell_text(part, page.unit) for part in slot.parts if part)).strip()),
                   slot.row, slot.col, 1, slot.colspan) for slot in layout.slots]
    return _Table(layout.top, layout.xs, cells, layout.n_rows, page.number)


def _borderless(glyphs: list[Glyph] | CharBoxes, page: Page, snap: Snap) -> tuple[list[_Table], list[PrintedLine]]:
    """The page's tables printed without rules and its other lines (read glyph by glyph: only pages that
    may hold such a table come here)."""
    lines = [TextLine(_printed_line(line, page.unit), line) for line in _text_lines(_glyph_list(glyphs))]
    lines = [ln for ln in lines if not _is_page_furniture(ln.line, page)]
    layouts = find_tables(lines)
    used = {n for layout in layouts for n in layout.lines}
    return [_layout_table(t, page, snap) for t in layouts], [ln.line for n, ln in enumerate(lines) if n not in used]


def _page_blocks(page: Page, snap: Snap) -> tuple[list[_Table], list[PrintedLine]]:
    """The page's tables and its lines outside them, page furniture left out."""
    tables, free = _tables(page, snap)
    lines = [ln for ln in _printed_lines(free, page.unit) if not _is_page_furniture(ln, page)]
    if not tables and _may_hold_table(lines):
        return _borderless(free, page, snap)
    if not tables:
        return tables, _in_columns(free, page) or lines
    return tables, lines


def _in_columns(glyphs: list[Glyph] | CharBoxes, page: Page) -> list[PrintedLine] | None:
    """The page's lines outside tables read column by column where prose is set in two columns, else None."""
    boxes = glyphs.boxes if isinstance(glyphs, CharBoxes) else np.array([g[1:] for g in glyphs], dtype=float)
    parting = gutter(boxes.reshape(-1, 4))
    if parting is None:
        return None
    ordered = column_lines(_text_lines(_glyph_list(glyphs)), *parting)
    if ordered is None:
        return None
    return [ln for ln in (_printed_line(line, page.unit) for line in ordered) if not _is_page_furniture(ln, page)]


# ---------------------------------------------------------------------------------------------------
# pages → document lines

def _joint_columns(a: _Table, b: _Table, tol: float) -> list[float] | None:
    """The column boundaries of ``a`` continued by ``b``: the same, or those of one of them when the other's
    are among them with the same outer edges (table 三's label column is one merged cell in its first rows
    and three columns further down: a page that starts below the header shows all three). ``b`` may begin at
    an inner boundary of ``a``: a browser draws no rule left of the rest of a group label spanning down from the
    page before (三、本年度办理结果), so the continuation starts right of it."""
    small, large = sorted((a.xs, b.xs), key=len)
    if len(small) < 2 or abs(small[-1] - large[-1]) > tol:
        return None
    inner = small is b.xs and len(small) < len(large) and small[0] > large[0]
    if abs(small[0] - large[0]) > tol and not inner:
        return None
    return large if all(any(abs(x - y) <= tol for y in large) for x in small) else None


def _on_columns(table: _Table, xs: list[float]) -> None:
    """The table's cells placed on the column boundaries ``xs`` (a finer set holding its own)."""
    if xs == table.xs:
        return
    # each boundary's nearest once, not each cell's: a table continued over many pages is placed anew on each
    nearest = [min(range(len(xs)), key=lambda i: abs(xs[i] - x)) for x in table.xs]
    for c in table.cells:
        left, right = nearest[c.col], nearest[c.col + c.colspan]
        c.col, c.colspan = left, right - left
    table.xs = xs


def _join_continuation(first: _Table, rest: _Table) -> None:
    """Append a table's continuation; a first row with text only in label columns finishes the row that
    the page boundary broke. The value columns are those whose cells mostly hold values (a label OCR read
    only the item number of, 2.其 → 2, is no value column)."""
    filled = [c for c in first.cells if c.text]
    values = Counter(c.col for c in filled if is_value(c.text))
    texts = Counter(c.col for c in filled if not is_value(c.text))
    numeric = {col for col, n in values.items() if n > texts[col]}
    last = [c for c in first.cells if c.row + c.rowspan == first.n_rows]
    head = [c for c in rest.cells if c.row == 0]
    broken = (bool(numeric) and any(c.text for c in head)
              and all(not c.text for c in head if numeric & set(range(c.col, c.col + c.colspan)))
              and any(c.text and is_value(c.text) for c in last if c.row == first.n_rows - 1))
    skip = 0
    if broken:
        for below in head:
            above = next((c for c in last if c.col == below.col and c.colspan == below.colspan), None)
            if below.text and above is not None:
                above.text += below.text
        skip = 1
    elif pairs := _figures_of_label_row(first, head, numeric):
        for above, below in pairs:
            above.text = below.text
        skip = 1
    lead = min((c.col for c in rest.cells), default=0)
    if lead and rest.n_rows > skip:   # columns left of the continuation: a cell spanning down from above goes on
        first.cells.append(_Cell("", first.n_rows, 0, rest.n_rows - skip, lead))
    for c in rest.cells:
        if c.row >= skip:
            first.cells.append(_Cell(c.text, c.row - skip + first.n_rows, c.col, c.rowspan, c.colspan))
        elif c.rowspan > 1:   # a cell of the broken row reaching further down keeps its lower part
            first.cells.append(_Cell("", first.n_rows, c.col, c.rowspan - 1, c.colspan))
    first.n_rows += rest.n_rows - skip
    first.last_page = rest.page


def _figures_of_label_row(first: _Table, head: list[_Cell], numeric: set[int]) -> list[tuple[_Cell, _Cell]]:
    """Each blank value cell of ``first``'s last row with the figure below it, where the page break cut that row
    the other way (Word and WPS print a row's label on the page, its figures on the next, with no header
    repeated): its label printed, every value cell blank; the continuation's first row figures alone, each under
    a value cell of the row, no label. Empty for any other pair of rows (a row printed blank stays so)."""
    row = [c for c in first.cells if c.row == first.n_rows - 1]
    in_values = [c for c in row if set(range(c.col, c.col + c.colspan)) <= numeric]
    labelled = any(c.text for c in row if not numeric & set(range(c.col, c.col + c.colspan)))
    if not (in_values and labelled) or any(c.text for c in in_values):
        return []
    figures = [c for c in head if c.text]
    above = {(c.col, c.colspan): c for c in in_values}
    if not figures or not all(is_value(c.text) and (c.col, c.colspan) in above for c in figures):
        return []
    return [(above[(c.col, c.colspan)], c) for c in figures]


def _text_line(line: PrintedLine, page: Page, n: int, snap: Snap) -> Line:
    """A line outside the tables, read as the text reader reads a line: cells cut at wide gaps, and where
    that leaves no values, at spaces (a table printed as text, its figures separated by single spaces,
    goes through the same row grammar as a .txt)."""
    # a cell of figures apart by single spaces is that many cells, as in a line of text: a table printed
    # without rules whose columns stand closer than a cell's gap (OFD's easyofd keeps no rules)
    cells = figures_apart([snap(normalize_text(text).strip()) for text in line.cells])
    where = f"第{page.number}页第{n}行"
    read = line_from_cells(cells, where, page.number)
    if read.values or not any(" " in cell for cell in cells):
        return read
    words = line_from_cells([word for cell in cells for word in cell.split()], where, page.number)
    return words if words.values else read


def _as_read(text: str) -> str:
    return text


def document_lines(pages: list[Page], snap: Snap = _as_read) -> list[Line]:
    """Every page's lines in reading order, with each table read as a grid.

    ``snap`` may replace the text of a cell or a line (OCR puts misread labels back to the template's).
    """
    items: list[tuple[str, object]] = []   # ("line", Line) | ("table", _Table), in reading order
    for page in pages:
        deadline.check_layout_time()
        tables, free_lines = _page_blocks(page, snap)
        blocks: list[tuple[float, int, object]] = [(t.top, 0, t) for t in tables]
        blocks += [(ln.top, 1, ln) for ln in free_lines]
        n = 0
        # lines alone stay in the order read (prose in columns is not top to bottom)
        for _, kind, block in sorted(blocks, key=lambda b: (b[0], b[1])) if tables else blocks:
            if kind == 0:
                table = block  # type: ignore[assignment]
                previous = items[-1][1] if items and items[-1][0] == "table" else None
                joint = (_joint_columns(previous, table, 3 * page.unit) if isinstance(previous, _Table)
                         and max(previous.page, previous.last_page) == page.number - 1
                         and len(previous.cells) <= MAX_JOINED_CELLS else None)
                if joint is not None:
                    _on_columns(previous, joint)
                    _on_columns(table, joint)
                    _join_continuation(previous, table)
                else:
                    items.append(("table", table))
            else:
                n += 1
                items.append(("line", _text_line(block, page, n, snap)))  # type: ignore[arg-type]
    lines: list[Line] = []
    table_no = 0
    for kind, item in items:
        if kind == "table":
            table_no += 1
            rows = unstacked(item.html_rows(), glued_cell_lines, labels_by_line=False)  # type: ignore[union-attr]
            lines.extend(grid_lines(expand_spans(rows), table_no, item.page))  # type: ignore[union-attr]
        else:
            lines.append(item)  # type: ignore[arg-type]
    return lines


# Markers of each table's own header or rows, to find the page it starts on.
_TABLE_MARKERS = {
    "s2": re.compile(r"第二十条第|本年制发件数|本年新制作数量|本年处理决定数量"),
    "s3": re.compile(r"申请人情况|本年新收"),
    "s4": re.compile(r"结果维持|复议后起诉|尚未审结"),
}


def _heading_index(lines: list[Line], key: str) -> int | None:
    """Where the section's heading is among ``lines``."""
    return next((n for n, line in enumerate(lines) if (section := heading_section(line)) and section.key == key),
                None)


def _table_page(lines: list[Line], key: str) -> int | None:
    """The page a table starts on: its header or first rows in a ruled grid; else on a short line after its
    section's heading (a table printed without rules; prose before it may use the same words); else, for
    table 四, the grid row of its 15 figures, and for the others the first grid after the heading (a table
    whose own words OCR garbled)."""
    marker = _TABLE_MARKERS[key]
    for line in lines:
        if line.page is not None and line.in_grid and marker.search(squash(line.text)):
            return line.page
    heading = _heading_index(lines, key)
    for line in lines[heading or 0:]:
        text = squash(line.text)
        if line.page is not None and not line.in_grid and len(text) <= 30 and marker.search(text):
            return line.page
    if key == "s4":   # its one row of figures is as wide as no other table's
        wide = next((line.page for line in lines if line.in_grid and len(line.values) == S4_WIDTH), None)
        if wide is not None:
            return wide
    if heading is not None:
        return next((below.page for below in lines[heading + 1:] if below.in_grid), None)
    return None


def table_pages(lines: list[Line]) -> dict[str, int]:
    """The page each of tables 二, 三 and 四 starts on (1-based)."""
    pages = {key: _table_page(lines, key) for key in _TABLE_MARKERS}
    return {key: page for key, page in pages.items() if page is not None}
