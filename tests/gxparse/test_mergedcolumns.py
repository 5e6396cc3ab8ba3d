"""Columns PyMuPDF's ``find_tables()`` merged into one field on a print without ruling lines
(``gxparse.readers.mergedcolumns``), read apart only where the header's labels and a field's figures agree."""

from __future__ import annotations

import time

import pytest

from gxparse.readers.csvtables import read_csv
from gxparse.readers.mergedcolumns import header_labels, merged_columns, spread

# kaifeng_2021's table 三 head as find_tables wrote it from its borderless print (tests/fixtures/extracted/
# pymupdf-tables/kaifeng_2021.borderless.txt): 自然人 and 商业企业 one column, their figures one field
_S3 = """,申请人情况,,,,,
,法人或其他组织,,,,,
等于第三项加第四项之和）,"自然人
商业企业",科研机构,"社会公益
组织","法律服务
机构",其他,总计
一、本年新收政府信息公开申请数量,508 2,0,0,33,2,545
"二 上年结转政府信息公开申请数量
、",3 0,0,0,0,0,3
3 .危及“三安全 一稳定”,0,0,0,0,0,0
"4保护第三方合法权益
.",,0,0,0,0,0
"""

# its table 四: vertical labels a character per line, two and three of them interleaved in one field
_S4 = """行政复议,,,,行政诉讼,,,,,,,
,,,,未经复议直接起诉,,,复议后起诉,,,,
"结 结
果 果
维 纠
持 正","其
他
结
果","尚
未
审
结","总
计","结 结 其
果 果 他
维 纠 结
持 正 果","尚
未
审
结","总
计","结
果
维
持","结
果
纠
正","其
他
结
果","尚
未
审
结","总
计"
5 17,3,0,25,9 4 0,1,14,9,5,3,0,17
"""


def _values(text: str) -> dict[str, list[str]]:
    return {line.label: line.values for line in read_csv(text).lines if line.values}


@pytest.mark.parametrize("field, labels", [
    ("自然人\n商业企业", ("自然人", "商业企业")),                       # stacked
    ("本年制发件数 本年废止件数", ("本年制发件数", "本年废止件数")),       # side by side on one line
    ("结 结\n果 果\n维 纠\n持 正", ("结果维持", "结果纠正")),            # vertical, interleaved
    ("社会公益\n组织", None),                                            # one label wrapped
    ("其\n他\n结\n果", None),
    ("法人或其他组织", None),                                            # a header over columns, no column's
    ("一、本年新收政府信息公开申请数量", None),
])
def test_a_header_field_holds_column_labels_side_by_side(field, labels):
    assert header_labels(field) == labels


def test_a_field_of_two_figures_under_two_column_labels_is_two_cells():
    values = _values(_S3)
    assert values["一、本年新收政府信息公开申请数量"] == ["508", "2", "0", "0", "33", "2", "545"]
    assert values["二 上年结转政府信息公开申请数量、"] == ["3", "0", "0", "0", "0", "0", "3"]
    # blank under both columns: two blank cells
    assert values["4保护第三方合法权益."] == ["", "", "0", "0", "0", "0", "0"]


def test_a_field_of_one_figure_under_two_column_labels_is_placed_in_neither():
    # which of the two columns the 0 stands in the field does not say: the row is short of a cell
    # NFKC made the quotes plain
    assert _values(_S3)['3 .危及"三安全 一稳定"'] == ["0", "0", "0", "0", "0", "0"]


def test_table_four_vertical_labels_merged_are_read_apart():
    (line,) = [line for line in read_csv(_S4).lines if line.values]
    assert line.values == ["5", "17", "3", "0", "25", "9", "4", "0", "1", "14", "9", "5", "3", "0", "17"]


def test_rows_stacked_in_a_merged_field_stay_stacked():
    records = [["", "自然人\n商业企业", "总计"], ["4保护…\n5属于…", "2 0\n1 0", "2\n1"]]
    assert spread(records)[1] == [("4保护…\n5属于…", 1, 1), ("2\n1", 1, 1), ("0\n0", 1, 1), ("2\n1", 1, 1)]


def test_a_column_whose_figures_do_not_agree_with_its_header_is_left_whole():
    # two labels over the column but no field of two figures under them: the header is no evidence alone
    records = [["", "自然人\n商业企业", "总计"], ["一、本年新收", "3", "3"], ["二、上年结转", "0", "0"]]
    assert merged_columns(records) == []
    assert [len(row) for row in spread(records)] == [3, 3, 3]


def test_a_merged_column_is_read_apart_only_under_its_header():
    # zhoukou_city's table 二: 本年制发件数 and 本年废止件数 one column; under the next caption the same column
    # holds one figure per field, which spans the two columns
    records = [["信息内容", "本年制发件数 本年废止件数", "现行有效件数"], ["规章", "0 0", "0"],
               ["行政规范性文件", "133 37", "808"], ["第二十条第（五）项", "", ""],
               ["信息内容", "本年处理决定数量", ""], ["行政许可", "434545", ""]]
    rows = spread(records)
    assert rows[2] == [("行政规范性文件", 1, 1), ("133", 1, 1), ("37", 1, 1), ("808", 1, 1)]
    assert rows[5] == [("行政许可", 1, 1), ("434545", 1, 2), ("", 1, 1)]


def test_spreading_is_linear_in_the_records():
    records = [["", "自然人\n商业企业", "总计"]] + [[f"第{n}行", "3 0", "3"] for n in range(100_000)]
    started = time.process_time()
    rows = spread(records)
    assert len(rows) == 100_001 and rows[-1][1:3] == [("3", 1, 1), ("0", 1, 1)]
    assert time.process_time() - started < 5


def test_rows_stacked_in_a_merged_field_are_read_line_by_line():
    # kaifeng_2021: 1.属于国家秘密 and 2.其他法律… in one record; under 自然人/商业企业 the first row's line holds
    # one figure (its column unknown: both cells unread), the second's two
    text = _S3.split("\"二 ")[0] + '''"年度办
1属于国家秘密
理结果 .
（三）不
2其他法律行政法规禁止公开
予公开 .","0
2 0","0
0","0
0","0
0","0
0","0
2"
'''
    values = [line.values for line in read_csv(text).lines if line.values][1:]
    assert values == [["\ufffd", "\ufffd", "0", "0", "0", "0", "0"], ["2", "0", "0", "0", "0", "0", "2"]]
