"""The page frame a point of a positioned page is in, found among the frames across its height
(``readers/framefinder.py``): as a scan of every frame finds it, within ``MAX_FRAME_TESTS``."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html

from gxparse.readers import framefinder
from gxparse.readers.framefinder import FrameFinder
from gxparse.readers.positioned import positioned_pages
from tests.gxparse.hostile.attacks import page_sized_boxes


@dataclass
class _Frame:
    key: object | None
    x: float
    y: float
    width: float
    height: float


def _scanned(frames: list[_Frame], key: object | None, x: float, y: float) -> _Frame | None:
    """The first frame of the list holding the point: what the finder must find."""
    for frame in frames:
        if frame.key is key and (key is not None or (frame.x <= x <= frame.x + frame.width
                                                    and frame.y <= y <= frame.y + frame.height)):
            return frame
    return None


_COORD = st.integers(0, 40).map(float)
_FRAMES = st.lists(st.builds(_Frame, st.sampled_from([None, None, None, "p1", "p2"]), _COORD, _COORD,
                             _COORD, _COORD), max_size=12)


@settings(max_examples=100)
@given(_FRAMES, st.lists(st.tuples(st.sampled_from([None, "p1", "p2", "p3"]), _COORD, _COORD), max_size=20))
def test_the_frame_found_is_the_first_that_holds_the_point_as_a_scan_finds_it(frames, points):
    finder = FrameFinder(frames)
    for key, x, y in points:
        assert finder.find(key, x, y) is _scanned(frames, key, x, y)



def test_a_frame_of_no_height_holds_the_points_on_it():
    # found by the property above (Hypothesis): a zero-size frame at the origin lay in no band
    frames = [_Frame(None, 0.0, 0.0, 0.0, 0.0), _Frame(None, 0.0, 0.0, 10.0, 0.0)]
    finder = FrameFinder(frames)
    assert finder.find(None, 0.0, 0.0) is frames[0] and finder.find(None, 5.0, 0.0) is frames[1]

def test_pages_stacked_on_the_canvas_cost_a_test_or_two_a_character():
    """1,000 page frames stacked as pdfminer draws them: each character is tested against its band's frame, not
    against every frame (10⁹ tests for 1,000,000 characters)."""
    frames = [_Frame(None, 0.0, 900.0 * k, 600.0, 850.0) for k in range(1000)]
    finder = FrameFinder(frames)
    points = [(300.0, 900.0 * k + 400.0) for k in range(1000)]
    assert [finder.find(None, x, y) for x, y in points] == frames
    assert finder.tests <= 2 * len(points)


def test_frames_drawn_over_each_other_past_the_budget_leave_the_page_to_be_read_as_it_flows(monkeypatch):
    root = html.fromstring(page_sized_boxes(1000))
    assert positioned_pages(root) is not None   # within the budget: read by position
    monkeypatch.setattr(framefinder, "MAX_FRAME_TESTS", 10_000)
    assert positioned_pages(html.fromstring(page_sized_boxes(1000))) is None
