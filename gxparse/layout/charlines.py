"""A PDF page's characters as columns, and its printed lines read from them all at once.

``pages`` groups glyphs into printed lines one at a time: in order of their vertical centres, a glyph joins
the line being built when its centre is within half a height of the line's mean centre, else it starts the
next line. That is a Python step per character, and a text layer has thousands a page. Most of those steps
are foregone conclusions: where the next centre lies more than half the tallest character above the
previous one, it starts a line whatever came before, and a run of centres between two such jumps that is
narrower than half its first character's height is one line. So the page is cut at the jumps with numpy,
only the runs that are not that narrow are grouped one at a time (exactly as ``pages`` does), and the gaps,
spaces and cells of every line are then worked out together. The lines are the same as ``pages`` reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

_ROUNDING = 2.0 ** -53   # relative rounding of one float operation
CELL_GAP = 1.8           # a gap wider than this many character heights cuts a line into cells
SPACE_GAP = 0.3          # a gap wider than this many heights between latin letters or digits is a space


@dataclass(frozen=True)
class CharBoxes:
    """Characters of a page: ``text[i]`` is one character and ``boxes[i]`` its x0, y0, x1, y1 (top-down,
    page units; float64 of shape ``(len(text), 4)``)."""

    text: str
    boxes: np.ndarray
    # whether the text layer has a space right before each character: a space printed between figures
    # ("0 0 0") can be narrower than the gap that makes one (fonts set the space at 0.25–0.3 em)
    spaced: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.text)

    def without(self, indices: set[int]) -> CharBoxes:
        keep = np.ones(len(self.text), dtype=bool)
        keep[list(indices)] = False
        return CharBoxes(_text(_codes(self.text)[keep]), self.boxes[keep],
                         None if self.spaced is None else self.spaced[keep])


class PrintedLine(NamedTuple):
    """A printed line outside the tables: its extent, its text, and its cells (cut at wide gaps)."""

    top: float
    bottom: float
    text: str
    cells: list[str]


def _codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _text(codes: np.ndarray) -> str:
    return codes.tobytes().decode("utf-32-le", "surrogatepass")


def _latin(codes: np.ndarray) -> np.ndarray:
    """Which characters are ASCII letters or digits (``str.isascii() and str.isalnum()``)."""
    return (((codes >= 48) & (codes <= 57)) | ((codes >= 65) & (codes <= 90))
            | ((codes >= 97) & (codes <= 122)))


def printed_lines(chars: CharBoxes, unit: float) -> list[PrintedLine] | None:
    """The page's printed lines, top to bottom, each left to right, as ``pages`` reads them from glyphs;
    None for coordinates that are not finite numbers (``pages`` then reads the glyphs itself).

    Why a jump starts a line and a narrow run is one line: the mean of a line's centres so far lies
    between its first centre and the latest one, and the height that decides is at most the tallest one
    and at least the line's first. ``margin`` covers the rounding of the running sum (at most ``n``
    roundings of values no larger than the largest centre).
    """
    n = len(chars)
    if n == 0:
        return []
    x0, y0, _, y1 = chars.boxes.T
    sums = y0 + y1
    heights = y1 - y0
    if not (np.isfinite(chars.boxes).all() and np.isfinite(sums).all() and np.isfinite(heights).all()):
        return None
    order = np.argsort(sums, kind="stable")   # the order of pages._text_lines: stable, by y0 + y1
    centres = sums[order] / 2
    heights = heights[order]
    margin = 8 * (n + 2) * _ROUNDING * (float(np.abs(centres).max()) + 1.0)
    jumps = np.concatenate(([0], np.flatnonzero(np.diff(centres) > 0.5 * heights.max() + margin) + 1, [n]))
    wide = centres[jumps[1:] - 1] - centres[jumps[:-1]] > 0.5 * heights[jumps[:-1]] - margin
    starts = jumps[:-1].tolist()
    if wide.any():
        c, h = centres.tolist(), heights.tolist()
        for i in np.flatnonzero(wide).tolist():
            starts += _group(c, h, int(jumps[i]), int(jumps[i + 1]))[1:]
        starts.sort()
    bounds = np.array([*starts, n])
    line_of = np.repeat(np.arange(len(starts)), np.diff(bounds))
    shown = order[np.lexsort((x0[order], line_of))]   # line by line, left to right (stable, as sorted())
    return _read_lines(chars, shown, line_of, bounds, unit)


def _group(centres: list[float], heights: list[float], start: int, end: int) -> list[int]:
    """Where lines start among the characters ``start:end`` (in order of centre, ``start`` starting one):
    ``pages._text_lines``'s grouping, one character at a time."""
    starts = [start]
    centre = total = centres[start]
    count = 1
    line_height = heights[start]
    for k in range(start + 1, end):
        cy, height = centres[k], heights[k]
        if abs(cy - centre) <= 0.5 * max(height, line_height):
            total += cy
            count += 1
            centre = total / count
        else:
            starts.append(k)
            centre = total = cy
            count = 1
            line_height = height
    return starts


def _read_lines(chars: CharBoxes, shown: np.ndarray, line_of: np.ndarray, bounds: np.ndarray,
                unit: float) -> list[PrintedLine]:
    """Each line's extent, text and cells, from the characters in reading order (``shown``) with the line
    each belongs to and where each line starts; as ``pages._segments`` reads one line."""
    x0, y0, x1, y1 = chars.boxes[shown].T
    heights = y1 - y0
    firsts = bounds[:-1]
    tops, bottoms = np.minimum.reduceat(y0, firsts), np.maximum.reduceat(y1, firsts)
    wide = CELL_GAP * np.maximum.reduceat(heights, firsts)
    gaps = x0[1:] - x1[:-1]                        # gaps[k - 1] is the gap before character k
    same = line_of[1:] == line_of[:-1]             # a line's characters are together in both orders
    cut = same & (gaps > wide[line_of[1:]])
    codes = _codes(chars.text)[shown]
    latin = _latin(codes)
    space = (same & ~cut & latin[:-1] & latin[1:]
             & (gaps > SPACE_GAP * np.maximum(np.maximum(heights[:-1], heights[1:]), unit)))
    if chars.spaced is not None:   # a printed space next to a latin letter or digit: "数量 0 0 0"
        spaced = chars.spaced[shown]
        space |= same & ~cut & spaced[1:] & (gaps > 0) & (latin[:-1] | latin[1:])
    text = _text(codes)
    breaks = (np.flatnonzero(cut | space) + 1).tolist()   # few: a cut or a space goes before each
    is_cut = cut.tolist()
    out = []
    b = 0
    for start, end, top, bottom in zip(firsts.tolist(), bounds[1:].tolist(), tops.tolist(), bottoms.tolist()):
        cells: list[str] = []
        parts: list[str] = []
        at = start
        while b < len(breaks) and breaks[b] < end:
            k = breaks[b]
            parts.append(text[at:k])
            if is_cut[k - 1]:
                cells.append("".join(parts))
                parts = []
            else:
                parts.append(" ")
            at = k
            b += 1
        parts.append(text[at:end])
        cells.append("".join(parts))
        out.append(PrintedLine(top, bottom, text[start:end], cells))
    return out
