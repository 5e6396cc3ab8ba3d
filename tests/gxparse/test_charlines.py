"""A PDF page read from its character columns (``charlines``) gives the same lines as glyph by glyph
(``pages``): on pages whose lines are clear, crowded, overlapping, inverted or mixed in size, with and
without a ruled table."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from gxparse.layout.charlines import CharBoxes, printed_lines
from gxparse.layout.pages import Glyph, Page, Rule, _printed_lines, document_lines

SIZES = st.sampled_from([6.0, 10.5, 10.5, 12.0, 22.0])
# Centre offsets and line advances on exact halves and quarters of a height: the decisions at the edges.
OFFSETS = st.sampled_from([0.0, 0.0, 0.0, 0.125, -0.125, 0.25, -0.25, 0.5, -0.5])
ADVANCES = st.sampled_from([0.0, 0.25, 0.5, 0.5 + 2 ** -30, 0.75, 1.0, 1.0, 1.5, 1.6])
GAPS = st.sampled_from([0.0, 0.0, 0.0, 0.1, 0.35, 1.0, 1.9, 2.5])     # in heights: spaces and cells
HEIGHTS = st.sampled_from([1.0, 1.0, 1.0, 0.6, -0.5])                   # -0.5: an inverted box
CHARS = st.sampled_from("a1X9中二表.（")


@st.composite
def glyph_pages(draw) -> list[Glyph]:
    glyphs = []
    y = draw(st.floats(0, 100))
    for _ in range(draw(st.integers(0, 12))):
        size = draw(SIZES)
        x = draw(st.floats(0, 50))
        for _ in range(draw(st.integers(1, 10))):
            top = y + draw(OFFSETS) * size
            width = size * (0.5 if draw(st.booleans()) else 1.0)
            glyphs.append(Glyph(draw(CHARS), x, top, x + width, top + draw(HEIGHTS) * size))
            x += width + draw(GAPS) * size
        y += draw(ADVANCES) * size
    return draw(st.permutations(glyphs)) if draw(st.booleans()) else glyphs


def _columns(glyphs: list[Glyph]) -> CharBoxes:
    return CharBoxes("".join(g.text for g in glyphs), np.array([g[1:] for g in glyphs], dtype=float).reshape(-1, 4))


def _grid(x: float, y: float) -> list[Rule]:
    xs, ys = [x, x + 40, x + 80, x + 120], [y, y + 15, y + 30]
    return ([Rule(True, yy, xs[0], xs[-1]) for yy in ys] + [Rule(False, xx, ys[0], ys[-1]) for xx in xs])


@settings(max_examples=300, deadline=None)
@given(glyph_pages(), st.sampled_from([1.0, 2.0]))
def test_lines_from_columns_are_the_lines_glyph_by_glyph(glyphs, unit):
    assert printed_lines(_columns(glyphs), unit) == _printed_lines(glyphs, unit)


@settings(max_examples=150, deadline=None)
@given(glyph_pages(), st.booleans(), st.floats(0, 150), st.floats(0, 150))
def test_a_page_read_from_columns_reads_as_glyph_by_glyph(glyphs, ruled, x, y):
    rules = _grid(x, y) if ruled else []
    by_glyph = document_lines([Page(1, 595.0, 842.0, glyphs, rules)])
    by_column = document_lines([Page(1, 595.0, 842.0, _columns(glyphs), rules)])
    assert by_column == by_glyph


def test_a_coordinate_that_is_not_a_number_leaves_the_page_to_the_glyph_by_glyph_reading():
    glyphs = [Glyph("a", 0.0, 0.0, 5.0, 10.0), Glyph("b", 6.0, float("nan"), 11.0, 10.0)]
    assert printed_lines(_columns(glyphs), 1.0) is None
    page = [Page(1, 595.0, 842.0, _columns(glyphs))]
    assert document_lines(page) == document_lines([Page(1, 595.0, 842.0, glyphs)])
