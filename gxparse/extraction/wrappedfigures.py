"""Figures that a narrow column wraps a digit a line, put back together.

``pdftotext -layout`` keeps a table's columns by spaces; where a printed column is too narrow for a two-digit
figure, the cell wraps it and the text shows the figure's first digit on the row's line and the next digit on
the line under it, in the same place (``1 5 1 0 2`` over ``8   4``: 18 5 1 0 24). A line of digits alone
continues the figures of the line above only where each of its digits stands under exactly one of them; where
a digit stands between two figures, which it continues is not known and nothing is joined. The caller decides
by the table's arithmetic whether the joined row is the table's.

Text that keeps no places (cells apart by single spaces) shows the tails of the wrapped figures on the line under
the row's, in order, and nothing says which figures they continue: ``tail_readings`` gives every way, for the
row's own sums to decide. PyMuPDF's sorted text spaces each line on a scale of its own, so a wrapped digit drifts
a character or two from the figure it continues (``1`` at 42, its ``7`` at 44): ``drifted_readings`` gives every
way that writes each digit on to a figure within a column of it, for the sums to decide.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import replace
from math import comb
from statistics import median

from gxparse.document import Line

_REACH = 1.5   # characters: how far a wrapped digit may stand from the middle of the figure it continues
_MAX_TAIL_READINGS = 256   # ways of writing tails on to heads: more is a line no row's sums can decide
_DRIFT_REACH = 1.0   # columns (the line's median space between figures): how far a wrapped digit may stand from
                     # its figure where the tool spaces each line on a scale of its own


def wrapped_digits(line: Line, below: Line) -> list[str] | None:
    """``line``'s figures with the digits of ``below`` written on to the figures they stand under, or None
    where ``below`` is no line of such digits (a label, a figure standing under none or two of them, two
    digits under one figure)."""
    tops, bottoms = line.value_offsets, below.value_offsets
    if below.label or not below.values or len(tops) != len(line.values) or len(bottoms) != len(below.values):
        return None
    out = list(line.values)
    continued: set[int] = set()
    for digit, at in zip(below.values, bottoms):
        near = [n for n, top in enumerate(tops) if abs(top - at) <= _REACH]
        if not digit.isdigit() or len(near) != 1 or near[0] in continued or not out[near[0]].isdigit():
            return None
        continued.add(near[0])
        out[near[0]] += digit
    return out


def unwrapped_lines(lines: Sequence[Line]) -> list[Line]:
    """The lines with each line of wrapped digits written on to the line of figures above it (new lines: the
    document's are not changed)."""
    out: list[Line] = []
    for line in lines:
        joined = wrapped_digits(out[-1], line) if out and out[-1].values else None
        if joined is None:
            out.append(line)
        else:
            out[-1] = replace(out[-1], values=joined, text="\t".join([out[-1].label, *joined] if out[-1].label
                                                                     else joined), offsets=())
    return out


def drifted_readings(line: Line, below: Line) -> list[list[str]] | None:
    """Every way of writing the digits of ``below`` on to ``line``'s figures in order, each on to a figure that
    stands within ``_DRIFT_REACH`` of the line's median space between figures of it and begins with a digit other
    than 0; [] where ``below`` is no line of digits alone or no way is, None where there are more ways than
    ``_MAX_TAIL_READINGS``."""
    tops, bottoms = line.value_offsets, below.value_offsets
    if (below.label or not below.values or not all(digit.isdigit() for digit in below.values)
            or len(tops) != len(line.values) or len(tops) < 2 or len(bottoms) != len(below.values)):
        return []
    reach = _DRIFT_REACH * median(b - a for a, b in zip(tops, tops[1:]))
    near = [[n for n, top in enumerate(tops) if abs(top - at) <= reach and line.values[n].isdigit()
             and line.values[n][0] != "0"] for at in bottoms]
    if math.prod(len(options) for options in near) > _MAX_TAIL_READINGS:
        return None
    readings = []
    for chosen in itertools.product(*near):
        if all(a < b for a, b in zip(chosen, chosen[1:])):
            out = list(line.values)
            for n, digit in zip(chosen, below.values):
                out[n] += digit
            readings.append(out)
    return readings


def tail_readings(heads: Sequence[str], tails: Sequence[str]) -> list[list[str]] | None:
    """Every way of writing ``tails`` (a line of digits under a row, left to right) on to as many of the row's
    figures ``heads``, in order: a figure continued begins with a digit other than 0 (no count is printed 05).
    [] where no way is (tails not digits, too few figures to continue); None where there are more ways than
    ``_MAX_TAIL_READINGS``, too many to weigh."""
    starts = [n for n, head in enumerate(heads) if head.isdigit() and head[0] != "0"]
    if not tails or not all(tail.isdigit() for tail in tails) or len(tails) > len(starts):
        return []
    if comb(len(starts), len(tails)) > _MAX_TAIL_READINGS:
        return None
    readings = []
    for chosen in itertools.combinations(starts, len(tails)):
        out = list(heads)
        for n, tail in zip(chosen, tails):
            out[n] += tail
        readings.append(out)
    return readings
