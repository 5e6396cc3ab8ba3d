"""Rows whose figures are known only as a set, solved by the table's arithmetic.

A tool that writes a table a cell per line may lose the order of some rows' cells altogether (pdftotext puts the
first rows' cells among the column header words, pdfminer.six sorts narrow columns' boxes its own way), while
the figures themselves are all there: the stream holds exactly the table's figures, and the rows read from it
in order took theirs. What is left is the other rows' figures as a multiset. Every assignment of that multiset
to those rows' cells under which each row's own sums hold and the rules across rows hold (with the rows read)
is a reading the figures allow; a cell is read only where every such reading gives it the same figure (zeros
are alike wherever they stand, so a table of few figures is often decided, a table of many seldom).

A table printed with zeros as empty cells has fewer figures than cells (``solve_blank_rows``): every figure
takes a cell, every cell no figure takes is 0. What is left of the printed structure is each row's run of
figures under its label, kept in its order in that row and the rows after it whose labels were printed apart
(one text block flowing down the table; a run may skip cells: a text tool writes a column of sparse figures, or
of long ones, as a block of its own); a run longer than those rows hold gives them only a prefix. The table is
solved whole, the same way.

The assignments are searched by a constraint solver (OR-Tools CP-SAT, one worker): one solution, then again and
again one that differs from it in a cell still agreed on, until none does. Work is bounded by ``_MAX_CELLS``,
``_MAX_ROUNDS`` (``_MAX_BLANK_CELLS``, ``_MAX_BLANK_ROUNDS``) and a ``Budget`` of deterministic time per table; a
search that does not finish reads nothing.
"""

from __future__ import annotations

import itertools
import typing
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from gxparse import deadline
from gxparse.arithmetic.placement import Balance
from gxparse.arithmetic.realign import RowSum, Vector

if typing.TYPE_CHECKING:
    from ortools.sat.python import cp_model

_MAX_CELLS = 63         # cells solved at most, pinned ones aside (nine rows of table 三, a third of it): the rows
#                         read carry the table
_MAX_ROUNDS = 24        # solutions looked for, each differing from the first in a cell still agreed on
BUDGET = 1.0            # deterministic seconds (CP-SAT's work units, about a second) all solves for one table take
_MAX_BLANK_CELLS = 189  # a table solved whole with blank zeros: table 三 of either template (27 rows of 7)
_MAX_BLANK_ROUNDS = 200  # such a table's solutions looked for
BLANK_BUDGET = 1.5      # deterministic seconds for such a table


@dataclass
class Budget:
    """The deterministic seconds left for the solves of one table (shared by every cut and layout tried)."""

    seconds: float = BUDGET


def solve_rows(groups: Sequence[tuple[Sequence[str], Sequence[int]]], width: int, sums: Sequence[RowSum],
               balances: Sequence[Balance], known: Mapping[str, Sequence[int]],
               budget: Budget | None = None, pinned: Mapping[str, Sequence[int]] | None = None,
               stated: Mapping[tuple[str, int], int] | None = None) -> dict[str, Vector] | None:
    """The rows of ``groups`` (``width`` cells each), whose figures every assignment keeps alike: the rows of a
    group take the group's figures, each row's ``sums`` and, column by column, the ``balances`` across rows hold,
    rows of ``known`` taking their figures, rows of ``pinned`` their first cells (figures of the group printed
    where the row's first cells stand), the cells of ``stated`` (row, column) their figures; a cell the
    assignments disagree on is None. None when no assignment keeps them (the figures are not those rows', or
    the report's own sums break) or the search ran out of ``budget``."""
    problem = _Problem([key for keys, _ in groups for key in keys], width, sums, balances, known,
                       budget or Budget(), dict(pinned or {}), stated=dict(stated or {}))
    cells = [(r, c) for r in range(len(problem.rows)) for c in range(width)]
    # a pinned cell is no unknown: only the others count against the bound
    free = len(cells) - sum(min(len(problem.pinned.get(key, ())), width) for key in problem.rows)
    if any(len(values) != width * len(keys) for keys, values in groups) or not cells or free > _MAX_CELLS:
        return None
    bounds = list(itertools.accumulate((len(keys) for keys, _ in groups), initial=0))
    problem.counts = [(range(a, b), Counter(values)) for a, b, (_, values) in zip(bounds, bounds[1:], groups)]
    return _agreed(problem, cells)


def solve_blank_rows(keys: Sequence[str], figures: Sequence[int], width: int, sums: Sequence[RowSum],
                     balances: Sequence[Balance], led: Mapping[str, Sequence[int]],
                     budget: Budget | None = None) -> dict[str, Vector] | None:
    """The rows of ``keys`` (a whole table, ``width`` cells each) whose cells every assignment of ``figures``
    keeps alike, where the table prints some zeros as empty cells: every figure takes a cell, every cell no
    figure takes is 0, each row's ``sums`` and the ``balances`` across rows hold. A row of ``led`` holds that
    run of the figures (printed under its label) in order, left to right, with the rows after it up to the next
    row of ``led`` (``_lead``); a run longer than they hold, only a prefix of it, as long as the arithmetic
    allows (its rest belongs elsewhere). A cell the
    assignments disagree on is None; None when no assignment keeps them, the table has more than
    ``_MAX_BLANK_CELLS`` cells or the search ran out of ``budget``."""
    cells = [(r, c) for r in range(len(keys)) for c in range(width)]
    if not cells or len(cells) > _MAX_BLANK_CELLS or len(figures) > len(cells):
        return None
    problem = _Problem(list(keys), width, sums, balances, {}, budget or Budget(BLANK_BUDGET), {},
                       [(range(len(keys)), Counter(figures))], dict(led), blanks=True)
    return _agreed(problem, cells, _MAX_BLANK_ROUNDS)


def _agreed(problem: _Problem, cells: Sequence[tuple[int, int]], rounds: int = _MAX_ROUNDS) -> dict[str, Vector] | None:
    """The problem's rows with the cells every solution agrees on (one solution, then one differing from it
    in a cell still agreed on, until none does); None without solutions or when the search did not finish."""
    try:
        first = problem.solve(())
        if first is None:
            return None
        agreed = set(cells)
        for _ in range(rounds):
            other = problem.solve(tuple((cell, first[cell]) for cell in sorted(agreed)))
            if other is None:
                break
            agreed = {cell for cell in agreed if other[cell] == first[cell]}
            if not agreed:
                break
        else:
            return None
    except _Undecided:
        return None
    return {key: tuple(first[r, c] if (r, c) in agreed else None for c in range(problem.width))
            for r, key in enumerate(problem.rows)}


class _Undecided(Exception):
    """A solve the budget cut short: nothing is read."""


@dataclass
class _Problem:
    rows: list[str]
    width: int
    sums: Sequence[RowSum]
    balances: Sequence[Balance]
    known: Mapping[str, Sequence[int]]
    budget: Budget
    pinned: Mapping[str, Sequence[int]]
    counts: list[tuple[range, Counter[int]]] = field(default_factory=list)   # each group's rows and figures
    led: Mapping[str, Sequence[int]] = field(default_factory=dict)   # rows starting with some of these, in order
    blanks: bool = False   # cells no figure takes are zeros printed blank
    stated: Mapping[tuple[str, int], int] = field(default_factory=dict)   # (row, column) → the figure it holds

    def solve(self, differ: tuple[tuple[tuple[int, int], int], ...]) -> dict[tuple[int, int], int] | None:
        """One assignment (cell → figure), one that gives some cell of ``differ`` another figure when it is given;
        None when there is none. Raises ``_Undecided`` when the budget ran out first."""
        if self.budget.seconds <= 0:
            raise _Undecided
        # loaded only when a table needs it: OR-Tools' native library takes about 240 MB of address space, more
        # than a parse worker under a small memory limit has to spare for documents that never need it
        from ortools.sat.python import cp_model

        rows, width = range(len(self.rows)), range(self.width)
        model = cp_model.CpModel()
        figures = sorted({v for _, group in self.counts for v in group})
        chosen = {(r, c, v): model.new_bool_var(f"x{r}_{c}_{v}") for r in rows for c in width for v in figures}
        if self.blanks and 0 not in figures:
            figures = [0, *figures]
            chosen |= {(r, c, 0): model.new_bool_var(f"x{r}_{c}_0") for r in rows for c in width}
        for r in rows:
            for c in width:
                model.add_exactly_one(chosen[r, c, v] for v in figures)
        for r, key in enumerate(self.rows):
            for c, v in enumerate(self.pinned.get(key, ())):
                if v not in figures:
                    return None
                model.add(chosen[r, c, v] == 1)
            self._lead(model, chosen, r, self.led.get(key, ()))
        for (key, c), v in self.stated.items():
            if key in self.rows:
                if v not in figures:
                    return None
                model.add(chosen[self.rows.index(key), c, v] == 1)
        for group_rows, group in self.counts:
            for v in figures:
                placed = sum(chosen[r, c, v] for r in group_rows for c in width)
                model.add(placed >= group[v] if self.blanks and v == 0 else placed == group[v])

        def cell(r: int, c: int) -> cp_model.LinearExprT:
            return sum(v * chosen[r, c, v] for v in figures)

        for r in rows:
            for s in self.sums:
                model.add(sum(cell(r, p) for p in s.parts) == cell(r, s.total))
        index = {key: r for r, key in enumerate(self.rows)}
        for balance in self.balances:
            if any(key not in index and key not in self.known for key in balance.plus + balance.minus):
                continue
            for c in width:
                def side(keys: tuple[str, ...]) -> cp_model.LinearExprT:
                    return sum(cell(index[k], c) if k in index else self.known[k][c] for k in keys)
                model.add(side(balance.plus) == side(balance.minus))
        if differ:
            model.add_bool_or([~chosen[r, c, v] for (r, c), v in differ])
        if (wall := deadline.layout_seconds_left()) <= 0:
            raise _Undecided
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.max_deterministic_time = self.budget.seconds
        solver.parameters.max_time_in_seconds = wall   # deterministic seconds are no wall seconds on a busy machine
        status = solver.solve(model)
        self.budget.seconds -= solver.deterministic_time
        if status == cp_model.INFEASIBLE:
            return None
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            raise _Undecided
        return {(r, c): next(v for v in figures if solver.boolean_value(chosen[r, c, v])) for r in rows for c in width}

    def _lead(self, model: cp_model.CpModel, chosen: dict[tuple[int, int, int], cp_model.IntVar], r: int,
              run: Sequence[int]) -> None:
        """Row ``r`` and the rows after it up to the next row of ``led`` (rows whose labels were printed apart,
        their figures after the run's first row's in one text block) hold ``run`` in order, row after row, left
        to right (any cells before and between: a text tool may write a column's figures as a block of their
        own); a run longer than those rows hold, only a prefix of it (one figure at least): its rest is others'."""
        following = itertools.takewhile(lambda key: key not in self.led, self.rows[r + 1:])
        cells = [(row, c) for row in range(r, r + 1 + len(list(following))) for c in range(self.width)]
        placements: list[list[cp_model.IntVar]] = []
        for i, v in enumerate(run[:len(cells)]):
            at = [model.new_bool_var(f"l{r}_{i}_{p}") for p in range(len(cells))]
            model.add(sum(at) <= 1 if placements and len(run) > len(cells) else sum(at) == 1)
            for p, (row, c) in enumerate(cells):
                model.add_implication(at[p], chosen[row, c, v])
                if placements:   # placed only after the figure before it (which then is placed too)
                    model.add(sum(placements[-1][:p]) >= 1).only_enforce_if(at[p])
            placements.append(at)
