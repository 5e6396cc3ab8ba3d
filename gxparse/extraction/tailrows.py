"""Rows whose labels stand apart from most of their figures, printed after the labels of their page.

A browser prints a ruled table continued over a page (or a table whose label cells are tall) so that poppler's
``pdftotext`` without ``-layout`` makes one text block of the label column, often with each row's first cells
beside its label, and blocks of the other columns after it: the page's row labels (``2.重复申请 6``, or the
label alone), then lines of figures without a label, row after row, each row's remaining cells split over a few
lines by the column gaps (``0 0`` / ``0`` / ``1 0`` / ``7``). The row grammar would read the labels as rows
printed short or blank and the lines after them as figures of the last label or of no row.

Such a run is laid again (``lay_tails``, on the grammar's pieces in document order): consecutive labels naming
rows, each with fewer figures than the table's width on its own line (the *heads*; label pieces naming nothing
between them are pieces of group labels), followed right away by lines of figures alone (the *tail*) holding
together exactly the figures the heads lack. The tail's lines are given to the heads in order, each head taking
whole lines until it is full — a line is never cut between two rows — and kept only where the row then holds its
sums and is printed in the same boxes as the first row laid (as many figures on its label's line, the same
sizes of boxes after: the column gaps are the page's; rows printed a block at a time, their first blocks, then
their second, break that pattern), one box at least holding several figures (a figure a line shows no rows: a
column at a time reads the same). The order is the tool's, so it is trusted only as far as the arithmetic and
the boxes confirm it: rows are laid from the front until one does not, and from the back in the same way; the
rows between are left to the caller with the figures of the lines left (``Laid.left``), and the caller checks
the table's rules across rows on the rows laid.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

# heads in one run at most: a page of a table's labels (table 三 has 26 rows); a longer stretch of labels is none,
# and is passed over whole (each of 95,000 labels began a run through all those after it)
MAX_HEADS = 100


class Printed(Protocol):
    """A piece of a table as the row grammar read it: its label (and the row it names) and its figures."""

    label: str
    key: str | None
    values: list[str]
    in_grid: bool


@dataclass
class Laid:
    """What ``lay_tails`` found, by index into the pieces: the figures of each row laid (by its label's piece, its
    own first), the lines of figures laid, and for each run whose middle rows could not be laid, their labels'
    pieces with their own first figures, and the tail's lines left between the rows laid (their figures, in an
    order not trusted)."""

    values: dict[int, list[str]] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)
    rest: dict[int, list[str]] = field(default_factory=dict)   # lines of figures partly laid: their figures left
    left: list[tuple[list[tuple[int, list[str]]], list[int]]] = field(default_factory=list)


def lay_tails(pieces: Sequence[Printed], width: int, holds: Callable[[Sequence[str]], bool],
              stray: Callable[[str], bool] = lambda label: False,
              boxes: Callable[[Printed], list[list[str]]] = lambda piece: [piece.values],
              numbered: Callable[[str], bool] = lambda label: False) -> Laid:
    """Each run of heads in ``pieces`` (document order) given its tail's figures (see the module's docstring);
    ``stray`` tells a label that is no label (a character of a vertical group label), ``boxes`` the tool's boxes
    a line of figures was joined from (never cut between rows), ``numbered`` a label holding an item's own number."""
    out = Laid()
    n = 0
    while n < len(pieces):
        heads, end = _heads(pieces, n, width, stray, numbered)
        if len(heads) > MAX_HEADS:
            n = end
            continue
        tail = _tail(pieces, end) if len(heads) >= 2 else []   # each line of 95,000 figures began a tail to the end
        if len(heads) < 2 or not _lay_run(pieces, heads, tail, width, holds, boxes, out):
            n += 1
            continue
        n = tail[-1] + 1
    return out


@dataclass(frozen=True)
class _Head:
    """A row's label (index of its piece) and, when printed on a line of their own right after it, its first
    figures (index of that line)."""

    label: int
    own: int | None = None

    def values(self, pieces: Sequence[Printed]) -> list[str]:
        return pieces[self.own].values if self.own is not None else pieces[self.label].values


def _alone(piece: Printed) -> bool:
    """A line of figures without a label."""
    return bool(piece.values) and not piece.label and not piece.in_grid


def _heads(pieces: Sequence[Printed], start: int, width: int, stray: Callable[[str], bool],
           numbered: Callable[[str], bool]) -> tuple[list[_Head], int]:
    """The heads from ``start`` on and where the tail would begin: labels naming a row alone (or holding an item's
    own number, ``numbered``: a label the grammar could not name), or labels with fewer than ``width`` figures on
    their line or on the line right after them (other label pieces naming nothing between them skipped: pieces of
    group labels). The last head's first figures cannot be told from the tail's first line by their place: it has
    them when every other head has as many, and none when no other head has any; otherwise there is no run. Past
    ``MAX_HEADS`` heads the scan stops: more heads than that are no run."""
    heads: list[_Head] = []
    n = start
    while n < len(pieces) and len(heads) <= MAX_HEADS:
        piece = pieces[n]
        if not piece.label or piece.in_grid:
            break
        if stray(piece.label):
            if piece.values or not heads:
                break
        elif piece.values:
            if not len(piece.values) < width:
                break
            heads.append(_Head(n))
        else:
            own = n + 1 < len(pieces) and _alone(pieces[n + 1]) and len(pieces[n + 1].values) < width
            if own and not (n + 2 < len(pieces) and _alone(pieces[n + 2])):
                heads.append(_Head(n, n + 1))   # a label the grammar could not name is a row's too
                n += 2
                continue
            if piece.key is not None or numbered(piece.label):
                heads.append(_Head(n))
            elif not heads:
                break
        n += 1
    if len(heads) < 2 or len(heads) > MAX_HEADS or not heads[-1].own is None or pieces[heads[-1].label].values:
        return heads, n
    counts = {len(head.values(pieces)) for head in heads[:-1]}
    last = heads[-1].label
    if counts == {0}:
        return heads, last + 1
    if len(counts) == 1 and last + 1 < len(pieces) and _alone(pieces[last + 1]) \
            and len(pieces[last + 1].values) in counts:
        return [*heads[:-1], _Head(last, last + 1)], last + 2
    return [], n


def _tail(pieces: Sequence[Printed], start: int) -> list[int]:
    """The lines of figures without a label right from ``start`` on."""
    tail = []
    for n in range(start, len(pieces)):
        if not _alone(pieces[n]):
            break
        tail.append(n)
    return tail


def _lay_run(pieces: Sequence[Printed], heads: Sequence[_Head], tail_at: Sequence[int], width: int,
             holds: Callable[[Sequence[str]], bool], boxes: Callable[[Printed], list[list[str]]], out: Laid) -> bool:
    """Lay one run into ``out``; False when the tail does not hold exactly the figures the heads lack, or no row
    is laid. The tail is laid box by box (``boxes``: a line joined from several lines is theirs)."""
    own = [head.values(pieces) for head in heads]
    units = [(n, box) for n in tail_at for box in boxes(pieces[n])]
    tail = [box for _, box in units]
    if not tail or sum(map(len, tail)) != sum(width - len(values) for values in own):
        return False
    front, pattern = _lay(own, tail, width, holds)
    back = _lay(own[::-1], tail[::-1], width, holds, True, pattern)[0][:len(heads) - len(front)]
    if not front and not back:
        return False
    laid = dict(enumerate(front)) | {len(heads) - 1 - k: values for k, values in enumerate(back)}
    for k, values in laid.items():
        out.values[heads[k].label] = [*own[k], *values]
        if heads[k].own is not None:
            out.used.add(heads[k].own)
    used = _lines_taken(tail, sum(map(len, front)))
    used |= {len(tail) - 1 - k for k in _lines_taken(tail[::-1], sum(map(len, back)))}
    rest: dict[int, list[str]] = {}
    for k, (n, box) in enumerate(units):
        if k not in used:
            rest.setdefault(n, []).extend(box)
    out.used |= {n for n in tail_at if n not in rest}
    out.rest |= {n: values for n, values in rest.items() if values != pieces[n].values}
    middle = [heads[k] for k in range(len(heads)) if k not in laid]
    if middle:
        out.left.append(([(head.label, head.values(pieces)) for head in middle], sorted(rest)))
    return True


def _lay(heads: Sequence[Sequence[str]], tail: Sequence[Sequence[str]], width: int,
         holds: Callable[[Sequence[str]], bool], backwards: bool = False,
         pattern: tuple[int, ...] | None = None) -> tuple[list[list[str]], tuple[int, ...] | None]:
    """The figures each head (its own first figures) takes from the tail's lines in the order given
    (``backwards``: heads and lines from the last, each row's lines then read back in printed order), whole lines
    each, as far as every row so filled holds exactly ``width`` figures that keep its sums and is printed in the
    same boxes as the first (``pattern``: how many figures its label's line and each box hold, one box of several
    figures at least), and that pattern."""
    taken: list[list[str]] = []
    lines = iter(tail)
    for head in heads:
        need = width - len(head)
        values: list[str] = []
        sizes: list[int] = []
        while len(values) < need and (line := next(lines, None)) is not None:
            values = [*line, *values] if backwards else [*values, *line]
            sizes.append(len(line))
        printed = (len(head), *(sizes[::-1] if backwards else sizes))
        if len(values) != need or not holds([*head, *values]) or max(printed[1:], default=0) < 2 \
                or pattern is not None and printed != pattern:
            break
        pattern = printed
        taken.append(values)
    return taken, pattern


def _lines_taken(tail: Sequence[Sequence[str]], figures: int) -> set[int]:
    """The first lines of ``tail`` that hold ``figures`` figures."""
    used, count = set(), 0
    for k, line in enumerate(tail):
        if count >= figures:
            break
        used.add(k)
        count += len(line)
    return used
