"""Tables drawn with box-drawing characters (``w3m -dump``, ``tabulate``'s and psql's Unicode grids): a cell's text
wrapped over the lines between two rules, a label beside its figures a few characters a line, a group label
spanning rows. Each row between rules becomes one line of its cells' text, tab-separated, so that the row
grammar reads it as a row of cells; a cell spanning rows is written in the first row it spans, as the page's own
``rowspan`` cell is."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_BOX = re.compile(r"[\u2500-\u257f]")
_HORIZONTAL = frozenset("─━═┄┅┈┉╌╍╴╶╸╺")
_MIN_GRID_LINES = 3   # a table has at least a top rule, a row and a bottom rule
# cells a grid line may cut: a line cut into more is read as it is, so that a line's work (each cell against the
# cells open above it) stays bounded; a report's widest table has 16 columns
MAX_GRID_CELLS = 64


@dataclass
class _Cell:
    start: int
    end: int
    pieces: list[str] = field(default_factory=list)
    written: bool = False


@dataclass
class _Segment:
    start: int
    end: int
    text: str
    rule: bool   # horizontal rule characters only: the cells above it end here


def _width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _segments(line: str) -> list[_Segment]:
    """The runs of ``line`` between its box characters that are no horizontal rule, by display column."""
    out: list[_Segment] = []
    column, start, text = 0, None, []
    for char in line:
        if _BOX.match(char) and char not in _HORIZONTAL:
            if start is not None:
                out.append(_segment(start, column, "".join(text)))
            start, text = column + 1, []
        elif start is not None:
            text.append(char)
        column += _width(char)
    return out


def _segment(start: int, end: int, text: str) -> _Segment:
    rule = bool(text) and all(c in _HORIZONTAL for c in text)
    return _Segment(start, end, "" if rule else text.strip(), rule)


def _is_grid_line(line: str) -> bool:
    bare = line.strip()
    return bool(bare) and _BOX.match(bare[0]) is not None and \
        sum(1 for c in bare if _BOX.match(c) and c not in _HORIZONTAL) <= MAX_GRID_CELLS + 1


def _rows(block: list[str]) -> list[tuple[int, list[_Cell]]]:
    """The rows of a grid: at each line that ends cells (a rule under them), the cells open then, with the index of
    the row's first line."""
    open_cells: list[_Cell] = []
    rows: list[tuple[int, list[_Cell]]] = []
    first: int | None = None
    for n, line in enumerate(block):
        segments = _segments(line)
        if first is None and any(not s.rule for s in segments):
            first = n
        for segment in (s for s in segments if not s.rule):
            cell = next((c for c in open_cells if (c.start, c.end) == (segment.start, segment.end)), None)
            if cell is None:
                open_cells = [c for c in open_cells if c.end <= segment.start or c.start >= segment.end]
                cell = _Cell(segment.start, segment.end)
                open_cells.append(cell)
            if segment.text:
                cell.pieces.append(segment.text)
        rules = [s for s in segments if s.rule]
        closed = [c for c in open_cells if any(r.start < c.end and c.start < r.end for r in rules)]
        if closed:
            rows.append((n if first is None else first, sorted(open_cells, key=lambda c: c.start)))
            open_cells = [c for c in open_cells if c not in closed]
            first = None
    if open_cells:
        rows.append((len(block) - 1 if first is None else first, sorted(open_cells, key=lambda c: c.start)))
    return rows


def _joined(pieces: list[str]) -> str:
    """A cell's wrapped pieces: Chinese text runs on without a space, Latin words and figures keep one."""
    text = ""
    for piece in pieces:
        text += piece if not text or not (text[-1].isascii() and piece[0].isascii()) else " " + piece
    return text


def _row_line(row: list[_Cell]) -> str:
    cells = []
    for cell in row:
        cells.append("" if cell.written else _joined(cell.pieces))
        cell.written = True
    return "\t".join(cells)


def unboxed(text: str) -> str:
    """``text`` with each table drawn in box-drawing characters written a row per line (its cells tab-separated),
    the row on its first line and the rules and its other lines left empty, so that every line keeps its number."""
    lines = text.split("\n")
    out: list[str] = []
    n = 0
    while n < len(lines):
        end = n
        while end < len(lines) and _is_grid_line(lines[end]):
            end += 1
        if end - n < _MIN_GRID_LINES:
            out.append(lines[n])
            n += 1
            continue
        grid = [""] * (end - n)
        for first, row in _rows(lines[n:end]):
            grid[first] = _row_line(row)
        out += grid
        n = end
    return "\n".join(out)
