"""A table's figures in the order an OCR program writes its text boxes (RapidOCR: by their top edge, a row's
boxes left to right), solved by the table's arithmetic.

Each row's figures come together, the rows in the table's order, but a row's label box (centred in a tall cell,
or wrapped over two lines) comes before, among or after its figures, and a blank-looking cell's box may be lost
(``2.其他法律行政法规禁止公开`` / 0 0 0 0 0 / 三 / 0 0 0 0 0: the group label's piece among two rows' zeros). So
the figures are laid in row-major order, each into a cell after the one before; a row's label stands between
the figures of the rows before it and those of the rows after it; a cell no figure takes was lost, a count
the arithmetic may give (never negative, at most the figures' sum). Every row's sums and the rules across rows
hold. A cell is read only where every such laying agrees; the search (OR-Tools CP-SAT, one worker) is bounded
by ``MAX_FIGURES``, ``MAX_ROUNDS`` and a ``multiset.Budget``; a search that does not finish reads nothing.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping, Sequence

from gxparse import deadline
from gxparse.arithmetic.multiset import BLANK_BUDGET, Budget
from gxparse.arithmetic.placement import Balance
from gxparse.arithmetic.realign import RowSum, Vector

if typing.TYPE_CHECKING:
    from ortools.sat.python import cp_model

Cell = tuple[int, int]

MAX_FIGURES = 250   # figures laid at most (table 三 has 161 or 189 cells): more is no such table
MAX_ROUNDS = 200    # solutions looked for, each differing from those before in a cell still agreed on
MISREAD = 1         # figures OCR may have misread (9 0 0 0 0 0 6 for 9 … 9), looked for only where none gives a laying


def solve_box_order(keys: Sequence[str], figures: Sequence[int], labels: Mapping[str, Sequence[int]], width: int,
                    sums: Sequence[RowSum], balances: Sequence[Balance],
                    budget: Budget | None = None) -> dict[str, Vector] | None:
    """The rows of ``keys`` (``width`` cells each) with the cells every laying of ``figures`` in box order
    agrees on (see the module); ``labels``: for a row, where its label boxes stand (how many figures come before
    each). Where no laying keeps the arithmetic, one with a figure misread (``MISREAD``: any count in its cell,
    which stays unread) is looked for. None when none keeps it, the figures are too many for the table or more
    than ``MAX_FIGURES``, or the search ran out of ``budget``."""
    if not figures or len(figures) > min(MAX_FIGURES, len(keys) * width) or any(v < 0 for v in figures):
        return None
    budget = budget or Budget(BLANK_BUDGET)
    for misread in (0, MISREAD):
        solved = _laid(keys, figures, labels, width, sums, balances, budget, misread)
        if solved is not None or budget.seconds < 0:
            return solved
    return None


def _laid(keys: Sequence[str], figures: Sequence[int], labels: Mapping[str, Sequence[int]], width: int,
          sums: Sequence[RowSum], balances: Sequence[Balance], budget: Budget, misread: int) -> dict[str, Vector] | None:
    """``solve_box_order`` with at most ``misread`` figures whose cell takes any count: such a cell, where every
    laying puts it, is unread; a cell one laying reads misread and another not is not agreed."""
    from ortools.sat.python import cp_model   # loaded only when a table needs it (see multiset)

    rows = range(len(keys))
    cells = len(keys) * width
    lowest, highest = _row_bounds(keys, labels, len(figures))
    if any(lo > hi for lo, hi in zip(lowest, highest)):
        return None
    model = cp_model.CpModel()
    bound = sum(figures)
    value = {(r, c): model.new_int_var(0, bound, f"v{r}_{c}") for r in rows for c in range(width)}
    # a cell's state: its count and, where figures may be misread, whether a misread figure took it
    flagged = {cell: model.new_bool_var(f"m{cell}") for cell in value} if misread else {}
    wrong = [model.new_bool_var(f"w{i}") for i in range(len(figures))] if misread else []
    if misread:
        model.add(sum(wrong) <= misread)
    taken: dict[Cell, list[cp_model.IntVar]] = {cell: [] for cell in value}
    ranks = []
    for i, figure in enumerate(figures):
        at = {}
        for r in range(lowest[i], highest[i] + 1):
            for c in range(width):
                rank = r * width + c
                if i <= rank <= cells - len(figures) + i:
                    at[r, c] = model.new_bool_var(f"f{i}_{r}_{c}")
                    taken[r, c].append(at[r, c])
                    if not misread:
                        model.add(value[r, c] == figure).only_enforce_if(at[r, c])
                        continue
                    model.add(value[r, c] == figure).only_enforce_if([at[r, c], ~wrong[i]])
                    model.add_bool_or([~at[r, c], ~wrong[i], flagged[r, c]])
        if not at:
            return None
        model.add_exactly_one(at.values())
        ranks.append(sum((r * width + c) * var for (r, c), var in at.items()))
    for before, after in zip(ranks, ranks[1:]):
        model.add(after >= before + 1)
    for placed in taken.values():
        if len(placed) > 1:
            model.add_at_most_one(placed)
    for r in rows:
        for s in sums:
            model.add(sum(value[r, p] for p in s.parts) == value[r, s.total])
    index = {key: r for r, key in enumerate(keys)}
    for balance in balances:
        if all(key in index for key in (*balance.plus, *balance.minus)):
            for c in range(width):
                model.add(sum(value[index[k], c] for k in balance.plus) == sum(value[index[k], c] for k in balance.minus))
    if misread:
        model.add(sum(flagged.values()) == sum(wrong))   # the cells flagged are the misread figures' own
    first = _solve(model, value, flagged, budget)
    if first is None:
        return None
    agreed = dict(first)
    for _ in range(MAX_ROUNDS):
        differs = []
        for cell, (figure, flag) in agreed.items():
            other = model.new_bool_var("")
            model.add(value[cell] != figure).only_enforce_if(other)
            differs.append(other)
            if misread:
                differs.append(flagged[cell] if not flag else ~flagged[cell])
        model.add_bool_or(differs)
        found = _solve(model, value, flagged, budget)
        if found is None:
            break
        agreed = {cell: state for cell, state in agreed.items() if found[cell] == state}
        if not agreed:
            break
    else:
        budget.seconds = -1.0   # the search did not finish: no other laying is looked for
        return None
    if budget.seconds < 0:
        return None
    return {key: tuple(agreed[r, c][0] if (r, c) in agreed and not agreed[r, c][1] else None for c in range(width))
            for r, key in enumerate(keys)}


def _row_bounds(keys: Sequence[str], labels: Mapping[str, Sequence[int]], count: int) -> tuple[list[int], list[int]]:
    """For each figure, the first and the last row it may be in: a label's row holds no figure before a figure
    of an earlier row nor after one of a later row, so figures before the label are in its row or earlier,
    those after it in its row or later."""
    lowest, highest = [0] * count, [len(keys) - 1] * count
    for r, key in enumerate(keys):
        for at in labels.get(key, ()):
            for i in range(min(at, count)):
                highest[i] = min(highest[i], r)
            for i in range(max(at, 0), count):
                lowest[i] = max(lowest[i], r)
    return lowest, highest


def _solve(model: cp_model.CpModel, value: Mapping[Cell, cp_model.IntVar], flagged: Mapping[Cell, cp_model.IntVar],
           budget: Budget) -> dict[Cell, tuple[int, bool]] | None:
    """One solution's cells (a count, whether a misread figure took it); None when there is none or the budget
    ran out (then ``budget.seconds`` < 0)."""
    from ortools.sat.python import cp_model

    if budget.seconds <= 0 or (wall := deadline.layout_seconds_left()) <= 0:
        budget.seconds = -1.0
        return None
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_deterministic_time = budget.seconds
    solver.parameters.max_time_in_seconds = wall   # deterministic seconds are no wall seconds on a busy machine
    status = solver.solve(model)
    budget.seconds -= solver.deterministic_time
    if status == cp_model.INFEASIBLE:
        return None
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        budget.seconds = -1.0
        return None
    return {cell: (solver.value(var), cell in flagged and bool(solver.value(flagged[cell]))) for cell, var in value.items()}
