"""Sheets printed 2-up: two portrait pages side by side on one landscape sheet (A3 holding two A4 pages), as
printers' "2 pages per sheet" and booklet printing lay them. Read as one page, the two pages' lines at the same
height join into one line and table 三's two parts sit side by side; each half is a page of its own, left first.

A sheet is 2-up when it is landscape, each half at most as wide as it is tall (a portrait page), a gutter near its
middle that no character and no horizontal rule crosses parts two halves that both hold text, and the text of each
half stands at the same margins from the half's edges. A wide table or prose across the sheet crosses the
middle, and a table without rules whose columns leave the middle clear has its two parts at other margins:
such sheets stay whole.
"""

from __future__ import annotations

import numpy as np

from gxparse.layout.charlines import CharBoxes
from gxparse.layout.pages import Page, Rule

MIN_GUTTER = 12.0          # points no character or horizontal rule crosses between the two pages
GUTTER_BAND = 0.1          # the gutter lies within this share of the sheet's width either side of its middle
MIN_HALF_CHARS = 20        # characters each half holds: fewer is a sheet with one page and a stray mark
MARGIN_SHARE = 0.03        # the two halves' left and right margins each differ by at most this share of the sheet's width


def split_two_up(pages: list[Page]) -> tuple[list[Page], dict[int, list[int]]]:
    """The pages with every 2-up sheet split in two, numbered anew from 1, and each sheet's number → its pages'."""
    out: list[Page] = []
    numbers: dict[int, list[int]] = {}
    for sheet in pages:
        halves = _halves(sheet)
        numbers[sheet.number] = []
        for half in halves:
            half.number = len(out) + 1
            numbers[sheet.number].append(half.number)
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
    # two pages printed alike stand at the same margins in their halves; a wide table's columns do not
    half = sheet.width / 2
    left = glyphs.boxes[~on_right, 0].min() - glyphs.boxes[on_right, 0].min() + half
    right = glyphs.boxes[~on_right, 2].max() - glyphs.boxes[on_right, 2].max() + half
    if max(abs(left), abs(right)) > MARGIN_SHARE * sheet.width:
        return [sheet]
    return [_half(sheet, glyphs.without(set(np.flatnonzero(on_right).tolist())), 0.0, cut),
            _half(sheet, glyphs.without(set(np.flatnonzero(~on_right).tolist())), cut, sheet.width)]


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
