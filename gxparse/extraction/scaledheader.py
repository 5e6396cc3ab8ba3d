"""Rows printed short laid under column headers spaced on another scale than their figures, no row printed whole.

PyMuPDF's sorted text spaces a line by the gaps between its pieces over the line's own character width: a row's
figures stand at their distances from one another on the figures' scale, shifted by however long its label is,
while the header words (CJK, two figures wide on the page, one character in the text) stand on a scale of their
own. Counted from its total (the last column: a row with any figure has one, printed, since it adds up the
others), each row's figures stand at one multiple of the header words' distances from the total's header word:
the same multiple in every row (one type size). Where every zero is printed blank no row shows every column, so
the rows' figures are laid together: each scale that puts some row's first figure under a column is tried, and
it is workable when every figure of every row then stands under a column (within a third of the space between
two columns and ``_SLACK`` characters, in order, only the last under the total's), the scale fitted through all
of them keeping each where it is. The rows are laid only when every workable scale lays them alike: a scale
that two figures alone pin down lays nothing. The caller checks the laid table's arithmetic.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from gxparse.extraction.textcolumns import padded, under_columns
from gxparse.rows import RawRow

_TOLERANCE = 1 / 3   # of the space between two neighbouring columns: how far a figure may stand from its column
_SLACK = 1.5         # characters a figure may stand from its column: places are whole characters
_MAX_ROWS = 64       # rows laid together at most (table 三 has 26); scales tried: rows x columns

Laying = tuple[tuple[int, ...], ...]


def spread_under_scaled_header(rows: Mapping[str, RawRow], headers: Sequence[float]) -> dict[str, RawRow]:
    """The rows of two figures or more (``offsets`` their middles) laid under the columns whose header words'
    middles are ``headers`` (the last the total's), each with ``""`` (an empty cell) where no figure stands;
    none unless exactly one laying of them all is workable."""
    width = len(headers)
    placed = {key: row for key, row in rows.items()
              if 1 < len(row.values) <= width and len(row.offsets) == len(row.values)}
    if width < 3 or not placed or len(placed) > _MAX_ROWS \
            or not all(padded(row.values, row.offsets) for row in placed.values()):
        return {}
    columns = [place - headers[-1] for place in headers]
    relative = [[offset - row.offsets[-1] for offset in row.offsets] for row in placed.values()]
    layings: set[Laying] = set()
    for places in relative:
        for column in range(width - 1):
            if (laid := _workable(relative, columns, places[0] / columns[column])) is not None:
                layings.add(laid)
    if len(layings) != 1:
        return {}
    laying = layings.pop()
    return {key: replace(row, values=under_columns(row.values, laid, width), offsets=())
            for (key, row), laid in zip(placed.items(), laying)}


def _workable(relative: Sequence[Sequence[float]], columns: Sequence[float], scale: float) -> Laying | None:
    """The rows laid on ``scale``, when the scale fitted through that laying keeps it and every figure within
    ``_SLACK`` of its column; None otherwise."""
    laid = _laid(relative, columns, scale)
    if laid is None:
        return None
    pairs = [(place, columns[c]) for places, row in zip(relative, laid) for place, c in zip(places, row)]
    fitted = sum(p * c for p, c in pairs) / sum(c * c for _, c in pairs)
    if _laid(relative, columns, fitted) != laid or any(abs(p - fitted * c) > _SLACK for p, c in pairs):
        return None
    return laid


def _laid(relative: Sequence[Sequence[float]], columns: Sequence[float], scale: float) -> Laying | None:
    """Each row's figures' columns on ``scale``: each nearest one column, in order, only the last under the
    last; None where a figure stands clearly under none."""
    if scale <= 0:
        return None
    scaled = [scale * c for c in columns]
    laying = []
    for places in relative:
        row: list[int] = []
        for place in places:
            nearest = min(range(len(scaled)), key=lambda c: abs(scaled[c] - place))
            space = min(abs(scaled[nearest] - scaled[c]) for c in (nearest - 1, nearest + 1) if 0 <= c < len(scaled))
            if abs(scaled[nearest] - place) > min(_TOLERANCE * space, _SLACK) or row and nearest <= row[-1]:
                return None
            row.append(nearest)
        if row[-1] != len(columns) - 1:
            return None
        laying.append(tuple(row))
    return tuple(laying)
