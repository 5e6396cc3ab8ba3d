"""A table a tool wrote a page at a time, each page's part a column at a time (pdfminer.six's default boxes on a
print whose table runs over pages: the page's row labels, then the first column's figures top to bottom, then the
second's, …).

The page breaks are the evidence of the bands: the rows a page's labels name (from the first to the last, a
wrapped label left unnamed between them) are that page's band, and its figures must be exactly as many as the
band's cells. A figure printed on a row's label line, or among the first figures right after a run of labels,
is that row's first cell (the tool joined the two, or grouped the labels with the cells beside them), taken out
of the column's run, or left in it: both are tried. The columns are taken in the template's order; the rows are
said to be read so (``PagedRow.by_position``) unless the column header words before the table's first figure
stand in that order (pdfminer.six writes header words in an order of its own: 总计 before 其他 over runs in the
template's order, 自然人 … 法律服务机构 in order over runs that are not). A band no reading lays in the template's
order is read with its runs in every order (``run_orders``: pdfminer.six writes a page's column boxes in the
order it grouped them, 法律服务机构's run before 自然人's), a reading kept where the table's rules across rows
hold with the other bands' readings (a row read where all kept give it alike, as everywhere here: a page of
the one band reads the rows whose runs' figures are equal where the rules do not tell their columns apart). A
band may be one figure short (a cell printed empty or left out): the gap is tried at every place of the band,
and the row's sums fill it. Each band is also laid row by row. A reading is kept when every row's own
sums and the table's rules across rows hold for it; the table is read only where every kept reading gives a row
the same figures (a gap the sums fill alike wherever it stands is no doubt). A band no reading lays (the tool
broke its columns into boxes of its own) is tiled from its figures around the rows read (``tiling``): its rows
read where every tiling agrees. Bounded by ``MAX_PAGES``, ``MAX_BAND_GRIDS``, ``MAX_GAPS``, ``MAX_ORDER_GRIDS`` and
``MAX_CHOICES`` (the tiling by its own caps and budget).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from gxparse.cells import parse_count
from gxparse.document import Line
from gxparse.arithmetic.multiset import Budget
from gxparse.arithmetic.realign import GAP, RowSum, Vector, complete
from gxparse.arithmetic.tiling import Box, Layout, Undecided, tile
from gxparse.normalize import label_key

MAX_PAGES = 4          # pages one table's bands may run over
MAX_BAND_GRIDS = 8     # distinct grids one band may read as: more, its figures do not decide it
MAX_GAPS = 1           # figures the whole table may be short of
MAX_ORDER_GRIDS = 720  # distinct grids one band's runs may read as in orders of the tool's own
MAX_CHOICES = 2000     # readings of the whole table (one per band, together) weighed against its rules

Grid = tuple[Vector, ...]   # a band's rows


@dataclass(frozen=True)
class BandReading:
    """A band's rows as one reading gives them, and the rows whose gap the sums filled (in any reading giving them
    so)."""

    grid: Grid
    filled: frozenset[int]
    gaps: int   # figures the band is short of


@dataclass(frozen=True)
class PagedRow:
    """A row the page bands read: its figures, whether the sums filled a gap in it, where its page's run starts,
    whether the text does not show its columns' order (``by_position``)."""

    vector: Vector
    filled: bool
    where: str
    by_position: bool = False   # its columns taken in the template's order, or in the order the arithmetic chose


@dataclass(frozen=True)
class PageBand:
    """The rows (``start`` .. ``start + height``) a page's labels name, with that page's figures in order and the
    figures printed on a row's label line (position in ``figures`` → row offset in the band)."""

    start: int
    height: int
    figures: tuple[int | None, ...]
    on_label: tuple[tuple[int, int], ...]
    where: str


def headers_in_order(lines: Sequence[Line], headers: Sequence[str], is_header: Callable[[str], bool]) -> bool:
    """Whether the column header words before the first figure name every column of ``headers`` in that order
    (a name found after the last one found, in the header words joined: a wrapped name counts)."""
    words = []
    for line in lines:
        if line.values:
            break
        if line.label and is_header(line.label):
            words.append(label_key(line.label))
    joined, at = "".join(words), 0
    for name in headers:
        found = joined.find(label_key(name), at)
        if found < 0:
            return False
        at = found + len(label_key(name))
    return True


def page_bands(lines: Sequence[Line], rows: Sequence[str], named: Callable[[str], str | None],
               is_header: Callable[[str], bool]) -> list[PageBand] | None:
    """The table's bands, a page each, covering ``rows`` in order; None where the lines have no pages, a page's
    figures no named row, or the pages' rows do not follow one another."""
    index = {key: r for r, key in enumerate(rows)}
    pages: dict[int, list[Line]] = {}
    for line in lines:
        if line.page is None:
            return None
        pages.setdefault(line.page, []).append(line)
    if len(pages) > MAX_PAGES:
        return None
    bands: list[PageBand] = []
    for page_lines in pages.values():
        named_rows = [index[key] for line in page_lines if line.label and not is_header(line.label)
                      and (key := named(line.label)) in index]
        figures = [(line, n) for line in page_lines for n in range(len(line.values))]
        if not figures:
            continue
        if not named_rows or any(len(line.values) > 1 for line, _ in figures):
            return None
        start, end = min(named_rows), max(named_rows)
        if start != (bands[-1].start + bands[-1].height if bands else 0):
            return None
        on_label = tuple((i, row - start) for i, row in _beside_labels(page_lines, index, named, is_header).items()
                         if start <= row <= end)
        bands.append(PageBand(start, end - start + 1, tuple(parse_count(line.values[n]).value for line, n in figures),
                              on_label, figures[0][0].where))
    if not bands or bands[-1].start + bands[-1].height != len(rows):
        return None
    return bands


def _beside_labels(lines: Sequence[Line], index: dict[str, int], named: Callable[[str], str | None],
                   is_header: Callable[[str], bool]) -> dict[int, int]:
    """The figures (position among the page's figures → row) printed beside their row's label: on the label's
    line, or right after a run of labels, ``k`` figures (no more than the labels) then the first cells of the
    last ``k`` rows named (the tool grouped the labels' boxes with the boxes of the cells right of them, and
    wrote the group's labels, then its figures, each top to bottom)."""
    out: dict[int, int] = {}
    labels: list[int] = []    # the rows the run of labels names
    pending: list[int] = []   # the figures right after them
    at = 0

    def close() -> None:
        if len(pending) <= len(labels):
            out.update(zip(pending, labels[len(labels) - len(pending):]))
        labels.clear()
        pending.clear()

    for line in lines:
        key = named(line.label) if line.label and not is_header(line.label) else None
        if line.label and (pending or key not in index):
            close()
        if key in index:
            if line.values:
                out[at] = index[key]
                labels.clear()
            else:
                labels.append(index[key])
        elif not line.label and labels:
            pending.extend(range(at, at + len(line.values)))
        at += len(line.values)
    close()
    return out


def band_readings(band: PageBand, width: int, sums: Sequence[RowSum], gaps: int) -> list[BandReading] | None:
    """The distinct grids the band reads as (see the module's docstring) with at most ``gaps`` figures short;
    None when more than ``MAX_BAND_GRIDS``."""
    out: dict[Grid, BandReading] = {}
    for anchors in ([dict(band.on_label), {}] if band.on_label else [{}]):
        first = {row: band.figures[i] for i, row in anchors.items()}
        stream = [v for i, v in enumerate(band.figures) if i not in anchors]
        short = band.height * width - len(first) - len(stream)
        if len(first) != len(anchors) or not 0 <= short <= gaps:
            continue
        for at in range(len(stream) + 1) if short else (None,):
            slots: list[object] = list(stream) if at is None else [*stream[:at], GAP, *stream[at:]]
            for columnwise in (True, False):
                reading = _laid(slots, first, band.height, width, columnwise, sums)
                if reading is not None:
                    # a gap the sums fill alike in several places: each of its rows may be the one printed short
                    held = out.get(reading.grid, reading)
                    out[reading.grid] = BandReading(reading.grid, reading.filled | held.filled,
                                                    min(reading.gaps, held.gaps))
                if len(out) > MAX_BAND_GRIDS:
                    return None
    return list(out.values())


def run_orders(band: PageBand, width: int, sums: Sequence[RowSum]) -> list[BandReading] | None:
    """The distinct grids the band reads as when its figures are its columns' runs in an order of the tool's own
    (pdfminer.six writes the column boxes of a page's groups in the order it grouped them: ``法律服务机构``'s run
    before ``自然人``'s): every run as long as the band, the first column's short of the cells printed beside
    their labels (taken out of it, or none), each run laid top to bottom into a column; kept where every row's
    sums hold. None when more than ``MAX_ORDER_GRIDS``: the rules across rows would have too many to choose
    from."""
    out: dict[Grid, BandReading] = {}
    seen: dict[tuple[int | None, ...], Vector | None] = {}   # rows recur from one order to the next
    for anchors in ([dict(band.on_label), {}] if band.on_label else [{}]):
        first = {row: band.figures[i] for i, row in anchors.items()}
        stream = [v for i, v in enumerate(band.figures) if i not in anchors]
        short = band.height - len(first)
        if len(stream) != short + (width - 1) * band.height:
            continue
        for at in range(width):   # where the first column's run stands among the runs
            head = at * band.height
            own = tuple(stream[head:head + short])
            rest = [*stream[:head], *stream[head + short:]]
            runs = [tuple(rest[k:k + band.height]) for k in range(0, len(rest), band.height)]
            column = iter(own)
            lead = tuple(first[r] if r in first else next(column) for r in range(band.height))
            for order in set(itertools.permutations(runs)):
                grid = tuple(_completed(row, sums, seen) for row in zip(lead, *order))
                if all(vector is not None and None not in vector for vector in grid):
                    out[grid] = BandReading(grid, frozenset(), 0)   # type: ignore[arg-type]
                if len(out) > MAX_ORDER_GRIDS:
                    return None
    return list(out.values())


def _completed(row: tuple[int | None, ...], sums: Sequence[RowSum],
               seen: dict[tuple[int | None, ...], Vector | None]) -> Vector | None:
    if row not in seen:
        seen[row] = complete(row, sums)
    return seen[row]


def _laid(slots: Sequence[object], first: dict[int, int | None], height: int, width: int, columnwise: bool,
          sums: Sequence[RowSum]) -> BandReading | None:
    """The band's rows from ``slots`` laid a column at a time (or a row at a time), a row's first cell printed on
    its label line (``first``) kept out of the run; None when a row's sums break or leave its gap open."""
    cells: list[list[object]] = [[None] * width for _ in range(height)]
    order = ([(r, c) for c in range(width) for r in range(height)] if columnwise
             else [(r, c) for r in range(height) for c in range(width)])
    it = iter(slots)
    for r, c in order:
        cells[r][c] = first[r] if c == 0 and r in first else next(it)
    grid, filled = [], set()
    for r, row in enumerate(cells):
        vector = complete(tuple(row), sums)
        if vector is None or None in vector:
            return None
        if any(v is GAP for v in row):
            filled.add(r)
        grid.append(vector)
    return BandReading(tuple(grid), frozenset(filled), sum(v is GAP for v in slots))


def read_by_pages(lines: Sequence[Line], layout: Layout, named: Callable[[str], str | None],
                  is_header: Callable[[str], bool], headers: Sequence[str],
                  consistent: Callable[[dict[str, Vector]], bool]) -> dict[str, PagedRow] | None:
    """The rows every kept reading of the table's page bands agrees on (see the module's docstring), each with
    whether the sums filled a gap in it and whether its columns' order is the text's, and the rows of the bands
    no reading lays where every tiling of their figures around the rows read gives them alike (``tiling``); None
    when the lines are no such table or no reading is kept."""
    rows, width, sums = layout.rows, layout.width, layout.sums
    if not sums:
        return None
    bands = page_bands(lines, rows, named, is_header)
    if bands is None:
        return None
    # the header words' order shows the tool's only where it is the template's: else that order is assumed
    shown = headers_in_order(lines, headers, is_header)
    where = {band.start + r: band.where for band in bands for r in range(band.height)}
    read = [(band, readings) for band in bands if (readings := band_readings(band, width, sums, MAX_GAPS))]
    out = {rows[r]: PagedRow(vector, filled, where[r], not shown) for r, (vector, filled) in _agreed(
        read, rows, consistent).items()}
    # a band no reading lays in the template's order: its runs in every order, decided by the rules across rows
    laid = {band for band, _ in read}
    ordered = [(band, readings) for band in bands if band not in laid and (readings := run_orders(band, width, sums))]
    if ordered and math.prod(len(readings) for _, readings in [*read, *ordered]) <= MAX_CHOICES:
        agreed = _agreed([*read, *ordered], rows, consistent)
        out |= {rows[r]: PagedRow(agreed[r][0], False, where[r], True)
                for band, _ in ordered for r in range(band.start, band.start + band.height) if r in agreed}
    # a band no reading lays (the tool broke its columns into boxes of its own) is tiled around the rows read
    left = [band for band in bands if band not in laid | {band for band, _ in ordered}]
    if out and left:
        out |= {key: PagedRow(vector, True, where[rows.index(key)], not shown)
                for key, vector in _tiled(left, layout, {key: row.vector for key, row in out.items()}).items()}
    return out or None


def _agreed(read: Sequence[tuple[PageBand, list[BandReading]]], rows: Sequence[str],
            consistent: Callable[[dict[str, Vector]], bool]) -> dict[int, tuple[Vector, bool]]:
    """The rows (by place) every reading of the bands ``read`` together gives alike, where the table's rules
    across rows hold for it, with whether the sums filled a gap in it (in any reading)."""
    kept: list[dict[int, tuple[Vector, bool]]] = []
    for choice in itertools.product(*(readings for _, readings in read)):
        if sum(reading.gaps for reading in choice) > MAX_GAPS:
            continue
        laid = {band.start + r: (vector, r in reading.filled)
                for (band, _), reading in zip(read, choice) for r, vector in enumerate(reading.grid)}
        if consistent({rows[r]: vector for r, (vector, _) in laid.items()}):
            kept.append(laid)
    return {r: (kept[0][r][0], any(laid[r][1] for laid in kept)) for r in (kept[0] if kept else ())
            if len({laid[r][0] for laid in kept}) == 1}


def _tiled(left: Sequence[PageBand], layout: Layout, known: dict[str, Vector]) -> dict[str, Vector]:
    """The rows of the bands ``left`` that every tiling of their figures (a box each, a figure on a row's label
    line that row's first cell) around the rows ``known`` reads whole; {} when the figures are no count, the
    rows known and left do not make the table, or the search does not decide."""
    if any(v is None for band in left for v in band.figures) or \
            len(known) + sum(band.height for band in left) != len(layout.rows):
        return {}
    index = {key: r for r, key in enumerate(layout.rows)}
    boxes = [Box(vector, across=True, row=index[key]) for key, vector in known.items()]
    for band in left:
        first = dict(band.on_label)
        boxes += [Box((v,), row=band.start + first[i] if i in first else None)   # type: ignore[arg-type]
                  for i, v in enumerate(band.figures)]
    try:
        solved = tile(boxes, layout, known, Budget())
    except Undecided:
        return {}
    return {key: vector for key, vector in (solved or {}).items() if None not in vector and key not in known}
