"""Whether the column-header pieces a cell stream prints among its figures contradict reading it in order.

A cell stream is read in the tool's order on the assumption that the tool writes a table's cells row by row,
left to right. Where pieces of the column headers stand among the figures (pdfminer.six's detect_vertical writes
header words printed a character per line as boxes of their own: ``审 结`` / ``0`` / ``纠 正`` / ``0``), they show
the order the tool wrote the columns in. Read in order, a piece naming column ``c`` followed by ``k`` figures and
then a piece naming column ``c'`` puts ``c'`` exactly ``k`` columns after ``c`` (whether each piece stands above
or below its figure). Where it does not, the stream is not in the table's order, and its order is no evidence of
any cell's place.

A piece names a column only where its words are part of that column's header words and of no other's (``结 果``
is part of three, so it names none); only a piece with a figure on the line before and after it is taken to stand
by its own figure (a header row written whole stands apart from the figures).
"""

from __future__ import annotations

from collections.abc import Sequence

from gxparse.document import Line
from gxparse.normalize import label_key

_MIN_PIECE = 2   # characters: a single character is part of too many headers to name one


def _named_column(label: str, keys: Sequence[str]) -> int | None:
    """The one column whose header words hold the piece ``label``, else None."""
    piece = label_key(label)
    if len(piece) < _MIN_PIECE:
        return None
    holding = [n for n, key in enumerate(keys) if piece in key]
    return holding[0] if len(holding) == 1 else None


def headers_against_order(lines: Sequence[Line], headers: Sequence[str]) -> bool:
    """Whether two header pieces standing alone among the stream's figures (a figure on the line before and after
    each) are a number of figures apart that reading in order cannot give: ``headers`` are one row's column
    header words in order, repeated cyclically (a block's). Pieces next to other words say nothing: a header row
    written whole stands apart from its figures."""
    keys = [label_key(h) for h in headers]
    previous: int | None = None   # the column the last lone piece named
    figures = 0                   # figures since that piece
    for before, line, after in zip(lines, lines[1:], lines[2:]):
        column = _named_column(line.label, keys) if line.label and not line.values else None
        if column is not None and before.values and after.values:
            if previous is not None and (column - previous) % len(keys) != figures % len(keys):
                return True
            previous, figures = column, 0
        figures += len(line.values)
    return False
