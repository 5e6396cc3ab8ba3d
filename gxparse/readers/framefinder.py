"""Which page frame a point of a positioned web page is in (``readers/positioned.py``): a page element's own frame
by a look-up, a frame drawn on the canvas among the frames across the point's height only, found by bisection,
not by testing every frame for every character (1,000 frames over 1,000,000 characters were 10⁹ tests).

The frame found is the first of the list that holds the point, as a scan of the whole list finds it. Bounded: the
frames tested for all the points of one document count against ``MAX_FRAME_TESTS``; past it
``FrameBudgetExceeded`` is raised (the page is read as it flows): only frames overlapping each other make a band
hold more than one or two."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Protocol

# frames tested for one document's characters: pages stacked on the canvas give one a character (2,000,000 at
# most); frames drawn over each other are an attack (~1 s a 5,000,000 tests)
MAX_FRAME_TESTS = 20_000_000


class FrameBudgetExceeded(Exception):
    """More than ``MAX_FRAME_TESTS`` frames tested: the page's frames are not worked out."""


class Frame(Protocol):
    key: object | None   # the page element, None: a frame drawn on the canvas
    x: float
    y: float
    width: float
    height: float


class FrameFinder:
    """The frames of a page, the canvas's banded by the heights where one begins or ends."""

    def __init__(self, frames: Sequence[Frame]) -> None:
        self.frames = frames
        self.by_key: dict[object, int] = {}
        canvas = []
        for order, frame in enumerate(frames):
            if frame.key is None:
                canvas.append(order)
            else:
                self.by_key.setdefault(frame.key, order)
        self.edges = sorted({frames[i].y for i in canvas} | {frames[i].y + frames[i].height for i in canvas})
        # band k runs from edges[k] to edges[k + 1]: the frames across it, in the list's order
        self.bands: list[list[int]] = [[] for _ in self.edges]
        for order in canvas:
            frame = frames[order]
            first = bisect_left(self.edges, frame.y)
            # a frame of no height (a rule's) lies in the band its one edge begins
            for band in range(first, max(first + 1, bisect_left(self.edges, frame.y + frame.height))):
                self.bands[band].append(order)
        self.tests = 0

    def find(self, key: object | None, x: float, y: float) -> Frame | None:
        """The first frame of ``key`` (a page element's), or for None the first canvas frame holding (x, y)."""
        if key is not None:
            order = self.by_key.get(key)
            return None if order is None else self.frames[order]
        band = bisect_right(self.edges, y) - 1
        if band < 0:
            return None
        # a point on an edge is also in the frames ending there
        candidates = self.bands[band] + (self.bands[band - 1] if band > 0 and y == self.edges[band] else [])
        self.tests += len(candidates) + 1
        if self.tests > MAX_FRAME_TESTS:
            raise FrameBudgetExceeded(f"more than {MAX_FRAME_TESTS} frame tests")
        found = [i for i in candidates if self._holds(self.frames[i], x, y)]
        return self.frames[min(found)] if found else None

    @staticmethod
    def _holds(frame: Frame, x: float, y: float) -> bool:
        return frame.x <= x <= frame.x + frame.width and frame.y <= y <= frame.y + frame.height
