"""Tables a "table to CSV" step wrote from a PDF (pdfplumber's ``extract_tables()`` through ``csv``: the tables
alone, a quoted field over several lines for a wrapped cell, merged cells empty): read as grids."""

from __future__ import annotations

import tracemalloc

import pytest

from gxparse import parse_document
from gxparse.errors import DocumentError, LimitExceeded
from gxparse.readers.csvtables import is_csv, read_csv
from gxparse.readers.sniff import sniff
from tests.gxparse.extracted import EXTRACTED, document_truth

TABLES = EXTRACTED / "pdfplumber-tables"


def _cells(tables: dict) -> dict[str, object]:
    return {f"{t}.{row}.{col}": value for t in ("s2", "s3", "s4") for row, cols in (tables[t] or {}).items()
            for col, value in cols.items()}


@pytest.mark.parametrize("rendering", ["huangchuan_2021.libreoffice", "simsite-c00-2019.reportlab",
                                       "001_huaian_szf_2024.published"])
def test_tables_written_as_csv_are_read_cell_by_cell(rendering):
    # labels wrapped inside quoted fields, 三、本年度办理结果 a column of its own, header fields empty where merged;
    # the real report's first records a framed paragraph of prose
    data = (TABLES / f"{rendering}.txt").read_bytes()
    truth = document_truth(rendering.rsplit('.', 1)[0])
    assert sniff(data) == "csv"
    assert _cells(parse_document(data, "tables.csv").to_dict()) == _cells(truth)


@pytest.mark.parametrize("text", [
    "2024年，全市共受理申请3,119件，答复3,050件，其中1,234件予以公开。\n" * 3 + "二、主动公开政府信息情况\n" * 4,
    "规章 0 0 0\n行政规范性文件 6 32 74\n行政许可 12502\n行政处罚 2331\n行政强制 21\n行政事业性收费 144.4399\n",
])
def test_prose_and_extracted_text_with_commas_are_no_csv(text):
    assert not is_csv(text + "\n")


def test_a_caption_left_without_its_row_takes_no_header_row_of_the_next_table():
    # pdfplumber found no cell for 行政事业性收费 (the report leaves it out): the caption's table ends at a blank line
    # and table 四's header rows follow; its blank slot under 本年收费金额 is no figure of the fee row
    report = parse_document((TABLES / "zhoukou_office_2021.reportlab.txt").read_bytes(), "tables.csv")
    assert report.to_dict()["s2"]["admin_fees"] == {"amount_wan_yuan": None}
    assert "cell.blank" not in {f.rule for f in report.findings}


def test_a_section_no_heading_shows_in_tables_alone_is_not_found_not_missing():
    # the CSV keeps 洪泽's framed paragraphs of 一 and 六 but no heading of 二 to 五: 五 is not shown absent
    report = parse_document((TABLES / "002_huaian_hongze_2023.published.txt").read_bytes(), "tables.csv")
    assert "section.missing" not in {f.rule for f in report.findings}
    assert any(f.rule == "section.not_found" and "第五部分" in f.message for f in report.findings)


def test_a_table_over_the_cells_bound_is_refused_before_its_records_are_filled_out():
    # one record of 2,000 commas over 1,000 short ones: filled out to the widest, 2 million slots; the refusal
    # came after they were made (the same record over 70,000 short ones took the parse past 1 GB)
    text = "项目,本年新收,上年结转\n" * 5 + "," * 2_000 + "\n" + "规章,1,2\n" * 1_000
    tracemalloc.start()
    try:
        with pytest.raises(LimitExceeded, match="表格过大"):
            read_csv(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 << 20


FEES = '''信息内容,本年处理决定数量,
行政许可,1234,
其他对外管理服务事项,0,
行政处罚,12,
行政强制,3,
信息内容,本年收费金额（单位：万元）,
行政事业性收费,"{fee}",
'''


@pytest.mark.parametrize("fee, read", [("144 4399\n.", "144.4399"), ("961716\n.", None), ("1 44 4399\n.", None)])
def test_a_decimal_point_on_a_line_of_its_own_is_put_back_only_where_a_space_shows_where(fee, read):
    # PyMuPDF's find_tables writes a figure's point after it with a space where it stood (144.4399 as 144 4399 / .):
    # without the space (96171.6 as 961716 / .) or with two, nothing says where the point stood
    report = parse_document(FEES.format(fee=fee).encode(), "fees.csv").to_dict()
    assert report["s2"]["admin_fees"]["amount_wan_yuan"] == read


def test_a_table_refused_is_named_by_its_file_its_lines_and_its_widest_record():
    # the refusal said "表1展开合并单元格后 1006 行 × 2001 列": no file line to look at, no advice
    text = ("表三 收到和处理政府信息公开申请情况\n" + '项目,"本年\n新收",上年结转\n' + "规章,1,2\n" * 4 + "," * 2_000 + "\n"
            + "规章,1,2\n" * 1_000)
    with pytest.raises(DocumentError) as refused:
        parse_document(text.encode(), "附件3.csv")
    assert refused.value.source == "附件3.csv"
    assert "表1（文件第 2–1008 行，最宽的是第 8 行的 2001 个字段）有 1006 行 × 2001 列" in refused.value.reason
    assert "请核对文件是否为年度报告" in refused.value.reason
