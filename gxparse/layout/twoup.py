"""Sheets printed 2-up: two portrait pages side by side on one landscape sheet (A3 holding two A4 pages), as
printers' "2 pages per sheet" and booklet printing lay them. Read as one page, the two pages' lines at the same
height join into one line and table 三's two parts sit side by side; each half is a page of its own, left first.

A sheet is 2-up when it is landscape, each half at most as wide as it is tall (a portrait page), a gutter near its
middle that no character and no horizontal rule crosses parts two halves that both hold text, the text of each
half starts at the same margin from the half's left edge, and the two halves' lines mostly stand at heights of
their own. A wide table or prose across the sheet crosses the middle, and a table without rules whose columns
leave the middle clear has its rows on both sides at the same heights: such sheets stay whole. Two pages of
prose at one leading may share their lines' heights and stay whole too, read then as prose in two columns.
"""

from __future__ import annotations

import numpy as np

from gxparse.layout.charlines import CharBoxes
from gxparse.layout.pages import Page, Rule

MIN_GUTTER = 12.0          # points no character or horizontal rule crosses between the two pages
GUTTER_BAND = 0.1          # the gutter lies within this share of the sheet's width either side of its middle
MIN_HALF_CHARS = 8         # characters each half holds (a last page may hold a date line): fewer is a stray mark
MARGIN_SHARE = 0.03        # the two halves' left margins differ by at most this share of the sheet's width
MAX_SHARED_LINES = 0.8     # past this share of lines at one height on both sides, the sheet is one wide table
LINE_SLACK = 2.0           # points within which two lines stand at one height


def split_two_up(pages: list[Page]) -> tuple[list[Page], dict[int, list[int]]]:
    """The pages with every 2-up sheet split in two, numbered anew from 1, and each sheet's number → its pages'."""
    out: list[Page] = []
    numbers: dict[int, list[int]] = {}
    for sheet in pages:
        number = sheet.number   # a sheet that is not 2-up is its own half, renumbered in place
        numbers[number] = []
        for half in _halves(sheet):
            half.number = len(out) + 1
            numbers[number].append(half.number)
            out.append(half)
    return out, numbers


def _halves(sheet: Page) -> list[Page]:
    glyphs = sheet.glyphs
    if not isinstance(glyphs, CharBoxes) or sheet.width / 2 > sheet.height or len(glyphs) < 2 * MIN_HALF_CHARS:
        return [sheet]
    cut = _gutter(sheet, glyphs)
    if cut is None:
        return [sheet]
    on_right = (glyphs.boxes[:, 0] + glyphs.boxes[:, 2]) / 2 >= cut
    if min(int(on_right.sum()), int((~on_right).sum())) < MIN_HALF_CHARS:
        return [sheet]
    # two pages printed alike stand at the same left margin in their halves
    margin = glyphs.boxes[~on_right, 0].min() - glyphs.boxes[on_right, 0].min() + sheet.width / 2
    if abs(margin) > MARGIN_SHARE * sheet.width or _shared_lines(glyphs, on_right) > MAX_SHARED_LINES:
        return [sheet]
    return [_half(sheet, glyphs.without(set(np.flatnonzero(on_right).tolist())), 0.0, cut),
            _half(sheet, glyphs.without(set(np.flatnonzero(~on_right).tolist())), cut, sheet.width)]


def _shared_lines(glyphs: CharBoxes, on_right: np.ndarray) -> float:
    """The share of the fewer side's text lines (their middles, to LINE_SLACK) that the other side has a line at:
    a wide table's rows run across the gutter, two pages' lines fall where their own layouts put them."""
    middles = np.round((glyphs.boxes[:, 1] + glyphs.boxes[:, 3]) / 2 / LINE_SLACK)
    left, right = set(middles[~on_right].tolist()), set(middles[on_right].tolist())
    return len(left & right) / min(len(left), len(right))


def _gutter(sheet: Page, glyphs: CharBoxes) -> float | None:
    """The middle of the widest clear run of x across the sheet's middle band, if it is MIN_GUTTER wide."""
    middle, band = sheet.width / 2, GUTTER_BAND * sheet.width
    spans = [(float(x0), float(x1)) for x0, x1 in glyphs.boxes[:, [0, 2]]]
    spans += [(rule.start, rule.end) for rule in sheet.rules if rule.horizontal]
    low, high = middle - band, middle + band
    edges = sorted((max(a, low), min(b, high)) for a, b in spans if b > low and a < high)
    best: tuple[float, float] | None = None
    reach = low
    for start, end in [*edges, (high, high)]:
        if start - reach >= MIN_GUTTER and (best is None or start - reach > best[1] - best[0]):
            best = (reach, start)
        reach = max(reach, end)
    return None if best is None else (best[0] + best[1]) / 2


def _half(sheet: Page, glyphs: CharBoxes, start: float, end: float) -> Page:
    """The part of the sheet from x ``start`` to ``end`` as a page of its own, its left edge at 0."""
    boxes = glyphs.boxes - np.array([start, 0.0, start, 0.0])
    rules = [_shifted(rule, start) for rule in sheet.rules
             if (start <= rule.start and rule.end <= end if rule.horizontal else start <= rule.pos < end)]
    return Page(sheet.number, end - start, sheet.height, CharBoxes(glyphs.text, boxes, glyphs.spaced), rules,
                sheet.unit, sheet.reread)


def _shifted(rule: Rule, by: float) -> Rule:
    if rule.horizontal:
        return Rule(True, rule.pos, rule.start - by, rule.end - by)
    return Rule(False, rule.pos - by, rule.start, rule.end)
