"""A sub-table's figures in text boxes written in an order the text does not show (``gxparse.extraction.boxorders``)
and the runs of such boxes after a block's header row, a name a box (``cellstream.column_boxes``)."""

from __future__ import annotations

from gxparse.document import lines_from_text
from gxparse.extraction.boxorders import ColumnBoxes
from gxparse.extraction.cellstream import column_boxes
from gxparse.limits import MAX_FIGURE_LINES
from gxparse.tables.s2 import _s2_blocks
from gxparse.template import S2_ITEMS

_NAMES = ("本年制发件数", "本年废止件数", "现行有效件数")
_HEADERS = frozenset({_NAMES})
_LABELS = frozenset({"规章", "行政规范性文件"})


def _block(figures: str) -> ColumnBoxes:
    return ColumnBoxes(_NAMES, tuple((figure,) for figure in figures.split()), "", False)


def test_a_block_of_one_figure_is_read_whatever_the_order():
    assert _block("0 0 0 0 0 0").rows(2) == ["0", "0"]


def test_a_block_of_several_figures_is_unread_since_the_order_says_nothing():
    # simsite-c00-2022's reportlab print: 0 4 0 64 0 15 is its second column, its third, then its first
    assert _block("0 4 0 64 0 15").rows(2) == [None, None]


def test_a_block_of_one_figure_a_cell_cannot_hold_is_unread():
    text = "本年制发件数\n\n本年废止件数\n\n现行有效件数\n\n规章\n\n行政规范性文件\n\n" + "\n\n".join(["-1"] * 6)
    assert _s2_blocks(lines_from_text(text), S2_ITEMS["v2021"]) == {}


def test_figures_as_many_as_no_block_read_nothing():
    assert _block("0 0 0 0 0").rows(2) is None


def test_columns_under_one_line_read_a_row_only_where_every_box_holds_one_figure():
    boxes = ColumnBoxes(_NAMES, (("0", "6"), ("0", "32"), ("0", "74")), "", True)
    assert boxes.rows(2) == ["0", None]
    assert boxes.rows(3) is None


def test_a_run_of_boxes_after_a_blocks_header_row_is_its_block():
    # pdfminer.six's default boxes: the header row (a name wrapped within its box), the labels beside, the figures
    text = "本年制发件数\n\n本年废止件\n数\n\n现行有效件数\n\n规章\n\n行政规范性文件\n\n" + "\n\n".join("060320") \
        + "\n\n信息内容"
    blocks = column_boxes(lines_from_text(text), _HEADERS, one_line=False, passing=_LABELS)
    assert [(b.names, b.boxes) for b in blocks] == [(_NAMES, tuple((figure,) for figure in "060320"))]


def test_a_header_row_broken_by_other_text_or_printed_in_part_heads_no_block():
    figures = "\n\n".join("000000")
    broken = "本年制发件数\n\n本年废止件数\n\n行政许可\n\n现行有效件数\n\n" + figures
    partial = "本年废止件数\n\n现行有效件数\n\n" + figures
    assert column_boxes(lines_from_text(broken), _HEADERS, one_line=False, passing=_LABELS) == []
    assert column_boxes(lines_from_text(partial), _HEADERS, one_line=False, passing=_LABELS) == []


def test_a_hostile_run_of_boxes_as_many_as_the_line_limit_allows_is_read_in_one_pass_and_heads_no_block():
    text = "本年制发件数\n\n本年废止件数\n\n现行有效件数\n\n" + "\n\n".join(["0"] * MAX_FIGURE_LINES)
    blocks = column_boxes(lines_from_text(text), _HEADERS, one_line=False, passing=_LABELS)
    assert [len(b.boxes) for b in blocks] == [MAX_FIGURE_LINES]
    assert blocks[0].rows(2) is None
