"""Boxes of figures tiled into a table's grid by its arithmetic (gxparse.arithmetic.tiling), on small made-up tables: a cell is
read only where every tiling agrees, nothing when the search cannot finish."""

from __future__ import annotations

import pytest

from gxparse.extraction.cellstream import read_stream
from gxparse.document import lines_from_text
from gxparse.arithmetic.multiset import Budget
from gxparse.arithmetic.tiling import Box, Layout, Undecided, tile
from tests.gxparse.test_cellstream import BALANCED, BALANCES, SUM

# rows a + b = t + k and r1 + r2 = t, column by column; the third column the sum of the first two
LAYOUT = Layout(("a", "b", "r1", "r2", "t", "k"), 3, (SUM,), BALANCES)
GRID = {"a": (3, 1, 4), "b": (2, 0, 2), "r1": (4, 0, 4), "r2": (1, 1, 2), "t": (5, 1, 6), "k": (0, 0, 0)}


def _column(c: int, rows: slice = slice(None)) -> tuple[int, ...]:
    return tuple(values[c] for values in list(GRID.values())[rows])


def test_whole_columns_read_where_the_sums_tell_them_apart():
    # the total column's box fits nowhere else; the two applicant columns are interchangeable for the sums, so
    # they are read only in the rows where they hold the same figure
    boxes = [Box(_column(1)), Box(_column(2)), Box(_column(0))]
    assert tile(boxes, LAYOUT) == {"a": (None, None, 4), "b": (None, None, 2), "r1": (None, None, 4),
                                   "r2": (1, 1, 2), "t": (None, None, 6), "k": (0, 0, 0)}


def test_a_figure_printed_on_its_rows_label_line_decides_the_columns():
    # a's 3 printed beside its label: the first column starts with it, so the six-figure box is the second column
    boxes = [Box(_column(1)), Box(_column(2)), Box((3,), row=0), Box(_column(0, slice(1, None)))]
    assert tile(boxes, LAYOUT) == GRID


def test_a_unique_tiling_of_short_boxes_is_read():
    # boxes of two to four rows (a's first figure beside its label): only one way to lay them keeps every row's
    # sum and both rules, though the boxes of the second column fit anywhere in it
    boxes = [Box((3,), row=0), Box((2, 4)), Box((1, 5, 0)), Box((1, 0)), Box((0, 1)), Box((1, 0)), Box((4, 2)),
             Box((4, 2, 6, 0))]
    assert tile(boxes, LAYOUT) == GRID


def test_rows_read_keep_their_figures():
    boxes = [Box(_column(1)), Box(_column(2)), Box(_column(0))]
    assert tile(boxes, LAYOUT, {"a": [3, 1, 4]}) == {key: GRID[key] for key in GRID if key != "a"}


def test_a_line_of_figures_is_laid_along_a_row():
    boxes = [Box((3, 1, 4), across=True), Box((2, 0, 2), across=True), *(Box((v,)) for v in (4, 0, 4, 1, 1, 2)),
             Box((5, 1, 6), across=True), Box((0, 0, 0), across=True)]
    solved = tile(boxes, LAYOUT, {"a": [3, 1, 4], "t": [5, 1, 6]})
    assert solved is not None and solved["k"] == (0, 0, 0) and solved["b"] == (2, 0, 2)


def test_boxes_no_tiling_adds_up_with_read_nothing():
    # k printed 0 0 1: no tiling keeps k's sum and the rules
    boxes = [Box(_column(1)), Box(_column(2)), Box(_column(0)[:-1] + (1,))]
    assert tile(boxes, LAYOUT) is None


def test_boxes_holding_other_than_the_grids_cells_read_nothing():
    assert tile([Box(_column(0)), Box(_column(1))], LAYOUT) is None


def test_a_search_out_of_budget_reads_nothing():
    boxes = [Box(_column(1)), Box(_column(2)), Box(_column(0))]
    with pytest.raises(Undecided):
        tile(boxes, LAYOUT, budget=Budget(0.0))


def _stream(*boxes: str) -> list:
    return lines_from_text("\n\n".join("\n".join(box.split()) for box in boxes))


def test_a_stream_of_column_boxes_the_other_readings_leave_is_tiled():
    # each column a box, the total column's first: the stream with its total moved reads only the rows whose
    # applicant cells are one figure (r2, k: interchangeable for the sums, so never guessed); tiled, the cells
    # every tiling agrees on are read
    read = read_stream(_stream("4 2 4 2 6 0", "1 0 0 1 1 0", "3 2 4 1 5 0"), BALANCED)
    assert read is not None
    assert {key: row.values for key, row in read.rows.items()} == {
        "a": ["\ufffd", "\ufffd", "4"], "b": ["\ufffd", "\ufffd", "2"], "r1": ["\ufffd", "\ufffd", "4"],
        "r2": ["1", "1", "2"], "t": ["\ufffd", "\ufffd", "6"], "k": ["0", "0", "0"]}
    assert all(row.solved for key, row in read.rows.items() if key not in ("r2", "k"))
