"""The row grammar on text as PDF extraction hands it on: figures on the line before or after a label, between
the halves of a wrapped label, a vertical group label one character per line, page numbers inside the table,
labels with a typo matched by edit distance."""

from __future__ import annotations

import re
import time

import pytest

from gxparse import parse_document
from gxparse.document import _without_running_headers, lines_from_text
from gxparse import fuzzy
from gxparse.fuzzy import NearestLabel
from gxparse.normalize import label_key
from gxparse.tables.s3 import read_s3
from gxparse.template import S3_ALL_ROWS, S3_NAMELESS_LABELS
from tests.gxparse.seeds import expected_tables, seed_bytes


def _rows(text: str) -> dict[str, list[int | None]]:
    table = read_s3(lines_from_text(text)).table
    assert table is not None
    return {key: [cell.value for cell in cells.values()] for key, cells in table.items()}


def _row(*values: int) -> str:
    return " ".join(map(str, values))


HEAD = f"""一、本年新收政府信息公开申请数量 {_row(9, 0, 0, 0, 0, 0, 9)}
二、上年结转政府信息公开申请数量 {_row(0, 0, 0, 0, 0, 0, 0)}
（一）予以公开 {_row(1, 0, 0, 0, 0, 0, 1)}
"""


def test_figures_before_a_one_line_label_and_between_wrapped_halves():
    rows = _rows(HEAD + f"""（二）部分公开（区分处理的，只计这一情 形，不
{_row(2, 0, 0, 0, 0, 0, 2)}
计其他情形）
{_row(3, 0, 0, 0, 0, 0, 3)}
1.属于国家秘密
2.其他法律行政法规禁止公开 {_row(4, 0, 0, 0, 0, 0, 4)}
""")
    assert rows["result.partial"][0] == 2
    assert rows["result.denied.state_secret"][0] == 3
    assert rows["result.denied.law_prohibited"][0] == 4


def test_a_vertical_group_label_one_character_per_line_between_rows():
    rows = _rows(HEAD + f"""（二）部分公开（区分处理的，只计这一情形，不计其他情形） {_row(2, 0, 0, 0, 0, 0, 2)}
{_row(3, 0, 0, 0, 0, 0, 3)}
1.属于国家秘密
三
、 2.其他法律行政法规禁止公开 {_row(4, 0, 0, 0, 0, 0, 4)}
本
{_row(5, 0, 0, 0, 0, 0, 5)}
年 3.危及“三安全一稳定”
度 4.保护第三方合法权益 {_row(6, 0, 0, 0, 0, 0, 6)}
""")
    assert [rows[k][0] for k in ("result.denied.state_secret", "result.denied.law_prohibited",
                                 "result.denied.security_stability", "result.denied.third_party")] == [3, 4, 5, 6]


def test_a_piece_of_a_group_label_printed_after_a_rows_figures():
    """PyMuPDF's sorted text sets a vertical group label's characters on the line of the row beside them."""
    rows = _rows(HEAD + f"""（二）部分公开（区分处理的，只计这一情形，不计其他情形） {_row(2, 0, 0, 0, 0, 0, 2)}
1.属于国家秘密 {_row(3, 0, 0, 0, 0, 0, 3)} （三）不
予公开
2.其他法律行政法规禁止公开 {_row(4, 0, 0, 1, 0, 0, 5)}结
""")
    assert rows["result.denied.state_secret"] == [3, 0, 0, 0, 0, 0, 3]
    assert rows["result.denied.law_prohibited"] == [4, 0, 0, 1, 0, 0, 5]


@pytest.mark.parametrize("text", ["本机关共受理申请 3 件", "共有 12 4 9 人次", "数据年度 2021 2022 2023 年"])
def test_figures_with_their_unit_after_them_stay_as_printed(text):
    assert lines_from_text(text)[0].label == lines_from_text(text)[0].text.replace("\t", " ")


def test_a_label_broken_before_its_anchor_with_figures_between_the_pieces():
    rows = _rows(HEAD + f"""4.无正当理由大量反复申请 {_row(0, 0, 0, 0, 0, 0, 0)}
5.要求行政机关确认或重新出
{_row(7, 0, 0, 0, 0, 0, 7)}
具已获取信息
（六）其他处理 {_row(0, 0, 0, 0, 0, 0, 0)}
""")
    assert rows["result.not_processed.reconfirm"][0] == 7


@pytest.mark.parametrize("footer", ["- 3 -", "— 3 —", "第 3 页 共 8 页", "第3页", "3/8"])
def test_a_page_number_inside_the_table_is_no_row(footer):
    rows = _rows(HEAD + f"""{_row(10, 0, 0, 0, 0, 0, 10)}
1.本机关不掌握相关政府信息
（四）无法提供
{_row(3, 0, 0, 0, 0, 0, 3)}
2.没有现成信息需要另行制作
{footer}
3.补正后申请内容仍不明确 {_row(0, 0, 0, 0, 0, 0, 0)}
""")
    assert rows["result.unable.not_held"][0] == 10 and rows["result.unable.needs_creation"][0] == 3


def test_a_running_header_repeated_inside_the_table_is_no_label():
    title = "淮安市人民政府2024年政府信息公开工作年度报告"
    rows = _rows(title + "\n" + HEAD + f"""1.本机关不掌 {_row(10, 0, 0, 0, 0, 0, 10)}
- 4 -
{title}
握相关政府信息
2.没有现成信息需要另行制作 {_row(3, 0, 0, 0, 0, 0, 3)}
""")
    assert rows["result.unable.not_held"][0] == 10


def test_a_line_of_column_headers_side_by_side_printed_again_is_no_running_header():
    # v2019's （五） and （六） of table 二 both print 上一年项目数量 本年增/减 (pdftotext, the third header apart)
    text = "\n".join(["标题", "第二十条第（五）项", "上一年项目数量 本年增/减", "行政许可", "34", "第二十条第（六）项",
                      "上一年项目数量 本年增/减", "行政处罚", "6"])
    kept = [line.text for line in _without_running_headers(lines_from_text(text))]
    assert sum("上一年项目数量" in text for text in kept) == 2


def test_figures_after_their_label_still_read():
    rows = _rows(HEAD + f"""1.本机关不掌握相关政府信息
{_row(10, 0, 0, 0, 0, 0, 10)}
2.没有现成信息需要另行制作
{_row(3, 0, 0, 0, 0, 0, 3)}
""")
    assert rows["result.unable.not_held"][0] == 10 and rows["result.unable.needs_creation"][0] == 3


def test_a_label_with_a_typo_is_read_as_its_row_and_flagged():
    read = read_s3(lines_from_text(HEAD + f"2.其他法律行政止公开 {_row(4, 0, 0, 0, 0, 0, 4)}\n"))
    assert read.table["result.denied.law_prohibited"]["total"].value == 4
    fuzzy = [f for f in read.findings if f.rule == "label.fuzzy"]
    assert len(fuzzy) == 1 and "其他法律行政止公开" in fuzzy[0].message


_NEAR = NearestLabel([(row.key, row.label) for row in S3_ALL_ROWS] + [(None, label) for label in S3_NAMELESS_LABELS])


@pytest.mark.parametrize(("label", "key"), [
    ("三 2.其他法律行政止公开", "result.denied.law_prohibited"),      # a stray character in front
    ("4.保护第三方合法权义", "result.denied.third_party"),
    ("3.补正后申请内容仍不明", "result.unable.unclear"),
    ("（五）不予处理", None),                                          # a group label names no row
    ("计其他情形）", None),                                            # the tail of a wrapped label
    ("规章", None),                                                    # too short to tell
])
def test_near_misses_by_edit_distance(label, key):
    assert _NEAR(label) == key


def test_a_line_of_prose_is_measured_only_against_the_labels_it_shares_enough_characters_with(monkeypatch):
    """Every label a line is measured against costs ~10 µs a suffix: 95,000 lines of prose measured against every
    template label took most of a minute; a label sharing under SIMILARITY of its characters can never score it."""
    measured = []
    similarity = fuzzy.Levenshtein.normalized_similarity
    monkeypatch.setattr(fuzzy.Levenshtein, "normalized_similarity",
                        lambda known, text: measured.append(known) or similarity(known, text))
    assert _NEAR("说明第5条工作情况") is None and not measured
    assert _NEAR("4.保护第三方合法权义") == "result.denied.third_party"
    assert set(measured) == {label_key(row.label) for row in S3_ALL_ROWS if row.key == "result.denied.third_party"}


_S2 = """第二十条第（一）项
信息内容 本年制发件数 本年废止件数 现行有效件数
{first} 1 0 11
行政规范性文件 8 26 66
第二十条第（五）项
信息内容 本年处理决定数量
行政许可 447
"""


def test_a_table_two_row_whose_short_label_was_misread_is_read_by_its_place():
    from gxparse.tables.s2 import read_s2
    read = read_s2(lines_from_text(_S2.format(first="大")), "v2021")
    assert [c.value for c in read.table["regulations"].values()] == [1, 0, 11]
    assert [f.rule for f in read.findings] == ["row.by_position"]


def test_table_two_rows_misread_one_after_the_other_are_read_by_their_places():
    from gxparse.tables.s2 import read_s2
    text = _S2.format(first="大").replace("行政规范性文件 8 26 66", "行政规范 生文 8 26 66")
    read = read_s2(lines_from_text(text), "v2021")
    assert [c.value for c in read.table["regulations"].values()] == [1, 0, 11]
    assert [c.value for c in read.table["normative_docs"].values()] == [8, 26, 66]
    assert [f.rule for f in read.findings] == ["row.by_position"] * 2


def test_tables_two_and_four_whose_headings_were_not_read_are_read_where_they_stand():
    from gxparse import parse_document
    text = ("某某县人民政府2024年政府信息公开工作年度报告\n一、总体情况\n概述。\n" + _S2.format(first="规章")
            + "三、收到和处理政府信息公开申请情况\n" + HEAD
            + "政府信息公开行政夏议、行政诉讼恃况\n" + " ".join(["1"] * 4 + ["4"] + ["0"] * 10)
            + "\n五、存在的主要问题及改进情况\n无。\n")
    report = parse_document(text.replace("二、主动公开政府信息情况\n", "").encode(), "x.txt")
    assert report.value("s2.licensing.decisions") == 447 and report.template == "v2021"
    assert report.value("s4.review.total") == 4
    assert [f.rule for f in report.findings if f.rule == "section.heading_missing"] == ["section.heading_missing"] * 2


@pytest.mark.parametrize("cells", [
    ["二、上年结转政府信息公开申请数量", "3", "0", "|", "0", "0", "0", "3"],   # a rule's remnant in a blank cell
    ["二、上年结转政府信息公开申请数量", "3 0 | 0 0 0 3"],                    # column rules not found
])
def test_a_scanned_grid_row_with_a_rule_remnant_or_merged_figures_keeps_its_cells(cells):
    from gxparse.layout.grid import expand_spans, grid_lines
    header = [("申请人情况", 1, 7)]
    first = [("一、本年新收政府信息公开申请数量", 1, 1), *[(v, 1, 1) for v in "9000009"]]
    lines = grid_lines(expand_spans([[("", 1, 1), *header], first, [(c, 1, 1) for c in cells]]), 1)
    assert lines[-1].label == "二、上年结转政府信息公开申请数量"
    assert lines[-1].values == ["3", "0", "", "0", "0", "0", "3"]


def test_figures_a_converter_pushed_under_the_label_columns_stay_values():
    """A DOC converted to DOCX lost the label's span: its first figures sit in the label columns of rows whose
    labels take three columns (三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密)."""
    from gxparse.layout.grid import expand_spans, grid_lines
    spanned = [("三、本年度办理结果", 1, 1), ("(三)不予公开", 1, 1), ("1.属于国家秘密", 1, 1), *[(v, 1, 1) for v in "1000001"]]
    pushed = [("一、本年新收政府信息公开申请数量", 1, 1), *[(v, 1, 1) for v in ["47", "3", "2", "0", "3", "0", "55"]],
              ("", 1, 1), ("", 1, 1)]
    lines = grid_lines(expand_spans([spanned, spanned, pushed]), 1)
    assert lines[-1].label == "一、本年新收政府信息公开申请数量"
    assert lines[-1].values[:7] == ["47", "3", "2", "0", "3", "0", "55"]


@pytest.mark.parametrize(("text", "label", "values"), [
    ("其他对外管理服务事项48 -3 765", "其他对外管理服务事项", ["48", "-3", "765"]),
    ("行政诉讼（未经复议直接起诉）1 — 1 — 2", "行政诉讼(未经复议直接起诉)", ["1", "—", "1", "—", "2"]),
    ("全年共收到申请61 件", "全年共收到申请61 件", []),          # a sentence's number: no figures after it
    ("目前正常运行政务新媒体232", "目前正常运行政务新媒体232", []),
])
def test_a_first_figure_run_into_its_label_is_a_figure(text, label, values):
    """PyMuPDF and pdfminer.six join words set close: a row's first figure comes glued to its label."""
    (line,) = lines_from_text(text)
    assert (line.label, line.values) == (label, values)


def test_a_first_figure_run_into_its_label_over_a_table_printed_a_cell_per_line_is_a_figure():
    lines = lines_from_text("其他对外管理服务事项48\n-3\n765\n目前正常运行政务新媒体232\n家。\n")
    assert [(line.label, line.values) for line in lines] == [
        ("其他对外管理服务事项", []), ("", ["48"]), ("", ["-3"]), ("", ["765"]),
        ("目前正常运行政务新媒体232", []), ("家。", [])]


def test_a_label_printed_around_its_figures_in_two_narrow_cells_names_the_row():
    """A narrow group-label cell beside a narrow item cell, both wrapped, the figures on the middle line: the
    pieces above and below continue each other cell by cell (pdfplumber, PyMuPDF of a Word table), even after
    the tail of the label before them."""
    from gxparse.rows import collect_rows
    from gxparse.tables.s3 import S3_MATCHER
    collected = collect_rows(lines_from_text("""（二）部分公开（区
分处理的，只计这一
21 3 1 25
情形，不计其他情
形）
（三）不 1.属于国
2 2
予公开 家秘密
"""), S3_MATCHER)
    assert collected.rows["result.partial"].values == ["21", "3", "1", "25"]
    assert collected.rows["result.denied.state_secret"].values == ["2", "2"]


def test_a_figure_run_into_its_rows_label_is_the_rows():
    # PyMuPDF writes no space between a label cell and its figure when the figure is the row's only one, and
    # a heading, not a line of figures, follows it
    text = seed_bytes("kaifeng_2021").decode()
    for label in ("行政许可", "行政事业性收费"):
        text = re.sub(rf"\n{label}\t([\d.]+)\t*\n", rf"\n{label}\1\n", text)
    assert "行政事业性收费8937.0276\n" in text and "行政许可206743\n" in text
    report = parse_document(text.encode(), "kaifeng.txt").to_dict()
    assert report["s2"] == expected_tables("kaifeng_2021")["s2"]


@pytest.mark.parametrize(("label", "key"), [
    # 一、本年 over 新收政府信息公开申请数量, written by the characters' places across both lines (PyMuPDF find_tables)
    ("一 新、 收本 政年 府信息公开申请数量", "new_received"),
    ("一新、收本政年府信息公开申请数量", "new_received"),
    ("数量申请公开信息府政收新年本、一", None),                       # the characters, but no two lines' order
])
def test_a_label_of_two_lines_merged_character_by_character_names_its_row(label, key):
    assert _NEAR(label) == key


def test_labels_merged_are_checked_in_bounded_time():
    started = time.process_time()
    for _ in range(200):
        _NEAR("一" * 60 + "、本年新收政府信息公开申请数量")   # long labels are never merged rows
        _NEAR("一新、收本政年府信息公开申请数量")
    assert time.process_time() - started < 5


def test_a_label_continued_below_its_figures_with_a_group_labels_character_glued_in_is_named_by_a_near_miss():
    """pdftotext -layout of a narrow group cell beside a narrow item cell (zhoukou 2021 printed with zeros blank):
    the item's label continues below its figures' line, and 理 of 不予处理 is glued to a piece of it (理诉类申).
    The whole label, no anchor's, is a near miss of one row only; a continued label near no row names none."""
    from gxparse.rows import collect_rows
    from gxparse.tables.s3 import S3_MATCHER
    frozen = """    （五） 1.信访   3                         3
    不予处 举报投
       理诉类申
        请
        2.重复           6                     1            7
        申请
"""
    collected = collect_rows(lines_from_text(frozen), S3_MATCHER)
    assert collected.rows["result.not_processed.petition"].values == ["3", "3"]
    assert collected.rows["result.not_processed.petition"].fuzzy
    assert collected.rows["result.not_processed.duplicate"].values == ["6", "1", "7"]
    unlike = collect_rows(lines_from_text(frozen.replace("举报投", "处罚决").replace("理诉类申", "定书")), S3_MATCHER)
    assert "result.not_processed.petition" not in unlike.rows


def test_a_continued_label_past_the_fuzzy_bound_is_named_untried_not_compared(monkeypatch):
    """The whole labels tried once the lines are read are compared by edit distance within the same bound."""
    from gxparse import rows
    from gxparse.tables.s3 import S3_MATCHER
    monkeypatch.setattr(rows, "MAX_FUZZY_LINES", 0)
    frozen = "（五） 1.信访   3   3\n不予处 举报投\n理诉类申\n请\n"
    collected = rows.collect_rows(lines_from_text(frozen), S3_MATCHER)
    assert "result.not_processed.petition" not in collected.rows
    assert "第1行" in collected.untried


def test_a_near_miss_of_a_continued_label_takes_no_row_another_label_names():
    from gxparse.rows import collect_rows
    from gxparse.tables.s3 import S3_MATCHER
    collected = collect_rows(lines_from_text("""    （五） 1.信访   3                         3
    不予处 举报投
       理诉类申
        请
        1.信访举报投诉类申请    5     5
"""), S3_MATCHER)
    assert collected.rows["result.not_processed.petition"].values == ["5", "5"]


def test_a_blank_mark_beside_a_stray_piece_of_a_label_continued_a_character_a_line_is_label_text():
    """pdftotext -layout of a narrow table (kaifeng 2021): the item label 1.申请人无正当理由… printed a character a
    line beside its group's （六）其他处理, under the row's figures: 无 is a word of the label (其   无), not a blank
    cell, so the label names its row. A blank mark after a label that names its row stays a value."""
    from gxparse.rows import collect_rows
    from gxparse.tables.s3 import S3_MATCHER
    frozen = "（   1.申   1   0   0   0   0   0   1\n六   请\n）   人\n其   无\n他   正\n处   当\n理   理\n" + \
        "".join(f"    {c}\n" for c in "由逾期不补正、行政") + "".join(f"{c}\n" for c in "机关不再处理其政府信息公开申请") + \
        "2.申   0   0   0   0   0   0   0\n请\n人\n逾\n期\n未\n按\n收\n费\n通\n知\n"
    collected = collect_rows(lines_from_text(frozen), S3_MATCHER)
    assert collected.rows["result.other.no_correction"].values == ["1", "0", "0", "0", "0", "0", "1"]
    marked = collect_rows(lines_from_text("2.重复申请   无\n3.要求提供公开出版物   1   0   0   0   0   0   1\n"), S3_MATCHER)
    assert marked.rows["result.not_processed.duplicate"].values == ["无"]
