"""Empty cells read back from runs of rows whose totals stand at one place in layout-kept text.

``pdftotext -layout`` squeezes a crowded line: it gives each piece of text a column from the pieces left of
it, so a row under a long label or beside wide figures is set further right or closer together than the row
above, and no one grid, nor one scale between header and figures, fits the whole table. The rows come in runs
that share a grid: consecutive rows whose totals (the last column, printed in every row with a figure) start,
or end, at one place, every figure of the run standing exactly where its column's figures of the other rows
of the run do. Where the places of a run's figures together are as many as the table has columns, each place
is a column, in order, and each row's figures are laid under them (``""`` an empty cell). A run printing
fewer places (some column empty in every row of it) leaves its rows as they are: which column is missing,
nothing in the text says. The caller checks the laid table's arithmetic.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from gxparse.extraction.textcolumns import padded
from gxparse.rows import RawRow

_MIN_APART = 3   # characters between two columns' places at least: a figure of one digit and the padding


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
