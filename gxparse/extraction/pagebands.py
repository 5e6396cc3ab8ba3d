"""A table a tool wrote a page at a time, each page's part a column at a time (pdfminer.six's default boxes on a
print whose table runs over pages: the page's row labels, then the first column's figures top to bottom, then the
second's, …).

The page breaks are the evidence of the bands: the rows a page's labels name (from the first to the last, a
wrapped label left unnamed between them) are that page's band, and its figures must be exactly as many as the
band's cells. A figure printed on a row's label line is that row's first cell (the tool joined the two), taken
out of the column's run, or left in it: both are tried. The columns are taken in the template's order only where
the column header words before the table's first figure stand in that order (the tool wrote that page left to
right). A band may be one figure short (a cell printed empty or left out): the gap is tried at every place of
the band, and the row's sums fill it. Each band is also laid row by row. A reading is kept when every row's own
sums and the table's rules across rows hold for it; the table is read only where every kept reading gives a row
the same figures (a gap the sums fill alike wherever it stands is no doubt). A band no reading lays (the tool
broke its columns into boxes of its own) is tiled from its figures around the rows read (``tiling``): its rows
read where every tiling agrees. Bounded by ``MAX_PAGES``, ``MAX_BAND_GRIDS`` and ``MAX_GAPS`` (the tiling by its
own caps and budget).
"""

from __future__ import annotations

import itertools
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
    """A row the page bands read: its figures, whether the sums filled a gap in it, where its page's run starts."""

    vector: Vector
    filled: bool
    where: str


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
        on_label = tuple((i, index[key] - start) for i, (line, n) in enumerate(figures)
                         if n == 0 and line.label and not is_header(line.label)
                         and (key := named(line.label)) in index and start <= index[key] <= end)
        bands.append(PageBand(start, end - start + 1, tuple(parse_count(line.values[n]).value for line, n in figures),
                              on_label, figures[0][0].where))
    if not bands or bands[-1].start + bands[-1].height != len(rows):
        return None
    return bands


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
    whether the sums filled a gap in it, and the rows of the bands no reading lays where every tiling of their
    figures around the rows read gives them alike (``tiling``); None when the lines are no such table or no
    reading is kept."""
    rows, width, sums = layout.rows, layout.width, layout.sums
    if not sums or not headers_in_order(lines, headers, is_header):
        return None
    bands = page_bands(lines, rows, named, is_header)
    if bands is None:
        return None
    # a band no reading lays (the tool broke its columns into boxes of its own) is left unread
    read = [(band, readings) for band in bands if (readings := band_readings(band, width, sums, MAX_GAPS))]
    kept: list[dict[int, tuple[Vector, bool]]] = []
    for choice in itertools.product(*(readings for _, readings in read)):
        if sum(reading.gaps for reading in choice) > MAX_GAPS:
            continue
        laid = {band.start + r: (vector, r in reading.filled)
                for (band, _), reading in zip(read, choice) for r, vector in enumerate(reading.grid)}
        if consistent({rows[r]: vector for r, (vector, _) in laid.items()}):
            kept.append(laid)
    where = {band.start + r: band.where for band in bands for r in range(band.height)}
    out = {}
    for r in kept[0] if kept else ():
        if len({laid[r][0] for laid in kept}) == 1:
            out[rows[r]] = PagedRow(kept[0][r][0], any(laid[r][1] for laid in kept), where[r])
    left = [band for band in bands if band not in {band for band, _ in read}]
    if out and left:
        out |= {key: PagedRow(vector, True, where[rows.index(key)])
                for key, vector in _tiled(left, layout, {key: row.vector for key, row in out.items()}).items()}
    return out or None


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
