"""The ruling lines of a scanned page, found to be painted out before recognition.

A rule is a long straight run of ink over a pair of pixel rows (a thin line prints grey across two). The
strokes of large characters are straight runs too: at 150 dpi the 丨 of a 16 pt character is as long as a
short rule between two merged cells, the 一 of a 30 pt title as long as a narrow cell's rule. Painted out, they
leave a title or the prose unreadable (潢川县 → 潢儿县, 情况 → 青况). So a run is a rule only when it is thin
(a bold title's stroke is thicker) and belongs to a lattice: a vertical run reaches or crosses a horizontal
one, or is longer than any character; a horizontal run meets a vertical rule, or is longer than any character.
"""

from __future__ import annotations

import numpy as np

from gxparse.layout.pages import Rule

# A thin rule prints grey over two pixel rows (a grey 0.5 pt grid at 150 dpi: 241 and 209 on white paper), so a
# line's ink is measured over a pair of rows: together at least this much darker than the paper.
_RULE_DARKNESS = 40
_ROW_DARKNESS = 12        # a row of a pair the line lies in, when it is painted out
_MIN_RULE_H = 0.30        # inches: a horizontal run this long may be a rule
_MIN_RULE_V = 0.18        # inches: vertical rules between two merged cells can be one short row tall
_MAX_RULE = 0.035         # inches: a rule is thinner than this (2.5 pt); a thicker run is a character's stroke
LONG_RULE = 0.75          # inches: a run this long is a rule even outside a lattice (no character is so big)
_SIDES = 2                # a rule of a lattice meets two rules across it (a cell's top and bottom, or sides)
_MEET = 0.03              # inches: how far apart the end of a run and the rule it meets may be found

Run = tuple[int, int, int]   # (row, start, end) of a run along the rows of an image


def ink_runs(dark: np.ndarray, min_length: int) -> list[Run]:
    """(row, start, end) of every run of ink at least ``min_length`` long in each row."""
    padded = np.zeros((dark.shape[0], dark.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = dark
    edges = np.diff(padded, axis=1)
    rows_s, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)
    keep = ends - starts >= min_length
    return list(zip(rows_s[keep].tolist(), starts[keep].tolist(), ends[keep].tolist()))


def _darkness(gray: np.ndarray) -> np.ndarray:
    """How much darker than the paper each pixel is (the paper: the page's lightest tenth, so a scan of
    yellowed or grey paper is measured against its own white)."""
    paper = int(np.percentile(gray, 90))
    return np.clip(paper - gray.astype(np.int16), 0, None)


def _line_ink(dark: np.ndarray) -> np.ndarray:
    """Where a line along the rows may run: each pixel taken with the one below it (a thin line printed
    between two pixel rows is grey in both), their darkness summed."""
    return dark + np.vstack((dark[1:], dark[-1:])) >= _RULE_DARKNESS


def _thin(runs: list[Run], dark: np.ndarray, dpi: float) -> list[Run]:
    """The runs no thicker than ``_MAX_RULE``: counted in the rows at least half as dark as the line itself
    along most of the run, so that a rule bordering a shaded row is thin and the shaded row is no line."""
    limit = max(3, round(_MAX_RULE * dpi))
    height = dark.shape[0]
    kept = []
    for y, x0, x1 in runs:
        pair = dark[y:y + 2, x0:x1]
        level = max(_ROW_DARKNESS, float(np.median(pair.max(axis=0))) / 2)

        def inked(row: int) -> bool:
            return 0 <= row < height and (dark[row, x0:x1] >= level).mean() > 0.5

        up = next((n for n in range(1, limit + 2) if not inked(y - n)), limit + 2) - 1
        down = next((n for n in range(2, limit + 3) if not inked(y + n)), limit + 3) - 2
        if up + down + sum(map(inked, (y, y + 1))) <= limit:
            kept.append((y, x0, x1))
    return kept


def _meeting(runs: list[Run], across: list[Run], tol: int) -> np.ndarray:
    """How many lines of ``across`` (runs of the other direction, in transposed coordinates: ``across``'s row
    is a position along ``runs``, and the other way round) each of ``runs`` reaches or crosses; the runs of
    one line (a line is found on two or three pairs of pixel rows) count once."""
    if not runs or not across:
        return np.zeros(len(runs), dtype=int)
    pos, start, end = (np.array(v)[:, None] for v in zip(*runs))
    a_pos, a_start, a_end = (np.array(v)[None, :] for v in zip(*across))
    beside = (a_start - tol <= pos) & (pos <= a_end + tol)     # the other line spans this run's line
    reached = (start - tol <= a_pos) & (a_pos <= end + tol)    # and lies within this run's length
    counts = []
    for met in beside & reached:
        at = np.sort(a_pos[0, met])
        counts.append(int(at.size and 1 + (np.diff(at) > tol).sum()))
    return np.array(counts)


def _lattice(horizontal: list[Run], vertical: list[Run], dpi: float) -> tuple[list[Run], list[Run]]:
    """The runs of the table lattices (and those longer than any character): verticals that meet two
    horizontals longer than any character (a cell is ruled above and below, a table's rows across it; the
    stroke of a character touches one rule at most, the strokes of a bold title only each other), then
    horizontals that meet two verticals so kept (a cell's sides)."""
    tol, alone = max(2, round(_MEET * dpi)), LONG_RULE * dpi
    long_h = [run for run in horizontal if run[2] - run[1] >= alone]
    v_kept = [run for run, meets in zip(vertical, _meeting(vertical, long_h, tol))
              if meets >= _SIDES or run[2] - run[1] >= alone]
    h_kept = [run for run, meets in zip(horizontal, _meeting(horizontal, v_kept, tol))
              if meets >= _SIDES or run[2] - run[1] >= alone]
    return h_kept, v_kept


def _paint_out(cleaned: np.ndarray, dark: np.ndarray, runs: list[Run]) -> None:
    """Whitens the lines of ``runs`` (found on pairs of rows: a run at y stands for rows y and y + 1) in
    ``cleaned``, only in the rows where the line itself lies: a character touching a rule keeps its ink."""
    for y, x0, x1 in runs:
        for row in range(y, min(y + 2, dark.shape[0])):
            if (dark[row, x0:x1] >= _ROW_DARKNESS).mean() > 0.5:
                cleaned[row, x0:x1] = 255


def find_rules(gray: np.ndarray, dpi: float) -> tuple[list[Rule], np.ndarray]:
    """The ruling lines of an image and the image with them painted white."""
    dark = _darkness(gray)
    ink, ink_t = _line_ink(dark), _line_ink(dark.T)
    horizontal = _thin(ink_runs(ink, int(_MIN_RULE_H * dpi)), dark, dpi)
    vertical = _thin(ink_runs(ink_t, int(_MIN_RULE_V * dpi)), dark.T, dpi)
    horizontal, vertical = _lattice(horizontal, vertical, dpi)
    cleaned = gray.copy()
    _paint_out(cleaned, dark, horizontal)
    _paint_out(cleaned.T, dark.T, vertical)
    rules = [Rule(True, float(y), float(x0), float(x1)) for y, x0, x1 in horizontal]
    rules += [Rule(False, float(x), float(y0), float(y1)) for x, y0, y1 in vertical]
    return rules, cleaned
