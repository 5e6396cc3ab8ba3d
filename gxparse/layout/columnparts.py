"""A table printed in column parts: its rows' labels repeated in each part, the parts' figure columns beside
each other in the table (table 三's seven columns as 自然人 … 科研机构, then ``（续表）`` and 社会公益组织 … 总计,
on a page too narrow for them all).

Two grids are parts of one table when they have as many rows, the same leading label columns row by row, and
figure columns whose headers differ: two whole copies of a table (a report quoting last year's beside this
year's) have the same column headers, and are never joined.
"""

from __future__ import annotations

from gxparse.layout.grid import Grid, GridCell


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
