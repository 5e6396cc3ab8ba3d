"""A row of figures laid under column headers spread over several lines, each line spaced on its own scale.

PyMuPDF's sorted text spaces each line anew: a line's characters stand at their distance from the left edge
divided by that line's own character width, so a header wrapped over several lines (结果 / 维持 over one column,
尚未审结 / 总计 on a line of their own) puts its columns' words at places that no one scale from header to
figures fits, though each line is a scale of the page's places from one edge, and so is the figures' line.
Each laying of the figures under the columns (in order) is tried: it is workable when, for every header line,
the figures under that line's columns stand at one multiple of their words' places (within ``_SLACK``
characters), and the lines' multiples differ by no more than ``_DRIFT`` (their character widths are of one
type size). The row is laid only when exactly one laying is workable.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

_SLACK = 1.5          # characters a figure may stand from where its header line's scale puts it
_DRIFT = 0.1          # how much two header lines' scales may differ
_MAX_LAYINGS = 7000   # layings tried at most (15 columns, 7 figures: 6435)
_MAX_LINES = 8        # header lines at most: a header is a few lines, each laying is checked on every one


def spread_by_line_scales(values: Sequence[str], places: Sequence[float],
                          header_lines: Sequence[Sequence[tuple[int, float]]], width: int) -> list[str] | None:
    """``values`` (at ``places``, their middles) laid under ``width`` columns whose header words stand on
    ``header_lines`` (each a line's words as (column, middle)): the values with ``""`` in the other columns, or
    None where no laying, or more than one, is workable (or too many are to try)."""
    if len(values) != len(places) or not 0 < len(values) <= width or len(header_lines) > _MAX_LINES \
            or math.comb(width, len(values)) > _MAX_LAYINGS:
        return None
    workable = [laid for laid in itertools.combinations(range(width), len(values))
                if _fits(laid, places, header_lines)]
    if len(workable) != 1:
        return None
    spread = [""] * width
    for column, value in zip(workable[0], values):
        spread[column] = value
    return spread


def _fits(laid: Sequence[int], places: Sequence[float], header_lines: Sequence[Sequence[tuple[int, float]]]) -> bool:
    """Whether each header line puts the figures under its columns at one multiple of its words' places, and
    the lines' multiples agree within ``_DRIFT``; a figure under no header word fits nowhere."""
    scales = []
    under = set()
    for line in header_lines:
        header = dict(line)
        pairs = [(header[column], place) for column, place in zip(laid, places) if column in header]
        if not pairs:
            continue
        word, figure = pairs[-1]
        if word <= 0 or figure <= 0:
            return False
        scale = figure / word
        if any(abs(scale * w - f) > _SLACK for w, f in pairs):
            return False
        scales.append(scale)
        under |= {column for column in laid if column in header}
    return under == set(laid) and max(scales) <= (1 + _DRIFT) * min(scales)
