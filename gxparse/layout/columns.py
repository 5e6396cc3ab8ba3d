"""Tables printed without ruling lines: rows from the printed lines, columns from where the values sit.

A table drawn without rules (a Word table with its borders turned off, or one typeset with spaces) leaves
only positioned text. Its data rows are the printed lines that end in values. The values of one column share
an edge or a centre (left-, right- or centre-aligned), so the values of rows that line up are one table, and
their extents, merged where they overlap, are its value columns; the labels are left of the first. A blank
cell is then a column with nothing printed in it, and a label glued to its first value is cut where the
column starts. Around a data row, lines without values belong to it when printed close to it (a label
wrapped above and below its values, or a merged group label beside it); lines with text standing in the
value columns make the header row; any other line inside the table is a caption row across all columns.

Only geometry is decided here; ``pages`` reads the text of each cell and turns the result into a grid.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import pairwise
from statistics import median
from typing import TYPE_CHECKING, NamedTuple

from gxparse.layout.charlines import PrintedLine
from gxparse.document import is_value, line_from_cells

if TYPE_CHECKING:
    from gxparse.layout.pages import Glyph

PIECE_GAP = 0.4     # character heights: a wider gap ends a piece of text (a cell's padding is wider)
ALIGN = 0.2         # character heights: values whose edges or centres are this close line up
ATTACH_GAP = 0.5    # line heights: a line this close to a row's lines is part of that row
PROSE_WIDTH = 0.6   # of the page's text width: a line without values this wide is prose, never a table's
MIN_SINGLE_ROW = 4  # values of a table's only row, at least, to place them under its header's cells
MAX_HEADER_LINES = 12    # lines of a one-row table's header block at most (a header is a few lines)
MAX_HEADER_PIECES = 300  # header pieces compared pairwise at most: more is no header (bounded time)


class TextLine(NamedTuple):
    """A printed line and its glyphs, left to right."""

    line: PrintedLine
    glyphs: list[Glyph]


class Piece(NamedTuple):
    """Glyphs of one line with no wide gap between them: a cell's text on that line."""

    text: str
    x0: float
    x1: float


class Slot(NamedTuple):
    """A cell of a rebuilt table; its text is each part read as a cell, joined by spaces (a row's label
    gathers the labels printed side by side: a group label, then the item label)."""

    row: int
    col: int
    colspan: int
    parts: list[list[Glyph]]


@dataclass
class Layout:
    top: float
    xs: list[float]     # column boundaries: the label column, then one per value column
    slots: list[Slot]
    n_rows: int
    lines: set[int]     # the printed lines the table is made of


def _height(glyphs: list[Glyph]) -> float:
    return max(g.y1 - g.y0 for g in glyphs)


def _piece_bounds(glyphs: list[Glyph]) -> list[tuple[int, int]]:
    """Where each piece of the line starts and ends among its glyphs."""
    out: list[tuple[int, int]] = []
    start = 0
    for k, (a, b) in enumerate(pairwise(glyphs), start=1):
        if b.x0 - a.x1 > PIECE_GAP * max(a.y1 - a.y0, b.y1 - b.y0):
            out.append((start, k))
            start = k
    out.append((start, len(glyphs)))
    return out


def _pieces(glyphs: list[Glyph]) -> list[Piece]:
    return [_piece(glyphs[start:end]) for start, end in _piece_bounds(glyphs)]


def _piece(glyphs: list[Glyph]) -> Piece:
    return Piece("".join(g.text for g in glyphs), glyphs[0].x0, max(g.x1 for g in glyphs))


def _value_pieces(line: TextLine) -> list[Piece] | None:
    """The values a data row ends in (None: not a data row): as ``line_from_cells`` reads the line, with
    values cut finer so that each one's position is known."""
    read = line_from_cells(line.line.cells, "")
    if not read.values or (len(read.values) < 2 and not read.label):
        return None
    pieces = _pieces(line.glyphs)
    n = len(pieces)
    while n and is_value(pieces[n - 1].text):
        n -= 1
    return pieces[n:] or None


class _Edges:
    """Left edges, right edges and centres of a table's values, sorted, to ask whether a value lines up."""

    def __init__(self) -> None:
        self.sorted: tuple[list[float], list[float], list[float]] = ([], [], [])

    def add(self, pieces: list[Piece]) -> None:
        for edges, values in zip(self.sorted, zip(*((p.x0, p.x1, (p.x0 + p.x1) / 2) for p in pieces))):
            edges.extend(values)
            edges.sort()

    def aligned(self, piece: Piece, tol: float) -> bool:
        for edges, x in zip(self.sorted, (piece.x0, piece.x1, (piece.x0 + piece.x1) / 2)):
            if bisect_right(edges, x + tol) > bisect_left(edges, x - tol):
                return True
        return False


def _data_rows(lines: list[TextLine], page_width: float) -> tuple[list[list[tuple[int, list[Piece]]]], set[int]]:
    """Data rows grouped into tables: consecutive rows whose values line up with those above (at least
    half of them: a column's first value may come late), with no line of prose between them; and every
    data row of the page."""
    tables: list[list[tuple[int, list[Piece]]]] = []
    every: set[int] = set()
    edges = _Edges()
    for n, line in enumerate(lines):
        values = _value_pieces(line)
        if values is None:
            glyphs = line.glyphs
            if tables and tables[-1] and glyphs[-1].x1 - glyphs[0].x0 >= PROSE_WIDTH * page_width:
                tables.append([])   # prose ends the table
                edges = _Edges()
            continue
        tol = ALIGN * _height(line.glyphs)
        lined_up = sum(edges.aligned(p, tol) for p in values)
        if not tables or 2 * lined_up < len(values):
            tables.append([])
            edges = _Edges()
        tables[-1].append((n, values))
        every.add(n)
        edges.add(values)
    return [t for t in tables if t], every


def _value_columns(rows: list[tuple[int, list[Piece]]]) -> list[tuple[float, float]]:
    """The extents of the values, merged where they overlap: one per value column."""
    return _merged(sorted((p.x0, p.x1) for _, values in rows for p in values))


def _merged(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Sorted extents merged where they overlap."""
    out = [list(spans[0])]
    for x0, x1 in spans[1:]:
        if x0 <= out[-1][1]:
            out[-1][1] = max(out[-1][1], x1)
        else:
            out.append([x0, x1])
    return [(a, b) for a, b in out]


def _header_columns(lines: list[TextLine], header: range, columns: list[tuple[float, float]],
                    start: float) -> list[tuple[float, float]]:
    """Value columns where no row prints a value (every cell blank, as zeros left out are), from the header
    cells standing over them: pieces of header text right of the label column that overlap no value column
    and span no narrower header piece of another line (a header over several columns, 法人或其他组织)."""
    pieces = [(n, p) for n in header for p in _pieces(lines[n].glyphs) if p.x0 >= start]
    leaves = [p for n, p in pieces
              if not any(m != n and q.x0 < p.x1 and p.x0 < q.x1 and q.x1 - q.x0 < p.x1 - p.x0 for m, q in pieces)]
    return [(p.x0, p.x1) for p in leaves if not any(a < p.x1 and p.x0 < b for a, b in columns)]


def _header_top(lines: list[TextLine], first: int, row: int) -> int:
    """The first line of the header block right above a table's only row: lines printing two pieces or more
    (header cells side by side); a line of one piece above them (the section's heading, a caption) stays out."""
    top = row
    while top > max(first, row - MAX_HEADER_LINES) and len(_pieces(lines[top - 1].glyphs)) >= 2:
        top -= 1
    return top


def _under_headers(lines: list[TextLine], header: range, row: int, values: list[Piece]) -> list[tuple[float, float]] | None:
    """The columns of a table that is one header block over one row of values and no label, some cells blank
    (a 表四 printed without rules, zeros left out): the header's leaf cells (pieces spanning no narrower piece
    of another line) make the columns, and each value must stand under exactly one of them, one value a column.
    None when the row has a label, fewer than ``MIN_SINGLE_ROW`` values, no blank cell, or a value under no
    column or under one with another value: then its values are not placed by position (nor when the header
    holds more than ``MAX_HEADER_PIECES`` pieces)."""
    line_pieces = [p for n in header for p in _pieces(lines[n].glyphs)]
    if len(values) < MIN_SINGLE_ROW or not line_pieces or len(line_pieces) > MAX_HEADER_PIECES \
            or len(_pieces(lines[row].glyphs)) != len(values):
        return None
    leaves = _merged(_leaf_spans(line_pieces))
    under = [[c for c, (x0, x1) in enumerate(leaves) if x0 < v.x1 and v.x0 < x1] for v in values]
    if len(leaves) <= len(values) or any(len(cols) != 1 for cols in under) \
            or len({cols[0] for cols in under}) != len(values):
        return None
    held = {cols[0] for cols in under}
    return _merged(sorted([(v.x0, v.x1) for v in values] + [c for n, c in enumerate(leaves) if n not in held]))


def _leaf_spans(pieces: list[Piece]) -> list[tuple[float, float]]:
    """The extents of the pieces that span no narrower piece (header cells, not the group headers over them),
    sorted; every pair compared: the caller bounds their number."""
    return sorted((p.x0, p.x1) for p in pieces
                  if not any(q.x0 < p.x1 and p.x0 < q.x1 and q.x1 - q.x0 < p.x1 - p.x0 for q in pieces))


def _boundaries(columns: list[tuple[float, float]], left: float, right: float) -> list[float]:
    """Where the label column and each value column start, and where the table ends: a value column
    starts where its values do (the label before it may run up to it), the next one halfway across the
    gap between them."""
    inner = [(a1 + b0) / 2 for (_, a1), (b0, _) in pairwise(columns)]
    return [min(left, columns[0][0]), columns[0][0], *inner, max(right, columns[-1][1])]


def _in_values(line: TextLine, start: float) -> bool:
    """Whether some text of the line stands wholly in the value columns (a header cell)."""
    return any(p.x0 >= start for p in _pieces(line.glyphs))


def _gap(above: PrintedLine, below: PrintedLine) -> float:
    return below.top - above.bottom


class _Row(NamedTuple):
    kind: str           # data | header | caption
    lines: list[int]


def _shares_columns(a: TextLine, b: TextLine) -> bool:
    return a.glyphs[0].x0 < max(g.x1 for g in b.glyphs) and b.glyphs[0].x0 < max(g.x1 for g in a.glyphs)


def _runs(lines: list[TextLine], chain: list[int], reach: float) -> list[list[int]]:
    """``chain`` (lines in order) cut where a line is printed apart from its run: each line is measured from
    the nearest line of the run that shares its columns, else from the line before it. A merged group label
    beside the rows runs on between them, close to both; a row's label is apart from the label of the row
    next to it all the same (a row whose cells are all blank has only its label)."""
    runs: list[list[int]] = []
    for n in chain:
        run = runs[-1] if runs else []
        previous = next((m for m in reversed(run) if _shares_columns(lines[m], lines[n])), run[-1] if run else None)
        if previous is None:
            runs.append([n])
            continue
        a, b = sorted((lines[previous].line, lines[n].line), key=lambda ln: ln.top)
        if _gap(a, b) > reach:
            runs.append([n])
        else:
            run.append(n)
    return runs


def _attached(lines: list[TextLine], chain: list[int], anchor: int, reach: float) -> list[int]:
    """The lines of ``chain`` (ordered away from ``anchor``) printed close enough, one after the other, to
    belong to the row of ``anchor``."""
    return _runs(lines, [anchor, *chain], reach)[0][1:]


def _split(lines: list[TextLine], upper: int, between: list[int], lower: int) -> int:
    """How many of the lines between two rows go with the upper one: the cut is at the widest gap (on a
    tie, the upper row keeps them, as a label wrapped below a top-aligned row)."""
    tops = [lines[n].line for n in (upper, *between, lower)]
    gaps = [_gap(a, b) for a, b in pairwise(tops)]
    widest = max(gaps)
    return max((k for k, g in enumerate(gaps) if g >= widest - 1e-6), default=0)   # none: NaN boxes


def _rows(lines: list[TextLine], data: list[int], first: int, last: int, start: float,
          reach: float) -> list[_Row]:
    """The table's rows from its lines ``first..last``: seeds are the data lines and runs of header lines;
    the lines between two seeds go to the upper or lower one, or, printed apart from both, make a caption."""
    seeds: list[_Row] = []
    loose: dict[int, list[int]] = {}    # seed index → lines after it, before the next seed
    is_data = set(data)
    for n in range(first, last + 1):
        if n in is_data:
            seeds.append(_Row("data", [n]))
        elif _in_values(lines[n], start):
            if seeds and seeds[-1].kind == "header" and not loose.get(len(seeds) - 1):
                seeds[-1].lines.append(n)
            else:
                seeds.append(_Row("header", [n]))
        else:
            loose.setdefault(len(seeds) - 1, []).append(n)
    rows: list[_Row] = []
    for i, seed in enumerate(seeds):
        if i == 0:   # lines above the first seed were taken for being right against it (see _extent)
            seed.lines[:0] = loose.get(-1, [])
        rows.append(seed)
        after = loose.get(i, [])
        if not after:
            continue
        lower = seeds[i + 1] if i + 1 < len(seeds) else None
        keep = _split(lines, seed.lines[-1], after, lower.lines[0]) if lower else len(after)
        up = _attached(lines, after[:keep], seed.lines[-1], reach)
        down = _attached(lines, after[keep:][::-1], lower.lines[0], reach)[::-1] if lower else []
        seed.lines.extend(up)
        if lower:
            lower.lines[:0] = down
        rest = [n for n in after if n not in up and n not in down]
        for run in _runs(lines, rest, reach):   # a row with only its label, or a caption across the table
            label_only = all(max(g.x1 for g in lines[n].glyphs) <= start for n in run)
            rows.append(_Row("data" if label_only else "caption", run))
    return rows


def _extent(lines: list[TextLine], first: int, last: int, start: float, reach: float,
            data: set[int]) -> tuple[int, int]:
    """The table's lines beyond its first and last data rows: header lines above (text in the value
    columns) and, above or below, lines printed right against those already in; never another table's
    data rows."""
    while first > 0 and first - 1 not in data:
        above, below = lines[first - 1], lines[first]
        if not (_in_values(above, start) or _gap(above.line, below.line) <= reach):
            break
        first -= 1
    while (last + 1 < len(lines) and last + 1 not in data and not _in_values(lines[last + 1], start)
           and _gap(lines[last].line, lines[last + 1].line) <= reach):
        last += 1
    return first, last


def _label_parts(lines: list[list[Glyph]]) -> list[list[Glyph]]:
    """A row's label, line by line, as the cells printed side by side: pieces that overlap horizontally
    are one cell (its lines, whatever their alignment), taken left to right."""
    pieces: list[tuple[float, float, list[Glyph]]] = []
    for line in lines:
        start = 0
        for k in range(1, len(line) + 1):
            if k == len(line) or line[k].x0 - line[k - 1].x1 > PIECE_GAP * _height(line[k - 1:k + 1]):
                part = line[start:k]
                pieces.append((part[0].x0, max(g.x1 for g in part), part))
                start = k
    pieces.sort(key=lambda p: p[0])
    parts: list[tuple[float, list[Glyph]]] = []
    for x0, x1, part in pieces:
        if parts and x0 < parts[-1][0]:
            parts[-1] = (max(parts[-1][0], x1), parts[-1][1] + part)
        else:
            parts.append((x1, list(part)))
    return [p for _, p in parts]


def _slots(lines: list[TextLine], rows: list[_Row], xs: list[float]) -> list[Slot]:
    n_cols = len(xs) - 1
    inner = xs[1:-1]
    slots = []
    for r, row in enumerate(rows):
        if row.kind == "caption":
            slots.append(Slot(r, 0, n_cols, [[g for n in row.lines for g in lines[n].glyphs]]))
            continue
        cells: list[list[list[Glyph]]] = [[] for _ in range(n_cols)]   # column → its glyphs line by line
        for n in row.lines:
            for c in range(n_cols):
                cells[c].append([])
            for g in lines[n].glyphs:
                cells[bisect_right(inner, (g.x0 + g.x1) / 2)][-1].append(g)
        label = [ln for ln in cells[0] if ln]
        parts = _label_parts(label) if row.kind == "data" else [[g for ln in label for g in ln]]
        slots.append(Slot(r, 0, 1, parts))
        slots += [Slot(r, c, 1, [[g for ln in cell for g in ln]]) for c, cell in enumerate(cells[1:], start=1)]
    return slots


def _stacked_label_glyphs(lines: list[TextLine]) -> set[tuple[int, int]]:
    """(line, glyph) of a group label printed a character a line (三/、/本/年/度 …): a piece of one
    character standing at the same place as a one-character piece on the line above or below."""
    singles = [[(start, line.glyphs[start]) for start, end in _piece_bounds(line.glyphs)
                if end - start == 1 and len(line.glyphs[start].text) == 1 and not is_value(line.glyphs[start].text)]
               for line in lines]
    out: set[tuple[int, int]] = set()
    for n, (upper, lower) in enumerate(pairwise(singles)):
        lower = sorted(lower, key=lambda single: single[1].x0)   # each character looked up, not compared to all
        lefts = [b.x0 for _, b in lower]
        for i, a in upper:
            tol = ALIGN * (a.y1 - a.y0)
            for k, b in lower[bisect_left(lefts, a.x0 - tol):bisect_right(lefts, a.x0 + tol)]:
                if abs(a.x1 - b.x1) <= tol:
                    out |= {(n, i), (n + 1, k)}
    return out


def _without_stacked_labels(lines: list[TextLine]) -> list[TextLine]:
    """The lines measured without the characters of a group label printed a character a line: they stand
    between rows, so counted in a row's extent they would bring the rows on either side close enough to be
    taken for one (a line of them alone keeps its extent)."""
    stacked = _stacked_label_glyphs(lines)
    out = []
    for n, line in enumerate(lines):
        own = [g for k, g in enumerate(line.glyphs) if (n, k) not in stacked]
        if own and len(own) < len(line.glyphs):
            line = line._replace(line=line.line._replace(top=min(g.y0 for g in own), bottom=max(g.y1 for g in own)))
        out.append(line)
    return out


def find_tables(lines: list[TextLine]) -> list[Layout]:
    """The tables printed without rules among a page's lines (top to bottom), each at least two data rows
    whose values line up."""
    if not lines:
        return []
    lines = _without_stacked_labels(lines)
    page_left = min(ln.glyphs[0].x0 for ln in lines)
    page_width = max(ln.glyphs[-1].x1 for ln in lines) - page_left
    out = []
    tables, every = _data_rows(lines, page_width)
    for rows in tables:
        data = [n for n, _ in rows]
        columns = _value_columns(rows)
        start = columns[0][0]
        reach = ATTACH_GAP * median(lines[n].line.bottom - lines[n].line.top for n in data)
        first, last = _extent(lines, data[0], data[-1], start, reach, every)
        if len(rows) == 1:
            first = _header_top(lines, first, data[0])
            columns = _under_headers(lines, range(first, data[0]), data[0], rows[0][1])
            if columns is None:
                continue
            start = columns[0][0]
        elif blank := _header_columns(lines, range(first, data[0]), columns, start):
            columns = _merged(sorted(columns + blank))
        table_rows = _rows(lines, data, first, last, start, reach)
        used = set(range(first, last + 1))
        glyphs = [g for n in used for g in lines[n].glyphs]
        xs = _boundaries(columns, min(g.x0 for g in glyphs), max(g.x1 for g in glyphs))
        top = min(lines[n].line.top for n in used)
        out.append(Layout(top, xs, _slots(lines, table_rows, xs), len(table_rows), used))
    return out
