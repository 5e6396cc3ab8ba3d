"""Rows whose label line carries only their first figures, the rest printed after the labels of their page.

A browser prints a ruled table continued over a page (or a table whose label cells are tall) so that poppler's
``pdftotext`` without ``-layout`` makes one text block of the label column with each row's first cells beside
its label, and blocks of the other columns after it: every row's label line holds one or two figures
(``2.重复申请 6``), then, once the page's labels are done, lines of figures without a label, row after row,
each row's remaining cells split over a few lines by the column gaps (``0 0`` / ``0`` / ``1 0`` / ``7``). The
row grammar reads the label lines as rows printed short and the lines after them as figures under no row.

Such a run is laid again (``lay_tails``): consecutive rows each holding fewer figures than the table's width
(the *heads*), followed right away by lines of figures alone (the *tail*) holding together exactly the figures
the heads lack. The tail's lines are given to the heads in order, each head taking whole lines until it is
full — a line is never cut between two rows — and kept only where the row then holds its sums. The order is
the tool's, so it is trusted only as far as the arithmetic confirms it: rows are laid from the front until one
does not fill exactly or does not add up, and from the back in the same way; rows between stay as printed
(unread). The caller checks the table's rules across rows on the rows laid.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from gxparse.rows import RawRow


@dataclass
class Laid:
    """The rows after ``lay_tails``, and for each run whose middle rows could not be laid, those rows with the
    tail lines left between the rows laid (their figures, in an order not trusted)."""

    rows: list[RawRow]
    left: list[tuple[list[RawRow], list[RawRow]]] = field(default_factory=list)


def lay_tails(rows: Sequence[RawRow], width: int, holds: Callable[[Sequence[str]], bool]) -> Laid:
    """``rows`` (in document order) with each run of heads given its tail's figures (see the module's docstring)
    and the tail lines laid dropped; the rows unchanged where no run is laid."""
    out = Laid([])
    n = 0
    while n < len(rows):
        heads = _heads(rows, n, width)
        tail = _tail(rows, n + len(heads))
        laid = _laid(heads, tail, width, holds) if len(heads) > 1 else None
        if laid is None:
            out.rows.append(rows[n])
            n += 1
            continue
        filled, used = laid
        out.rows += filled
        left = [line for k, line in enumerate(tail) if k not in used]
        out.rows += left
        middle = [row for row in filled if len(row.values) < width]
        if middle:
            out.left.append((middle, left))
        n += len(heads) + len(tail)
    return out


def _heads(rows: Sequence[RawRow], start: int, width: int) -> list[RawRow]:
    """The labelled rows from ``start`` on that hold some of their figures, fewer than ``width``."""
    heads = []
    for row in rows[start:]:
        if not row.label or row.in_grid or not 0 < len(row.values) < width:
            break
        heads.append(row)
    return heads


def _tail(rows: Sequence[RawRow], start: int) -> list[RawRow]:
    """The lines of figures without a label right from ``start`` on."""
    tail = []
    for row in rows[start:]:
        if row.label or row.in_grid or not row.values:
            break
        tail.append(row)
    return tail


def _laid(heads: Sequence[RawRow], tail: Sequence[RawRow], width: int,
          holds: Callable[[Sequence[str]], bool]) -> tuple[list[RawRow], set[int]] | None:
    """The heads with the rows laid from the front and from the back, and the tail lines they took; None when
    the tail does not hold exactly the figures the heads lack, or no row is laid."""
    if sum(len(line.values) for line in tail) != sum(width - len(head.values) for head in heads):
        return None
    front = _lay(heads, tail, width, holds)
    back = _lay(heads[::-1], tail[::-1], width, holds, backwards=True)[:len(heads) - len(front)]
    if not front and not back:
        return None
    laid = dict(enumerate(front)) | {len(heads) - 1 - k: values for k, values in enumerate(back)}
    out = [replace(head, values=[*head.values, *laid[k]]) if k in laid else head for k, head in enumerate(heads)]
    used = _lines_taken(tail, sum(map(len, front)))
    used |= {len(tail) - 1 - k for k in _lines_taken(tail[::-1], sum(map(len, back)))}
    return out, used


def _lay(heads: Sequence[RawRow], tail: Sequence[RawRow], width: int, holds: Callable[[Sequence[str]], bool],
         backwards: bool = False) -> list[list[str]]:
    """The figures each head takes from the tail's lines in the order given (``backwards``: heads and lines from
    the last, each row's lines then read back in printed order), whole lines each, as far as every row so filled
    holds exactly ``width`` figures that keep its sums."""
    taken: list[list[str]] = []
    lines = iter(tail)
    for head in heads:
        need = width - len(head.values)
        values: list[str] = []
        while len(values) < need and (line := next(lines, None)) is not None:
            values = [*line.values, *values] if backwards else [*values, *line.values]
        if len(values) != need or not holds([*head.values, *values]):
            break
        taken.append(values)
    return taken


def _lines_taken(tail: Sequence[RawRow], figures: int) -> set[int]:
    """The first lines of ``tail`` that hold ``figures`` figures."""
    used, count = set(), 0
    for k, line in enumerate(tail):
        if count >= figures:
            break
        used.add(k)
        count += len(line.values)
    return used
