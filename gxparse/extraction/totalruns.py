"""Empty cells read back from runs of rows whose totals stand at one place in layout-kept text.

``pdftotext -layout`` squeezes a crowded line: it gives each piece of text a column from the pieces left of
it, so a row under a long label or beside wide figures is set further right or closer together than the row
above, and no one grid, nor one scale between header and figures, fits the whole table. The rows come in runs
that share a grid: consecutive rows whose totals (the last column, printed in every row with a figure) start,
or end, at one place, every figure of the run standing exactly where its column's figures of the other rows
of the run do. Where the places of a run's figures together are as many as the table has columns, each place
is a column, in order, and each row's figures are laid under them (``""`` an empty cell). A run printing
fewer places (some column empty in every row of it) is not laid here: which column is missing, nothing in the
text says. It still says that the run's figures at one place share a column and that places further right are
columns further right (``run_layings``): every such laying is the run's candidate, the total's place the last
column, for the table's sums to choose among (``tables.s3``). The caller checks the laid table's arithmetic.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from gxparse.extraction.textcolumns import padded
from gxparse.rows import RawRow

_MIN_APART = 3   # characters between two columns' places at least: a figure of one digit and the padding
# a laying whose space per column between two neighbouring places is more than twice that between two others
# is none: a blank column leaves a gap a column wide, and pdftotext's squeezing narrows gaps by less (at most
# 1.8 in the simulated reports' prints; the layings the sums cannot tell from them, 2.07 and more)
_UNEVEN = 2.0
_MAX_LAYINGS = 64   # a run's layings at most (7 columns, 3 places besides the total: 20): more says too little


def _starts(row: RawRow) -> tuple[float, ...]:
    return tuple(offset - len(value) / 2 for value, offset in zip(row.values, row.offsets))


def _ends(row: RawRow) -> tuple[float, ...]:
    return tuple(offset + len(value) / 2 for value, offset in zip(row.values, row.offsets))


# figures aligned at the left of their cells share their starts, at the right their ends
_ALIGNMENTS: tuple[Callable[[RawRow], tuple[float, ...]], ...] = (_starts, _ends)


def spread_by_total_runs(rows: Mapping[str, RawRow], width: int) -> dict[str, RawRow]:
    """The rows printed short (fewer figures than ``width``) of every run whose figures' places are exactly
    ``width``, each with its figures under those columns and ``""`` in the others; the rows of other runs are
    not in it. Each alignment (starts, then ends) is tried; the first that lays any row is kept."""
    placed = sorted((item for item in rows.items()
                     if 0 < len(item[1].values) <= width and len(item[1].offsets) == len(item[1].values)),
                    key=lambda item: item[1].order)
    for places in _ALIGNMENTS:
        laid: dict[str, RawRow] = {}
        for run in _runs([_Placed(key, row, places(row)) for key, row in placed]):
            laid |= _laid_run(run, width)
        if laid:
            return laid
    return {}


@dataclass
class _Placed:
    """A row with the places of its figures (their starts, or their ends)."""

    key: str
    row: RawRow
    places: tuple[float, ...]


def _runs(placed: Sequence[_Placed]) -> list[list[_Placed]]:
    """The rows cut where the place of the total changes."""
    runs: list[list[_Placed]] = []
    for item in placed:
        if runs and runs[-1][-1].places[-1] == item.places[-1]:
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def _laid_run(run: Sequence[_Placed], width: int) -> dict[str, RawRow]:
    """The short rows of one run laid under its places, when they are ``width`` columns at least
    ``_MIN_APART`` apart and every short row pads its figures (``textcolumns.padded``: text written with a
    space between cells tells nothing by places; a row printed whole may be crowded to one space, its places
    are still its columns'); else none."""
    columns = sorted({place for item in run for place in item.places})
    if len(columns) != width or any(b - a < _MIN_APART for a, b in zip(columns, columns[1:])):
        return {}
    short = [item for item in run if len(item.places) < width]
    if not all(padded(item.row.values, item.row.offsets) for item in short):
        return {}
    column = {place: c for c, place in enumerate(columns)}
    laid = {}
    for item in short:
        values = [""] * width
        for value, place in zip(item.row.values, item.places):
            values[column[place]] = value
        laid[item.key] = replace(item.row, values=values, offsets=())
    return laid


@dataclass(frozen=True)
class RunLayings:
    """The rows of one run (``keys``, printed in order) and each way of laying them: per laying, per row, the
    column of each of its figures."""

    keys: tuple[str, ...]
    layings: tuple[tuple[tuple[int, ...], ...], ...]


def run_layings(rows: Mapping[str, RawRow], width: int) -> list[RunLayings]:
    """For every run (``_runs``; a row alone where it prints three figures or more) whose figures stand at
    fewer than ``width`` places, at least ``_MIN_APART`` apart, its short rows padding their figures: each
    laying that puts the run's places under columns in order, the total's place (the rightmost) under the
    last, its columns about evenly wide (``_layings``). The places are the figures'
    starts or their ends, whichever put the run's figures at fewer places (a column's figures share the edge
    they are aligned at, and a figure of another width stands elsewhere by the other); a run whose starts and
    ends disagree while as few is given no layings; a run the starts and the ends cut alike is one run."""
    placed = sorted((item for item in rows.items()
                     if 0 < len(item[1].values) <= width and len(item[1].offsets) == len(item[1].values)),
                    key=lambda item: item[1].order)
    shown: dict[tuple[str, ...], list[list[_Placed]]] = {}
    for places in _ALIGNMENTS:
        for run in _runs([_Placed(key, row, places(row)) for key, row in placed]):
            if len(run) > 1 or len(run[0].places) > 2:
                shown.setdefault(tuple(item.key for item in run), []).append(run)
    found: list[RunLayings] = []
    for keys, runs in shown.items():
        counts = [len(_partition(run)) for run in runs]
        best = [run for run, count in zip(runs, counts) if count == min(counts)]
        if len(best) > 1 and _partition(best[0]) != _partition(best[1]):
            continue
        if layings := _layings(best[0], width):
            found.append(RunLayings(keys, layings))
    return found


def _partition(run: Sequence[_Placed]) -> list[list[tuple[int, int]]]:
    """The run's figures (row, index) grouped by place, in order of place."""
    groups: dict[float, list[tuple[int, int]]] = {}
    for r, item in enumerate(run):
        for i, place in enumerate(item.places):
            groups.setdefault(place, []).append((r, i))
    return [groups[place] for place in sorted(groups)]


def _layings(run: Sequence[_Placed], width: int) -> tuple[tuple[tuple[int, ...], ...], ...]:
    """The run's in-order layings with its rightmost place under the last column whose columns stand about
    evenly (``_uneven`` at most ``_UNEVEN``); none when its places are ``width`` or more, stand closer than
    ``_MIN_APART``, a short row does not pad its figures, or the layings to try are more than ``_MAX_LAYINGS``."""
    columns = sorted({place for item in run for place in item.places})
    total = max(item.places[-1] for item in run)
    if not 1 < len(columns) < width or columns[-1] != total or any(b - a < _MIN_APART for a, b in zip(columns, columns[1:])) \
            or not all(padded(item.row.values, item.row.offsets) for item in run if len(item.places) < width):
        return ()
    if math.comb(width - 1, len(columns) - 1) > _MAX_LAYINGS:
        return ()
    layings = []
    for chosen in itertools.combinations(range(width - 1), len(columns) - 1):
        if _uneven(columns, (*chosen, width - 1)) <= _UNEVEN:
            column = dict(zip(columns, (*chosen, width - 1)))
            layings.append(tuple(tuple(column[place] for place in item.places) for item in run))
    return tuple(layings)


def _uneven(places: Sequence[float], columns: Sequence[int]) -> float:
    """How unevenly ``places`` stand under ``columns``: the widest over the narrowest of the spaces per column
    between neighbouring places (1: every column as wide; a blank column leaves a gap a column wide)."""
    steps = [(b - a) / (d - c) for a, b, c, d in zip(places, places[1:], columns, columns[1:])]
    return max(steps) / min(steps)
