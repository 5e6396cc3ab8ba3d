"""Empty cells read back from where layout-keeping text puts a row's figures.

Text extracted with its layout kept (``pdftotext -layout``, pdfplumber's ``extract_text(layout=True)``, a
table typed with spaces) prints each figure under its column. Where a report prints zero as an empty cell, or
a cell is left empty, a row shows fewer figures than the table has columns and the split at spaces alone
cannot tell which are missing; the figures' places in the line can (``Line.offsets``).

A row's figures are laid from its right end: a row with any figure has a total (the last column), printed and
never blank, since it adds up the others. Only text that pads its columns (two spaces or more between a row's
figures) is laid so: text written with a space between cells tells nothing by places. The places of the other columns relative to the total are learned
from the table's rows printed whole (two or more), or, where there are fewer, from a pitch: columns of one width, the widest row
reaching from the first column to the last. Each figure must stand clearly at one column (within a third of the
space between columns); a row any figure of which does not is not laid, and then no row is (a grid that does
not explain every row explains none). The caller still checks the laid table's arithmetic.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from statistics import median

from gxparse.rows import RawRow

_TOLERANCE = 1 / 3   # of the space between two neighbouring columns: how far a figure may stand from its column
_MIN_PITCH = 2.0     # characters: columns closer than this are no grid a figure can be placed by
_PADDING = 2         # spaces at least between two figures of a row in text that keeps the page's layout


def spread_short_rows(rows: Mapping[str, RawRow], width: int) -> dict[str, RawRow]:
    """The rows printed with fewer figures than ``width`` columns, each with its figures under the columns
    their places show and ``""`` (an empty cell) in the others; empty when the places show no grid."""
    placed = {key: row for key, row in rows.items()
              if 0 < len(row.values) <= width and len(row.offsets) == len(row.values)}
    short = [key for key, row in placed.items() if len(row.values) < width]
    if not short:
        return {}
    whole = [placed[key] for key in placed if key not in short]
    grid = whole if len(whole) >= 2 else list(placed.values())
    if not all(_padded(row) for row in grid):
        return {}
    columns = _relative_columns([row.offsets for row in whole], width) if len(whole) >= 2 else \
        _pitch_columns([row.offsets for row in grid], width)
    if columns is None:
        return {}
    spread = {}
    for key in short:
        laid = _lay(placed[key].offsets, columns)
        if laid is None:
            return {}
        values = [""] * width
        for column, value in zip(laid, placed[key].values):
            values[column] = value
        spread[key] = replace(placed[key], values=values, offsets=())
    return spread


def _relative_columns(whole: Sequence[tuple[float, ...]], width: int) -> list[float] | None:
    """Each column's place relative to the last, from the rows printed whole: None unless they agree (a row's
    grid may be shifted by its label cells, so places count from the row's own total)."""
    relative = [[offset - offsets[-1] for offset in offsets] for offsets in whole]
    columns = [median(r[c] for r in relative) for c in range(width)]
    if not _is_grid(columns):
        return None
    tolerance = _TOLERANCE * min(b - a for a, b in zip(columns, columns[1:]))
    if any(abs(r[c] - columns[c]) > tolerance for r in relative for c in range(width)):
        return None
    return columns


def _pitch_columns(rows: Sequence[tuple[float, ...]], width: int) -> list[float] | None:
    """Columns of one width, the widest row spanning the first to the last; None unless every gap between two
    figures of a row is a whole number of columns."""
    span = max(offsets[-1] - offsets[0] for offsets in rows)
    pitch = span / (width - 1)
    if pitch < _MIN_PITCH:
        return None
    for offsets in rows:
        for a, b in zip(offsets, offsets[1:]):
            steps = (b - a) / pitch
            if round(steps) < 1 or abs(steps - round(steps)) > _TOLERANCE:
                return None
    return [-(width - 1 - c) * pitch for c in range(width)]


def _padded(row: RawRow) -> bool:
    """Whether the row's figures stand apart by two spaces or more: text that keeps the page's layout pads
    its columns, while text written with a space between cells does not (there, places tell no column)."""
    ends = [(offset - len(value) / 2, offset + len(value) / 2) for offset, value in zip(row.offsets, row.values)]
    return all(start - end >= _PADDING for (_, end), (start, _) in zip(ends, ends[1:]))


def _is_grid(columns: Sequence[float]) -> bool:
    return all(b - a >= _MIN_PITCH for a, b in zip(columns, columns[1:]))


def _lay(offsets: tuple[float, ...], columns: Sequence[float]) -> list[int] | None:
    """The column of each figure of a row (the last under the last column), or None where one stands clearly
    under no column or two under one."""
    laid = []
    for offset in offsets:
        relative = offset - offsets[-1]
        nearest = min(range(len(columns)), key=lambda c: abs(columns[c] - relative))
        space = min(abs(columns[nearest] - columns[c]) for c in (nearest - 1, nearest + 1) if 0 <= c < len(columns))
        if abs(columns[nearest] - relative) > _TOLERANCE * space or laid and nearest <= laid[-1]:
            return None
        laid.append(nearest)
    return laid
