"""Table 四 written a text box at a time with its blocks' figures interleaved.

poppler's ``pdftotext`` (without ``-layout``) writes a ruled table 四 as text boxes whose order follows the
header's boxes, not the row: the first columns of 行政复议, then those of 复议后起诉, then 行政复议's 总计, then
the whole of 未经复议直接起诉, then 复议后起诉's 总计 (``72 64 178 37 / 12 1 1 6 / 351 / 13 4 8 1 26 / 20``, 淮安
2024). Each block's figures still come left to right, so the stream is three subsequences, one per block, each
in column order, and each block's 总计 is the sum of its four results. That splits the stream; which block is
which the sums cannot tell (they are alike), so only totals the prose states (``行政复议351件``) name a block.
Every split and naming keeping all that is enumerated (bounded); a cell is read only where all agree.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

_BLOCKS = 3
_WIDTH = 5
_MAX_SPLITS = 10_000   # splits of the stream that keep every block's sum: past it nothing is read (bounded time)


@dataclass(frozen=True)
class StatedSum:
    """Cells of table 四 (indices block-major, 0–14) whose sum the prose states."""

    cells: tuple[int, ...]
    value: int


def _adds_up(values: Sequence[int]) -> bool:
    return sum(values[:-1]) == values[-1]


def _splits(figures: Sequence[int]) -> Iterator[tuple[tuple[int, ...], ...]] | None:
    """Every way to cut the stream's positions into three subsequences of five, each adding up (the subsequence
    holding the first position left first); None when there are more than ``_MAX_SPLITS``."""
    found: list[tuple[tuple[int, ...], ...]] = []

    def walk(left: tuple[int, ...], taken: tuple[tuple[int, ...], ...]) -> bool:
        if not left:
            found.append(taken)
            return len(found) <= _MAX_SPLITS
        first, rest = left[0], left[1:]
        for others in itertools.combinations(rest, _WIDTH - 1):
            block = (first, *others)
            if _adds_up([figures[p] for p in block]) and not walk(
                    tuple(p for p in rest if p not in others), (*taken, block)):
                return False
        return True

    return iter(found) if walk(tuple(range(len(figures))), ()) else None


def interleaved_readings(figures: Sequence[int], stated: Sequence[StatedSum]) -> list[tuple[int, ...]] | None:
    """Table 四's 15 cells (block-major) under every split of ``figures`` (the stream's, in its order) into
    blocks that add up and every naming of them as the template's blocks that keeps the ``stated`` sums; None
    when the stream is not 15 figures or the splits are too many to try."""
    if len(figures) != _BLOCKS * _WIDTH:
        return None
    splits = _splits(figures)
    if splits is None:
        return None
    readings: set[tuple[int, ...]] = set()
    for split in splits:
        for order in itertools.permutations(split):
            cells = tuple(figures[p] for block in order for p in block)
            if all(sum(cells[c] for c in s.cells) == s.value for s in stated):
                readings.add(cells)
    return sorted(readings)

