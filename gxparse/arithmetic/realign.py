"""Realigning table rows that have too few or too many numbers, using the table's own arithmetic.

A row printed with a cell missing (or padded with extra cells) cannot be read by position. Each way of
fitting its numbers into the template's columns (a *placement*) is tried; a missing cell that a row sum
determines is filled in; placements that break a sum are dropped. The caller then checks what is left
against the rules that span rows (column balance) and uses a row only when exactly one reading survives.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from math import comb

Vector = tuple[int | None, ...]
GAP = object()   # a slot no printed number went into
PLACEMENT_LIMIT = 5000


@dataclass(frozen=True)
class RowSum:
    """Within a row: the cells at ``parts`` add up to the cell at ``total``."""

    parts: tuple[int, ...]
    total: int


def placements(values: Sequence[int | None], width: int) -> list[tuple[object, ...]]:
    """Every order-preserving fit of ``values`` into ``width`` slots (gaps or dropped values).

    Returns [] when there are more fits than PLACEMENT_LIMIT: a row that garbled is not guessed at.
    """
    n = len(values)
    if n == width:
        return [tuple(values)]
    if n < width:
        if comb(width, n) > PLACEMENT_LIMIT:
            return []
        out = []
        for positions in itertools.combinations(range(width), n):
            slots: list[object] = [GAP] * width
            for pos, value in zip(positions, values):
                slots[pos] = value
            out.append(tuple(slots))
        return out
    out_of = _distinct_subsequences(tuple(values), width)
    return out_of if len(out_of) <= PLACEMENT_LIMIT else []


@lru_cache(maxsize=4096)
def _distinct_subsequences(values: tuple[int | None, ...], k: int) -> list[tuple[int | None, ...]]:
    """The distinct order-preserving choices of k values: padding zeros collapse into one choice instead
    of C(n, k) copies (a row printed with 12 zeros for 7 columns has one reading, not 792)."""
    if k == 0:
        return [()]
    out = []
    seen = set()
    for i in range(len(values) - k + 1):
        if values[i] in seen:
            continue   # the first occurrence of a value already yields every choice a later one would
        seen.add(values[i])
        out.extend((values[i], *rest) for rest in _distinct_subsequences(values[i + 1:], k - 1))
        if len(out) > PLACEMENT_LIMIT:
            break
    return out


def complete(slots: tuple[object, ...], sums: Sequence[RowSum]) -> Vector | None:
    """Fill gaps that a row sum determines; None when the fit breaks a sum or needs a negative count.

    Gaps no sum determines stay None (unknown); printed-but-unreadable cells (None) are never filled.
    """
    cells = list(slots)
    progress = True
    while progress:
        progress = False
        for s in sums:
            members = list(s.parts) + [s.total]
            gaps = [i for i in members if cells[i] is GAP]
            if len(gaps) != 1 or any(cells[i] is None for i in members):
                continue
            gap = gaps[0]
            parts_known = sum(cells[i] for i in s.parts if i != gap)  # type: ignore[misc]
            value = cells[s.total] - parts_known if gap != s.total else parts_known  # type: ignore[operator]
            if value < 0:
                return None
            cells[gap] = value
            progress = True
    for s in sums:
        members = list(s.parts) + [s.total]
        if all(isinstance(cells[i], int) for i in members):
            if sum(cells[i] for i in s.parts) != cells[s.total]:  # type: ignore[misc]
                return None
    return tuple(None if c is GAP else c for c in cells)  # type: ignore[misc]


def candidates(values: Sequence[int | None], width: int, sums: Sequence[RowSum]) -> list[Vector]:
    """The distinct readings of a row that fit the template width and its row sums. In a row of more slots than
    columns, an unreadable slot (None) is the likelier one too many: when the readable figures alone fit with
    their sums holding, only those readings count (a scanned label column leaves a speck read as no figure)."""
    if len(values) > width and None in values:
        readable = [v for v in values if v is not None]
        if len(readable) >= width and (fits := _fits(readable, width, sums)):
            return fits
    return _fits(values, width, sums)


def _fits(values: Sequence[int | None], width: int, sums: Sequence[RowSum]) -> list[Vector]:
    seen: dict[Vector, None] = {}
    for slots in placements(values, width):
        vector = complete(slots, sums)
        if vector is not None:
            seen.setdefault(vector, None)
    return list(seen)


def solve(options: dict[str, list[Vector]], consistent: Callable[[dict[str, Vector]], bool],
          limit: int = 50_000) -> list[dict[str, Vector]]:
    """Every combination of row readings (one per row) that ``consistent`` accepts.

    Rows with a single reading are fixed; the product of the others is enumerated up to ``limit``
    combinations, beyond which nothing is accepted (no guessing).
    """
    fixed = {k: v[0] for k, v in options.items() if len(v) == 1}
    open_rows = [k for k, v in options.items() if len(v) > 1]
    size = 1
    for k in open_rows:
        size *= len(options[k])
    if size > limit or any(not v for v in options.values()):
        return []
    out = []
    for combo in itertools.product(*(options[k] for k in open_rows)):
        assignment = {**fixed, **dict(zip(open_rows, combo))}
        if consistent(assignment):
            out.append(assignment)
    return out


def agreed(readings: Iterable[Vector]) -> Vector:
    """Cell by cell, the value every reading agrees on, else None."""
    readings = list(readings)
    return tuple(col[0] if all(v == col[0] for v in col) else None for col in zip(*readings))
