"""A table printed in column parts: its rows' labels repeated in each part, the parts' figure columns beside
each other in the table (table 三's seven columns as 自然人 … 科研机构, then ``（续表）`` and 社会公益组织 … 总计,
on a page too narrow for them all).

Two grids are parts of one table when they have as many rows, the same leading label columns row by row, and
figure columns whose headers differ: two whole copies of a table (a report quoting last year's beside this
year's) have the same column headers, and are never joined.
"""

from __future__ import annotations

from dataclasses import dataclass

from gxparse.document import Line
from gxparse.layout.grid import Grid, GridCell, grid_lines
from gxparse.template import CONTINUED_TABLE

LINES_BETWEEN_PARTS = 2   # a continuation's mark, an empty paragraph: more lines between are two tables


def _text(slot: GridCell | None) -> str:
    return slot.text if slot is not None else ""


def _label_columns(first: Grid, second: Grid) -> int:
    """How many leading columns hold the same text, row by row, in both grids."""
    width = min(min(len(row) for row in first), min(len(row) for row in second))
    n = 0
    while n < width and all(_text(a[n]) == _text(b[n]) for a, b in zip(first, second)):
        n += 1
    return n


def _column_headers(grid: Grid, start: int) -> set[tuple[str, ...]]:
    """Each figure column's header texts (the rows above the first row holding a figure), from ``start`` on."""
    header = []
    for row in grid:
        if any(slot is not None and slot.numeric and slot.text for slot in row[start:]):
            break
        header.append(row)
    return {tuple(_text(row[c]) for row in header if c < len(row)) for c in range(start, max(map(len, grid)))}


def _has_figures(grid: Grid, start: int) -> bool:
    return any(slot is not None and slot.numeric and slot.text for row in grid for slot in row[start:])


def joined_parts(first: Grid, second: Grid) -> Grid | None:
    """``first`` with ``second``'s figure columns beside it, when the two are column parts of one table."""
    if len(first) != len(second) or not first:
        return None
    labels = _label_columns(first, second)
    if not labels or not (_has_figures(first, labels) and _has_figures(second, labels)):
        return None
    headers_first, headers_second = _column_headers(first, labels), _column_headers(second, labels)
    if not all(any(headers) for headers in headers_second) or headers_first & headers_second:
        return None
    shift = 1 + max(slot.origin for row in first for slot in row if slot is not None)
    width = max(map(len, first))
    return [list(a) + [None] * (width - len(a)) +
            [GridCell(s.text, s.origin + shift, s.numeric) if s is not None else None for s in b[labels:]]
            for a, b in zip(first, second)]


@dataclass
class _LastTable:
    start: int   # its first line in the reader's lines
    grid: Grid
    number: int
    end: int     # the line after its last


def _continues(text: str) -> bool:
    """A line between two parts of one table: empty, or the continuation's mark."""
    return text.strip().strip("()（） ") in ("", *CONTINUED_TABLE)


class TableParts:
    """The tables a reader meets, each written as its grid's lines; one printed in column parts after the table
    before it (nothing between but ``LINES_BETWEEN_PARTS`` lines of a continuation's mark) is read as that table,
    its lines written again with the part's columns beside those of the part before it."""

    def __init__(self) -> None:
        self.last: _LastTable | None = None

    def add(self, lines: list[Line], grid: Grid, number: int) -> None:
        last = self.last
        if last is not None and len(lines) - last.end <= LINES_BETWEEN_PARTS and \
                all(_continues(line.text) for line in lines[last.end:]) and \
                (joined := joined_parts(last.grid, grid)) is not None:
            del lines[last.start:]
            self.last = _LastTable(last.start, joined, last.number, 0)
        else:
            self.last = _LastTable(len(lines), grid, number, 0)
        lines.extend(grid_lines(self.last.grid, self.last.number))
        self.last.end = len(lines)
