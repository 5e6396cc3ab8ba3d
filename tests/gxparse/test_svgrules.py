"""The ruling lines an inline ``<svg>`` draws (``gxparse.readers.svgrules``): a preview service's or a converter's
table lines over text placed by CSS."""

from __future__ import annotations

import pytest
from lxml import html

from gxparse.errors import LimitExceeded
from gxparse.readers import svgrules
from gxparse.readers.svgrules import svg_rules


def _rules(svg: str, scale: float = 1.0) -> list[tuple[bool, float, float, float]]:
    element = html.fromstring(f"<html><body>{svg}</body></html>").find(".//svg")
    return sorted((r.horizontal, round(r.pos, 2), round(r.start, 2), round(r.end, 2)) for r in svg_rules(element, scale))


def test_lines_paths_and_polylines_draw_their_straight_strokes():
    svg = ('<svg><line x1="10" y1="20" x2="110" y2="20"/><path d="M10 20 v40 h100 l0 -40 z M5 5 C 9 9 20 20 30 30"/>'
           '<polyline points="200,0 200,50 260,50"/><line x1="0" y1="0" x2="40" y2="40"/></svg>')
    assert _rules(svg) == [(False, 10.0, 20.0, 60.0), (False, 110.0, 20.0, 60.0), (False, 200.0, 0.0, 50.0),
                           (True, 20.0, 10.0, 110.0), (True, 20.0, 10.0, 110.0), (True, 50.0, 200.0, 260.0),
                           (True, 60.0, 10.0, 110.0)]


def test_a_stroked_rect_draws_its_sides_a_filled_one_only_as_a_thin_bar():
    assert len(_rules('<svg><rect x="0" y="0" width="100" height="40" stroke="#000"/></svg>')) == 4
    assert _rules('<svg><rect x="0" y="0" width="100" height="40" fill="#eee"/></svg>') == []
    assert _rules('<svg><rect x="0" y="10" width="100" height="1" fill="#000"/></svg>') == [(True, 10.5, 0.0, 100.0)]


def test_the_view_box_and_transforms_place_the_strokes_in_css_pixels_scaled_to_the_page():
    """A viewBox in points on an SVG of 200 × 100 px, a group flipping y: the line 10 pt above the foot is 20 px
    above the SVG's foot, at ¾ pt a px."""
    svg = ('<svg width="200" height="100" viewBox="0 0 100 50"><g transform="matrix(1,0,0,-1,0,50)">'
           '<g transform="translate(10 0)"><line x1="0" y1="10" x2="50" y2="10"/></g></g></svg>')
    assert _rules(svg, 0.75) == [(True, 60.0, 15.0, 90.0)]


def test_a_page_whose_svgs_draw_too_many_shapes_is_refused(monkeypatch):
    """The bound counts the shapes of all the page's SVGs: six each in two is over five."""
    monkeypatch.setattr(svgrules, "MAX_SVG_SHAPES", 10)
    svg = "<svg>" + '<line x1="0" y1="0" x2="10" y2="0"/>' * 6 + "</svg>"
    svgrules.check_shapes(html.fromstring(f"<html><body>{svg}</body></html>"))
    with pytest.raises(LimitExceeded, match="SVG 图形过多"):
        svgrules.check_shapes(html.fromstring(f"<html><body>{svg}{svg}</body></html>"))


def test_a_page_whose_paths_give_too_many_coordinates_is_refused(monkeypatch):
    """One path of 1,000,000 segments (7 MB) took 22 s and 690 MB: the paths' and polylines' numbers are counted
    before any is read."""
    monkeypatch.setattr(svgrules, "MAX_SVG_NUMBERS", 20)
    path = '<path d="M0 0' + ' h10 m5 0' * 6 + '"/>'        # 2 + 3 × 6 = 20 numbers
    svg = f'<svg>{path}<polyline points="0 0 10 0"/></svg>'   # 4 more
    svgrules.check_shapes(html.fromstring(f"<html><body><svg>{path}</svg></body></html>"))
    with pytest.raises(LimitExceeded, match="路径坐标超过 20 个"):
        svgrules.check_shapes(html.fromstring(f"<html><body>{svg}</body></html>"))
