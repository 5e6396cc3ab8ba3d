"""Empty cells read back from where layout-keeping text puts a row's figures.

Text extracted with its layout kept (``pdftotext -layout``, pdfplumber's ``extract_text(layout=True)``, a
table typed with spaces) prints each figure under its column. Where a report prints zero as an empty cell, or
a cell is left empty, a row shows fewer figures than the table has columns and the split at spaces alone
cannot tell which are missing; the figures' places in the line can (``Line.offsets``).

A row's figures are laid from its right end: a row with any figure has a total (the last column), printed and
never blank, since it adds up the others. The places of the other columns relative to the total are learned
from the rows printed whole around it, or, where there is none, from a pitch: columns of one width, the widest
row reaching from the first column to the last. A page break may change the grid (another page's scale), so the
rows are taken in order and a row the grid before it does not explain starts a grid of its own. Each figure
must stand clearly at one column (within a third of the space between columns); a row no grid explains lays
no row. Only text that pads its columns (two spaces or more between a row's figures) is laid so: text written
with a space between cells tells nothing by places. The caller checks the laid table's arithmetic.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from statistics import median

from gxparse.document import Line
from gxparse.normalize import label_key
from gxparse.rows import RawRow

_TOLERANCE = 1 / 3   # of the space between two neighbouring columns: how far a figure may stand from its column
_MIN_PITCH = 2.0     # characters: columns closer than this are no grid a figure can be placed by
_PADDING = 2         # spaces at least between two figures of a row in text that keeps the page's layout
_MIN_PITCH_ROWS = 3  # rows a grid of one pitch is learned from, when no row is printed whole
_MIN_HEADER_PIECE = 2   # characters of a column header's first line (商业企 of 商业企业): one names no column
_FITTED_SLACK = 1.5  # characters a figure may stand from its column on a fitted scale: places are whole characters
                     # and a run of empty cells is spaced a character or so off
_DRIFT = 0.1         # how much longer or shorter a short row's figures may stand from its total than the whole rows'
_MIN_FITTED = 3      # figures a scale between header and figures is fitted through: two fit any scale


@dataclass
class _Block:
    """Rows in document order that share one grid."""

    whole: list[RawRow] = field(default_factory=list)
    short: list[tuple[str, RawRow]] = field(default_factory=list)

    def columns(self, width: int) -> list[float] | None:
        if self.whole:
            return _relative_columns([row.offsets for row in self.whole], width)
        if len(self.short) < _MIN_PITCH_ROWS:
            return None
        return _pitch_columns([row.offsets for _, row in self.short], width)


@dataclass
class Spread:
    """Rows printed short, laid under their columns (``""`` an empty cell), and whether some were laid by a
    pitch alone (no row printed whole beside them: weaker evidence, which the table's arithmetic must confirm)."""

    rows: dict[str, RawRow]
    by_pitch: bool = False


def spread_short_rows(rows: Mapping[str, RawRow], width: int) -> Spread:
    """The rows printed with fewer figures than ``width`` columns, each with its figures under the columns
    their places show and ``""`` (an empty cell) in the others; none when some such row no grid explains."""
    placed = sorted(((key, row) for key, row in rows.items()
                     if 0 < len(row.values) <= width and len(row.offsets) == len(row.values)),
                    key=lambda item: item[1].order)
    if all(len(row.values) == width for _, row in placed) or not all(padded(row.values, row.offsets)
                                                                      for _, row in placed):
        return Spread({})
    spread = Spread({})
    for block in _blocks(placed, width):
        columns = block.columns(width)
        spread.by_pitch |= bool(block.short) and not block.whole
        for key, row in block.short:
            laid = _lay_short(row.offsets, columns) if columns else None
            if laid is None:
                return Spread({})
            values = [""] * width
            for column, value in zip(laid, row.values):
                values[column] = value
            spread.rows[key] = replace(row, values=values, offsets=())
    return spread


def _blocks(rows: Sequence[tuple[str, RawRow]], width: int) -> list[_Block]:
    """The rows cut where the grid changes: a whole row that disagrees with the block's whole rows, or a short
    row they do not explain, opens a new block."""
    blocks = [_Block()]
    for key, row in rows:
        block = blocks[-1]
        if len(row.values) == width:
            if block.whole and _relative_columns([r.offsets for r in [*block.whole, row]], width) is None:
                blocks.append(block := _Block())
            block.whole.append(row)
        else:
            if block.whole and _lay_short(row.offsets, block.columns(width) or []) is None:
                blocks.append(block := _Block())
            block.short.append((key, row))
    return blocks


def _lay_short(offsets: tuple[float, ...], columns: Sequence[float]) -> list[int] | None:
    """The columns of a short row's figures, counted from its total (``columns`` too, the last 0); or, where runs
    of empty cells spaced the figures a few characters off (PyMuPDF's sorted text: 6 under a column 48 characters
    left of the total printed 51 left of it), on the one scale within ``_DRIFT`` of the whole rows' that puts
    its first figure at a column and every other within a third of a column and ``_FITTED_SLACK`` characters of
    one; None when no scale or two that lay it differently do."""
    laid = _lay(offsets, columns, offsets[-1])
    if laid is not None or len(offsets) < 2:
        return laid
    relative = [offset - offsets[-1] for offset in offsets]
    layings = set()
    for first in range(len(columns) - 1):
        scale = relative[0] / columns[first]
        if not 1 / (1 + _DRIFT) <= scale <= 1 + _DRIFT:
            continue
        laid = _lay(tuple(place / scale for place in relative), columns, 0.0)
        if laid is not None and all(abs(place - scale * columns[c]) <= _FITTED_SLACK
                                    for place, c in zip(relative, laid)):
            layings.add(tuple(laid))
    return list(layings.pop()) if len(layings) == 1 else None


def _relative_columns(whole: Sequence[tuple[float, ...]], width: int) -> list[float] | None:
    """Each column's place relative to the last, from rows printed whole: None unless they agree (a row's grid
    may be shifted by its label cells, so places count from the row's own total)."""
    relative = [[offset - offsets[-1] for offset in offsets] for offsets in whole]
    columns = [median(r[c] for r in relative) for c in range(width)]
    if not all(b - a >= _MIN_PITCH for a, b in zip(columns, columns[1:])):
        return None
    tolerance = _TOLERANCE * min(b - a for a, b in zip(columns, columns[1:]))
    if any(abs(r[c] - columns[c]) > tolerance for r in relative for c in range(width)):
        return None
    return columns


def _pitch_columns(rows: Sequence[tuple[float, ...]], width: int) -> list[float] | None:
    """Columns of one width, the widest row spanning the first to the last; None unless every gap between two
    figures of a row is a whole number of columns."""
    pitch = max(offsets[-1] - offsets[0] for offsets in rows) / (width - 1)
    if pitch < _MIN_PITCH:
        return None
    for offsets in rows:
        for a, b in zip(offsets, offsets[1:]):
            steps = (b - a) / pitch
            if round(steps) < 1 or abs(steps - round(steps)) > _TOLERANCE:
                return None
    return [-(width - 1 - c) * pitch for c in range(width)]


def spread_under_headers(values: Sequence[str], offsets: tuple[float, ...], headers: Sequence[float]) -> list[str] | None:
    """A row printed short laid under its columns' headers (their places in a header line above it): its values
    with ``""`` in the columns no figure stands under; None when one stands clearly under no header or two under
    one, or the text does not pad its columns."""
    return _spread_under(values, offsets, offsets, headers)


def _spread_under(values: Sequence[str], offsets: tuple[float, ...], places: Sequence[float],
                  headers: Sequence[float]) -> list[str] | None:
    """``values`` (centred at ``offsets``) laid under ``headers`` by their ``places`` (their middles, or their
    starts when the headers' are too)."""
    if len(headers) < 2 or len(offsets) != len(values) or not padded(values, offsets):
        return None
    laid = _lay(tuple(places), headers, 0.0)
    return None if laid is None else under_columns(values, laid, len(headers))


def under_columns(values: Sequence[str], laid: Sequence[int], width: int) -> list[str]:
    """``width`` cells with each value in its laid column and ``""`` (an empty cell) in the others."""
    spread = [""] * width
    for column, value in zip(laid, values):
        spread[column] = value
    return spread


def header_starts(lines: Sequence[Line], labels: Sequence[str]) -> list[float] | None:
    """Where each column's header word starts in layout-kept text (its first line: a piece of two characters or
    more that begins the column's label, ``商业企`` of a header wrapped as ``商业企`` / ``业``); None unless every
    column's is found once and they stand left to right in the order of ``labels``."""
    return _header_places(lines, labels, middles=False)


def header_middles(lines: Sequence[Line], labels: Sequence[str]) -> list[float] | None:
    """``header_starts`` by the header words' middles (a header centred in its cell)."""
    return _header_places(lines, labels, middles=True)


def _header_places(lines: Sequence[Line], labels: Sequence[str], middles: bool) -> list[float] | None:
    keys = [label_key(label) for label in labels]
    found: dict[int, list[float]] = {}
    for line in lines:
        if line.values or not line.offsets:
            continue
        for cell, offset in zip(line.text.split("\t"), line.offsets):
            piece = label_key(cell)
            for column, key in enumerate(keys):
                if len(piece) >= _MIN_HEADER_PIECE and key.startswith(piece):
                    found.setdefault(column, []).append(offset if middles else offset - len(cell) / 2)
    if len(found) != len(keys) or any(len(places) != 1 for places in found.values()):
        return None
    places = [found[column][0] for column in range(len(keys))]
    return places if all(a < b for a, b in zip(places, places[1:])) else None


def spread_under_starts(rows: Mapping[str, RawRow], starts: Sequence[float]) -> dict[str, RawRow]:
    """The rows printed short whose every figure starts where a column's header word does, the last under the
    last column's (``pdftotext -layout`` gives a cell's text the column its header's text has when both start
    at the cell's left edge, but a row whose label cells reach further right, or one on a page printed without
    the header, is shifted: its total stands under no header then), laid under those columns (``""`` an empty
    cell). Nothing is laid when a row printed whole with its total under the last header has a figure under none (the
    header does not give the figures' places)."""
    width = len(starts)
    laid: dict[str, RawRow] = {}
    for key, row in rows.items():
        if not row.values or len(row.offsets) != len(row.values) or len(row.values) > width:
            continue
        columns = _under_starts(row.values, row.offsets, starts)
        if len(row.values) == width:
            if _starts(row.values, row.offsets)[-1] == starts[-1] and columns is None:
                return {}
            continue
        if columns is not None:
            values = [""] * width
            for column, value in zip(columns, row.values):
                values[column] = value
            laid[key] = replace(row, values=values, offsets=())
    return laid


def spread_under_characters(values: Sequence[str], offsets: tuple[float, ...], starts: Sequence[float]) -> list[str] | None:
    """A row laid under column headers printed a character per line (``starts``: where each column's characters
    stand): each figure starts in its header character's column or the next (a CJK character is about two
    figures wide on the page but one character in the text, so a figure centred under it may start one further),
    no two figures under one header; its values with ``""`` in the other columns, None when a figure starts
    under no header or the headers stand too close to tell (less than two characters apart)."""
    if len(offsets) != len(values) or any(b - a < 2 for a, b in zip(starts, starts[1:])):
        return None
    spread = [""] * len(starts)
    last = -1
    for value, start in zip(values, _starts(values, offsets)):
        column = next((c for c, header in enumerate(starts) if 0 <= start - header <= 1), None)
        if column is None or column <= last:
            return None
        spread[column], last = value, column
    return spread


def spread_by_fitted_scale(values: Sequence[str], offsets: tuple[float, ...], columns: Sequence[float]) -> list[str] | None:
    """A row laid under columns whose places (``columns``, e.g. header characters' starts) are counted on another
    scale than its figures' (PyMuPDF's sorted text spaces each line anew: a CJK header character is one character
    of text but two figures wide on the page, and a run of empty cells is spaced a character or so off), by its
    figures' starts (``_fitted``); its values with ``""`` in the other columns, None where no one laying fits."""
    if len(offsets) != len(values):
        return None
    laid = _fitted(_starts(values, offsets), columns)
    return None if laid is None else under_columns(values, laid, len(columns))


def _fitted(places: Sequence[float], columns: Sequence[float]) -> list[int] | None:
    """The column of each place when one laying alone fits: every fit of place = scale × column + shift that
    sends the first and the last place to two columns and every other within a third of a column and
    ``_FITTED_SLACK`` characters of one, in order, lays them alike (a fit through two places alone checks
    nothing: three at least); None otherwise."""
    if len(places) < _MIN_FITTED or len(columns) < len(places):
        return None
    layings = set()
    for first, last in itertools.combinations(range(len(columns)), 2):
        scale = (places[-1] - places[0]) / (columns[last] - columns[first])
        if scale <= 0:
            continue
        shift = places[0] - scale * columns[first]
        laid = _lay(tuple((place - shift) / scale for place in places), columns, 0.0)
        if laid is not None and all(abs(place - scale * columns[c] - shift) <= _FITTED_SLACK
                                    for place, c in zip(places, laid)):
            layings.add(tuple(laid))
    return list(layings.pop()) if len(layings) == 1 else None


def _starts(values: Sequence[str], offsets: Sequence[float]) -> list[float]:
    return [offset - len(value) / 2 for value, offset in zip(values, offsets)]


def _under_starts(values: Sequence[str], offsets: Sequence[float], starts: Sequence[float]) -> list[int] | None:
    """The column of each figure when every one starts exactly where a column header does, the last figure
    under the last column; None otherwise."""
    columns = [starts.index(start) if start in starts else None for start in _starts(values, offsets)]
    if None in columns or columns[-1] != len(starts) - 1:
        return None
    return columns  # type: ignore[return-value]


def spread_by_starts(values: Sequence[str], offsets: tuple[float, ...], headers: Sequence[float]) -> list[str] | None:
    """``spread_under_headers`` by where each figure and each header word starts (``headers``: their first
    characters' places) rather than by their middles: layout text puts a word where its left edge is, but a CJK
    word's characters are about twice a figure's width on the page and one character in the text, so a header
    word's middle in the text is not its middle on the page; a cell's figure and header starting at its left
    edge stand at one place."""
    return _spread_under(values, offsets, _starts(values, offsets), headers)


def padded(values: Sequence[str], offsets: tuple[float, ...]) -> bool:
    """Whether a row's figures stand apart by two spaces or more (text that keeps the page's layout)."""
    ends = [(offset - len(value) / 2, offset + len(value) / 2) for offset, value in zip(offsets, values)]
    return all(start - end >= _PADDING for (_, end), (start, _) in zip(ends, ends[1:]))


def keeps_no_places(values: Sequence[str], offsets: tuple[float, ...]) -> bool:
    """Whether a row's figures stand apart by less than two spaces each (text written with a space between cells,
    or without places at all): where they stand tells nothing of their columns."""
    ends = [(offset - len(value) / 2, offset + len(value) / 2) for offset, value in zip(offsets, values)]
    return all(start - end < _PADDING for (_, end), (start, _) in zip(ends, ends[1:]))


def _lay(offsets: tuple[float, ...], columns: Sequence[float], origin: float) -> list[int] | None:
    """The column of each figure of a row, its place counted from ``origin`` as the columns' are (the row's
    total, or the line's start), or None where one stands clearly under no column or two under one."""
    if len(columns) < 2:
        return None
    laid = []
    for offset in offsets:
        relative = offset - origin
        nearest = min(range(len(columns)), key=lambda c: abs(columns[c] - relative))
        space = min(abs(columns[nearest] - columns[c]) for c in (nearest - 1, nearest + 1) if 0 <= c < len(columns))
        if abs(columns[nearest] - relative) > _TOLERANCE * space or laid and nearest <= laid[-1]:
            return None
        laid.append(nearest)
    return laid
