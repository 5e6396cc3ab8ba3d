"""A block of one-figure text boxes written in an order the text does not show (``gxparse.extraction.boxorders``)
and the runs of such boxes after a block's header row (``cellstream.header_blocks``)."""

from __future__ import annotations

from gxparse.document import lines_from_text
from gxparse.extraction.boxorders import one_figure_block
from gxparse.extraction.cellstream import header_blocks


def _any(row: int, column: int, figure: str) -> bool:
    return True


def test_a_block_of_one_figure_is_read_whatever_the_order():
    assert one_figure_block(["0"] * 6, 2, 3, _any) == [["0", "0", "0"], ["0", "0", "0"]]


def test_a_block_of_several_figures_is_unread_since_the_order_says_nothing():
    # simsite-c00-2022's reportlab print: 0 4 0 64 0 15 is its second column, its third, then its first
    assert one_figure_block("0 4 0 64 0 15".split(), 2, 3, _any) is None


def test_a_block_of_one_figure_a_cell_cannot_hold_is_unread():
    assert one_figure_block(["-1"] * 4, 2, 2, lambda row, column, figure: column == 0 or figure[0] != "-") is None


def test_figures_as_many_as_no_block_read_nothing():
    assert one_figure_block(["0"] * 5, 2, 3, _any) is None


_HEADERS = frozenset({("本年制发件数", "本年废止件数", "现行有效件数")})
_LABELS = frozenset({"规章", "行政规范性文件"})


def test_a_run_of_boxes_after_a_blocks_header_row_is_its_block():
    # pdfminer.six's default boxes: the header row (a name wrapped within its box), the labels beside, the figures
    text = "本年制发件数\n\n本年废止件\n数\n\n现行有效件数\n\n规章\n\n行政规范性文件\n\n" + "\n\n".join("060320") \
        + "\n\n信息内容"
    blocks = header_blocks(lines_from_text(text), _HEADERS, _LABELS)
    assert [(b.headers, b.values) for b in blocks] == [(next(iter(_HEADERS)), list("060320"))]


def test_a_header_row_broken_by_other_text_or_printed_in_part_heads_no_block():
    figures = "\n\n".join("000000")
    broken = "本年制发件数\n\n本年废止件数\n\n行政许可\n\n现行有效件数\n\n" + figures
    partial = "本年废止件数\n\n现行有效件数\n\n" + figures
    assert header_blocks(lines_from_text(broken), _HEADERS, _LABELS) == []
    assert header_blocks(lines_from_text(partial), _HEADERS, _LABELS) == []


def test_a_hostile_run_of_boxes_as_many_as_the_line_limit_allows_is_read_in_one_pass_and_heads_no_block():
    text = "本年制发件数\n\n本年废止件数\n\n现行有效件数\n\n" + "\n\n".join(["0"] * 49_000)
    blocks = header_blocks(lines_from_text(text), _HEADERS, _LABELS)
    assert [len(b.values) for b in blocks] == [49_000]
    assert one_figure_block(blocks[0].values, 2, 3, _any) is None
