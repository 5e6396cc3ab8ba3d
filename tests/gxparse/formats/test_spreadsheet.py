"""Workbooks: XLSX with the official tables' merged cells, and XLS and ET converted by LibreOffice, give the
text version's figures; cells read as printed; formulas without a saved value are unread, never 0."""

import io
import zipfile

import pytest
from openpyxl import Workbook

from gxparse import DocumentError, parse_document
from gxparse.cells import UNREAD_FIGURE
from gxparse.readers.sniff import sniff
from gxparse.readers.spreadsheet import read_xlsx
from tests.gxparse.evidence import assert_errors_rest_on_evidence
from tests.gxparse.formats.compare import assert_same_figures, assert_same_tables, rules, text_version
from tests.gxparse.seeds import SEEDS

@pytest.mark.parametrize("name", SEEDS)
def test_xlsx_gives_every_figure_of_the_text_version(fixtures, name):
    data = fixtures.xlsx(name).read_bytes()
    assert sniff(data) == "xlsx"
    report = parse_document(data, f"{name}.xlsx").to_dict()
    assert report["source_type"] == "xlsx"
    assert_same_figures(report, name)
    assert_errors_rest_on_evidence(report, data, f"{name}.xlsx")
    # the text seeds of huangchuan and xinfang print a row short; the workbook's tables are whole
    assert rules(report) == rules(text_version(name)) - {"row.repaired"}


def test_the_workbook_really_has_merged_cells(fixtures):
    sheet = zipfile.ZipFile(fixtures.xlsx("kaifeng_2021")).read("xl/worksheets/sheet1.xml").decode()
    assert sheet.count("<mergeCell ") > 20


def test_a_label_merged_down_its_rows_heads_each_of_them(fixtures):
    lines = read_xlsx(fixtures.xlsx("kaifeng_2021").read_bytes(), "x").lines
    row = next(ln for ln in lines if "行政查询" in ln.label)
    assert row.label.startswith("三、本年度办理结果 (三)不予公开") and len(row.values) == 7 and row.in_grid


@pytest.mark.parametrize("name", SEEDS)
def test_three_tables_on_three_sheets_give_the_text_figures(fixtures, name):
    report = parse_document(fixtures.xlsx_tables(name).read_bytes(), f"{name}.xlsx").to_dict()
    assert_same_tables(report, name)
    text = text_version(name)
    # the title row over each sheet names the agency and the year
    assert (report["agency"], report["year"], report["template"]) == (text["agency"], text["year"], text["template"])
    # the tables alone: no accusation that the report lacks its prose, one warning that it is not in this document
    # (zhoukou_office's table 三 is missing indeed, between the sheets of 二 and 四)
    assert not [f for f in report["findings"] if f["rule"] == "section.missing"
                and f["message"].startswith(("缺少第一部分", "缺少第五部分", "缺少第六部分"))]
    (alone,) = [f for f in report["findings"] if f["rule"] == "section.not_found"]
    assert alone["severity"] == "warning" and "文档只含统计表" in alone["message"]


@pytest.mark.parametrize("name", SEEDS)
def test_xls_saved_by_libreoffice_gives_the_text_figures(fixtures, name):
    data = fixtures.xls(name).read_bytes()
    assert sniff(data) == "xls"
    report = parse_document(data, f"{name}.xls").to_dict()
    assert report["source_type"] == "xls"
    assert_same_figures(report, name)
    assert rules(report) == rules(text_version(name)) - {"row.repaired"}


@pytest.mark.parametrize("name", ["kaifeng_2021", "zhoukou_xinfang_2021"])
def test_et_is_sniffed_from_its_bytes_and_gives_the_text_figures(fixtures, name):
    data = fixtures.et(name).read_bytes()
    assert sniff(data) == "et"
    report = parse_document(data, "attachment.bin").to_dict()   # the name says nothing
    assert report["source_type"] == "et"
    assert_same_figures(report, name)


def test_word_documents_are_still_told_from_workbooks(fixtures):
    assert sniff(fixtures.docx("kaifeng_2021").read_bytes()) == "docx"
    assert sniff(fixtures.doc("kaifeng_2021").read_bytes()) == "doc"
    assert sniff(fixtures.wps("kaifeng_2021").read_bytes()) == "wps"


def _workbook(rows: list[list[object]], formats: dict[str, str] | None = None) -> bytes:
    book = Workbook()
    ws = book.active
    for row in rows:
        ws.append(row)
    for ref, number_format in (formats or {}).items():
        ws[ref].number_format = number_format
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _values(data: bytes, label: str) -> list[str]:
    return next(ln.values for ln in read_xlsx(data, "x.xlsx").lines if ln.label == label)


def test_numbers_read_as_the_cells_print_them():
    data = _workbook([["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
                      ["规章", 12.0, 3, 1234],
                      ["行政事业性收费", 144.4399, 144.4, 8937.0276],
                      ["办结率", 0.5]],
                     {"D2": "#,##0", "C3": "0.00", "D3": '0.0000"万元"', "B4": "0%"})
    lines = read_xlsx(data, "x.xlsx").lines
    assert _values(data, "规章") == ["12", "3", "1,234"]            # 12.0 is 12; thousands as formatted
    # decimals kept, or as formatted; the format's unit left to the header
    assert _values(data, "行政事业性收费") == ["144.4399", "144.40", "8937.0276"]
    assert lines[-1].text == "办结率\t50%"


def test_a_formula_without_a_saved_value_is_unread_never_zero():
    # openpyxl saves formulas without their values, as programs that write workbooks do
    data = _workbook([["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
                      ["规章", 1, "=B2-1", 4]])
    assert _values(data, "规章") == ["1", UNREAD_FIGURE, "4"]


def test_a_formula_libreoffice_saved_with_its_value_reads_that_value(fixtures, tmp_path):
    from gxparse.readers import office
    data = _workbook([["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
                      ["规章", 1, "=B2+1", 4]])
    saved = office.convert(data, "x.xlsx", "xls")   # LibreOffice computes the formula and saves its value
    assert _values(saved, "规章") == ["1", "2", "4"]


def test_hidden_sheets_and_default_sheet_names_are_not_read():
    book = Workbook()
    book.active.append(["规章", 1, 0, 4])
    hidden = book.create_sheet("底稿")
    hidden.append(["行政许可", 9])
    hidden.sheet_state = "hidden"
    buffer = io.BytesIO()
    book.save(buffer)
    assert [ln.text for ln in read_xlsx(buffer.getvalue(), "x").lines] == ["规章\t1\t0\t4"]


def test_corrupt_and_truncated_xlsx_raise_document_error(fixtures):
    data = fixtures.xlsx("kaifeng_2021").read_bytes()
    for broken in (data[: len(data) // 2], data[:30] + b"\x00" * 200 + data[230:]):
        with pytest.raises(DocumentError) as err:
            parse_document(broken, "broken.xlsx")
        assert "XLSX" in err.value.reason and err.value.source == "broken.xlsx"
