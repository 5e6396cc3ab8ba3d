"""Header pieces among a cell stream's figures that contradict reading it in order (gxparse.extraction.headerorder)."""

from __future__ import annotations

import time

from gxparse.document import lines_from_text
from gxparse.extraction.headerorder import headers_against_order
from gxparse.limits import MAX_FIGURE_LINES
from gxparse.tables.s4 import read_s4
from gxparse.template import S4_COLUMNS

HEADERS = [c.label for c in S4_COLUMNS]

# pdfminer.six's detect_vertical on a LibreOffice print of zhoukou_city_2021 (tests/fixtures/extracted/
# pdfminer-vertical): table 四's header words printed a character per line come out as boxes among the figures,
# 复议后起诉's block first and each block right to left (总计, 尚未审结, 其他结果, 结果纠正, 结果维持)
VERTICAL = """行政复议

行政诉讼
未经复议直接起诉

总 计

尚 未 审

其 他 结

结 果 纠

结 果 维

6

审 结

0

结 果

0

纠 正

0

维 持

6

11

审 结

1

结 果

4

纠 正

0

维 持

6

持 正 果 结

18

5

12

0

35
"""


def _lines(text: str):
    return lines_from_text(text)


def test_header_pieces_among_the_figures_out_of_the_tables_order_leave_table_four_unread():
    lines = _lines(VERTICAL)
    assert headers_against_order(lines, HEADERS)
    read = read_s4(lines)
    cells = [c.value for cells in (read.table or {}).values() for c in cells.values()]
    # read in order it placed 复议后起诉's 6 0 0 0 6 under 行政复议 and 行政复议's under 复议后起诉
    assert all(value is None for value in cells), cells


def test_header_pieces_each_above_its_figure_in_the_tables_order_agree_with_it():
    blocks = ((5, 1, 0, 0, 6), (2, 0, 1, 0, 3), (1, 1, 0, 1, 3))
    text = "\n\n".join(f"{label}\n\n{value}" for values in blocks
                       for label, value in zip(("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"), values))
    lines = _lines(text)
    assert not headers_against_order(lines, HEADERS)


def test_a_header_row_written_whole_before_its_figures_says_nothing_of_their_order():
    row = "\n".join(("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"))
    text = "\n\n".join(f"{row}\n\n" + "\n\n".join(str(v) for v in values)
                       for values in ((5, 1, 0, 0, 6), (2, 0, 1, 0, 3), (1, 1, 0, 1, 3)))
    assert not headers_against_order(_lines(text), HEADERS)


def test_a_long_stream_is_checked_in_linear_time():
    cycle = ("维 持", "1", "纠 正", "2", "其 他", "3", "审 结", "4", "总 计", "10")
    # as many lines as a text may hold figures on (5 a cycle), in order throughout
    lines = _lines("\n".join(cycle * (MAX_FIGURE_LINES // 5)))
    started = time.process_time()
    assert not headers_against_order(lines, HEADERS)
    assert time.process_time() - started < 5
