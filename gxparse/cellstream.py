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
- a run of single-figure boxes is read row by row; ``width`` blocks of ``m`` stacked figures each (``m`` > 1)
  may be ``m`` rows printed a column at a time; where both readings fit the stream, the one under which
  fewer rows break their own sums is taken (the table's arithmetic as a tie-breaker, never as a source of
  figures), and cells the best readings disagree on are not read;
- the order of a stream is the tool's guess at the reading order (header words and the cells under them
  come out interleaved, a row's 总计 before its last columns), so a figure's place is never certain: a row
  whose own sums break is left unread, not read as printed (a misplaced figure must not accuse the agency),
  and so is the whole table when more rows break than a report plausibly does (the wrong reading) or when
  the rows read break the table's rules across rows (the caller says so with ``cell.unread``). The price:
  a report's own arithmetic errors are not found in such text, only said to be unreadable.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from gxparse.cells import parse_count
from gxparse.document import Line
from gxparse.realign import RowSum
from gxparse.normalize import label_key

_MIN_LONE = 5           # single-figure lines: fewer are ordinary text, not a table printed a cell per line
_MAX_EXTRA = 7          # figures beyond the table's that may be another table's, at either end of the stream
_MAX_PATHS = 256        # readings of one stream enumerated at most (block choices multiply)
_PLAUSIBLE_BREAKS = 2   # rows breaking their own sums that a misplaced figure or two explains; more: wrong reading


@dataclass(frozen=True)
class Shape:
    """What the template says of a table: its rows in printed order, figures per row, sums within a row."""

    rows: tuple[str, ...]
    width: int
    sums: tuple[RowSum, ...] = ()


@dataclass(slots=True)
class _Figure:
    value: str
    where: str
    block: int


@dataclass
class StreamRead:
    """Rows read from the stream (key → figures as printed, where the first was), and rows not read."""

    rows: dict[str, tuple[list[str], str]] = field(default_factory=dict)
    unread: list[str] = field(default_factory=list)


def is_cell_per_line(lines: Sequence[Line]) -> bool:
    """Whether a table's lines are mostly figures alone on a line (not grid rows, not label-and-figures rows)."""
    lone = sum(1 for ln in lines if not ln.in_grid and not ln.label and len(ln.values) == 1)
    several = sum(1 for ln in lines if len(ln.values) > 1)
    return lone >= _MIN_LONE and lone > 2 * several


def _stray(label: str) -> bool:
    return len(label) <= 6 and len(label_key(label)) <= 1


def _figures(lines: Sequence[Line]) -> list[_Figure]:
    """Every figure of the lines, in order, with the text box (block) it came in."""
    out: list[_Figure] = []
    block, text_since = 0, False
    for line in lines:
        if line.label and not _stray(line.label):
            text_since = True
        if not line.values:
            continue
        if out and (line.after_gap or text_since or line.label or len(line.values) > 1 or out[-1].block != block):
            block += 1
        for value in line.values:
            out.append(_Figure(value, line.where, block))
        text_since = False
        if len(line.values) > 1:
            block += 1   # figures side by side on one line are a row's, never part of a column's box
    return out


def _block_sizes(figures: list[_Figure]) -> dict[int, int]:
    sizes: dict[int, int] = {}
    for f in figures:
        sizes[f.block] = sizes.get(f.block, 0) + 1
    return sizes


def _paths(figures: list[_Figure], rows: int, width: int) -> list[list[list[int]]]:
    """Every way to lay the figures into ``rows`` rows: each row as the indices of its figures."""
    sizes = _block_sizes(figures)
    starts = {f.block: i for i, f in reversed(list(enumerate(figures)))}
    out: list[list[list[int]]] = []

    def walk(i: int, laid: list[list[int]]) -> None:
        if len(out) >= _MAX_PATHS:
            return
        if len(laid) == rows or i >= len(figures):
            if len(laid) == rows and i == len(figures):
                out.append(laid)
            return
        walk(i + width, laid + [list(range(i, i + width))])
        block = figures[i].block
        m = sizes[block]
        if starts[block] == i and 1 < m <= rows - len(laid):
            # ``width`` boxes of m figures, one per column: m rows printed a column at a time
            following = [figures[i + k * m] for k in range(width) if i + k * m < len(figures)]
            if len(following) == width and all(starts[f.block] == i + k * m and sizes[f.block] == m
                                               for k, f in enumerate(following)):
                walk(i + m * width, laid + [[i + c * m + r for c in range(width)] for r in range(m)])

    walk(0, [])
    return out


def _breaks(values: list[int | None], sums: Sequence[RowSum]) -> bool:
    for s in sums:
        cells = [values[p] for p in s.parts] + [values[s.total]]
        if all(v is not None for v in cells) and sum(cells[:-1]) != cells[-1]:  # type: ignore[arg-type]
            return True
    return False


def read_stream(lines: Sequence[Line], shape: Shape,
                consistent: Callable[[dict[str, tuple[int | None, ...]]], bool] = lambda rows: True) -> StreamRead | None:
    """The table's rows read from its figures as a stream (see the module's docstring); None when the figures
    are not as many as the rows hold (the stream cannot be laid into them)."""
    figures = _figures(lines)
    extra = len(figures) - len(shape.rows) * shape.width
    if not 0 <= extra <= _MAX_EXTRA:
        return None
    readings = []
    # a few figures of the table before or after may stand at either end (a page's flow puts the last cells of
    # the previous table after this one's header): every cut of that many from the two ends is tried
    for start in range(extra + 1):
        kept = figures[start:len(figures) - (extra - start)]
        numbers = [parse_count(f.value).value for f in kept]
        for path in _paths(kept, len(shape.rows), shape.width):
            rows = [[kept[i] for i in row] for row in path]
            broken = sum(_breaks([numbers[i] for i in row], shape.sums) for row in path)
            readings.append((broken, rows))
    if not readings:
        return None
    fewest = min(n for n, _ in readings)
    best = [rows for n, rows in readings if n == fewest]
    read = StreamRead()
    for r, key in enumerate(shape.rows):
        options = {tuple(f.value for f in rows[r]) for rows in best}
        row = best[0][r]
        if len(options) > 1 or _breaks([parse_count(f.value).value for f in row], shape.sums):
            read.unread.append(key)
            continue
        read.rows[key] = ([f.value for f in row], row[0].where)
    vectors = {key: tuple(parse_count(v).value for v in values) for key, (values, _) in read.rows.items()}
    if len(read.unread) > max(_PLAUSIBLE_BREAKS, len(shape.rows) // 4) or not consistent(vectors):
        return StreamRead(unread=list(shape.rows))
    return read


def lone_runs(lines: Sequence[Line]) -> list[Line]:
    """The lines with every run of single-figure lines (no label) joined into one line of figures: a row's
    cells printed one per line."""
    out: list[Line] = []
    run: Line | None = None   # the run being joined, a new line (the document's lines are not changed)
    for line in lines:
        if not line.in_grid and not line.label and len(line.values) == 1:
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
