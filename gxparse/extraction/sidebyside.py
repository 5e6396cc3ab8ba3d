"""Figures in a text box that holds several columns side by side: their columns are not in the text.

pdfminer.six joins into one text box the lines that stand close one above the other and aligned; a header word
spanning several columns (``法人或其他组织``, ``未经复议直接起诉``) is aligned with the first column's words, and
the columns under it overlap it, so their header words and the figures of the row right under them join its box.
Within a box the tool sorts lines by their top edge alone: lines side by side come in the order it grouped them,
not left to right (``结 结 果 果 纠 维 正 持 0 1``: 维持 is 1, 纠正 is 0). Where it writes the box among the
others is decided by the box's left edge, the first column's, whatever column the box's figure stands under.

So a box whose header words are those of two columns or more, a line a piece of one column, followed by no more
figures than it has columns, shows which columns its figures belong to but not which figure is whose, unless its
pieces come level by level left to right (poppler's pdftotext writes side by side lines so: 结 结 果 果 维 纠 持 正). The readers lay a stream in its order;
the cells of those columns in the row holding the box's figures are left unread unless all are the same figure
(a figure printed on a line beside another is in its place: a line's characters come left to right), since a
swap of two of them keeps every sum: sums can never be the evidence for their order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from gxparse.document import Line
from gxparse.normalize import label_key

_MAX_NODES = 10_000   # partial readings of a box's header pieces tried at most: past it, not shown left to right


@dataclass(frozen=True)
class SideBySide:
    """A box holding the header words of ``columns`` (indices into the table's columns, a run) and the figures
    of the row right under them, a line each (by ``Line.where``)."""

    columns: frozenset[int]
    figures: frozenset[str]


def _boxes(lines: Sequence[Line]) -> list[list[Line]]:
    """The tool's text boxes: runs of lines a blank line ends."""
    boxes: list[list[Line]] = []
    for line in lines:
        if not boxes or line.after_gap:
            boxes.append([])
        boxes[-1].append(line)
    return boxes


def _run_of(chars: Counter[str], columns: Sequence[str]) -> frozenset[int] | None:
    """The run of two columns or more whose header words are exactly ``chars``."""
    for start in range(len(columns)):
        for end in range(start + 2, len(columns) + 1):
            if Counter("".join(columns[start:end])) == chars:
                return frozenset(range(start, end))
    return None


def _columns_of(words: Sequence[str], columns: Sequence[str], spanning: Sequence[str]) -> frozenset[int] | None:
    """The columns whose header words ``words`` are, besides spanning header words on lines of their own, when
    each line is a piece of one column's words (a line across columns, ``商业企 科研机``, is written left to
    right) and the pieces are not written level by level left to right (``_left_to_right``)."""
    pieces = [w for w in words if w not in spanning]
    if not all(any(piece in column for column in columns) for piece in pieces):
        return None
    run = _run_of(Counter("".join(pieces)), columns)
    if run is None or _left_to_right(words, [columns[c] for c in sorted(run)], spanning):
        return None
    return run


def _left_to_right(words: Sequence[str], columns: Sequence[str], spanning: Sequence[str]) -> bool:
    """Whether the words can be the columns' pieces written level by level, each level left to right: a
    column's n-th piece on its n-th level, columns top-aligned save those under a spanning header word printed
    after the column's first piece (自 / 法人或其他组织 / 然 商 科 社: the columns under it start a level lower).
    A tool writing side by side lines left to right (poppler's pdftotext: 结 结 果 果 维 纠 持 正) writes the
    figures under them so too; pdfminer.six writes them in the order it grouped them (纠 before 维, 社 科 商).
    At most ``_MAX_NODES`` partial readings tried: past it, not shown left to right."""
    nodes = 0
    chosen: list[int] = []

    def walk(n: int, taken: tuple[int, ...], starts: tuple[int | None, ...], spans: int, last: tuple[int, int]) -> bool:
        nonlocal nodes
        nodes += 1
        if nodes > _MAX_NODES:
            return False
        if n == len(words):
            return all(t == len(c) for t, c in zip(taken, columns))
        if words[n] in spanning:
            return walk(n + 1, taken, starts, spans + 1, last)
        for c, column in enumerate(columns):
            start = spans if starts[c] is None else starts[c]
            place = (start + chosen.count(c), c)
            if place > last and column.startswith(words[n], taken[c]):
                chosen.append(c)
                if walk(n + 1, taken[:c] + (taken[c] + len(words[n]),) + taken[c + 1:],
                        starts[:c] + (start,) + starts[c + 1:], spans, place):
                    return True
                chosen.pop()
        return False

    return walk(0, (0,) * len(columns), (None,) * len(columns), 0, (-1, -1))


def side_by_side(lines: Sequence[Line], columns: Sequence[str], spanning: Sequence[str]) -> list[SideBySide]:
    """The boxes of ``lines`` holding the header words of several of ``columns`` (their printed labels) side by
    side, then one to as many figures as those columns, a line each, nothing else; ``spanning``: header words over
    several columns that may open such a box."""
    keys = [label_key(c) for c in columns]
    spans = [label_key(s) for s in spanning]
    found = []
    for box in _boxes(lines):
        words = [label_key(line.label) for line in box if not line.values]
        first = next((n for n, line in enumerate(box) if line.values), len(box))
        figures = box[first:]
        if not figures or first == 0 or any(line.label or len(line.values) != 1 for line in figures):
            continue
        run = _columns_of(words, keys, spans)
        if run is not None and len(figures) <= len(run):
            found.append(SideBySide(run, frozenset(line.where for line in figures)))
    return found


def doubted_cells(row: Sequence[str], values: Sequence[str], width: int, boxes: Sequence[SideBySide]) -> list[int]:
    """The cells of a row read in a stream's order (``row``: the line of each cell's figure, ``values`` its
    figures) that a box of columns side by side leaves in doubt: those columns' cells in the row's block
    (``width`` cells a block) holding one of its figures, and that figure's own, unless all hold one figure.
    A figure printed on one line beside another of the row is in no doubt: the tool writes a line's characters
    left to right, so they stand in their columns' order."""
    beside = {where for where, n in Counter(row).items() if n > 1}
    doubted: set[int] = set()
    for box in boxes:
        for place, figure in enumerate(row):
            if figure in box.figures:
                block = place // width * width
                cells = {c for c in {place} | {block + c for c in box.columns}
                         if c < len(values) and row[c] not in beside}
                if len({values[c] for c in cells}) > 1:
                    doubted |= cells
    return sorted(doubted)
