"""Table 四 as ``pdftotext -layout`` writes a narrow print of it: a two-digit figure its column wraps a digit a
line (``1`` over ``8`` for 18) is read back where each wrapped digit stands under one figure and the blocks add
up; otherwise the row stays unread (``extraction.wrappedfigures``)."""


import pytest

from gxparse import parse_document
from gxparse.document import lines_from_text
from gxparse.extraction.wrappedfigures import drifted_readings, tail_readings, wrapped_digits
from gxparse.tables.s2 import read_s2
from gxparse.tables.s4 import read_s4
from tests.gxparse.extracted import EXTRACTED, document_truth
from tests.gxparse.figure_notations import text_in_notation
from tests.gxparse.seeds import expected_tables

NARROW = sorted(p.name.removesuffix(".narrow.txt") for p in (EXTRACTED / "pdftotext-layout").glob("*.narrow.txt"))
# tests/fixtures/extracted/pdftotext-layout/huangchuan_2021.narrow.txt, lines 325-332
HEADER = """\
行政复议                    行政诉讼
结 结 其       尚   总       未经复议直接起诉      复议后起诉
果 果 他       未   计       结 结 其 尚 总     结 结 其    尚   总
维 纠 结       审           果 果 他 未 计     果 果 他    未   计
持 正 果       结           维 纠 结 审       维 纠 结    审
                        持 正 果 结       持 正 果    结
"""
FIGURES = "3   0   0   0   3       1 5 1 0 2     7 0 0    0   7\n"


def _s4(wrapped: str) -> dict[str, list[int | None]]:
    table = read_s4(lines_from_text(HEADER + FIGURES + wrapped)).table or {}
    return {block: [cell.value for cell in cells.values()] for block, cells in table.items()}


def test_digits_a_narrow_column_wrapped_are_written_on_to_their_figures():
    table = _s4("                        8        4\n")
    assert table["litigation_direct"] == [18, 5, 1, 0, 24]
    assert table["review"] == [3, 0, 0, 0, 3]
    assert table["litigation_after_review"] == [7, 0, 0, 0, 7]


def test_a_digit_between_two_figures_joins_nothing():
    # the 4 stands between the 0 and the 2 of 未经复议直接起诉: which figure it ends is not known
    assert not any(_s4("                        8      4\n").get("litigation_direct", []))


def test_joined_figures_whose_blocks_do_not_add_up_are_not_the_table():
    assert not any(_s4("                        8 9      4\n").get("litigation_direct", []))


def test_tails_without_places_are_written_on_to_the_figures_every_way_in_order():
    assert tail_readings(["3", "0", "1", "1"], ["6", "9"]) == [["36", "0", "19", "1"], ["36", "0", "1", "19"],
                                                              ["3", "0", "16", "19"]]
    # a figure is never continued from 0 (zeros and a line of zeros under them: no way), a tail is digits only, and
    # too many ways are not weighed
    assert tail_readings(["0", "0", "5"], ["2"]) == [["0", "0", "52"]]
    assert tail_readings(["0", "0", "0"], ["0", "0"]) == []
    assert tail_readings(["1", "1"], ["6."]) == []
    assert tail_readings(["1"] * 20, ["1"] * 10) is None


def test_a_line_with_a_label_continues_no_figure():
    above, below = lines_from_text("1 5 1 0 2\n合 计\n")
    assert wrapped_digits(above, below) is None


@pytest.mark.parametrize("document", NARROW)
def test_table_four_of_every_narrow_print_is_read(document):
    truth = document_truth(document)
    text = (EXTRACTED / "pdftotext-layout" / f"{document}.narrow.txt").read_bytes()
    assert parse_document(text, "r.txt").to_dict()["s4"] == truth["s4"]


@pytest.mark.parametrize("document", ["kaifeng_2021", "huangchuan_2021"])
def test_wrapped_digits_drifted_from_their_figures_are_read_where_one_way_keeps_the_blocks_sums(document):
    # PyMuPDF's sorted text spaces each line anew: kaifeng's 7 of 17 stands 2 characters right of its 1, and
    # huangchuan's 4 of 24 nearer the 7 beside its 2 (74 breaks the block's sum)
    report = parse_document((EXTRACTED / "pymupdf-sort" / f"{document}.narrow.txt").read_bytes(), "r.txt").to_dict()
    assert report["s4"] == document_truth(document)["s4"]
    assert any(f["rule"] == "row.repaired" and f["cells"][0].startswith("s4.") for f in report["findings"])


def test_drifted_readings_write_each_digit_on_to_a_figure_within_a_column_and_are_bounded():
    above, below = lines_from_text("3  0  0  0  3  1  5  1  0  2  7\n                 8          4\n")
    # the 8 is within a column of 1 and 5, the 4 of 2 and 7 (never of 0: no count is printed 04)
    assert drifted_readings(above, below) == [
        [*"3 0 0 0 3 18 5 1 0 24 7".split()], [*"3 0 0 0 3 18 5 1 0 2 74".split()],
        [*"3 0 0 0 3 1 58 1 0 24 7".split()], [*"3 0 0 0 3 1 58 1 0 2 74".split()]]
    above, below = lines_from_text("  ".join(["1"] * 15) + "\n" + "  ".join(["1"] * 15) + "\n")
    assert drifted_readings(above, below) is None   # 3 ** 15 ways: more than are weighed
    above, below = lines_from_text("1  5  1\n合 计\n")
    assert drifted_readings(above, below) == []


# table 二 as text whose narrow cells wrapped its figures after their first digit (figure_notations' cells-wrapped)
S2_WRAPPED = """\
第二十条第（一）项
信息内容 本年制发件数 本年废止件数 现行有效件数
规章 0 0 0
行政规范性文件 1 1 2
2 8 71
第二十条第（五）项
信息内容 本年处理决定数量
行政许可 1
2502
第二十条第（六）项
信息内容 本年处理决定数量
行政处罚 6 3 7
2 4
第二十条第（八）项
信息内容 本年收费金额（单位：万元，保留4位小数）
行政事业性收费 1
44.4399
"""


def test_table_two_tails_as_many_as_the_figures_they_can_continue_are_read_each_on_to_the_next():
    read = read_s2(lines_from_text(S2_WRAPPED), "v2021")
    values = {key: [cell.value for cell in cells.values()] for key, cells in read.table.items()}
    assert values["normative_docs"] == [12, 18, 271]
    assert values["licensing"] == [12502]
    assert values["admin_fees"] == ["144.4399"]
    assert {"第5行", "第9行", "第13行", "第17行"} <= set(read.tails)   # the tail lines are the rows', read or not
    assert not [extra for extra in read.extras if extra.where in read.tails]


def test_table_two_tails_fewer_than_the_figures_they_can_continue_leave_the_row_unread():
    text = "第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 0 0 0\n行政规范性文件 6 3 7\n2 4\n"
    read = read_s2(lines_from_text(text), "v2021")
    assert [cell.value for cell in read.table["normative_docs"].values()] == [None, None, None]
    assert [cell.value for cell in read.table["regulations"].values()] == [0, 0, 0]


def test_a_number_under_a_table_two_row_that_may_be_its_pages_is_no_tail_read():
    # a row-per-line tool writes a page's number right after its last row: 12 / 3 is no 123
    penalty = "第二十条第（六）项\n信息内容 本年处理决定数量\n行政处罚 2\n"
    text = "第二十条第（五）项\n信息内容 本年处理决定数量\n行政许可 12\n3\n" + penalty
    read = read_s2(lines_from_text(text), "v2021")
    assert read.table["licensing"]["decisions"].value != 123
    assert "row.repaired" not in {finding.rule for finding in read.findings}
    text = "第二十条第（五）项\n信息内容 本年处理决定数量\n行政许可 12\n5025\n" + penalty
    assert read_s2(lines_from_text(text), "v2021").table["licensing"]["decisions"].value == 125025


def test_a_missing_section_is_found_where_table_two_wrapped_its_figures():
    # zhoukou_office prints no table 三: the tails under table 二's rows are no figures of a table not read
    report = parse_document(text_in_notation("zhoukou_office_2021", "cells-wrapped"), "x.txt").to_dict()
    assert ("section.missing", "error") in [(f["rule"], f["severity"]) for f in report["findings"]]
    assert report["s2"] == expected_tables("zhoukou_office_2021")["s2"]


# table 四 as a text tool prints a narrow print whose cells each wrap a figure of two digits or more after its first
# digit, the tails on a line under the row in order, nothing showing which figures they continue (cells-wrapped)
S4_SPACED = """四、政府信息公开行政复议、行政诉讼情况
行政复议 行政诉讼
结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉
 结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计
"""


def test_table_four_tails_without_places_are_read_where_one_way_keeps_every_blocks_sum():
    # 5 17 3 0 25 / 9 4 0 1 14 / 9 5 3 0 17: twelve figures may take the four tails (495 ways, too many to weigh
    # as one row), each block's sum leaves one
    table = _s4_spaced("5 1 3 0 2 9 4 0 1 1 9 5 3 0 1\n7 5 4 7\n")
    assert table == {"review": [5, 17, 3, 0, 25], "litigation_direct": [9, 4, 0, 1, 14],
                     "litigation_after_review": [9, 5, 3, 0, 17]}
    report = parse_document(text_in_notation("kaifeng_2021", "cells-wrapped"), "x.txt").to_dict()
    assert report["s4"] == expected_tables("kaifeng_2021")["s4"]


def test_table_four_tails_two_ways_of_writing_on_that_keep_the_sums_leave_those_cells_unread():
    # 1 5 1 0 2 / 8 4: 18 5 1 0 24 and 1 5 18 0 24 both add up; the cells they agree on are read
    table = _s4_spaced("3 0 0 0 3 1 5 1 0 2 7 0 0 0 7\n8 4\n")
    assert table["litigation_direct"] == [None, 5, None, 0, 24]
    assert table["review"] == [3, 0, 0, 0, 3]


def test_table_four_tails_after_a_blank_line_or_more_than_its_figures_are_none():
    assert not any(_s4_spaced("5 1 3 0 2 9 4 0 1 1 9 5 3 0 1\n\n7 5 4 7\n")["review"])
    assert not any(_s4_spaced("5 1 3 0 2 9 4 0 1 1 9 5 3 0 1\n" + "1 " * 16 + "\n")["review"])


def _s4_spaced(figures: str) -> dict[str, list[int | None]]:
    table = read_s4(lines_from_text(S4_SPACED + figures)).table or {}
    return {block: [cell.value for cell in cells.values()] for block, cells in table.items()}


def test_table_three_tails_several_ways_keep_the_rows_sum_read_where_the_tables_balances_keep_one():
    # 予以公开 4 0 0 0 2 2 4 / 14 0 36: 414 … 20 2 436 and 414 … 2 20 436 both add up; the 总计 row (R3.2) keeps one
    text = text_in_notation("kaifeng_2021", "cells-wrapped").decode("utf-8")
    report = parse_document(text.encode("utf-8"), "x.txt").to_dict()
    assert report["s3"] == expected_tables("kaifeng_2021")["s3"]
    [finding] = [f for f in report["findings"] if "s3.result.granted.total" in f["cells"]]
    assert finding["rule"] == "row.repaired" and "表内勾稽关系" in finding["message"]
    # the 总计 row's figures unread: nothing decides, the row stays unread (never one of its ways)
    text = text.replace("(七) 总计 5 2 0 0 3 2 5\n05 3 42\n", "(七) 总计 5 2 0 0 3 2 5 3\n")
    report = parse_document(text.encode("utf-8"), "x.txt").to_dict()
    assert set(report["s3"]["result.granted"].values()) == {None}
    assert ("cell.unread", "warning") in [(f["rule"], f["severity"]) for f in report["findings"]
                                          if "s3.result.granted.total" in f["cells"]]


def test_table_four_a_number_under_its_row_that_may_be_its_pages_is_no_tail_read():
    # 5 0 0 0 15 printed with its total wrong: a 5 under the row may be its page's number, never the tail of 1
    table = _s4_spaced("1 0 0 0 15 9 4 0 1 14 9 5 3 0 17\n5\n")
    assert table["review"] != [15, 0, 0, 0, 15]
