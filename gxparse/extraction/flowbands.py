"""A table whose every cell is a text box of its own, written in the order of the boxes' lower edges.

LibreOffice prints each table cell as a text box; pdfminer.six without its boxes' reading order
(``LAParams(boxes_flow=None)``, as CMS previews and other projects extract) writes the boxes sorted by their lower
edge, then left to right. What that does to a table, seen on every print:

- a row of one-line cells comes out whole, its cells in column order, each a box of its own;
- cells stacked close in one column join into one box: k rows whose labels are short come out as a band, the
  first column's figures first, then a box of k figures for each further column (top to bottom);
- the first column's cell is often joined to its row's label, on the label's line (``（一）予以公开 414``), and
  the cells under it in the same box, on lines of their own, are the next rows' first cells; that box is
  written where the label column's box ends, far from the row;
- a row whose cells joined the column headers' box is written with its figures in the header box's order, not
  its columns': such a row is counted, never read.

So the stream is laid by counts alone: the figures printed with a row's label are that row's first cell (and
those under them the next rows'), the others are walked row by row, a band of k rows taken only where the boxes
are exactly the first column's singles and then one box of k for each further column. At every place at most
one band size fits (the sizes of the boxes differ), so the reading is certain from the counts; where no band
fits, a row's count of figures ending on a box's end is that row's, counted and unread. Nothing is read unless the whole stream is laid exactly into the table's rows.
The caller checks the rows' sums: they confirm a reading, never make one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

MAX_BAND = 4   # rows a column's box may stack: taller bands are no table's rows printed close


@dataclass(frozen=True)
class FlowCell:
    """A figure of the stream: its value, the text box it came in, and the row whose label line holds it."""

    value: int
    box: int
    on_label_of: int | None = None


@dataclass(frozen=True)
class FlowRows:
    """Each row's figures as indices into the stream, in column order; None for a row counted but unread."""

    rows: tuple[tuple[int, ...] | None, ...]


def lay_flow(cells: Sequence[FlowCell], width: int, rows: int) -> FlowRows | None:
    """The stream laid into ``rows`` rows of ``width`` cells (see the module's docstring); None when it does not
    lay exactly. One pass over the stream, at most ``MAX_BAND`` band sizes tried at each row."""
    if width < 2 or len(cells) != width * rows:
        return None
    first = _first_cells(cells, rows)
    if first is None:
        return None
    printed_first = set(first.values())
    flow = [i for i in range(len(cells)) if i not in printed_first]
    box_size: dict[int, int] = {}
    for i in flow:
        box_size[cells[i].box] = box_size.get(cells[i].box, 0) + 1
    laid: list[tuple[int, ...] | None] = []
    at = 0
    while len(laid) < rows:
        band = _band(cells, flow, at, box_size, first, len(laid), width, rows)
        if band is not None:
            taken, band_rows = band
            laid += band_rows
        elif (taken := _counted_row(cells, flow, at, first, len(laid), width)) is not None:
            laid.append(None)
        else:
            return None
        at += taken
    return FlowRows(tuple(laid)) if at == len(flow) else None


def _first_cells(cells: Sequence[FlowCell], rows: int) -> dict[int, int] | None:
    """Row → index of its first cell, for figures printed on a row's label line and those right under them in
    the same box (the next rows'); None when two figures claim one row."""
    first: dict[int, int] = {}
    for i, cell in enumerate(cells):
        if cell.on_label_of is None:
            continue
        row = cell.on_label_of
        for j in range(i, len(cells)):
            if j > i and (cells[j].box != cell.box or cells[j].on_label_of is not None):
                break
            if row >= rows or row in first:
                return None
            first[row] = j
            row += 1
    return first


def _starts_box(cells: Sequence[FlowCell], flow: Sequence[int], at: int) -> bool:
    return at == 0 or at >= len(flow) or cells[flow[at]].box != cells[flow[at - 1]].box


def _band(cells: Sequence[FlowCell], flow: Sequence[int], at: int, box_size: dict[int, int],
          first: dict[int, int], row: int, width: int, rows: int) -> tuple[int, list[tuple[int, ...]]] | None:
    """The one band of k rows from ``row`` that the boxes at ``at`` fit exactly: the first cells not printed with
    a label as single boxes, then ``width - 1`` boxes of k figures each. (figures taken, rows) or None."""
    fits = []
    for k in range(1, min(MAX_BAND, rows - row) + 1):
        band_rows = range(row, row + k)
        singles = [r for r in band_rows if r not in first]
        boxes = [1] * (len(singles) + (width - 1) * k) if k == 1 else [1] * len(singles) + [k] * (width - 1)
        if _boxes_are(cells, flow, at, box_size, boxes):
            fits.append((k, singles))
    if len(fits) != 1:
        return None
    k, singles = fits[0]
    firsts = {r: flow[at + n] for n, r in enumerate(singles)} | {r: first[r] for r in range(row, row + k) if r in first}
    rest = flow[at + len(singles):at + len(singles) + (width - 1) * k]
    laid = [(firsts[r], *(rest[c * k + n] for c in range(width - 1))) for n, r in enumerate(range(row, row + k))]
    return len(singles) + len(rest), laid


def _boxes_are(cells: Sequence[FlowCell], flow: Sequence[int], at: int, box_size: dict[int, int],
               sizes: Sequence[int]) -> bool:
    """Whether the boxes starting at ``at`` are whole boxes of exactly ``sizes`` figures, in order."""
    for size in sizes:
        if at + size > len(flow) or not _starts_box(cells, flow, at) or box_size[cells[flow[at]].box] != size:
            return False
        at += size
    return True


def _counted_row(cells: Sequence[FlowCell], flow: Sequence[int], at: int, first: dict[int, int], row: int,
                 width: int) -> int | None:
    """One row whose figures end on a box's end though its boxes are not single: counted and unread (a box of
    several figures is written in an order of its own, and the row's singles around it need not be in column
    order either: ``0 0 | 3 | …`` for 3, 0, 0, …): the figures it takes, None when they do not end on a box's end."""
    own = width - (row in first)
    if at + own > len(flow) or not _starts_box(cells, flow, at) or not _starts_box(cells, flow, at + own):
        return None
    return own
