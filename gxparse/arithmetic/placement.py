"""Placing the figures of short rows by the table's arithmetic, where zeros are printed as empty cells.

Many agencies leave a cell empty instead of printing 0. Where the reader keeps cell positions the empty cell is
placed and read as 0; where positions are lost (a row per line of extracted text, a flattened Markdown table) a
row prints fewer figures than the table has columns, and which column each figure belongs to can only come from
the arithmetic: a row's sums (table 三's 总计 is the sum of the applicant columns) and the rules across rows,
column by column (一 + 二 = （七）总计 + 四; the result rows add up to （七）总计).

``blank_readings`` gives the ways a short row can be read (its figures in order, every other cell a blank zero
or, as ``realign`` does, the one cell a row sum fills: a cell the extraction lost); ``consistent_readings``
solves every row together, a small dynamic programme over the partial column sums of the rules across rows
(bounded by ``STATE_LIMIT`` and ``WORK_LIMIT``), and keeps, for each row, the readings some solution uses. A
row whose kept readings are one is placed; a cell all of them agree on is read; the rest stays unread.
``joint_readings`` does the same where some rows must be read together (layout-kept text showing that their
figures share columns): each group of rows is one step of the search, read by one of its choices.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from math import comb

from gxparse.arithmetic.realign import PLACEMENT_LIMIT, RowSum, Vector
from gxparse.limits import MAX_DIGITS

STATE_LIMIT = 20_000    # distinct partial column sums kept after a row: more is no reading, never a guess
WORK_LIMIT = 2_000_000  # states × readings looked at in all (about a second): bounded time on any input
GLUED_STEPS = 50_000    # cuts tried of a row printed without gaps (a fifth of a second): more is no reading
JOINT_CHOICES = 1_000   # choices of rows read together at most (two runs' layings joined: 20 x 20)


@dataclass(frozen=True)
class Balance:
    """Column by column, the rows of ``plus`` add up to the rows of ``minus`` (a rule across rows)."""

    plus: tuple[str, ...]
    minus: tuple[str, ...]


def blank_readings(values: Sequence[int], width: int, sums: Sequence[RowSum], lost: bool = True) -> list[Vector]:
    """The distinct readings of a row printing ``values`` (fewer than ``width``, none unreadable) in order: each
    cell left without a figure is a blank zero, or (``lost``) the one cell of a sum that the sum fills (a lost
    cell, as ``realign.candidates``); only readings that satisfy every row sum."""
    n = len(values)
    if n > width or comb(width, n) > PLACEMENT_LIMIT:
        return []
    blank: dict[Vector, None] = {}
    filled: dict[Vector, None] = {}
    for positions in itertools.combinations(range(width), n):
        slots: list[object] = [None] * width
        for position, value in zip(positions, values):
            slots[position] = value
        gaps = [i for i in range(width) if slots[i] is None]
        zeros = tuple(0 if v is None else v for v in slots)
        if holds(zeros, sums):
            blank.setdefault(zeros, None)
        if lost and len(gaps) == 1 and (vector := _filled(zeros, gaps[0], sums)) is not None:
            filled.setdefault(vector, None)   # the lost cell a sum fills (the only reading realign knows)
    # figures that add up as printed, their last the 总计: a lost cell would be a 总计 lost while a column printed
    # the sum of the others (a lost part is a blank zero) — the blank readings only, so an applicant column
    # nobody used does not take the printed total
    return list(blank) if blank else list(filled)


def misread_readings(values: Sequence[int | None], width: int, sums: Sequence[RowSum]) -> list[Vector]:
    """The readings of a row OCR read as ``values`` (in order; None a figure it could not make out, at most one)
    under which its sums hold with one misread at most: printed whole, one cell another figure; printed short,
    each cell without a figure a blank zero but one, a figure OCR lost (an unreadable figure is that one) — the
    misread cell always the figure the sums give it. [] where more than ``PLACEMENT_LIMIT`` ways were tried."""
    n, unknown = len(values), [at for at, value in enumerate(values) if value is None]
    if n > width or len(unknown) > 1 or comb(width, n) * width > PLACEMENT_LIMIT:
        return []
    found: dict[Vector, None] = {}
    for positions in itertools.combinations(range(width), n):
        slots = [0] * width
        for position, value in zip(positions, values):
            slots[position] = value or 0
        others = [positions[unknown[0]]] if unknown else range(width) if n == width else \
            [i for i in range(width) if i not in positions]
        for cell in others:
            vector = _filled(tuple(slots[:cell] + [0] + slots[cell + 1:]), cell, sums)
            if vector is not None:
                found.setdefault(vector, None)
    return list(found)


def glued_readings(printed: Sequence[str], width: int, sums: Sequence[RowSum], blanks: bool = False) -> list[Vector]:
    """The readings of a row whose figures a text tool printed without the gaps between cells (``8162140 94``
    for 81 6 2 1 4 0 94, where the PDF draws no space between cells): every printed run of digits cut into counts
    (none but 0 begins with 0), as many as the row has cells — or (``blanks``) as many or fewer, each other cell a
    blank zero, for a row no sum checks: a reading then stands only where every way of leaving cells blank gives
    it — each reading one under which every row sum holds; [] when a run is not all digits, or the cuts tried or
    the readings outgrow ``GLUED_STEPS`` or ``PLACEMENT_LIMIT``."""
    if not all(run.isascii() and run.isdigit() for run in printed):
        return []
    cutter = _Cutter(printed, width, sums, blanks)
    try:
        cutter.cut(0, 0, ())
    except _OutOfSteps:
        return []
    return list(cutter.found)


class _OutOfSteps(Exception):
    pass


class _Cutter:
    """Cuts runs of digits into ``width`` counts (``blanks``: at most that many, placed in order among blank
    zeros), a run never joined to the next, checking each sum as soon as its total is cut (table 四's blocks
    prune the search block by block; with blanks no cell's column is known before the end)."""

    def __init__(self, runs: Sequence[str], width: int, sums: Sequence[RowSum], blanks: bool = False) -> None:
        self.runs, self.width, self.steps, self.blanks = list(runs), width, 0, blanks
        self.ends = {} if blanks else {s.total: s for s in sums if s.total == max(s.parts + (s.total,))}
        self.later = [s for s in sums if s.total not in self.ends or self.ends[s.total] is not s]
        self.found: dict[Vector, None] = {}

    def cut(self, run: int, at: int, cells: Vector) -> None:
        self.steps += 1
        if self.steps > GLUED_STEPS or len(self.found) > PLACEMENT_LIMIT:
            raise _OutOfSteps
        if run == len(self.runs):
            self._found(cells)
            return
        text = self.runs[run]
        if at == len(text):
            self.cut(run + 1, 0, cells)
            return
        digits_left = len(text) - at + sum(map(len, self.runs[run + 1:]))
        cells_left = self.width - len(cells)
        fewest = 1 if self.blanks else cells_left
        if cells_left == 0 or not fewest <= digits_left <= cells_left * MAX_DIGITS:
            return
        # a count has at most MAX_DIGITS digits: a longer cut is no count (nor convertible past 4,300 digits)
        for end in range(at + 1, min(len(text), at + MAX_DIGITS) + 1 if text[at] != "0" else at + 2):
            cell = (*cells, int(text[at:end]))
            total = self.ends.get(len(cell) - 1)
            if total is None or sum(cell[i] for i in total.parts) == cell[total.total]:  # type: ignore[misc]
                self.cut(run, end, cell)

    def _found(self, cells: Vector) -> None:
        """Keeps the readings of ``cells`` cut in full: themselves, or (``blanks``) every order-preserving way of
        placing them among blank zeros."""
        if len(cells) == self.width:
            spread = [cells]
        elif not self.blanks or comb(self.width, len(cells)) > PLACEMENT_LIMIT:
            return
        else:
            spread = []
            for positions in itertools.combinations(range(self.width), len(cells)):
                vector = [0] * self.width
                for position, value in zip(positions, cells):
                    vector[position] = value
                spread.append(tuple(vector))
        for vector in spread:
            if holds(vector, self.later):
                self.found.setdefault(vector, None)


def block_readings(values: Sequence[int], blocks: int, width: int, sums: Sequence[RowSum]) -> list[Vector]:
    """The readings of a row of ``blocks`` consecutive blocks of ``width`` cells with ``sums`` of their own (table
    四's three blocks of five, 总计 the sum of the four results), printing ``values`` two or more short: the figures
    cut in order into the blocks in every way, each block read with its cells left without a figure as blank
    zeros (no lost cell: a block's 总计 printed is its last figure); [] beyond ``PLACEMENT_LIMIT`` readings."""
    if not values:
        return [(0,) * (blocks * width)]
    if blocks == 1:
        return blank_readings(values, width, sums, lost=False) if len(values) <= width else []
    out: dict[Vector, None] = {}
    for first in range(min(width, len(values)) + 1):
        heads = blank_readings(values[:first], width, sums, lost=False) if first else [(0,) * width]
        if not heads:
            continue
        tails = block_readings(values[first:], blocks - 1, width, sums)
        if len(out) + len(heads) * len(tails) > PLACEMENT_LIMIT:
            return []
        for head, tail in itertools.product(heads, tails):
            out.setdefault((*head, *tail), None)
    return list(out)


def _filled(vector: Vector, gap: int, sums: Sequence[RowSum]) -> Vector | None:
    """``vector`` with the cell at ``gap`` set by the first sum through it, when that makes every sum hold."""
    for s in sums:
        if gap == s.total:
            value = sum(vector[i] for i in s.parts)  # type: ignore[misc]
        elif gap in s.parts:
            value = vector[s.total] - sum(vector[i] for i in s.parts)  # type: ignore[operator,misc]
        else:
            continue
        filled = (*vector[:gap], value, *vector[gap + 1:])
        return filled if value >= 0 and holds(filled, sums) else None
    return None


def holds(vector: Vector, sums: Sequence[RowSum]) -> bool:
    """Whether every sum of ``sums`` holds in ``vector`` (all its cells known)."""
    return all(sum(vector[i] for i in s.parts) == vector[s.total] for s in sums)  # type: ignore[misc]


def consistent_readings(options: Mapping[str, Sequence[Vector]], balances: Sequence[Balance],
                        width: int, misread: Sequence[frozenset[int]] = ()) -> dict[str, list[Vector]] | None:
    """For each row, the readings of ``options`` used by some choice of one reading per row under which every
    balance holds in every column; None when no choice does, or when the search outgrows its limits.

    A cell unknown (None) in a row with a single reading leaves out the balances through it in its column, as
    the table's checks do; a row with several readings must know every cell of them. ``misread``: as
    ``joint_readings``'s."""
    return joint_readings(options, (), balances, width, misread)


def joint_readings(options: Mapping[str, Sequence[Vector]], groups: Sequence[Sequence[Mapping[str, Vector]]],
                   balances: Sequence[Balance], width: int,
                   misread: Sequence[frozenset[int]] = ()) -> dict[str, list[Vector]] | None:
    """``consistent_readings`` where the rows of each group are read together by one of its choices (a reading
    per row, each among the row's ``options``): a group is one step of the search, so only solutions keeping
    a choice whole count. Groups sharing a row are joined (their choices agreeing on it, at most
    ``JOINT_CHOICES``; past that the later group is left out, which only keeps more readings).

    With ``misread`` (OCR's figures, where no choice keeps every balance: the sets of columns one misreading may
    break), a choice counts that keeps every balance but in the columns of one such set in one balance
    (``_misread_columns``): every way a misread may have broken the sums is kept, so a cell is read only where
    all of them agree."""
    rows = list(options)
    allowed = [[dict(choice) for choice in group if all(choice[key] in options[key] for key in choice)]
               for group in groups]
    if not all(allowed):
        return None   # a group none of whose choices the rows' readings allow
    units = _joined(allowed)
    if not all(units):
        return None   # groups sharing a row whose choices never agree on it
    grouped = {key for unit in units for key in unit[0]}
    fixed = {key: options[key][0] for key in rows if len(options[key]) == 1 and key not in grouped}
    if any(None in v for key in rows if key not in fixed for v in options[key]) or not all(options.values()):
        return None
    # the (balance, column) pairs every cell of which may be known
    dims = [(b, c) for b, balance in enumerate(balances) for c in range(width)
            if all(fixed.get(key, (0,) * width)[c] is not None for key in (*balance.plus, *balance.minus))]
    sign = {key: [(1 if key in balance.plus else -1 if key in balance.minus else 0) for balance in balances]
            for key in rows}

    def contribution(choice: Mapping[str, Vector]) -> tuple[int, ...]:
        return tuple(sum(sign[key][b] * vector[c] if sign[key][b] else 0  # type: ignore[operator]
                         for key, vector in choice.items()) for b, c in dims)

    start = [0] * len(dims)
    for key, vector in fixed.items():
        for d, part in enumerate(contribution({key: vector})):
            start[d] += part
    # the rows a balance subtracts (totals) first: every reading of the rows added after them must then stay
    # within what the totals leave, so the bounds prune at once (added first, the partial sums of a table whose
    # applicant columns are mostly blank outgrow STATE_LIMIT before a total is met)
    free = [[{key: vector} for vector in options[key]] for key in rows
            if key not in fixed and key not in grouped and any(sign[key])]
    chosen = sorted(free + units, key=lambda unit: -min(min(sign[key]) for key in unit[0]) < 1)
    steps = [[(n, contribution(choice)) for n, choice in enumerate(unit)] for unit in chosen]
    may_be_off = _misread_columns(dims, misread) if misread else _none_off
    layers = _forward(tuple(start), steps, may_be_off)
    if layers is None:
        return None
    alive = _backward(layers, steps, may_be_off)
    if alive is None:
        return None
    kept = {key: list(options[key]) for key in rows}
    for unit, used in zip(chosen, alive):
        for key in unit[0]:
            kept[key] = list(dict.fromkeys(unit[n][key] for n in used))
    return kept


def _joined(groups: Sequence[list[dict[str, Vector]]]) -> list[list[dict[str, Vector]]]:
    """The groups with those sharing a row joined into one: every pair of their choices that agree on the rows
    they share, at most ``JOINT_CHOICES`` (a group whose join outgrows it is left out)."""
    units: list[list[dict[str, Vector]]] = []
    for group in groups:
        merged: list[dict[str, Vector]] | None = group
        joined_units = []
        for unit in units:
            shared = set(unit[0]) & set(merged[0]) if unit and merged else set()
            if shared:
                merged = [a | b for a in unit for b in merged if all(a[k] == b[k] for k in shared)]
                joined_units.append(unit)
                if len(merged) > JOINT_CHOICES:
                    merged = None
        if merged is not None:
            units = [unit for unit in units if all(unit is not joined for joined in joined_units)] + [merged]
    return units


def _bounds(steps: list[list[tuple[int, tuple[int, ...]]]], size: int) -> list[tuple[list[int], list[int]]]:
    """For each step, the least and the most the steps from it on can add to each partial sum."""
    low, high = [0] * size, [0] * size
    out = [(list(low), list(high))]
    for step in reversed(steps):
        low = [lo + min(part[d] for _, part in step) for d, lo in enumerate(low)]
        high = [hi + max(part[d] for _, part in step) for d, hi in enumerate(high)]
        out.append((list(low), list(high)))
    return out[::-1]


def _none_off(off: Sequence[int]) -> bool:
    return not off


def _misread_columns(dims: Sequence[tuple[int, int]],
                     misread: Sequence[frozenset[int]]) -> Callable[[Sequence[int]], bool]:
    """Whether the (balance, column) pairs ``off`` (their places among ``dims``) may all be broken by one misread:
    all of one balance, their columns within one set of ``misread``."""
    def may_be_off(off: Sequence[int]) -> bool:
        columns = {dims[d][1] for d in off}
        return len({dims[d][0] for d in off}) <= 1 and any(columns <= broken for broken in misread)
    return may_be_off


def _forward(start: tuple[int, ...], steps: list[list[tuple[int, tuple[int, ...]]]],
             allowed: Callable[[Sequence[int]], bool]) -> list[set] | None:
    """The partial sums reachable after each step that the remaining steps can still bring to zero, but in the
    sums ``allowed`` may leave off zero (their places)."""
    bounds = _bounds(steps, len(start))
    low, high = bounds[0]
    if not allowed([d for d, (s, lo, hi) in enumerate(zip(start, low, high)) if s + lo > 0 or s + hi < 0]):
        return None
    layers = [{start}]
    work = 0
    for n, step in enumerate(steps):
        low, high = bounds[n + 1]
        following: set[tuple[int, ...]] = set()
        for state in layers[-1]:
            work += len(step)
            for _, part in step:
                after = tuple(s + p for s, p in zip(state, part))
                if allowed([d for d, (s, lo, hi) in enumerate(zip(after, low, high)) if not lo <= -s <= hi]):
                    following.add(after)
        if not following or len(following) > STATE_LIMIT or work > WORK_LIMIT:
            return None
        layers.append(following)
    return layers if any(allowed(_off(state)) for state in layers[-1]) else None


def _off(state: tuple[int, ...]) -> list[int]:
    return [d for d, s in enumerate(state) if s]


def _backward(layers: list[set], steps: list[list[tuple[int, tuple[int, ...]]]],
              allowed: Callable[[Sequence[int]], bool]) -> list[list[int]] | None:
    """For each step, the choices (their numbers) on some path from the start to sums all zero but those
    ``allowed`` leaves off."""
    target = {state for state in layers[-1] if allowed(_off(state))}
    used: list[list[int]] = []
    for n in range(len(steps) - 1, -1, -1):
        reached: set[tuple[int, ...]] = set()
        readings: dict[int, None] = {}
        for state in layers[n]:
            for vector, part in steps[n]:
                if tuple(s + p for s, p in zip(state, part)) in target:
                    reached.add(state)
                    readings.setdefault(vector, None)
        if not reached:
            return None
        used.append(list(readings))
        target = reached
    return used[::-1]
