"""Tables whose cells are text boxes written by their lower edge (gxparse.extraction.flowbands), on small frozen
streams shaped as pdfminer.six without its boxes' reading order writes LibreOffice's prints: rows whole, bands of
rows a column's box at a time, first cells printed with their labels; laid by counts alone, or not at all."""

from __future__ import annotations

from collections.abc import Sequence

from gxparse.extraction.cellstream import Shape, read_flow
from gxparse.extraction.flowbands import FlowCell, lay_flow
from gxparse.document import lines_from_text
from gxparse.arithmetic.realign import RowSum


def _cells(*boxes: str, labels: dict[int, int] | None = None) -> list[FlowCell]:
    """A cell per figure, a box per argument; ``labels``: the box whose first figure is on row r's label line."""
    out = []
    for box, text in enumerate(boxes):
        for n, value in enumerate(text.split()):
            out.append(FlowCell(int(value), box, (labels or {}).get(box) if n == 0 else None))
    return out


def _values(cells: Sequence[FlowCell], laid) -> list[list[int] | None]:
    return [None if row is None else [cells[i].value for i in row] for row in laid.rows]


def test_rows_whole_then_a_band_a_columns_box_at_a_time_are_laid_by_their_counts():
    # rows 0 and 1 whole (three single boxes); rows 2-3 a band: their first cells, then a box of two per column
    cells = _cells("1", "2", "3", "4", "0", "4", "5", "6", "1 0", "6 6")
    assert _values(cells, lay_flow(cells, 3, 4)) == [[1, 2, 3], [4, 0, 4], [5, 1, 6], [6, 0, 6]]


def test_first_cells_printed_with_a_label_and_under_it_are_those_rows_wherever_the_box_comes():
    # row 2's first cell on its label's line, row 3's under it in the label column's box, written after the band
    cells = _cells("1", "2", "3", "4", "0", "4", "1 0", "6 6", "5 6", labels={8: 2})
    assert _values(cells, lay_flow(cells, 3, 4)) == [[1, 2, 3], [4, 0, 4], [5, 1, 6], [6, 0, 6]]


def test_a_row_holding_a_box_of_several_figures_is_counted_never_read_in_the_streams_order():
    # the first row's cells joined the header's box, written in its order: 0 0 | 3 is 3, 0, 0 as printed
    cells = _cells("0 0", "3", "4", "0", "4")
    assert _values(cells, lay_flow(cells, 3, 2)) == [None, [4, 0, 4]]


def test_a_stream_that_does_not_lay_exactly_is_not_read():
    assert lay_flow(_cells("1", "2", "3", "4", "0"), 3, 2) is None             # a figure short
    assert lay_flow(_cells("1", "2", "3 4", "0", "4", "9"), 3, 2) is None      # a box across two rows
    assert lay_flow(_cells("1", "2", "3", "4", "0", "4"), 3, 2) is not None


class _Counted(list):
    """A stream that counts how often its figures are looked at."""

    looks = 0

    def __getitem__(self, index):
        _Counted.looks += 1
        return super().__getitem__(index)


def test_a_hostile_stream_of_many_tiny_boxes_is_refused_at_once():
    cells = _Counted(FlowCell(0, n) for n in range(100_000))
    assert lay_flow(cells, 7, 25) is None
    assert _Counted.looks == 0


def test_a_stream_is_laid_in_looks_linear_in_its_figures():
    rows, width = 400, 7
    cells = _Counted(FlowCell(1, n) for n in range(rows * width))
    assert lay_flow(cells, width, rows) is not None
    assert _Counted.looks < 60 * rows * width


SHAPE = Shape.even(("a", "b", "c", "d"), 3, [RowSum((0, 1), 2)])


def _named(label: str) -> str | None:
    return {"甲项": "a", "乙项": "b", "丙项": "c", "丁项": "d"}.get(label)


def test_a_stream_written_by_lower_edge_is_read_where_its_rows_add_up():
    # pdfminer.six's order: rows 甲, 乙 whole; 丙's first cell on its label's line, written after the band of 丙-丁
    text = "1\n\n2\n\n3\n\n4\n\n0\n\n4\n\n6\n\n1\n0\n\n6\n6\n\n丙项 5"
    read = read_flow(lines_from_text(text), SHAPE, lambda rows: True, _named)
    assert {key: row.values for key, row in read.rows.items()} == {
        "a": ["1", "2", "3"], "b": ["4", "0", "4"], "c": ["5", "1", "6"], "d": ["6", "0", "6"]}


def test_a_row_whose_sum_breaks_is_unread_never_read_as_laid():
    text = "1\n\n2\n\n3\n\n4\n\n0\n\n5\n\n6\n\n1\n0\n\n6\n6\n\n丙项 5"
    read = read_flow(lines_from_text(text), SHAPE, lambda rows: True, _named)
    assert "b" in read.unread and "b" not in read.rows
