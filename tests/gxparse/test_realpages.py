"""The rules real report pages as stored text asked for (tests/fixtures/realpages, see its README): reports made up
here, written in the text styles of real agencies' pages, and a page of a flip-book read alone."""

from __future__ import annotations

import pytest

from gxparse import parse_document
from gxparse.document import lines_from_text
from tests.gxparse.extracted import EXTRACTED, document_truth, table_cells

REALPAGES = EXTRACTED.with_name("realpages")


@pytest.mark.parametrize("rendering", [
    "pipe-rows-blank/rp_county_bureau_2023.txt",       # `` | `` rows, zeros left empty between figures
    "cell-lines/rp_district_office_2024.txt",          # a cell a line, an empty cell a bare ``|``
    "cell-lines-rowmark/rp_county_bureau_2023.txt",    # every row opened by a bare ``|``
    "pipe-spacers/rp_district_office_2024.txt",        # spacer bars after a merged row
])
def test_every_cell_is_the_reports_figure_and_nothing_is_an_error(rendering):
    path = REALPAGES / rendering
    report = parse_document(path.read_bytes(), path.name).to_dict()
    truth = document_truth(path.name.partition(".")[0], REALPAGES)
    expected, got = table_cells(truth), table_cells(report)
    assert {cell: (got.get(cell), value) for cell, value in expected.items() if got.get(cell) != value} == {}
    assert [f["rule"] for f in report["findings"] if f["severity"] == "error"] == []
    assert (report["agency"], report["year"]) == (truth["agency"], truth["year"])


def test_empty_cells_between_a_pipe_rows_figures_are_blank_cells_the_spacers_around_it_are_not():
    new, carried, header = lines_from_text("一、本年新收政府信息公开申请数量 | 6 | | | 2 | | | 8 |\n"
                                           "| | 二、上年结转政府信息公开申请数量 | | 1 | | | | | 1 | ||\n"
                                           "第二十条第(一)项 | |||\n")
    assert new.values == ["6", "", "", "2", "", "", "8"]
    assert carried.values == ["", "1", "", "", "", "", "1"]
    assert header.values == []


def test_a_bare_bar_between_cells_a_line_is_an_empty_cell_but_not_before_a_label():
    lines = ["二、主动公开政府信息情况", "第二十条第(一)项 |", "|||", "信息内容 |", "本年制发件数 |", "本年废止件数 |",
             "现行有效件数 |", "规章 |", "|", "|", "2 |", "行政规范性文件 |", "4 |", "|", "9 |"]
    s2 = parse_document("\n".join(lines).encode(), "x.txt").to_dict()["s2"]
    assert s2["regulations"] == {"issued": 0, "repealed": 0, "in_force": 2}
    assert s2["normative_docs"] == {"issued": 4, "repealed": 0, "in_force": 9}


def test_a_flip_books_later_page_read_alone_accuses_no_section_before_it():
    text = ("Page 7 - 南溪县市场监督管理局2021年政府信息公开工作年度报告\nP. 7\n"
            "四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n"
            "结果 结果 其他 尚未 总 未经复议直接起诉 复议后起诉\n"
            "1 0 0 0 1 0 0 0 1 1 0 0 0 0 0\n五、存在的主要问题及改进情况\n人员力量不足。\n")
    report = parse_document(text.encode(), "x.txt").to_dict()
    assert [f["rule"] for f in report["findings"] if f["severity"] == "error"] == []
    assert report["s4"]["litigation_direct"] == {"upheld": 0, "corrected": 0, "other": 0, "pending": 1, "total": 1}
    # the same page as the document's first page: the title over section 四 is evidence the parts are missing
    first = text.replace("Page 7 - ", "").replace("P. 7\n", "")
    assert "section.missing" in {f["rule"] for f in parse_document(first.encode(), "x.txt").to_dict()["findings"]}


@pytest.mark.parametrize("opening, agency, year", [
    ("根据《条例》要求,特编制青石县林业局2022年政府信息公开工作年度报告。本报告包括总体情况等六部分。", "青石县林业局", 2022),
    ("根据《条例》规定,现公布区水务局2021年度政府信息公开工作年度报告,本报告由六部分组成。", "区水务局", 2021),
    # the body speaking of itself names no agency; the year stays the report's
    ("根据《条例》规定,现公布我局2024年政府信息公开工作年度报告,本报告由六部分组成。", None, 2024),
])
def test_the_sentence_announcing_the_report_names_its_agency_and_year(opening, agency, year):
    text = f"{opening}\n一、总体情况\n本机关依法做好政府信息公开工作。\n二、主动公开政府信息情况\n"
    report = parse_document(text.encode(), "x.txt").to_dict()
    assert (report["agency"], report["year"]) == (agency, year)


@pytest.mark.parametrize("part", ["(一)主动公开情况", "主动公开方面"])
def test_the_year_opening_the_prose_under_the_first_parts_heading_is_the_reports(part):
    text = ("一、总体情况\n" f"{part}\n" "2022年,我局认真贯彻《条例》,依法做好政府信息公开工作。\n"
            "二、主动公开政府信息情况\n")
    report = parse_document(text.encode(), "x.txt").to_dict()
    assert (report["year"], report["year_source"]) == (2022, "opening")
