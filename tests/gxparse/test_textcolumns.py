"""Empty cells read back from where layout-kept text (pdftotext -layout, pdfplumber's layout) puts a row's
figures (``gxparse.extraction.textcolumns``). Dev set: tests/fixtures/extracted/pdfplumber-layout, the same PDFs as the other
tools' renderings, with the page's columns kept by spaces."""

from __future__ import annotations


import pytest

from gxparse import parse_document
from gxparse.document import lines_from_text
from gxparse.rows import RawRow
from gxparse.tables.s2 import read_s2
from gxparse.extraction.textcolumns import (header_starts, spread_by_fitted_scale, spread_by_starts,
                                             spread_short_rows, spread_under_characters, spread_under_headers, spread_under_starts)
from tests.gxparse.extracted import EXTRACTED, document_truth

LAYOUT = sorted(p.name.removesuffix(".txt") for p in (EXTRACTED / "pdfplumber-layout").glob("*.txt"))
# pdftotext -layout runs the figures of the seeds' text printed as lines together (0000000): not those; nor the
# narrow prints, whose 表三 labels wrap a character a line (their 表四: test_wrapped_figures)
POPPLER_LAYOUT = sorted(p.name.removesuffix(".txt") for p in (EXTRACTED / "pdftotext-layout").glob("*.txt")
                        if not p.name.endswith(("-blank.txt", ".textview.txt", ".narrow.txt")))


def _row(key: str, figures: dict[float, str], label: str = "甲") -> RawRow:
    """A row of layout-kept text: each figure centred at its place in the line (within half a character)."""
    line = label.ljust(int(min(figures)) - 2)
    for middle, figure in sorted(figures.items()):
        line = line.ljust(int(middle - len(figure) / 2)) + figure
    parsed = lines_from_text(line)[0]
    return RawRow(key, parsed.label, parsed.values, parsed.where, offsets=parsed.value_offsets)


# columns of unequal widths
GRID = (10.5, 16.5, 24.5, 30.5, 36.5, 42.5, 52.0)


def test_a_text_line_split_at_spaces_keeps_where_each_value_stands():
    line = lines_from_text("一、本年新收  68    6            4     2     80")[0]
    assert line.values == ["68", "6", "4", "2", "80"]
    assert line.value_offsets == (9.0, 14.5, 27.5, 33.5, 40.0)


def test_tab_separated_cells_have_no_offsets():
    assert lines_from_text("一、本年新收\t68\t6\t80")[0].offsets == ()


def test_a_page_number_centred_by_layout_keeping_text_is_dropped():
    lines = lines_from_text("2.没有现成信息需要另行制作  3  0  3\n" + " " * 40 + "- 3 -" + " " * 20 + "\n3.其他  1  1")
    assert [line.values for line in lines] == [["3", "0", "3"], ["1", "1"]]


def test_short_rows_are_laid_by_the_columns_of_the_rows_printed_whole():
    whole = {"a": _row("a", dict(zip(GRID, ["1", "2", "3", "4", "5", "6", "21"]))),
             "b": _row("b", dict(zip(GRID, ["2", "2", "2", "2", "2", "2", "12"])))}
    # a row shifted as a whole (its label cells wider): places count from its total
    shifted = {"c": _row("c", {GRID[0] + 6: "7", GRID[3] + 6: "1", GRID[6] + 6: "8"}, "丙丙丙丙")}
    spread = spread_short_rows(whole | shifted, 7).rows
    assert list(spread) == ["c"]
    assert spread["c"].values == ["7", "", "", "1", "", "", "8"]


def test_a_short_row_spaced_a_few_characters_wide_by_its_empty_cells_is_laid_on_a_scale_near_the_whole_rows():
    # PyMuPDF's sorted text (zhoukou 2021, 表三 with zeros blank): columns 8 characters apart, 48 from first to
    # total; a row of 6 … 1 … 7 printed 51 and 17 characters left of its total, 3 off its column by places alone
    columns = [10.0, 17.0, 25.0, 33.0, 41.0, 49.0, 58.0]
    whole = {"a": _row("a", dict(zip(columns, ["306", "4", "5", "6", "9", "4", "334"])))}
    drifted = {"b": _row("b", {7.0: "6", 41.0: "1", 58.0: "7"})}
    assert spread_short_rows(whole | drifted, 7).rows["b"].values == ["6", "", "", "", "1", "", "7"]
    # 44.5 characters left of the total: the first column on a scale of 0.93, the second on one of 1.09: no laying
    between = {"b": _row("b", {13.5: "6", 58.0: "6"})}
    assert spread_short_rows(whole | between, 7).rows == {}


def test_without_rows_printed_whole_columns_of_one_width_are_laid_from_the_widest_row():
    rows = {"a": _row("a", {10.5: "5", 46.5: "5"}),   # the first column and the last: a pitch of 6
            "b": _row("b", {16.5: "1", 28.5: "2", 46.5: "3"}),
            "c": _row("c", {10.5: "1", 22.5: "2", 28.5: "1", 46.5: "4"})}
    spread = spread_short_rows(rows, 7).rows
    assert spread["a"].values == ["5", "", "", "", "", "", "5"]
    assert spread["b"].values == ["", "1", "", "2", "", "", "3"]
    assert spread["c"].values == ["1", "", "2", "1", "", "", "4"]


def test_a_page_with_another_grid_is_laid_by_its_own_rows():
    first = {"a": _row("a", dict(zip(GRID, ["1", "2", "3", "4", "5", "6", "21"]))),
             "b": _row("b", {GRID[0]: "7", GRID[3]: "1", GRID[6]: "8"})}
    wider = [10.5 + 8 * c for c in range(7)]   # the next page printed at another scale, no row whole on it
    second = {"c": _row("c", {wider[0]: "5", wider[6]: "5"}), "d": _row("d", {wider[1]: "1", wider[6]: "1"}),
              "e": _row("e", {wider[0]: "2", wider[4]: "1", wider[6]: "3"})}
    for order, row in enumerate([*first.values(), *second.values()]):
        row.order = order
    spread = spread_short_rows(first | second, 7)
    assert spread.rows["b"].values == ["7", "", "", "1", "", "", "8"]
    assert spread.rows["d"].values == ["", "1", "", "", "", "", "1"]
    assert spread.rows["e"].values == ["2", "", "", "", "1", "", "3"]
    assert spread.by_pitch   # the second page's grid is a pitch: the table's arithmetic must confirm it


def test_a_pitch_is_not_learned_from_two_rows():
    rows = {"a": _row("a", {10.5: "5", 46.5: "5"}), "b": _row("b", {16.5: "1", 46.5: "1"})}
    assert spread_short_rows(rows, 7).rows == {}


def test_a_figure_between_two_columns_lays_no_row():
    rows = {"a": _row("a", {10.5: "5", 46.5: "5"}), "c": _row("c", {16.5: "2", 46.5: "2"}),
            "b": _row("b", {13.5: "1", 46.5: "3"})}   # 1 stands half-way between two columns
    assert spread_short_rows(rows, 7).rows == {}


def test_rows_printed_whole_that_disagree_on_the_columns_give_none():
    rows = {"a": _row("a", dict(zip(GRID, ["1", "2", "3", "4", "5", "6", "21"]))),
            "b": _row("b", dict(zip((10.5, 13.5, 16.5, 19.5, 22.5, 25.5, 52.0), ["2", "2", "2", "2", "2", "2", "12"]))),
            "c": _row("c", {GRID[0]: "7", GRID[3]: "1", GRID[6]: "8"})}
    assert spread_short_rows(rows, 7).rows == {}


@pytest.mark.parametrize("rendering", [f"pdfplumber-layout/{r}" for r in LAYOUT if not r.endswith("-blank")]
                         + [f"pdftotext-layout/{r}" for r in POPPLER_LAYOUT])
def test_layout_text_reads_every_cell(rendering):
    truth = document_truth(rendering.split('/')[1].rsplit('.', 1)[0])
    report = parse_document((EXTRACTED / f"{rendering}.txt").read_bytes(), "r.txt").to_dict()
    assert {t: report[t] for t in ("s2", "s3", "s4")} == {t: truth[t] for t in ("s2", "s3", "s4")}


@pytest.mark.parametrize("rendering", [r for r in LAYOUT if r.endswith("-blank")
                                       and not r.startswith("zhoukou_office")])   # its table 三 has no figure
def test_layout_text_with_zeros_printed_blank_reads_every_row_of_table_three_that_prints_a_figure(rendering):
    # rows printed with no figure at all are the row grammar's and the arithmetic's (test_blank_zeros)
    truth = document_truth(rendering.rsplit('.', 1)[0])
    report = parse_document((EXTRACTED / "pdfplumber-layout" / f"{rendering}.txt").read_bytes(), "r.txt").to_dict()
    printed = {key: row for key, row in truth["s3"].items() if any(row.values())}
    assert {key: report["s3"][key] for key in printed} == printed


def test_text_with_a_space_between_cells_tells_no_column():
    rows = {"a": _row("a", {10.5: "7", 12.5: "2", 14.5: "4", 16.5: "6", 18.5: "7", 20.5: "3", 23.0: "29"}),
            "b": _row("b", {10.5: "8", 12.5: "2", 14.5: "4", 16.5: "6", 18.5: "7", 20.5: "3", 23.0: "30"}),
            "c": _row("c", {21.5: "1", 23.5: "1"})}
    assert spread_short_rows(rows, 7).rows == {}


def test_a_row_printed_short_is_laid_under_its_header_words():
    headers = lines_from_text("信息内容      本年制发件数      本年废止件数      现行有效件数")[0]
    row = lines_from_text("规章" + " " * 10 + "1" + " " * 23 + "4")[0]
    assert spread_under_headers(row.values, row.value_offsets, headers.offsets[1:]) == ["1", "", "4"]
    between = lines_from_text("规章" + " " * 17 + "1" + " " * 16 + "4")[0]   # 1 half-way between two headers
    assert spread_under_headers(between.values, between.value_offsets, headers.offsets[1:]) is None


# kaifeng's 规章 row (本年废止件数 blank) and its table 四 with a blank in three blocks
@pytest.mark.parametrize("rendering", ["kaifeng_2021.reportlab-blank", "kaifeng_2021.libreoffice-blank"])
def test_layout_text_with_zeros_printed_blank_reads_tables_two_and_four_by_their_headers(rendering):
    truth = document_truth("kaifeng_2021")
    report = parse_document((EXTRACTED / "pdfplumber-layout" / f"{rendering}.txt").read_bytes(), "r.txt").to_dict()
    assert report["s2"]["regulations"] == truth["s2"]["regulations"]
    assert report["s4"] == truth["s4"]


# pdftotext -layout: a cell's text starts at its header's column where both start at the cell's left edge;
# a row whose label cells reach further right, or on a page without the header, is shifted as a whole
def _placed(*cells: tuple[int, str]) -> str:
    """A line of layout-kept text with each cell starting at the given character."""
    line = ""
    for start, cell in cells:
        line = line.ljust(start) + cell
    return line


S3_HEADER = [_placed((0, "（本列数据的勾稽关系"), (24, "申请人情况")),
             _placed((0, "为：第一项加第二项之"), (24, "自然人"), (31, "法人或其他组织"), (66, "总计")),
             _placed((0, "和，等于第三项加第四项"), (31, "商业企"), (38, "科研机"), (45, "社会公"), (52, "法律服"),
                     (59, "其他")),
             _placed((0, "之和）"), (31, "业"), (38, "构"), (45, "益组织"), (52, "务机构"))]
S3_LABELS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]


def _at(label: str, figures: dict[int, str]) -> RawRow:
    """A row of layout-kept text with each figure starting at the given character."""
    parsed = lines_from_text(_placed((0, label), *sorted(figures.items())))[0]
    return RawRow("r", parsed.label, parsed.values, parsed.where, offsets=parsed.value_offsets)


def test_header_words_give_where_each_column_starts():
    starts = header_starts(lines_from_text("\n".join(S3_HEADER)), S3_LABELS)
    assert starts == [24, 31, 38, 45, 52, 59, 66]


def test_a_short_row_starting_under_header_words_is_laid_there_and_a_shifted_one_is_not():
    starts = header_starts(lines_from_text("\n".join(S3_HEADER)), S3_LABELS)
    rows = {"crowded": _at("一、本年新收", {24: "508", 31: "2", 52: "33", 59: "2", 66: "545"}),
            "shifted": _at("4.保护", {13: "7", 26: "7"})}
    laid = spread_under_starts(rows, starts)
    assert laid["crowded"].values == ["508", "2", "", "", "33", "2", "545"]
    assert "shifted" not in laid


def test_a_whole_row_not_under_the_header_words_lays_none():
    starts = header_starts(lines_from_text("\n".join(S3_HEADER)), S3_LABELS)
    rows = {"whole": _at("甲", {24: "1", 30: "1", 38: "1", 45: "1", 52: "1", 59: "1", 66: "6"}),
            "short": _at("乙", {24: "3", 66: "3"})}
    assert spread_under_starts(rows, starts) == {}


def test_layout_text_with_a_crowded_row_reads_table_three_under_its_header_words():
    truth = document_truth("kaifeng_2021")
    text = (EXTRACTED / "pdftotext-layout" / "kaifeng_2021.libreoffice-blank.txt").read_bytes()
    assert parse_document(text, "r.txt").to_dict()["s3"] == truth["s3"]


def test_a_row_is_laid_under_headers_printed_a_character_per_line():
    # a figure centred under a CJK character may start one column further: it is two figures wide on the page
    starts = [0, 3, 9, 13, 17]
    row = lines_from_text(_placed((0, "5"), (4, "17"), (9, "3"), (17, "25")))[0]
    assert spread_under_characters(row.values, row.value_offsets, starts) == ["5", "17", "3", "", "25"]
    between = lines_from_text(_placed((0, "5"), (6, "17"), (17, "22")))[0]   # 17 under no header
    assert spread_under_characters(between.values, between.value_offsets, starts) is None
    close = [0, 1, 9, 13, 17]   # headers a character apart: which one a figure is under, its start cannot say
    assert spread_under_characters(row.values, row.value_offsets, close) is None


@pytest.mark.parametrize("rendering", ["kaifeng_2021", "huangchuan_2021"])
def test_layout_text_reads_table_four_under_its_headers_printed_a_character_per_line(rendering):
    # a crowded line (18 5 1) is no padded text: the characters' columns lay it
    truth = document_truth(rendering)
    text = (EXTRACTED / "pdftotext-layout" / f"{rendering}.libreoffice-blank.txt").read_bytes()
    assert parse_document(text, "r.txt").to_dict()["s4"] == truth["s4"]


def test_a_row_is_laid_by_where_its_figures_and_header_words_start():
    # four-character CJK header words' middles in the text are not their middles on the page; their starts are
    headers = lines_from_text(_placed((6, "结果维持"), (11, "结果纠正"), (16, "其他结果"), (21, "尚未审结"), (26, "总计")))[0]
    starts = [offset - len(cell) / 2 for cell, offset in zip(headers.text.split("\t"), headers.offsets)]
    row = lines_from_text(_placed((6, "1"), (25, "1")))[0]
    assert spread_under_headers(row.values, row.value_offsets, headers.offsets) is None
    assert spread_by_starts(row.values, row.value_offsets, starts) == ["1", "", "", "", "1"]
    between = lines_from_text(_placed((6, "1"), (23, "1")))[0]   # between 尚未审结 and 总计
    assert spread_by_starts(between.values, between.value_offsets, starts) is None


@pytest.mark.parametrize("rendering", ["simsite-c00-2022", "simsite-c01-2020"])
def test_layout_text_reads_table_four_by_where_its_header_words_start(rendering):
    truth = document_truth(rendering)
    text = (EXTRACTED / "pdfplumber-layout" / f"{rendering}.reportlab-blank.txt").read_bytes()
    assert parse_document(text, "r.txt").to_dict()["s4"] == truth["s4"]


UNIT = [float(c) for c in range(15)]   # columns of one width, counted in columns


def test_a_row_is_laid_on_the_one_scale_that_fits_its_figures_to_the_columns():
    # PyMuPDF's sorted text, 表四 with zeros blank: its figures 11.6 characters a column apart, the header's 5;
    # 0 3 4 7 10 11 fits within a third of a column too, but 2.8 characters off where columns are 14.7 apart
    row = lines_from_text(_placed((0, "1"), (46, "1"), (58, "1"), (104, "1"), (150, "1"), (162, "1")))[0]
    assert spread_by_fitted_scale(row.values, row.value_offsets, UNIT) == [
        "1", "", "", "", "1", "1", "", "", "", "1", "", "", "", "1", "1"]


def test_a_row_two_scales_fit_differently_is_not_laid():
    # steps of 4, 1, 4 fit columns 0 4 5 9 and 1 5 6 10 alike (the row spans no known width): no laying
    row = lines_from_text(_placed((0, "1"), (46, "1"), (58, "1"), (104, "1")))[0]
    assert spread_by_fitted_scale(row.values, row.value_offsets, UNIT) is None
    two = lines_from_text(_placed((0, "1"), (162, "1")))[0]   # two figures fit any scale
    assert spread_by_fitted_scale(two.values, two.value_offsets, UNIT) is None


@pytest.mark.parametrize("rendering", ["huangchuan_2021.libreoffice-blank", "kaifeng_2021.libreoffice-blank",
                                       "simsite-c00-2019.libreoffice-blank", "simsite-c00-2022.reportlab-blank"])
def test_sorted_text_reads_table_four_on_a_scale_fitted_to_its_header(rendering):
    # header characters a line each (结 / 果 / 维 / 持) or words wrapped over two lines (结果维持 …), figures spaced
    # on another scale, zeros blank
    truth = document_truth(rendering.split('.')[0])
    text = (EXTRACTED / "pymupdf-sort" / f"{rendering}.txt").read_bytes()
    assert parse_document(text, "r.txt").to_dict()["s4"] == truth["s4"]


@pytest.mark.parametrize("printer", ["reportlab-blank", "libreoffice-blank", "cms-blank"])
def test_sorted_text_reads_table_three_whose_empty_cells_space_its_figures_off(printer):
    truth = document_truth("zhoukou_city_2021")
    text = (EXTRACTED / "pymupdf-sort" / f"zhoukou_city_2021.{printer}.txt").read_bytes()
    assert parse_document(text, "r.txt").to_dict()["s3"] == truth["s3"]


@pytest.mark.parametrize("printer", ["reportlab-blank", "libreoffice-blank", "cms-blank"])
def test_sorted_text_lays_an_item_of_table_two_under_the_figures_of_one_printed_whole(printer):
    # 规章  1  4 under 行政规范性文件  134  262  1408, its header words spaced on another scale than figures (the CMS
    # page's header wrapped: 本年废止件 / 数 above and below the line of the other two)
    truth = document_truth("kaifeng_2021")
    text = (EXTRACTED / "pymupdf-sort" / f"kaifeng_2021.{printer}.txt").read_bytes()
    assert parse_document(text, "r.txt").to_dict()["s2"] == truth["s2"]


# kaifeng 2021's 表二 (第二十条第（一）项) in PyMuPDF's sorted text of its CMS page, zeros blank
WRAPPED_HEADER = """
                     本年废止件
    信息内容     本年制发件数        现行有效件数
                       数

     规章                1                         4

   行政规范性文件           134         262          1408
"""


def test_an_item_under_a_header_wrapped_over_lines_is_laid_under_the_item_printed_whole():
    read = read_s2(lines_from_text(WRAPPED_HEADER), "v2021")
    assert {column: cell.value for column, cell in read.table["regulations"].items()} == {
        "issued": 1, "repealed": 0, "in_force": 4}


def test_a_line_naming_one_column_is_no_header_two_items_share():
    # 现行有效件数 alone ends the line: no evidence the two items stand under one header
    text = WRAPPED_HEADER.replace("本年制发件数", "      ")
    read = read_s2(lines_from_text(text), "v2021")
    assert {column: cell.value for column, cell in read.table["regulations"].items()} == {
        "issued": None, "repealed": None, "in_force": None}
