"""A table's figures known as boxes of a text extraction, laid into its grid by the table's arithmetic.

pdfminer.six (and pdftotext) write a ruled table as text boxes: each box a run of consecutive cells of one
column, top to bottom (a lone cell, a few rows, now and then a whole column), or a line of cells of one row
side by side; the boxes of different columns interleave in an order of the tool's own. A *tiling* places every
box in the grid, keeping its figures in order, so that the boxes cover every cell exactly once; a figure printed
on its row's label line is that row's first cell. Every tiling under which each row's sums and, column by
column, the rules across rows hold (rows already read keeping their figures) is a reading the boxes allow. A
cell is read only where every such reading gives it the same figure: boxes of zeros are interchangeable (many
tilings, one grid), while a table's applicant columns, or its result rows, are interchangeable for the
arithmetic, so only boxes spanning several cells, figures on label lines and the sums tell them apart. The
stream's order never decides.

The tilings are searched by a constraint solver (OR-Tools CP-SAT, one worker): booleans "a box of this content
starts at (row, column)", as many placed as the stream holds boxes of that content, each cell covered once, a
cell's figure a linear expression of them, the sums linear constraints. One tiling, then round after round
tilings whose grid differs from it in as many cells still agreed on as the solver finds (every tiling met on
the way counts), until none differs. Work is bounded by ``_MAX_BOXES``, ``_MAX_PLACEMENTS``, ``_MAX_ROUNDS``
and a ``Budget`` of deterministic time per table; a search that does not finish reads nothing.
"""

from __future__ import annotations

import typing
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from gxparse.arithmetic.multiset import Budget
from gxparse.arithmetic.placement import Balance
from gxparse.arithmetic.realign import RowSum, Vector

if typing.TYPE_CHECKING:
    from ortools.sat.python import cp_model

_MAX_BOXES = 400          # boxes of one table at most (a 25 × 7 table printed a cell a box has 175)
_MAX_PLACEMENTS = 40_000  # solver booleans at most (distinct boxes × the places each can start)
_MAX_ROUNDS = 24          # searches for tilings that differ from the first in a cell still agreed on
_ROUND = 0.5              # deterministic seconds a round looks for the tiling that differs most, before it
#                           settles for any that differs

Cell = tuple[int, int]


@dataclass(frozen=True)
class Box:
    """Figures the tool wrote as one box: down one column from its first (``across``: along one row, from left
    to right), the first in column 0 of row ``row`` when it was printed on that row's label line."""

    values: tuple[int, ...]
    across: bool = False
    row: int | None = None


@dataclass(frozen=True)
class Layout:
    """The grid the boxes tile: ``rows`` in printed order, ``width`` columns, sums within every row and the
    rules across rows (by row key), column by column."""

    rows: tuple[str, ...]
    width: int
    sums: tuple[RowSum, ...] = ()
    balances: tuple[Balance, ...] = ()


class Undecided(Exception):
    """The tilings could not all be looked at (over the caps, or the budget ran out): nothing is read."""


def tile(boxes: Sequence[Box], layout: Layout, known: Mapping[str, Vector] | None = None,
         budget: Budget | None = None) -> dict[str, Vector] | None:
    """The rows not wholly ``known`` as every tiling of ``boxes`` over ``layout`` gives them, the cells of
    ``known`` (None: not known) keeping their figures (a cell the tilings disagree on is None). None when there is no tiling (the boxes do
    not hold the grid's cells exactly, or no tiling keeps the sums). Raises ``Undecided`` when the problem is
    over the caps or the search ran out of ``budget``."""
    known = known or {}
    if not boxes or sum(len(b.values) for b in boxes) != len(layout.rows) * layout.width:
        return None
    problem = _Tiling(layout, Counter(boxes), known)
    if len(boxes) > _MAX_BOXES or problem.placements > _MAX_PLACEMENTS:
        raise Undecided
    budget = budget or Budget()
    found = problem.solve((), budget)
    if not found:
        return None
    first = found[0]
    free = {(r, c) for r, key in enumerate(layout.rows) for c in range(layout.width)
            if known.get(key, (None,) * layout.width)[c] is None}
    agreed = set(free)
    for _ in range(_MAX_ROUNDS):
        if not agreed:
            break
        others = problem.solve(tuple((cell, first[cell]) for cell in sorted(agreed)), budget)
        if not others:
            break
        agreed = {cell for cell in agreed if all(other[cell] == first[cell] for other in others)}
    else:
        raise Undecided
    return {key: tuple(first[r, c] if (r, c) in agreed or (r, c) not in free else None for c in range(layout.width))
            for r, key in enumerate(layout.rows) if any((r, c) in free for c in range(layout.width))}


@dataclass
class _Tiling:
    """One tiling problem: where each distinct box may start (with the cells it then covers)."""

    layout: Layout
    counts: Counter[Box]
    known: Mapping[str, Vector]
    starts: dict[Box, list[tuple[Cell, ...]]] = field(init=False)

    def __post_init__(self) -> None:
        height, width = len(self.layout.rows), self.layout.width
        self.starts = {}
        for box in self.counts:
            origins = [(box.row, 0)] if box.row is not None else [(r, c) for r in range(height) for c in range(width)]
            self.starts[box] = [covered for r, c in origins
                                if (covered := _covered(r, c, len(box.values), box.across, height, width))]

    @property
    def placements(self) -> int:
        return sum(len(places) for places in self.starts.values())

    def solve(self, differ: tuple[tuple[Cell, int], ...], budget: Budget) -> list[dict[Cell, int]] | None:
        """Without ``differ``: one tiling's grid. With it: the grids of the tilings met while looking for one in
        which as many cells of ``differ`` as can be hold another figure. None (or []) when there is none;
        raises ``Undecided`` when the budget ran out first."""
        if budget.seconds <= 0:
            raise Undecided
        # loaded only when a table needs it (OR-Tools' native library is large: see ``multiset``)
        from ortools.sat.python import cp_model

        model = cp_model.CpModel()
        holding = self._placed(model)
        if holding is None:
            return None
        if differ:
            # some cell of ``differ`` holds another figure: not all of them the figure they held, and as few as can be
            kept = sum(sum(holding.get((cell, figure), [])) for cell, figure in differ)
            model.add(kept <= len(differ) - 1)
            model.minimize(kept)
        found: list[dict[Cell, int]] = []
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        # the sums bound the search on their own; the linear relaxation of a tiling only slows it (measured)
        solver.parameters.linearization_level = 0
        solver.parameters.max_deterministic_time = min(budget.seconds, _ROUND) if differ else budget.seconds
        status = solver.solve(model, _grids(holding, found))
        budget.seconds -= solver.deterministic_time
        if status == cp_model.UNKNOWN and differ and budget.seconds > 0:
            model.clear_objective()   # no tiling met in the round's time: any that differs, with all time left
            solver.parameters.max_deterministic_time = budget.seconds
            status = solver.solve(model, _grids(holding, found))
            budget.seconds -= solver.deterministic_time
        if status == cp_model.INFEASIBLE:
            return None
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            raise Undecided
        return found if differ else found[-1:]

    def _placed(self, model: cp_model.CpModel) -> dict[tuple[Cell, int], list[cp_model.IntVar]] | None:
        """The tiling's variables and constraints: (cell, figure) → the placements that put that figure there.
        None when some cell no box can cover."""
        layout = self.layout
        holding: dict[tuple[Cell, int], list[cp_model.IntVar]] = {}
        covering: dict[Cell, list[cp_model.IntVar]] = {}
        for n, (box, places) in enumerate(self.starts.items()):
            chosen = [model.new_bool_var(f"b{n}_{k}") for k in range(len(places))]
            model.add(sum(chosen) == self.counts[box])
            for var, covered in zip(chosen, places):
                for cell, figure in zip(covered, box.values):
                    holding.setdefault((cell, figure), []).append(var)
                    covering.setdefault(cell, []).append(var)
        height = len(layout.rows)
        grid = [(r, c) for r in range(height) for c in range(layout.width)]
        if any(cell not in covering for cell in grid):
            return None
        for cell in grid:
            model.add_exactly_one(covering[cell])
        value: dict[Cell, cp_model.LinearExprT] = {cell: 0 for cell in grid}
        for (cell, figure), chosen in holding.items():
            if figure:
                value[cell] = value[cell] + figure * sum(chosen)
        for r, key in enumerate(layout.rows):
            for c, figure in enumerate(self.known.get(key, ())):
                if figure is not None:
                    model.add_bool_or(holding.get(((r, c), figure), []))
            for s in layout.sums:
                model.add(sum(value[r, p] for p in s.parts) == value[r, s.total])
        index = {key: r for r, key in enumerate(layout.rows)}
        for balance in layout.balances:
            if any(key not in index for key in balance.plus + balance.minus):
                continue
            for c in range(layout.width):
                model.add(sum(value[index[k], c] for k in balance.plus) == sum(value[index[k], c] for k in balance.minus))
        if len(layout.sums) == 1 and {*layout.sums[0].parts, layout.sums[0].total} == set(range(layout.width)):
            # implied, but it guides the search: a row's total is half its figures, so the totals are half of all
            total = sum(figure * count for box, count in self.counts.items() for figure in box.values)
            model.add(2 * sum(value[r, layout.sums[0].total] for r in range(height)) == total)
        return holding


def _grids(holding: dict[tuple[Cell, int], list[typing.Any]], found: list[dict[Cell, int]]) -> typing.Any:
    """A solution callback that keeps the grid of every tiling the solver meets in ``found``."""
    from ortools.sat.python import cp_model

    class Grids(cp_model.CpSolverSolutionCallback):
        def on_solution_callback(self) -> None:
            found.append({cell: figure for (cell, figure), chosen in holding.items()
                          if any(self.boolean_value(var) for var in chosen)})

    return Grids()


def _covered(r: int, c: int, length: int, across: bool, height: int, width: int) -> tuple[Cell, ...]:
    """The cells a box of ``length`` figures starting at (r, c) covers; () when it runs off the grid."""
    if across:
        return tuple((r, c + k) for k in range(length)) if c + length <= width else ()
    return tuple((r + k, c) for k in range(length)) if r + length <= height else ()
