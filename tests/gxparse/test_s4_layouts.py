"""Table 四 in the layouts sites print besides the template's one row of 15: a block per row."""

from __future__ import annotations

import re

import pytest

from gxparse import parse_document
from gxparse.template import S4_BLOCKS, S4_COLUMNS
from simsite.render import render_report_html
from tests.gxparse.seeds import expected_tables, report_dict, seed_bytes, seed_prose

SEEDS = ["kaifeng_2021", "huangchuan_2021"]
ROW_LABELS = {"review": "行政复议", "litigation_direct": "行政诉讼（未经复议直接起诉）",
              "litigation_after_review": "行政诉讼（复议后起诉）"}


def _figure(value: int) -> str:
    return str(value) if value else "—"


def _block_rows_html(s4: dict) -> str:
    head = "<tr><td>项目</td>" + "".join(f"<td>{c.label}</td>" for c in S4_COLUMNS) + "</tr>"
    body = "".join(f"<tr><td>{ROW_LABELS[b.key]}</td>"
                   + "".join(f"<td>{_figure(s4[b.key][c.key])}</td>" for c in S4_COLUMNS) + "</tr>"
                   for b in S4_BLOCKS)
    return f"<table border=1>{head}{body}</table>"


def _page(name: str) -> str:
    page = render_report_html(report_dict(name, **seed_prose(name)))
    tables = re.findall(r"<table.*?</table>", page, re.S)
    return page.replace(tables[-1], _block_rows_html(expected_tables(name)["s4"]))


@pytest.mark.parametrize("name", SEEDS)
def test_a_block_per_row_in_html(name):
    report = parse_document(_page(name).encode(), f"{name}.html").to_dict()
    assert report["s4"] == expected_tables(name)["s4"]
    assert not [f for f in report["findings"] if f["rule"] in ("table.unread", "section.missing")]


@pytest.mark.parametrize("name", SEEDS)
def test_a_block_per_row_in_text(name):
    s4 = expected_tables(name)["s4"]
    rows = ["项目\t" + "\t".join(c.label for c in S4_COLUMNS)]
    rows += [ROW_LABELS[b.key] + "\t" + "\t".join(_figure(s4[b.key][c.key]) for c in S4_COLUMNS) for b in S4_BLOCKS]
    text = "四、政府信息公开行政复议、行政诉讼情况\n" + "\n".join(rows) + "\n五、存在的主要问题及改进情况\n无。\n"
    report = parse_document(text.encode(), "x.txt").to_dict()
    assert report["s4"] == s4


def test_a_block_row_missing_its_total_is_completed_by_its_sum():
    rows = ["行政复议\t1\t2\t0\t0\t3", "行政诉讼（未经复议直接起诉）\t1\t1\t0\t0", "行政诉讼（复议后起诉）\t0\t0\t0\t0\t0"]
    text = "四、政府信息公开行政复议、行政诉讼情况\n" + "\n".join(rows) + "\n五、存在的主要问题及改进情况\n无。\n"
    report = parse_document(text.encode(), "x.txt")
    assert report.to_dict()["s4"]["litigation_direct"] == {"upheld": 1, "corrected": 1, "other": 0, "pending": 0,
                                                         "total": 2}
    assert "row.repaired" in {f.rule for f in report.findings}


def test_the_one_line_of_fifteen_figures_among_stray_columns_is_the_table():
    """pdftotext on a browser's print: table 三's columns cut by the page break come out as lines of one or two
    figures after the heading of 四, then table 四's row whole."""
    strays = "\n".join(["0"] * 12 + ["0 1", "0 2", "0 0", "4", "33", "2 542", "0 6"])
    text = ("四、政府信息公开行政复议、行政诉讼情况\n" + strays + "\n行政复议\n行政诉讼\n"
            "结果维持 结果纠正 其他结果 尚未审结 总计\n5 17 3 0 25 9 4 0 1 14 9 5 3 0 17\n五、存在的主要问题及改进情况\n")
    report = parse_document(text.encode(), "x.txt").to_dict()
    assert report["s4"] == expected_tables("kaifeng_2021")["s4"]


def test_a_line_of_fifteen_figures_that_does_not_add_up_is_not_taken_for_the_table():
    # among stray figures only the sums show which line is the table: a line that fails them is unread, no error
    strays = "\n".join(["0"] * 12 + ["0 1", "0 2"])
    text = ("四、政府信息公开行政复议、行政诉讼情况\n" + strays + "\n5 17 3 0 26 9 4 0 1 14 9 5 3 0 17\n"
            "五、存在的主要问题及改进情况\n")
    report = parse_document(text.encode(), "x.txt").to_dict()
    assert {value for block in report["s4"].values() for value in block.values()} == {None}
    assert not [f for f in report["findings"] if f["severity"] == "error"]


def test_an_unread_block_row_is_quoted_as_printed_never_as_the_unread_mark():
    # 1 234 567 in a five-column block: 1,234 and 567, or 1 and 234,567; the row's sum cannot tell
    rows = ["行政复议 1 2 0 0 3", "行政诉讼（未经复议直接起诉） 1 234 567 0 0 7", "行政诉讼（复议后起诉） 0 0 0 0 0"]
    text = "四、政府信息公开行政复议、行政诉讼情况\n" + "\n".join(rows) + "\n五、存在的主要问题及改进情况\n无。\n"
    report = parse_document(text.encode(), "x.txt").to_dict()
    assert report["s4"]["litigation_direct"]["upheld"] is None
    [finding] = [f for f in report["findings"] if "s4.litigation_direct.upheld" in f["cells"]]
    assert "1 234 567" in finding["message"] and "\ufffd" not in finding["message"]


# pdfminer.six (boxes top to bottom) writes a table 四 that runs on under table 二 without a heading a column box at
# a time: the review block's label, its broken header words and figures before 行政诉讼 and the litigation blocks
_S4_BOXES_WITHOUT_HEADING = """某县人民政府办公室2021年政府信息公开工作年度报告
一、总体情况
全年主动公开政府信息120条。
二、主动公开政府信息情况
第二十条第（五）项
信息内容
行政许可
本年处理决定数量
7
行政复议
结
果
维
持
结
果
纠
正
其
他
结
果
尚
未
审
结
总
计
1
2
0
0
3
行政诉讼
未经复议直接起诉
结果维持
4
结果纠正
0
其他结果
0
尚未审结
1
总计
5
复议后起诉
结果维持
0
结果纠正
0
其他结果
0
尚未审结
0
总计
0
五、存在的主要问题及改进情况
无。
"""


def test_the_review_block_before_table_fours_first_header_words_is_read_without_a_heading():
    report = parse_document(_S4_BOXES_WITHOUT_HEADING.encode(), "boxes.txt").to_dict()
    assert report["s4"] == {"review": dict(upheld=1, corrected=2, other=0, pending=0, total=3),
                            "litigation_direct": dict(upheld=4, corrected=0, other=0, pending=1, total=5),
                            "litigation_after_review": dict(upheld=0, corrected=0, other=0, pending=0, total=0)}
    (missing,) = [f for f in report["findings"] if f["rule"] == "section.heading_missing"]
    assert "第10行起" in missing["message"]


def test_a_review_label_with_another_tables_words_before_table_fours_header_words_starts_nothing():
    """Table 二's column name among the review block's pieces: its figure and the block's are no longer table 四's
    alone, so the reading starts at 行政诉讼 as before and the review block stays unread, never read wrong."""
    text = _S4_BOXES_WITHOUT_HEADING.replace("本年处理决定数量\n7\n行政复议\n", "行政复议\n本年处理决定数量\n7\n")
    report = parse_document(text.encode(), "boxes.txt").to_dict()
    assert report["s4"]["review"] == dict.fromkeys(("upheld", "corrected", "other", "pending", "total"))


_BLANK_ROWS_WITHOUT_HEADING = """某县人民政府办公室2021年政府信息公开工作年度报告
一、总体情况
全年主动公开政府信息120条。
二、主动公开政府信息情况
第二十条第（五）项
信息内容 本年处理决定数量
行政许可
行政处罚 7
行政复议 行政诉讼
结 结 其 尚 总 未经复议直接起诉 复议后起诉
果 果 他 未 计 结 结 其 尚 总 结 结 其 尚 总
维 纠 结 审 果 果 他 未 计 果 果 他 未 计
持 正 果 结 维 纠 结 审 维 纠 结 审
持 正 果 结 持 正 果 结
五、存在的主要问题及改进情况
无。
"""


def test_a_blank_table_four_printed_in_rows_without_a_heading_is_read_as_blank_zeros():
    # zhoukou_office_2021 with its zeros left empty (行政许可's too), as pdfplumber writes it: table 四 runs on under
    # table 二
    report = parse_document(_BLANK_ROWS_WITHOUT_HEADING.encode(), "rows.txt").to_dict()
    assert report["s4"] == {b.key: dict.fromkeys((c.key for c in S4_COLUMNS), 0) for b in S4_BLOCKS}
    assert {f["rule"] for f in report["findings"]} >= {"cell.blank", "section.heading_missing"}


def test_a_blank_table_four_in_a_cell_stream_whose_every_figure_table_two_read_under_its_label_is_blank_zeros():
    # zhoukou_office_2021 with its zeros left empty as PyMuPDF writes it: a cell a line, each row's label then its
    # figures, table 四's header a character a line; every figure printed is a cell table 二 read under its own
    # label, so none is table 四's
    block = "结\n果\n维\n持\n结\n果\n纠\n正\n其\n他\n结\n果\n尚\n未\n审\n结\n总\n计\n"
    text = ("某县人民政府办公室2021年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息120条。\n"
            "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n规章\n"
            "行政规范性文件\n12\n18\n271\n第二十条第（五）项\n信息内容\n本年处理决定数量\n行政许可\n"
            "第二十条第（六）项\n信息内容\n本年处理决定数量\n行政处罚\n7\n行政强制\n"
            f"行政复议\n行政诉讼\n{block}未经复议直接起诉\n复议后起诉\n{block * 2}五、存在的主要问题及改进情况\n无。\n")
    report = parse_document(text.encode(), "cells.txt").to_dict()
    assert report["s2"]["penalty"]["decisions"] == 7
    assert report["s4"] == {b.key: dict.fromkeys((c.key for c in S4_COLUMNS), 0) for b in S4_BLOCKS}
    # a figure table 二 did not read (规章 short of a cell) may be table 四's: nothing is read as blank
    short = text.replace("规章\n", "规章\n3\n4\n")
    report = parse_document(short.encode(), "cells.txt").to_dict()
    assert report["s4"] is None or all(v is None for block in report["s4"].values() for v in block.values())


def test_table_four_header_words_a_word_a_line_without_figures_are_no_blank_table():
    """A tool writing a cell a line may have put table 四's figures before its header words: no blank reading."""
    header = "行政复议\n行政诉讼\n未经复议直接起诉\n复议后起诉\n" + "结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n" * 3
    text = _BLANK_ROWS_WITHOUT_HEADING.replace(_BLANK_ROWS_WITHOUT_HEADING[
        _BLANK_ROWS_WITHOUT_HEADING.index("行政复议 "):_BLANK_ROWS_WITHOUT_HEADING.index("五、")], header)
    report = parse_document(text.encode(), "cells.txt").to_dict()
    assert report["s4"] is None or all(v is None for block in report["s4"].values() for v in block.values())


def _seed_without_table_four_figures(name: str) -> str:
    text = seed_bytes(name).decode("utf-8")
    figures = text[text.index("四、政府信息公开行政复议"):].split("\n")[5]   # the row under its three header lines
    assert len(figures.split("\t")) == len(S4_BLOCKS) * len(S4_COLUMNS)
    return text.replace(figures + "\n", "")


def test_table_four_without_figures_in_a_report_printing_its_zeros_is_unread_not_blank():
    # kaifeng_2021 prints 0 in tables 二 and 三: a table 四 header with no figure under it is no evidence of blank
    # zeros (its row may be a picture, or cut off), so it is unread, never fifteen zeros
    report = parse_document(_seed_without_table_four_figures("kaifeng_2021").encode(), "k.txt").to_dict()
    assert report["s4"] is None
    assert "table.unread" in {f["rule"] for f in report["findings"]}
    assert not [f for f in report["findings"] if f["rule"] == "cell.blank" and "表四" in f["message"]]


def test_table_four_without_figures_in_a_report_leaving_its_zeros_blank_is_read_as_blank_zeros():
    # the same report with every zero of its tables printed as an empty cell: table 四 printed blank is its zeros
    text = re.sub(r"(?<=\t)0(?=\t|\n)", "", _seed_without_table_four_figures("kaifeng_2021"))
    report = parse_document(text.encode(), "k.txt").to_dict()
    assert report["s4"] == {b.key: dict.fromkeys((c.key for c in S4_COLUMNS), 0) for b in S4_BLOCKS}
    assert len([f for f in report["findings"] if f["rule"] == "cell.blank" and "表四" in f["message"]]) == 3
