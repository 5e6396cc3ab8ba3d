"""Tables whose text comes one cell per line: the figures read as a stream laid into the template's rows.

PDF-to-text tools that follow the page's text boxes (poppler's ``pdftotext`` without ``-layout``, pdfminer.six,
PyMuPDF's ``get_text``) write every table cell on a line of its own: a row's label (often wrapped over several
lines), then each figure alone. Boxes of cells stacked in a column come out as one block of lines, a column
at a time (ten rows' 自然人 figures, then their 商业企业 figures, …), boxes apart end with a blank line, and the
cells nearest the column headers may come out among the header words. Labels do not say which figures are
whose (a label may print after its figures or far away), but the template does: its rows, in order, and how
many figures each holds. So the figures of a table are read as one stream laid into the template's rows:

- every figure is counted; a table is read only when they are as many as its rows hold, or a few more that
  stand at the ends of the stream (figures of the table before or after it);
- a run of single-figure boxes is read row by row; as many boxes of ``m`` stacked figures each (``m`` > 1) as
  the rows have columns may be ``m`` rows printed a column at a time; the readings that cut fewest boxes
  of several figures into pieces are taken, and among them those under which fewer rows break their own sums
  (the table's arithmetic as a tie-breaker, never as a source of figures); a row the best readings give
  different figures is not read;
- the order of a stream is the tool's guess at the reading order (header words and the cells under them
  come out interleaved, a row's 总计 before its last columns), so a figure's place is never certain: a row
  whose own sums break is left unread, not read as printed (a misplaced figure must not accuse the agency),
  and so is the whole table when more rows break than a report plausibly does (the wrong reading) or when
  the rows read break the table's rules across rows (the caller says so with ``cell.unread``). A report's
  own arithmetic error is found only where no order of the figures could keep the sums
  (``in_no_order_adds_up``), else said to be unreadable;
- where those readings leave rows unread: bands of rows a column at a time (``_read_bands``, two neighbouring
  columns of a band exchanged, or its last column, the rows' total, printed before others, only where nothing else
  adds up), and where nothing lays the stream, the rows in
  order between a jumbled head and tail (``_read_between_ends``), or the page bands (``pagebands``: each page's
  rows a column at a time, where the page breaks and labels give the bands).
- a stream longer than the table by counts a narrow cell wrapped after a digit: joined where exactly one choice
  of joins lays the rows with their sums holding (``unwrapped``);
- rows still unread in a table with rules across rows: solved from the figures the rows read left, by the
  table's arithmetic alone (``_solve_left``, ``multiset``), a cell read where every assignment agrees; then
  from the tool's boxes tiled into the grid around the rows read (``_tile_left``, ``tiling``), a cell read where
  every tiling agrees.

Smaller readings serve the row grammar and the callers when a stream cannot be laid: ``lone_runs`` joins a run
of single-figure lines into one line of figures (a row's cells, for ``rows.collect_rows``), ``labelled_runs``
gives the runs whose label lines stand right over them (``lay_run`` lays one holding several rows),
``header_runs`` the runs right under one column's header words, ``column_boxes`` a sub-table's boxes right after
its column names (read where no order of the boxes changes a cell: ``boxorders``), and ``read_parts`` reads a row's
parts with sums of their own (table 四's blocks) in the stream's order.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field

from gxparse.cells import UNREAD_FIGURE, parse_count
from gxparse.document import Line
from gxparse.arithmetic.multiset import Budget, solve_rows
from gxparse.arithmetic.placement import Balance
from gxparse.arithmetic.realign import RowSum, Vector
from gxparse.normalize import label_key
from gxparse.template import HEADER_LABELS
from gxparse.arithmetic.tiling import Box, Layout, Undecided, tile
from gxparse.extraction.boxorders import ColumnBoxes
from gxparse.extraction.flowbands import FlowCell, lay_flow
from gxparse.extraction.pagebands import read_by_pages

_MIN_LONE = 5           # single-figure lines: fewer are ordinary text, not a table printed a cell per line
_MAX_EXTRA = 7          # figures beyond the table's that may be another table's, at either end of the stream
_MAX_PATHS = 256        # readings of one stream enumerated at most (block choices multiply)
_PLAUSIBLE_BREAKS = 2   # rows breaking their own sums that a misplaced figure or two explains; more: wrong reading
_MAX_BANDS = 64         # distinct readings by bands of rows printed a column at a time: more, the grid is not decided
_MAX_AFTER_LABEL = 6    # figures right after a row's label tried as its first cell, in every combination
_MAX_BAND_CHECKS = 10_000   # bands laid and checked for one table at most: bounded time on any stream
_MAX_END_SHARE = 4      # a stream's jumbled head and tail: each at most a quarter of the rows
_MAX_SHIFT = 3          # figures by which another phase of a stream read in order is tried
_MAX_JOINS = 2_000      # choices of figures wrapped in narrow cells tried at most
TILING_BUDGET = 2.0     # deterministic seconds the tilings of one table take at most (``tiling``)


class _OutOfChecks(Exception):
    """The band readings of a table took more checks than ``_MAX_BAND_CHECKS``: the grid is not decided."""


@dataclass(frozen=True)
class Shape:
    """What the template says of a table: its rows in printed order, the figures each holds, sums within a
    row (for rows of the full width) and the rules across rows, column by column (for rows of one width)."""

    rows: tuple[str, ...]
    widths: tuple[int, ...]
    sums: tuple[RowSum, ...] = ()
    balances: tuple[Balance, ...] = ()
    # cells the document states elsewhere (its prose), as (row, column, figure): they decide only between
    # readings the table's own arithmetic leaves open (``_solve_left``)
    stated: tuple[tuple[str, int, int], ...] = ()
    # the columns' header names in printed order, where their words' order may show the tool's (``pagebands``)
    headers: tuple[str, ...] = ()

    @classmethod
    def even(cls, rows: Sequence[str], width: int, sums: Sequence[RowSum] = (),
             balances: Sequence[Balance] = ()) -> Shape:
        return cls(tuple(rows), (width,) * len(rows), tuple(sums), tuple(balances))


@dataclass(slots=True)
class _Figure:
    value: str
    where: str
    block: int
    after_text: bool = False   # text (not a stray character nor column header words) stands before it
    label: str = ""            # that text's last line (a row's label printed right before its figures)
    on_label: bool = False     # printed on the label's own line (the tool joined the cell to the label's box)
    boxed_label: str = ""      # the label line that opens this figure's text box, right before it (first figure)


@dataclass
class StreamRow:
    values: list[str]     # the row's figures, as printed, in column order
    where: str            # where its first figure is
    label: str            # the text printed right before its first figure ("" when a figure was)
    columnwise: bool      # read from boxes of a column's figures
    solved: bool = False  # read from the figures the other rows left, by the table's arithmetic alone
    by_position: bool = False   # its columns' order not shown by the text (``pagebands``): the template's assumed
    printed: tuple[_Figure, ...] = ()   # the stream's figures it was read from (none when solved)


@dataclass
class StreamRead:
    """Rows read from the stream, and the rows not read."""

    rows: dict[str, StreamRow] = field(default_factory=dict)
    unread: list[str] = field(default_factory=list)
    by_prose: bool = False   # the solved rows also kept the totals the prose states, where the sums left them open


def is_cell_per_line(lines: Sequence[Line]) -> bool:
    """Whether a table's lines are mostly figures alone on a line (not grid rows, not label-and-figures rows)."""
    lone = sum(1 for ln in lines if not ln.in_grid and not ln.label and len(ln.values) == 1)
    several = sum(1 for ln in lines if len(ln.values) > 1)
    return lone >= _MIN_LONE and lone > 2 * several


_HEADER_CHARS = frozenset(ch for label in HEADER_LABELS for ch in label_key(label))


def _stray(label: str) -> bool:
    return len(label) <= 6 and len(label_key(label)) <= 1


def is_column_header(label: str) -> bool:
    """Words of the table's column headers (printed above a column's box of figures)."""
    return set(label_key(label)) <= _HEADER_CHARS


def _figures(lines: Sequence[Line]) -> list[_Figure]:
    """Every figure of the lines, in order, with the text box (block) it came in."""
    out: list[_Figure] = []
    block, text_since, header_since, label = 0, False, False, ""
    previous: Line | None = None
    for line in lines:
        opening = _opening_label(previous, line)
        previous = line
        if line.label and not _stray(line.label):
            if is_column_header(line.label):
                header_since = True
            else:
                text_since, label = True, line.label
        if not line.values:
            continue
        if out and (line.after_gap or text_since or header_since or line.label or len(line.values) > 1
                    or out[-1].block != block):
            block += 1
        out += [_Figure(value, line.where, block, text_since and n == 0, label if n == 0 else "",
                        n == 0 and bool(line.label) and not _stray(line.label), opening if n == 0 else "")
                for n, value in enumerate(line.values)]
        text_since, header_since, label = False, False, ""
        if len(line.values) > 1:
            block += 1   # figures side by side on one line are a row's, never part of a column's box
    return out


def _opening_label(previous: Line | None, line: Line) -> str:
    """The label of ``previous`` when it is the first line of a text box (after a blank line) holding only a
    label and ``line``, figures alone, follows it in the same box (no blank line between): a tool that writes a
    box's lines top to bottom (PyMuPDF's blocks) printed the label's first line and those figures on one line of
    the page, so they are one row's. "" otherwise."""
    if previous is None or not previous.after_gap or previous.values or not previous.label \
            or _stray(previous.label) or is_column_header(previous.label):
        return ""
    return previous.label if line.values and not line.label and not line.after_gap and not line.in_grid else ""


@dataclass(frozen=True)
class _Path:
    rows: tuple[tuple[int, ...], ...]   # each row as the indices of its figures
    cuts: int                          # boxes of several figures a row read across cuts into pieces
    columnwise: frozenset[int]         # the rows laid a column at a time
    broken: int                        # rows whose own sums break


def _paths(figures: list[_Figure], shape: Shape) -> list[_Path]:
    """Every way to lay the figures into the rows of ``shape`` that breaks the rows' own sums no more often than
    a report plausibly does: a row's figures in a row, or k rows a column at a time — from a box of m > 1
    figures followed by as many boxes of m as the rows have columns (k = m), or, where sums can check it, from
    the first figure after a label, k rows whose every box lies within one column's k figures."""
    widths = shape.widths
    numbers = [parse_count(f.value).value for f in figures]
    sizes: dict[int, int] = {}
    starts: dict[int, int] = {}
    for i, f in enumerate(figures):
        sizes[f.block] = sizes.get(f.block, 0) + 1
        starts.setdefault(f.block, i)
    out: list[_Path] = []

    def cuts(i: int, width: int) -> int:
        """Boxes of several figures that the row [i, i+width) takes part of (a column's box read across)."""
        inside = {figures[j].block for j in range(i, i + width)}
        return sum(1 for b in inside if sizes[b] > 1 and not (i <= starts[b] and starts[b] + sizes[b] <= i + width)
                   and sizes[b] % width)

    def boxed_columns(i: int, k: int, width: int) -> bool:
        """Whether every box of the k·width figures from i lies within one column's k figures, with no label
        inside a column."""
        for j in range(i, i + k * width):
            column_start = i + (j - i) // k * k
            box = figures[j].block
            if starts[box] < column_start or starts[box] + sizes[box] > column_start + k:
                return False
            if j != column_start and figures[j].after_text:
                return False
        return True

    def columns(i: int, r: int, width: int) -> list[int]:
        """The k for which the rows from r may be printed a column at a time from figure i."""
        same = next((n for n, w in enumerate(widths[r:]) if w != width), len(widths) - r)
        m = sizes[figures[i].block]
        found = []
        if starts[figures[i].block] == i and 1 < m <= same:
            # the column boxes follow one another with nothing but blank lines or column headers between (a row's
            # label between boxes makes each a labelled row's)
            heads = [i + c * m for c in range(width)]
            if heads[-1] < len(figures) and all(starts[figures[h].block] == h and sizes[figures[h].block] == m
                                                and (h == i or not figures[h].after_text) for h in heads):
                found.append(m)
        if shape.sums and (i == 0 or figures[i].after_text):
            found += [k for k in range(2, same + 1) if k not in found and i + k * width <= len(figures)
                      and boxed_columns(i, k, width)]
        return found

    def walk(i: int, laid: tuple[tuple[int, ...], ...], cut: int, broken: int, columnwise: frozenset[int]) -> None:
        if len(out) >= _MAX_PATHS or broken > _PLAUSIBLE_BREAKS:
            return
        r = len(laid)
        if r == len(widths) or i >= len(figures):
            if r == len(widths) and i == len(figures):
                out.append(_Path(laid, cut, columnwise, broken))
            return
        width = widths[r]
        if i + width <= len(figures):
            row = tuple(range(i, i + width))
            walk(i + width, laid + (row,), cut + cuts(i, width), broken + _row_breaks(row), columnwise)
        for k in columns(i, r, width):
            rows = tuple(tuple(i + c * k + n for c in range(width)) for n in range(k))
            walk(i + k * width, laid + rows, cut, broken + sum(map(_row_breaks, rows)),
                 columnwise | frozenset(range(r, r + k)))

    def _row_breaks(row: tuple[int, ...]) -> int:
        return int(_breaks([numbers[j] for j in row], shape.sums))

    walk(0, (), 0, 0, frozenset())
    return out


def _breaks(values: list[int | None], sums: Sequence[RowSum]) -> bool:
    if not sums or len(values) <= max(max(s.parts + (s.total,)) for s in sums):
        return False
    for s in sums:
        cells = [values[p] for p in s.parts] + [values[s.total]]
        if all(v is not None for v in cells) and sum(cells[:-1]) != cells[-1]:  # type: ignore[arg-type]
            return True
    return False


def _band_readings(numbers: Sequence[int | None], shape: Shape, anchors: dict[int, int],
                   checks: list[int], exchanges: int = 0) -> list[tuple[tuple[int, ...], ...]] | None:
    """Every way to lay all the figures into the rows of ``shape`` as bands of consecutive rows, each band printed
    a column at a time (a band of one row is a row printed in order), under which every row's own sums hold;
    readings that give the same figures count once. ``anchors`` (row → figure) are first cells printed apart
    from their column (with the row's label): they take no place in the stream. Up to ``exchanges`` bands of
    several rows may print two neighbouring columns in the other order (pdfminer.six sorts a group's boxes by
    height as well as by x: a column's box reaching higher comes before its left neighbour's) or the last column
    (the rows' total) before any other (pdfminer.six joins boxes by the area they waste, so the total's column,
    its figures wider, may join a group of columns further left: with ``detect_vertical``, 洪泽's 总计 third). The
    sums decide: a total laid in another column's place breaks every row with figures in two other columns. They
    cannot order the other columns of that band, so each such order is tried with them also turned by one: a row
    whose other figures are not all one then reads two ways and is left unread (unless the table's rules across
    rows tie its columns to a band printed in order). None when there
    are more than ``_MAX_BANDS`` readings (the figures do not decide the grid). ``checks`` counts the bands
    laid, across calls; past ``_MAX_BAND_CHECKS`` it raises ``_OutOfChecks``."""
    widths, rows = shape.widths, len(shape.widths)
    stream = [j for j in range(len(numbers)) if j not in set(anchors.values())]
    starts = [sum(widths[:r]) - sum(1 for a in anchors if a < r) for r in range(rows + 1)]
    memo: dict[tuple[int, int], list[tuple[tuple[int, ...], ...]] | None] = {}

    def holds(row: tuple[int, ...]) -> bool:
        return not _breaks([numbers[j] for j in row], shape.sums)

    def band(r: int, k: int, order: Sequence[int]) -> tuple[tuple[int, ...], ...]:
        cells: list[dict[int, int]] = [{} for _ in range(k)]
        at = starts[r]
        for c in order:
            for n in range(k):
                if c == 0 and r + n in anchors:
                    cells[n][c] = anchors[r + n]
                else:
                    cells[n][c] = stream[at]
                    at += 1
        return tuple(tuple(row[c] for c in range(widths[r])) for row in cells)

    def orders(width: int, k: int, left: int) -> list[tuple[int, ...]]:
        """The columns' order in the stream: as printed, or (k > 1, exchanges left) two neighbours exchanged or
        the last column (the total) printed before the others from the ``p``-th on, those as printed or turned."""
        columns = tuple(range(width))
        if k == 1 or not left:
            return [columns]
        swapped = [columns[:c] + (c + 1, c) + columns[c + 2:] for c in range(width - 1)]
        total = width - 1
        if RowSum(columns[:total], total) not in shape.sums:   # no total of the whole row to find by its sums
            return [columns, *swapped]
        turned = (*columns[1:total], 0)
        moved = [others[:p] + (total,) + others[p:] for p in range(width - 2) for others in (columns[:total], turned)]
        return [columns, *swapped, *moved]

    def suffixes(r: int, left: int) -> list[tuple[tuple[int, ...], ...]] | None:
        if r == rows:
            return [()]
        if (r, left) in memo:
            return memo[r, left]
        out: dict[tuple[tuple[int | None, ...], ...], tuple[tuple[int, ...], ...]] = {}
        for k in range(1, rows - r + 1):
            if widths[r + k - 1] != widths[r]:
                break
            for n, order in enumerate(orders(widths[r], k, left)):
                checks[0] += 1
                if checks[0] > _MAX_BAND_CHECKS:
                    raise _OutOfChecks
                laid = band(r, k, order)
                if not all(map(holds, laid)):
                    continue
                rest = suffixes(r + k, left - (n > 0))
                if rest is None:
                    memo[r, left] = None
                    return None
                for tail in rest:
                    reading = laid + tail
                    out.setdefault(tuple(tuple(numbers[j] for j in row) for row in reading), reading)
                if len(out) > _MAX_BANDS:
                    memo[r, left] = None
                    return None
        memo[r, left] = list(out.values())
        return memo[r, left]

    if len(stream) != starts[rows]:
        return []
    return suffixes(0, exchanges)


def _anchorings(figures: Sequence[_Figure], shape: Shape, named: Callable[[str], str | None] | None) -> list[dict[int, int]]:
    """The ways to take figures printed with a row's label as that row's first cell (``_band_readings``'s
    anchors): none; those on the label's own line, with any of the first figures right after a label (a
    column's run also starts right after the last label printed). Each is tried: the arithmetic tells which
    the tool did; with more than ``_MAX_AFTER_LABEL`` figures after labels, only those on a label's line."""
    if named is None:
        return [{}]
    index = {key: r for r, key in enumerate(shape.rows)}
    own: dict[int, int] = {}
    after: list[tuple[int, int]] = []
    for j, f in enumerate(figures):
        row = index.get(named(f.label) or "") if f.label else None
        if row is None:
            continue
        if f.on_label:
            own.setdefault(row, j)
        else:
            after.append((row, j))
    if len(after) > _MAX_AFTER_LABEL:
        after = []
    out = [{}]
    for chosen in itertools.product((False, True), repeat=len(after)):
        anchors = dict(own)
        for take, (row, j) in zip(chosen, after):
            if take:
                anchors.setdefault(row, j)
        if anchors and anchors not in out:
            out.append(anchors)
    return out


def _read_bands(figures: list[_Figure], shape: Shape,
                consistent: Callable[[dict[str, tuple[int | None, ...]]], bool],
                named: Callable[[str], str | None] | None = None) -> StreamRead | None:
    """The rows laid by bands printed a column at a time (``_band_readings``), confirmed by the table's rules
    across rows: a row is read when every reading that keeps the rules gives it the same figures."""
    extra = len(figures) - sum(shape.widths)
    agreed: list[dict[str, tuple[_Figure, ...]]] = []
    checks = [0]
    # neighbouring columns exchanged in a band only where no reading keeps the columns in order
    for exchanges, start in itertools.product((0, 1), range(extra + 1)):
        if exchanges and (agreed or start == 0 and checks[0] > _MAX_BAND_CHECKS // 2):
            break
        kept = figures[start:len(figures) - (extra - start)]
        numbers = [parse_count(f.value).value for f in kept]
        for anchors in _anchorings(kept, shape, named):
            try:
                readings = _band_readings(numbers, shape, anchors, checks, exchanges)
            except _OutOfChecks:
                return None
            if readings is None:
                return None
            for reading in readings:
                if consistent({key: tuple(numbers[j] for j in row) for key, row in zip(shape.rows, reading)}):
                    agreed.append({key: tuple(kept[j] for j in row) for key, row in zip(shape.rows, reading)})
    if not agreed:
        return None
    read = StreamRead()
    for key in shape.rows:
        options = {tuple(f.value for f in rows[key]) for rows in agreed}
        if len(options) > 1:
            read.unread.append(key)
            continue
        row = agreed[0][key]
        read.rows[key] = StreamRow([f.value for f in row], row[0].where, row[0].label, True, printed=tuple(row))
    return read


def read_stream(lines: Sequence[Line], shape: Shape,
                consistent: Callable[[dict[str, tuple[int | None, ...]]], bool] = lambda rows: True,
                named: Callable[[str], str | None] | None = None) -> StreamRead | None:
    """The table's rows read from its figures as a stream (see the module's docstring); None when the figures
    are not as many as the rows hold (the stream cannot be laid into them). ``named`` gives the row a label
    names (for figures printed with their row's label, ``_anchorings``)."""
    if (joined := unwrapped(lines, shape)) is not None:
        lines = joined
    figures = _figures(lines)
    extra = len(figures) - sum(shape.widths)
    if not 0 <= extra <= _MAX_EXTRA:
        return _read_pages(lines, shape, consistent, named)
    best = _best_reading(figures, shape)
    read = _read_boxes(best, shape, consistent)
    # rows the tool's boxes name are positive evidence: no band guessed of the columns overrides them
    relabelled = _relabelled(best, figures, shape, consistent, named) if read and not read.rows and named else None
    read = relabelled or read
    if shape.sums and relabelled is None and (read is None or read.unread):
        banded = _read_bands(figures, shape, consistent, named)
        if banded is not None and len(banded.rows) > (len(read.rows) if read else 0):
            read = banded
    if shape.sums and (read is None or not read.rows):   # no reading lays the stream: none to contradict
        read = _read_between_ends(figures, shape, consistent) or read
    if read is not None and named is not None:
        _against_boxes(read, figures, shape, named)
    if shape.balances and (read is None or read.unread):
        read = _solve_left(figures, shape, read) or read
    if shape.balances and (read is None or read.unread):
        read = _tile_left(figures, shape, read, named) or read
    return read if read is not None else _read_pages(lines, shape, consistent, named)


def _read_pages(lines: Sequence[Line], shape: Shape, consistent: Callable[[dict[str, tuple[int | None, ...]]], bool],
                named: Callable[[str], str | None] | None) -> StreamRead | None:
    """The table read a page band at a time (``pagebands``), where nothing else lays the stream."""
    if named is None or len(set(shape.widths)) != 1:
        return None
    paged = read_by_pages(lines, Layout(shape.rows, shape.widths[0], shape.sums, shape.balances), named,
                          is_column_header, shape.headers, consistent)
    if paged is None:
        return None
    read = StreamRead(unread=[key for key in shape.rows if key not in paged])
    for key, row in paged.items():
        read.rows[key] = StreamRow([str(v) for v in row.vector], row.where, "", True, solved=row.filled,
                                   by_position=row.by_position)
    return read


def read_flow(lines: Sequence[Line], shape: Shape, consistent: Callable[[dict[str, tuple[int | None, ...]]], bool],
              named: Callable[[str], str | None]) -> StreamRead | None:
    """The table read as text boxes written by their lower edge only (``_read_flow``), with none of the other
    readings: for a stream whose first figures were found before the section's heading, where only that
    order explains them. The rows it counts but cannot read are solved from the figures they hold where the
    table's arithmetic leaves one way (``_solve_left``)."""
    figures = _figures(lines)
    read = _read_flow(figures, shape, named, consistent) if len(figures) == sum(shape.widths) else None
    if read is not None and read.unread and shape.balances:
        read = _solve_left(figures, shape, read) or read
    return read


def _read_flow(figures: Sequence[_Figure], shape: Shape, named: Callable[[str], str | None],
               consistent: Callable[[dict[str, tuple[int | None, ...]]], bool]) -> StreamRead | None:
    """The rows of a table whose cells are text boxes written by their lower edge (``flowbands``): a row is read
    where its own sums hold; the whole reading is dropped when more rows break them than a misplaced figure or two
    explains, or when the rows read break the table's rules across rows. None when the stream does not lay."""
    if len(set(shape.widths)) != 1 or None in (numbers := [parse_count(f.value).value for f in figures]):
        return None
    index = {key: r for r, key in enumerate(shape.rows)}
    per_line = Counter(f.where for f in figures)
    cells = [FlowCell(number, f.block,  # type: ignore[arg-type]
                      index.get(named(f.label) or "") if f.on_label and per_line[f.where] == 1 else None)
             for number, f in zip(numbers, figures)]
    laid = lay_flow(cells, shape.widths[0], len(shape.rows))
    if laid is None:
        return None
    read = StreamRead()
    for key, taken in zip(shape.rows, laid.rows):
        if taken is None or _breaks([numbers[i] for i in taken], shape.sums):
            read.unread.append(key)
        else:
            row = tuple(figures[i] for i in taken)
            read.rows[key] = StreamRow([f.value for f in row], row[0].where, row[0].label, True, printed=row)
    vectors = {key: tuple(parse_count(v).value for v in row.values) for key, row in read.rows.items()}
    broken = sum(1 for key, taken in zip(shape.rows, laid.rows)
                 if taken is not None and _breaks([numbers[i] for i in taken], shape.sums))
    if broken > _PLAUSIBLE_BREAKS or not read.rows or not consistent(vectors):
        return None
    return read


def _against_boxes(read: StreamRead, figures: Sequence[_Figure], shape: Shape,
                   named: Callable[[str], str | None]) -> None:
    """``read`` with the rows the tool's boxes contradict set right: a run of figures printed in one text box with
    the label line opening it (``_Figure.boxed_label``) is that label's row's, so a reading that gives it to
    another row misplaced both rows' figures (a tool sorting boxes by their bottom edge puts a tall row's figures
    before its label, a one-line row's after it, and the order of the runs is not the rows'). Where the reading
    gave the box's figures, and only those, to one row, the label's row takes them and the other row is unread;
    otherwise both are unread. The table's arithmetic then places the unread rows' figures where it can
    (``_solve_left``)."""
    holder = {id(f): key for key, row in read.rows.items() for f in row.printed}
    boxes: dict[int, list[int]] = {}
    for figure in figures:
        boxes.setdefault(figure.block, []).append(id(figure))
    moved: dict[str, StreamRow] = {}
    doubtful: set[str] = set()
    for figure in figures:
        key = named(figure.boxed_label) if figure.boxed_label else None
        given = holder.get(id(figure))
        if key not in shape.rows or given is None or given == key:
            continue
        row = read.rows[given]
        if [id(f) for f in row.printed] == boxes[figure.block] and key not in moved:
            moved[key] = StreamRow(row.values, row.where, figure.boxed_label, row.columnwise, printed=row.printed)
        else:
            doubtful.add(key)
        doubtful.add(given)
    for key in [k for k in shape.rows if k in doubtful or k in moved]:
        read.rows.pop(key, None)
        if key in read.unread:
            read.unread.remove(key)
        if key in moved and key not in doubtful:
            read.rows[key] = moved[key]
        else:
            read.unread.append(key)


def unwrapped(lines: Sequence[Line], shape: Shape) -> list[Line] | None:
    """The lines with the figures a narrow cell wrapped over two lines joined again (a count of two digits or more
    broken after a digit: the last figure on one line, its rest first on the very next: ``9 4 0 1 1`` / ``4`` is
    9 4 0 1 14), when the stream holds more figures than the table and exactly one choice of that many joins lays
    it row by row with every row's sums holding. None otherwise (no join is guessed: zeros, for one, add up any
    way). At most ``_MAX_JOINS`` choices are tried."""
    places = [(n, k) for n, line in enumerate(lines) for k in range(len(line.values))]
    extra = len(places) - sum(shape.widths)
    if extra <= 0 or not shape.sums or len(set(shape.widths)) != 1:
        return None
    # a wrap: the last figure of a line, all digits and not a lone 0, and the first of the next line, all digits
    joints = [i for i, ((n, k), (m, j)) in enumerate(zip(places, places[1:]))
              if m == n + 1 and j == 0 and k == len(lines[n].values) - 1 and not lines[m].label
              and not lines[m].after_gap and lines[n].values[k].isdigit() and lines[n].values[k] != "0"
              and lines[m].values[0].isdigit()]
    if len(joints) < extra or math.comb(len(joints), extra) > _MAX_JOINS:
        return None
    values = [lines[n].values[k] for n, k in places]
    width = shape.widths[0]

    def in_rows(figures: Sequence[str]) -> bool:
        numbers = [parse_count(v).value for v in figures]
        return not any(_breaks(numbers[r:r + width], shape.sums) for r in range(0, len(numbers), width))

    found: dict[tuple[str, ...], tuple[int, ...]] = {}
    for chosen in itertools.combinations(joints, extra):
        if any(b - a == 1 for a, b in zip(chosen, chosen[1:])):
            continue   # a figure wrapped twice is no narrow cell's
        if in_rows(joined := _joined(values, chosen)):
            found.setdefault(tuple(joined), chosen)
    # the figures as printed, some of another table at the ends, may lay into the rows too: then no join is sure
    if len(found) != 1 or any(in_rows(values[start:len(values) - (extra - start)]) for start in range(extra + 1)):
        return None
    chosen = set(next(iter(found.values())))
    out: list[Line] = []
    i = 0
    for line in lines:
        kept = []
        for value in line.values:
            if i - 1 not in chosen:
                kept.append(value + values[i + 1] if i in chosen else value)
            i += 1
        if line.values and not kept:
            continue   # the rest of a wrapped figure, taken into the line before
        out.append(line if kept == line.values else
                   Line(line.text, line.label, kept, line.where, line.page, line.in_grid, line.after_gap))
    return out


def _joined(values: Sequence[str], chosen: Sequence[int]) -> list[str]:
    out: list[str] = []
    skip = set(c + 1 for c in chosen)
    for i, value in enumerate(values):
        if i in skip:
            continue
        out.append(value + values[i + 1] if i in chosen else value)
    return out


def _solve_left(figures: list[_Figure], shape: Shape, read: StreamRead | None) -> StreamRead | None:
    """The rows a reading left unread, solved from the figures the rows read did not take (``multiset``): the
    stream holds the table's figures (and up to ``_MAX_EXTRA`` of another table at its ends, every cut tried),
    so the figures left are the unread rows', whatever order the tool printed them in. Where the rows read stand
    in the stream in the template's order, the unread rows between two of them hold the figures between
    theirs (``_groups``: a jumbled head stays the head's). A cell is read where every assignment under every
    cut that keeps the table's sums gives it the same figure; None when none does, the rows are not all of one
    width or a figure is no count."""
    if (known := _known(shape, read)) is None or any(None in values for values in known.values()):
        return None
    read = read or StreamRead(unread=list(shape.rows))
    solutions, budget, by_prose = [], Budget(), False
    for kept in _cuts(figures, shape):
        groups = _groups(kept, shape.rows, read.rows, shape.widths[0])
        if groups is None:
            continue
        solved = solve_rows(groups, shape.widths[0], shape.sums, shape.balances, known,  # type: ignore[arg-type]
                            budget)
        if solved is not None and shape.stated and any(None in solved.get(key, ()) for key, _, _ in shape.stated):
            # the arithmetic leaves open cells the prose states (R3.1 adds 新收 and 上年结转 up alike, so their two
            # rows may trade figures): the readings that also keep what the prose states, where there are any
            stated = {(key, column): figure for key, column, figure in shape.stated}
            kept_stated = solve_rows(groups, shape.widths[0], shape.sums, shape.balances, known,  # type: ignore[arg-type]
                                     budget, stated=stated)
            if kept_stated is not None:
                solved, by_prose = kept_stated, True
        if solved is not None:
            solutions.append(solved)
    agreed = _agreed(shape, read, solutions, figures[0].where)
    if agreed is not None:
        agreed.by_prose = by_prose
    return agreed


def _tile_left(figures: list[_Figure], shape: Shape, read: StreamRead | None,
               named: Callable[[str], str | None] | None) -> StreamRead | None:
    """The rows still unread, from the boxes the tool wrote (``tiling``): every box laid down one column (a
    line of figures along one row), the boxes covering the table exactly, a figure on a row's label line that
    row's first cell (else, where no tiling keeps them so, a box of its own), the rows read keeping their
    figures, every row's sums and the rules across rows holding. A cell is read where every tiling under every
    cut of the stream's ends agrees; nothing when some search did not finish. Boxes of one figure are
    interchangeable for the arithmetic (applicant columns, result rows), so a stream of them decides nothing
    unless rows were read: it is tried only where rows were read or boxes of several figures hold half the
    figures (bounded time)."""
    if (known := _known(shape, read)) is None:
        return None
    if not known and 2 * sum(n for n in Counter(f.block for f in figures).values() if n > 1) < len(figures):
        return None
    read = read or StreamRead(unread=list(shape.rows))
    layout = Layout(shape.rows, shape.widths[0], shape.sums, shape.balances)
    solutions, budget = [], Budget(TILING_BUDGET)
    try:
        for kept in _cuts(figures, shape):
            solved = tile(_boxes(kept, shape, named), layout, known, budget)
            if solved is None and named is not None:
                solved = tile(_boxes(kept, shape, None), layout, known, budget)
            if solved is not None:
                solutions.append(solved)
    except Undecided:
        return None
    return _agreed(shape, read, solutions, figures[0].where)


def _known(shape: Shape, read: StreamRead | None) -> dict[str, Vector] | None:
    """The figures of the rows read (None for a cell a solve left unread), for solving the others; None when
    the rows are not all of one width or a row read prints a figure that is no count."""
    if len(set(shape.widths)) != 1 or not shape.rows:
        return None
    known = {key: tuple(None if v == UNREAD_FIGURE else parse_count(v).value for v in row.values)
             for key, row in (read.rows if read else {}).items()}
    printed = [parse_count(v).value for row in (read.rows if read else {}).values() for v in row.values
               if v != UNREAD_FIGURE]
    return None if None in printed else known


def _cuts(figures: list[_Figure], shape: Shape) -> Iterator[list[_Figure]]:
    """The stream without the figures of another table at its ends (every cut of as many as it holds too many),
    where every figure is a count."""
    extra = len(figures) - sum(shape.widths)
    for start in range(extra + 1):
        kept = figures[start:len(figures) - (extra - start)]
        if all(parse_count(f.value).value is not None for f in kept):
            yield kept


def _agreed(shape: Shape, read: StreamRead, solutions: Sequence[dict[str, Vector]], where: str) -> StreamRead | None:
    """The rows read, and each row the solutions give (the rows not read whole) with its cells where every
    solution gives the same figure (the others ``UNREAD_FIGURE``); a row with no such cell stays unread. None
    when there is no solution."""
    if not solutions:
        return None
    out = StreamRead({}, [])
    for key in shape.rows:
        if key not in solutions[0]:
            out.rows[key] = read.rows[key]
            continue
        cells = [values.pop() if len(values := {solved[key][c] for solved in solutions}) == 1 else None
                 for c in range(shape.widths[0])]
        if all(v is None for v in cells):
            out.unread.append(key)
        else:
            out.rows[key] = StreamRow([UNREAD_FIGURE if v is None else str(v) for v in cells], where, "", False,
                                      solved=True)
    return out


def boxes_of(lines: Sequence[Line]) -> list[Box] | None:
    """The tool's boxes of ``lines`` (``_boxes``: a box of figures stacked down a column, a line of several along
    a row), none placed on a row's label; None when some figure is no count."""
    figures = _figures(lines)
    if any(parse_count(f.value).value is None for f in figures):
        return None
    return _boxes(figures, Shape((), ()), None)


def _boxes(figures: Sequence[_Figure], shape: Shape, named: Callable[[str], str | None] | None) -> list[Box]:
    """The tool's boxes of ``figures`` (all counts): the figures of one text box, down a column, or of one line,
    along a row; a box printed on a row's label line (``named``) starts in that row's first cell."""
    index = {key: r for r, key in enumerate(shape.rows)}
    out: list[Box] = []
    for _, group in itertools.groupby(figures, key=lambda f: f.block):
        box = list(group)
        row = index.get(named(box[0].label) or "") if named and box[0].on_label else None
        out.append(Box(tuple(parse_count(f.value).value for f in box),  # type: ignore[misc]
                       len(box) > 1 and len({f.where for f in box}) == 1, row))
    return out


def _groups(kept: list[_Figure], rows: Sequence[str], read: dict[str, StreamRow],
            width: int) -> list[tuple[list[str], list[int]]] | None:
    """The unread rows with the figures they hold: each run of unread rows the figures between the rows read
    around it, when the rows read stand in the stream in the template's order and every figure left lies
    between rows read where unread rows belong; otherwise all unread rows together with every figure left.
    None when the figures left are not as many as the unread rows hold."""
    numbers = [parse_count(f.value).value for f in kept]
    index = {id(f): i for i, f in enumerate(kept)}
    unread = [key for key in rows if key not in read]
    taken = Counter(v for row in read.values() for v in map(lambda x: parse_count(x).value, row.values))
    left = Counter(numbers) - taken
    if left.total() != width * len(unread) or taken - Counter(numbers):
        return None
    whole = [(unread, list(left.elements()))]
    places = {key: [index.get(id(f)) for f in row.printed] for key, row in read.items()}
    if any(not p or None in p for p in places.values()):
        return whole
    groups: list[tuple[list[str], list[int]]] = []
    after, run = 0, []   # the first figure after the last row read; the unread rows since
    for key in [*rows, None]:
        if key is not None and key not in read:
            run.append(key)
            continue
        until = min(places[key]) if key is not None else len(kept)   # type: ignore[type-var]
        if until < after:
            return whole   # the rows read are not in the template's order in the stream
        between = numbers[after:until]
        if len(between) != width * len(run):
            return whole
        if run:
            groups.append((run, between))  # type: ignore[arg-type]
        run = []
        if key is not None:
            after = max(places[key]) + 1   # type: ignore[type-var]
    return groups


def read_parts(lines: Sequence[Line], shape: Shape) -> StreamRead | None:
    """The figures laid in order into the rows of ``shape``, exactly as many: each row read where its own sums
    hold, else unread. For a row the template prints as one whose parts have sums of their own (table 四's three
    blocks) when the whole row's sums broke: one block's figures out of order leaves the others' places."""
    figures = _figures(lines)
    if len(figures) != sum(shape.widths):
        return None
    starts = list(itertools.accumulate(shape.widths, initial=0))
    read = StreamRead()
    for key, start, end in zip(shape.rows, starts, starts[1:]):
        row = figures[start:end]
        if _breaks([parse_count(f.value).value for f in row], shape.sums):
            read.unread.append(key)
        else:
            read.rows[key] = StreamRow([f.value for f in row], row[0].where, row[0].label, False, printed=tuple(row))
    return read


def in_no_order_adds_up(lines: Sequence[Line], groups: int, width: int) -> bool:
    """Whether the lines hold ``groups`` × ``width`` figures that no order lays into groups each of whose last cell
    is the sum of the others (table 四's blocks): then the sums the report prints break whatever the tool's order
    was, and the figures as the stream gives them show it."""
    numbers = [parse_count(f.value).value for f in _figures(lines)]
    if len(numbers) != groups * width or None in numbers:
        return False
    return not _groups_add_up(Counter(numbers), groups, width - 1)  # type: ignore[arg-type]


def _groups_add_up(left: Counter[int], groups: int, parts: int) -> bool:
    if groups == 0:
        return True
    for total in list(left):
        rest = left - Counter([total])
        for chosen in itertools.combinations_with_replacement(sorted(rest), parts):
            need = Counter(chosen)
            if sum(chosen) == total and all(rest[v] >= n for v, n in need.items()) \
                    and _groups_add_up(rest - need, groups - 1, parts):
                return True
    return False


def _read_between_ends(figures: list[_Figure], shape: Shape,
                       consistent: Callable[[dict[str, tuple[int | None, ...]]], bool]) -> StreamRead | None:
    """The rows laid in order between a head and a tail the tool jumbled (pdftotext puts the first rows' cells
    among the column header words, and the cells of tall rows near the table's end out of order): with the
    table's figures, row r's are the r-th row's worth wherever the jumbled ends leave the order intact. The
    rows breaking their sums must all lie within ``_MAX_END_SHARE`` of the rows at either end, the rows between
    them must be at least half the table, and no other phase of the stream (the figures shifted by up to
    ``_MAX_SHIFT``) may let them all add up too: rows of zeros alone do not show where the order resumes."""
    extra = len(figures) - sum(shape.widths)
    # a few figures of the table before or after may stand at either end: every cut is tried, and since the cuts
    # are shifts of one another, at most one can read
    found = [read for start in range(extra + 1)
             if (read := _between_ends(figures[start:len(figures) - (extra - start)], shape, consistent)) is not None]
    return found[0] if len(found) == 1 else None


def _between_ends(figures: list[_Figure], shape: Shape,
                  consistent: Callable[[dict[str, tuple[int | None, ...]]], bool]) -> StreamRead | None:
    widths, rows = shape.widths, len(shape.widths)
    numbers = [parse_count(f.value).value for f in figures]
    starts = list(itertools.accumulate(widths, initial=0))

    def holds(r: int, shift: int = 0) -> bool:
        at = starts[r] + shift
        return 0 <= at and at + widths[r] <= len(numbers) and not _breaks(numbers[at:at + widths[r]], shape.sums)

    broken = [r for r in range(rows) if not holds(r)]
    ends = rows // _MAX_END_SHARE
    head = max((r + 1 for r in broken if r < ends), default=0)
    tail = min((r for r in broken if r >= rows - ends), default=rows)
    middle = range(head, tail)
    if len(middle) < rows / 2 or any(r in middle for r in broken):
        return None
    # the rows between must show their phase themselves: shifted within their own figures (by less than a row),
    # some row breaks
    most = min(_MAX_SHIFT, min(widths) - 1)
    inside = [r for r in middle if starts[head] <= starts[r] - most and starts[r + 1] + most <= starts[tail]]
    if not inside or any(all(holds(r, shift) for r in inside) for shift in range(-most, most + 1) if shift):
        return None
    read = StreamRead(unread=[key for r, key in enumerate(shape.rows) if r not in middle])
    for r in middle:
        row = figures[starts[r]:starts[r + 1]]
        read.rows[shape.rows[r]] = StreamRow([f.value for f in row], row[0].where, row[0].label, False, printed=tuple(row))
    if not consistent({shape.rows[r]: tuple(numbers[starts[r]:starts[r + 1]]) for r in middle}):
        return None
    return read


def _read_boxes(best: StreamRead | None, shape: Shape,
                consistent: Callable[[dict[str, tuple[int | None, ...]]], bool]) -> StreamRead | None:
    """``best`` (``_best_reading``) as the table's rules across rows judge it: all unread where implausible."""
    if best is None:
        return None
    return StreamRead(unread=list(shape.rows)) if _implausible(best, shape, consistent) else best


def _implausible(read: StreamRead, shape: Shape,
                 consistent: Callable[[dict[str, tuple[int | None, ...]]], bool]) -> bool:
    """More rows unread than a misplaced figure or two explains, or rows read that break the table's rules."""
    vectors = {key: tuple(parse_count(v).value for v in row.values) for key, row in read.rows.items()}
    return len(read.unread) > max(_PLAUSIBLE_BREAKS, len(shape.rows) // 4) or not consistent(vectors)


def _relabelled(best: StreamRead | None, figures: list[_Figure], shape: Shape,
                consistent: Callable[[dict[str, tuple[int | None, ...]]], bool],
                named: Callable[[str], str | None]) -> StreamRead | None:
    """The stream read row by row, the rows the tool's boxes contradict set right (``_against_boxes``) before
    the table's rules judge it: a tool sorting boxes by their lower edge writes a tall row's figures before the
    one-line row above it (its label and figures one box), so the plain reading swaps the two and breaks the rules
    across rows although the box names its row. None where the boxes set nothing right or the reading still
    breaks them. ``best``: the stream read row by row (``_best_reading``), left as it is."""
    if best is None:
        return None
    read = StreamRead(dict(best.rows), list(best.unread), best.by_prose)
    before = dict(read.rows)
    _against_boxes(read, figures, shape, named)
    if read.rows == before or _implausible(read, shape, consistent):
        return None
    return read


def _best_reading(figures: list[_Figure], shape: Shape) -> StreamRead | None:
    """The stream laid row by row (``_paths``), the readings that cut fewest boxes and break fewest rows' sums
    taken: a row is read where they all give it the same figures and its sums hold; not yet judged by the
    table's rules across rows."""
    extra = len(figures) - sum(shape.widths)
    readings: list[tuple[tuple[int, int], list[list[_Figure]], frozenset[int]]] = []
    # a few figures of the table before or after may stand at either end (a page's flow puts the last cells of
    # the previous table after this one's header): every cut of that many from the two ends is tried
    for start in range(extra + 1):
        kept = figures[start:len(figures) - (extra - start)]
        for path in _paths(kept, shape):
            # the boxes the tool made decide first; the table's sums only between readings they allow alike
            readings.append(((path.cuts, path.broken), [[kept[i] for i in row] for row in path.rows],
                             path.columnwise))
    if not readings:
        return None
    fewest = min(rank for rank, _, _ in readings)
    best = [rows for rank, rows, _ in readings if rank == fewest]
    best_columnwise = next(columnwise for rank, _, columnwise in readings if rank == fewest)
    read = StreamRead()
    for r, key in enumerate(shape.rows):
        options = {tuple(f.value for f in rows[r]) for rows in best}
        row = best[0][r]
        if len(options) > 1 or _breaks([parse_count(f.value).value for f in row], shape.sums):
            read.unread.append(key)
            continue
        read.rows[key] = StreamRow([f.value for f in row], row[0].where, row[0].label, r in best_columnwise,
                                   printed=tuple(row))
    return read


def _lone_figure(line: Line) -> bool:
    """A line of one figure and nothing else, outside a table grid (a cell printed on a line of its own)."""
    return not line.in_grid and not line.label and len(line.values) == 1


@dataclass
class LabelledRun:
    """The label lines right before a run of single figures, and the run."""

    pieces: list[str]
    values: list[str]
    where: str


def labelled_runs(lines: Sequence[Line], headers_apart: bool = False) -> list[LabelledRun]:
    """Every run of single-figure lines with the label printed right before it, when only label lines stand
    between the previous run and this one (the safe reading of a cell-per-line table when its stream cannot be
    laid into the template's rows: a row's label directly over its figures). ``headers_apart``: column header
    words between a label and a run part them (the run is the column's, under its header)."""
    out: list[LabelledRun] = []
    pieces: list[str] = []
    current: LabelledRun | None = None
    for line in lines:
        if _lone_figure(line):
            if current is None:
                current = LabelledRun(pieces, [], line.where)
                out.append(current)
                pieces = []
            current.values.append(line.values[0])
            continue
        current = None
        if line.values:
            pieces = []   # figures beside text: another kind of line, no run's label
        elif line.label and not _stray(line.label) and not is_column_header(line.label):
            pieces.append(line.label)
        elif headers_apart and line.label and not _stray(line.label):
            pieces = []
    return [run for run in out if run.pieces]


@dataclass
class HeaderRun:
    """A run of single figures printed right under one column's header words, and that header (``label_key``);
    ``passed``: the ``passing`` lines' keys printed among them since the figures or text before."""

    header: str
    values: list[str]
    where: str
    passed: tuple[str, ...] = ()


def header_runs(lines: Sequence[Line], headers: frozenset[str], passing: frozenset[str] = frozenset()) -> list[HeaderRun]:
    """Every run of single-figure lines printed right after a line naming one column (its key in ``headers``),
    when that is the only column's name since the figures or text before: a column's cells, top to bottom
    (headers printed together, then figures, say nothing of which figures are whose). Lines whose label key is
    in ``passing`` (the table's row labels) may stand between the name and its run: pdfminer.six's default
    boxes order writes a column's header box, the labels of the rows beside it, then its figures' boxes."""
    out: list[HeaderRun] = []
    named: list[str] = []   # column names printed since the last figure or text
    passed: list[str] = []  # passing lines printed since the last figure or text
    last = ""               # the key of the line before
    current: HeaderRun | None = None
    for line in lines:
        if _lone_figure(line):
            if current is None and len(named) == 1 and named[-1] == last:
                current = HeaderRun(named[0], [], line.where, tuple(passed))
                out.append(current)
            if current is not None:
                current.values.append(line.values[0])
            named, passed, last = [], [], ""
            continue
        current = None
        key = label_key(line.label) if line.label and not line.values else ""
        if key in headers:
            named.append(key)
        elif key in passing:
            passed.append(key)
            continue
        elif line.values or key and not is_column_header(line.label):
            named, passed = [], []
        last = key
    return out


def column_boxes(lines: Sequence[Line], columns: Collection[tuple[str, ...]], one_line: bool,
                 passing: frozenset[str] = frozenset()) -> list[ColumnBoxes]:
    """The sub-tables whose column names (``label_key``, a sub-table's in ``columns``) are printed right before boxes of
    single figures, their cells in the tool's order of boxes (``boxorders``), in one of two header shapes: the names
    on one line (``one_line``: a narrow sub-table whose header fits a line, each column's cells one box), or each name
    a box of its own, lines whose label key is in ``passing`` (the rows' labels) among them (pdfminer.six's default
    boxes order writes a block's header row, the labels beside it, then its figures' boxes)."""
    return _under_one_line(lines, columns) if one_line else _after_a_box_each(lines, frozenset(columns), passing)


def _after_a_box_each(lines: Sequence[Line], blocks: frozenset[tuple[str, ...]],
                      passing: frozenset[str]) -> list[ColumnBoxes]:
    """Every run of one-figure boxes printed right after the names of one block's columns, each one box (a name
    wrapped within its box joined), all of them in the block's order and no other text but ``passing`` lines."""
    names = frozenset(name for block in blocks for name in block)
    out: list[tuple[tuple[str, ...], list[str], str]] = []
    named: list[str] = []
    current: list[str] | None = None
    for box in _text_boxes(lines):
        first = box[0]
        if len(box) == 1 and _lone_figure(first):
            if current is None and tuple(named) in blocks:
                current = []
                out.append((tuple(named), current, first.where))
            if current is not None:
                current.append(first.values[0])
            named = []
            continue
        current = None
        key = label_key("".join(line.label for line in box))
        if any(line.values for line in box):
            named = []
        elif key in names:
            named.append(key)
        elif key not in passing:
            named = []
    return [ColumnBoxes(block, tuple((figure,) for figure in figures), where, False) for block, figures, where in out]


def _text_boxes(lines: Sequence[Line]) -> list[list[Line]]:
    """The lines grouped as the tool's text boxes: a box's lines come with no blank line between them."""
    boxes: list[list[Line]] = []
    for line in lines:
        if boxes and not line.after_gap:
            boxes[-1].append(line)
        else:
            boxes.append([line])
    return boxes


def named_columns(line: Line, headers: frozenset[str] | set[str]) -> list[str]:
    """The columns (keys in ``headers``) a line of text names, where it names several apart by spaces and nothing
    else (a table's header on one line); none otherwise."""
    names = [label_key(name) for name in line.label.split()] if line.label and not line.values else []
    return names if len(names) > 1 and all(name in headers for name in names) else []


def _under_one_line(lines: Sequence[Line], columns: Collection[tuple[str, ...]]) -> list[ColumnBoxes]:
    """The columns printed as text boxes right under one line naming a sub-table's columns, apart by spaces: as many
    boxes of single figures as names, each as long as the others and none as long as there are names (boxes as long
    may be rows), are those columns' cells top to bottom (本年制发件数 本年废止件数 现行有效件数 / 0 6 / 0 32 / 0 74)."""
    sub_tables = {frozenset(names) for names in columns}
    headers = frozenset(name for names in columns for name in names)
    out: list[ColumnBoxes] = []
    for at, line in enumerate(lines):
        names = named_columns(line, headers)
        if frozenset(names) not in sub_tables:
            continue
        boxes: list[list[str]] = []
        where = ""
        # the scan stops at the first line other than a lone figure: every line is passed over once
        for run in (lines[n] for n in range(at + 1, len(lines))):
            if not _lone_figure(run):
                break
            if run.after_gap or not boxes:
                if len(boxes) == len(names):
                    break
                boxes.append([])
            where = where or run.where
            boxes[-1].append(run.values[0])
        sizes = {len(box) for box in boxes}
        if len(boxes) == len(names) and len(sizes) == 1 and sizes != {len(names)}:
            out.append(ColumnBoxes(tuple(names), tuple(map(tuple, boxes)), where, True))
    return out


def lay_run(values: Sequence[str], widths: Sequence[int], sums: Sequence[RowSum]) -> list[list[str]] | None:
    """The figures of one labelled run laid into the consecutive rows of ``widths`` in row order: the run under
    a row's label that holds the figures of the rows after it whose labels the tool printed elsewhere (up to
    the next row whose label stands over its own run). Rows are laid from the run's start and from its end,
    each full row only where its own sums hold; the figures must fill every row, or all rows but one that
    is left short (a zero printed blank: ``tables`` realigns it by its sums), and the split must be the only
    one. None otherwise: the rows are not certain."""
    numbers = [parse_count(v).value for v in values]
    total, rows = len(values), len(widths)

    def holds(start: int, width: int) -> bool:
        return 0 <= start and start + width <= total and not _breaks(numbers[start:start + width], sums)

    head, at = 0, 0
    while head < rows and holds(at, widths[head]):
        at, head = at + widths[head], head + 1
    if head == rows and at == total:
        return _cut(values, widths)
    tail, at = 0, total
    while tail < rows and holds(at - widths[rows - 1 - tail], widths[rows - 1 - tail]):
        at, tail = at - widths[rows - 1 - tail], tail + 1
    splits = []
    for before in range(head + 1):
        after = rows - 1 - before
        if 0 <= after <= tail:
            short = total - sum(widths[:before]) - sum(widths[rows - after:])
            if 0 < short < widths[before]:
                splits.append(before)
    if len(splits) != 1:
        return None
    return _cut(values, [*widths[:splits[0]], total - sum(widths) + widths[splits[0]], *widths[splits[0] + 1:]])


def _cut(values: Sequence[str], widths: Sequence[int]) -> list[list[str]]:
    starts = list(itertools.accumulate(widths, initial=0))
    return [list(values[a:b]) for a, b in zip(starts, starts[1:])]


def lone_runs(lines: Sequence[Line]) -> list[Line]:
    """The lines with every run of single-figure lines (no label) joined into one line of figures: a row's
    cells printed one per line."""
    out: list[Line] = []
    run: Line | None = None   # the run being joined, a new line (the document's lines are not changed)
    for line in lines:
        if _lone_figure(line):
            if run is None:
                run = Line(line.text, "", list(line.values), line.where, line.page, after_gap=line.after_gap)
                out.append(run)
            else:
                run.values.append(line.values[0])
                run.text += "\t" + line.values[0]
            continue
        run = None
        out.append(line)
    return out
