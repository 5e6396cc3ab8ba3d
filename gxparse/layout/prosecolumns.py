"""Prose set in columns side by side, read column by column instead of across the page.

Two columns of justified prose leave a gutter: an x-band near the middle of the text that no glyph of their
lines crosses, with the lines on each side filled almost edge to edge. In the longest run of printed lines
that keeps such a gutter clear, the left column's lines are read before the right's. A table printed without
rules leaves gaps between its columns too, but its cells are short: a side is prose only when most of its lines
fill it. A title or a paragraph across the page above or below the columns crosses the gutter and ends the run;
a short line under both columns is after them when a gap wider than the columns' line pitch sets it off.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

import numpy as np


class Box(Protocol):
    x0: float
    x1: float
    y0: float
    y1: float


G = TypeVar("G", bound=Box)

_MIDDLE = (0.3, 0.7)   # of the text's width: where a gutter between two columns lies
_MIN_LINES = 6         # filled lines on each side before a gutter parts two columns of prose
_FILLED = 0.8          # of its column's width: a justified prose line covers this much
_PROSE_SHARE = 0.6     # of a side's lines: the share that must be filled
_BINS = 200            # x-positions looked at across the middle of the text for a gutter


def gutter(boxes: np.ndarray) -> tuple[float, float] | None:
    """Where a gutter may part the characters (rows of x0, y0, x1, y1) into two columns: the widest run of
    x-positions across the middle of the text covered by the fewest characters, when that is at most half as many
    as cover a typical x (a title or a line across the page still covers it). Its middle and a quarter of its
    width (the half-width of the band there that a line across the page reaches into), or None."""
    if len(boxes) < 2 * _MIN_LINES:
        return None
    left, right = float(boxes[:, 0].min()), float(boxes[:, 2].max())
    if right <= left:
        return None
    edges = np.linspace(left, right, _BINS + 1)
    first = np.clip(np.searchsorted(edges, boxes[:, 0], side="right") - 1, 0, _BINS - 1)   # bin of x0
    last = np.clip(np.searchsorted(edges, boxes[:, 2], side="left") - 1, first, _BINS - 1)  # bin of x1
    change = np.zeros(_BINS + 1, dtype=np.int64)
    np.add.at(change, first, 1)
    np.add.at(change, last + 1, -1)
    coverage = np.cumsum(change)[:_BINS]
    low, high = int(_MIDDLE[0] * _BINS), int(_MIDDLE[1] * _BINS)
    middle = coverage[low:high]
    if middle.min() * 2 > np.median(coverage):
        return None
    fewest = np.flatnonzero(middle == middle.min())
    runs = np.split(fewest, np.flatnonzero(np.diff(fewest) > 1) + 1)
    widest = max(runs, key=len)
    x0, x1 = edges[low + widest[0]], edges[low + widest[-1] + 1]
    return (x0 + x1) / 2, (x1 - x0) / 4


def column_lines(lines: Sequence[list[G]], x: float, half: float) -> list[list[G]] | None:
    """``lines`` (printed lines top to bottom, glyphs left to right) in reading order when a run of them is two
    columns of prose parted by a gutter at ``x`` (a band ``half`` either side that no glyph of theirs reaches
    into): the lines before the run, its left column's lines, its right column's, the lines after. None when no
    run of lines is."""
    start, end = _longest_clear_run(lines, x - half, x + half)
    if end - start < 2 * _MIN_LINES:
        return None
    end = _columns_end(lines, start, end, x)
    run = lines[start:end]
    lefts = [[g for g in line if (g.x0 + g.x1) / 2 < x] for line in run]
    rights = [[g for g in line if (g.x0 + g.x1) / 2 >= x] for line in run]
    if not (_prose(lefts) and _prose(rights)):
        return None
    return [*lines[:start], *[ln for ln in lefts if ln], *[ln for ln in rights if ln], *lines[end:]]


def _longest_clear_run(lines: Sequence[list[G]], low: float, high: float) -> tuple[int, int]:
    """The longest run of consecutive lines no glyph of which reaches into [low, high]: its start and end
    (exclusive)."""
    best = (0, 0)
    start = 0
    for n, line in enumerate(lines):
        if any(g.x0 < high and g.x1 > low for g in line):
            start = n + 1
        elif n + 1 - start > best[1] - best[0]:
            best = (start, n + 1)
    return best


def _columns_end(lines: Sequence[list[G]], start: int, end: int, x: float) -> int:
    """Where the columns end in a run of lines clear of the gutter at ``x``: a short line under both columns (a
    heading) keeps the gutter clear too. After the right column's last line the left column goes on only at its
    own line pitch; a wider gap is the space before what follows the columns."""
    tops = [min(g.y0 for g in line) for line in lines]
    sided = [n for n in range(start, end) if any((g.x0 + g.x1) / 2 >= x for g in lines[n])]
    if not sided:
        return end
    pitches = sorted(b - a for a, b in zip(tops[start:sided[-1]], tops[start + 1:sided[-1] + 1]) if b > a)
    pitch = 2 * pitches[len(pitches) // 2] if pitches else 0.0   # two lines of the columns, offset baselines
    stop = sided[-1] + 1
    while stop < end and tops[stop] - tops[stop - 1] <= pitch:
        stop += 1
    return stop


def _prose(side: list[list[G]]) -> bool:
    """Whether most of a column's lines fill its width, as justified prose does (a table's cells are short)."""
    printed = [line for line in side if line]
    if not printed:
        return False
    edge, far = min(line[0].x0 for line in printed), max(line[-1].x1 for line in printed)
    filled = sum(line[-1].x1 - line[0].x0 >= _FILLED * (far - edge) for line in printed)
    return filled >= _MIN_LINES and filled >= _PROSE_SHARE * len(printed)
