"""Table 四 from text boxes that carry their column's header words above a figure.

pdfminer.six groups lines into a text box only where they stand close one above the other and aligned (left,
right or centre): in a ruled table 四 the figure of the one data row often joins the box of its column's header
words (``结果纠正`` / ``5``), and the first column of a block the block's label too (``复议后起诉`` / ``结果维持`` /
``9``). The order in which the tool writes the boxes is its own (header words, figures and table 三's last boxes
interleaved), so it decides nothing. What the boxes show does:

- a figure under header words in its box is in that column; under a block label too, in that block;
- the data row is one line, so a box stacking several figures is no part of it (table 三's);
- every other box of one figure is a cell anywhere; there must be exactly the table's 15 such figures;
- five such boxes written one after another, nothing between them, whose fifth figure is the sum of the first
  four, are one block's row left to right (pdfminer.six writes the boxes of 行政复议, its header words printed
  apart, right after the first box of 行政诉讼): the table has one data row, so boxes in a run are cells side by
  side, and the sum says the run starts at a block's first column; which block, the other boxes tell;
- each block's 总计 is the sum of its four results;
- a figure alone in its box right after a box of one header piece naming one column whole (``结 果 维 持`` /
  ``9``: pdfminer.six's detect_vertical writes a column's header, printed a character a line, as a box of its own
  and the tool's order runs right to left) is in that column, where every one of the 15 figures has such a piece
  right before it and not every one right after it (which side the pieces stand on is then not in doubt);
- totals the prose states (``行政复议25件``) name blocks, only among the assignments the boxes and sums leave
  (none kept: the prose is not taken).

Every assignment of the figures to the cells keeping all of that is enumerated (bounded); a cell is read only
where every assignment gives it the same figure. Blocks are interchangeable for the sums, so cells whose block
no box names are often left unread: that is the evidence, not a failure to guess.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from gxparse.cells import parse_count
from gxparse.document import Line
from gxparse.layout.interleavedblocks import StatedSum
from gxparse.normalize import label_key
from gxparse.template import S4_BLOCKS, S4_COLUMNS, S4_LITIGATION_HEADER, S4_WIDTH

_MAX_NODES = 200_000   # partial assignments tried at most: past it nothing is read (bounded time on any input)
_COLUMN_KEYS = tuple(label_key(c.label) for c in S4_COLUMNS)
_BLOCK_KEYS = tuple(label_key(b.label) for b in S4_BLOCKS)
_HEADER_CHARS = frozenset("".join((*_COLUMN_KEYS, *_BLOCK_KEYS, label_key(S4_LITIGATION_HEADER))))


@dataclass(frozen=True)
class _Figure:
    value: int
    column: int | None   # the column its box's header words name
    block: int | None    # the block its box's label names
    where: str
    run: int | None = None   # the run of five figure boxes holding one block's row it opens or continues


@dataclass
class BoxedRead:
    """The cells every assignment agrees on, block by block (None: unread), and where the figures stand."""

    blocks: list[list[int | None]]
    where: str
    by_prose: bool = False   # totals the prose states named blocks the boxes and sums left open


def _boxes(lines: Sequence[Line]) -> Iterator[list[Line]]:
    """The tool's text boxes: runs of lines a blank line ends."""
    box: list[Line] = []
    for line in lines:
        if box and line.after_gap:
            yield box
            box = []
        box.append(line)
    if box:
        yield box


def _place(above: str) -> tuple[int | None, int | None]:
    """The (column, block) the words above a figure in its box name: the column when they end in its header
    words or are their end (a header wrapped over two boxes: ``维持`` of ``结果维持``; every column's words end in
    a character of their own), the block only when a whole column's words follow the block's label."""
    column = next((n for n, key in enumerate(_COLUMN_KEYS) if above.endswith(key)), None)
    if column is None:
        return next((n for n, key in enumerate(_COLUMN_KEYS) if above and key.endswith(above)), None), None
    rest = above[:len(above) - len(_COLUMN_KEYS[column])]
    return column, next((n for n, key in enumerate(_BLOCK_KEYS) if rest and rest.endswith(key)), None)


def _figures(lines: Sequence[Line]) -> list[_Figure] | None:
    """The data row's candidate figures, or None when a line prints figures beside text or beside each other
    (a row printed on a line is no box's: not this reading's); the figures of a block's row written box after
    box (``_block_runs``) marked as such."""
    out: list[_Figure] = []
    bare: list[list[int]] = [[]]   # runs of boxes holding a figure alone, as indices into out
    boxes = list(_boxes(lines))
    before: list[int | None] = []   # per figure, the column a lone piece right before its box names whole
    after: list[int | None] = []
    for at, box in enumerate(boxes):
        if any(line.values and (line.label or len(line.values) != 1) for line in box):
            return None
        figures = [n for n, line in enumerate(box) if line.values]
        alone = len(box) == 1 and figures == [0]
        if not alone:
            bare.append([])
        if len(figures) != 1:
            continue   # no figure, or stacked figures: not the one data row's
        value = parse_count(box[figures[0]].values[0]).value
        if value is None:
            return None
        above = "".join(label_key(line.label) for line in box[:figures[0]])
        if not set(above) <= _HEADER_CHARS:
            return None   # a figure under other text (a row of table 三 with its label): not this table's boxes
        column, block = _place(above)
        if alone:
            bare[-1].append(len(out))
        out.append(_Figure(value, column, block, box[figures[0]].where))
        before.append(_piece_column(boxes[at - 1]) if alone and at else None)
        after.append(_piece_column(boxes[at + 1]) if alone and at + 1 < len(boxes) else None)
    return _block_runs(_paired(out, before, after), bare)


def _piece_column(box: Sequence[Line]) -> int | None:
    """The column a box holding one header piece alone names whole (``结 果 维 持``), else None."""
    if len(box) != 1 or box[0].values or not box[0].label:
        return None
    key = label_key(box[0].label)
    return _COLUMN_KEYS.index(key) if key in _COLUMN_KEYS else None


def _paired(figures: list[_Figure], before: Sequence[int | None], after: Sequence[int | None]) -> list[_Figure]:
    """The figures placed in the columns the pieces right before them name, where every figure of the table has
    one and not every figure one right after it (else the side is in doubt: nothing placed)."""
    if len(figures) != S4_WIDTH or None in before or None not in after:
        return figures
    return [f if f.column is not None else replace(f, column=column) for f, column in zip(figures, before)]


def _block_runs(figures: list[_Figure], bare: Sequence[Sequence[int]]) -> list[_Figure]:
    """The figures with each run of exactly a block's width of boxes holding a figure alone, written one after
    another, whose last figure is the sum of the others, marked as one block's row in column order."""
    width = len(S4_COLUMNS)
    out = list(figures)
    for number, run in enumerate(r for r in bare if len(r) == width):
        values = [figures[j].value for j in run]
        if sum(values[:-1]) != values[-1]:
            continue
        for column, j in enumerate(run):
            out[j] = replace(out[j], column=column, run=number)
    return out


def _assignments(figures: Sequence[_Figure], known: Sequence[int | None]) -> list[tuple[int, ...]] | None:
    """Every assignment of the figures' values to the 15 cells (block-major) keeping the boxes' columns and
    blocks, every block's sum and the ``known`` cells (None: any), distinct by values; None past ``_MAX_NODES``."""
    width = len(S4_COLUMNS)
    pools = Counter((f.block, f.column, f.value) for f in figures if f.run is None)
    runs: dict[int, tuple[int, ...]] = {}
    for f in figures:
        if f.run is not None:
            runs[f.run] = (*runs.get(f.run, ()), f.value)
    found: set[tuple[int, ...]] = set()
    nodes = [0]

    def walk(cells: tuple[int, ...]) -> bool:
        nodes[0] += 1
        if nodes[0] > _MAX_NODES:
            return False
        n = len(cells)
        if n and n % width == 0 and (sum(cells[n - width:n - 1]) != cells[n - 1] or any(
                k is not None and k != v for k, v in zip(known[n - width:n], cells[n - width:n]))):
            return True
        if n == S4_WIDTH:
            found.add(cells)
            return True
        block, column = divmod(n, width)
        if column == 0:   # a run is a whole block's row: laid at a block's start, all at once
            for run, values in list(runs.items()):
                del runs[run]
                ok = walk(cells + values)
                runs[run] = values
                if not ok:
                    return False
        for kind in [k for k, left in pools.items() if left and k[0] in (None, block) and k[1] in (None, column)]:
            pools[kind] -= 1
            ok = walk(cells + (kind[2],))
            pools[kind] += 1
            if not ok:
                return False
        return True

    return sorted(found) if walk(()) else None


def read_boxed(lines: Sequence[Line], known: Sequence[int | None] = (None,) * S4_WIDTH,
               stated: Sequence[StatedSum] = ()) -> BoxedRead | None:
    """Table 四 read from its boxes (see the module's docstring), keeping the ``known`` cells (block-major, None:
    any) another reading of the text read, and the ``stated`` sums of the prose where some assignment keeps them;
    None when the boxes show no figure under its column's header words, are not exactly the table's figures, or
    no assignment (or too many to try) fits."""
    figures = _figures(lines)
    if not figures or len(figures) != S4_WIDTH or all(f.column is None for f in figures):
        return None
    readings = _assignments(figures, known)
    if not readings:
        return None
    told = [r for r in readings if all(sum(r[n] for n in s.cells) == s.value for s in stated)]
    by_prose = bool(told) and len(told) < len(readings)
    readings = told or readings
    width = len(S4_COLUMNS)
    agreed = [readings[0][n] if all(r[n] == readings[0][n] for r in readings) else None for n in range(S4_WIDTH)]
    return BoxedRead([agreed[b * width:(b + 1) * width] for b in range(len(S4_BLOCKS))], figures[0].where, by_prose)
