"""The rules round 5 of the blind renderings asked for (tests/fixtures/blind4, see its README), each on the
rendering that showed it and on the cases around it."""

from __future__ import annotations

import json

import pytest

from gxparse import parse_document
from gxparse.normalize import normalize_text
from gxparse.readers.html import read_html
from gxparse.readers.jsondoc import read_json
from gxparse.readers.ocrboxes import read_ocr_answer, read_paddle_lines
from gxparse.readers.odf import read_odf
from gxparse.readers.sniff import sniff
from gxparse.readers.spreadsheetml import read_spreadsheet_xml
from tests.gxparse.extracted import EXTRACTED, differences, document_truth, table_cells
from tests.gxparse.office_xml import odf_content, odf_package

BLIND4 = EXTRACTED.with_name("blind4")


def _read(rendering: str) -> tuple[dict, dict]:
    path = BLIND4 / rendering
    return parse_document(path.read_bytes(), path.name).to_dict(), document_truth(path.name.partition(".")[0])


@pytest.mark.parametrize("rendering", [
    "word-mht/simsite-c01-2020.mht",                   # Word's .mht: its theme part is no attachment
    "thepaper-next/simsite-c00-2022.html",             # the article only in Next.js's __NEXT_DATA__ JSON
    "odt/huangchuan_2021.odt",                         # OpenDocument text: covered-table-cells under spans
    "spreadsheetml/zhoukou_city_2021.xls",             # Excel 2003 XML Spreadsheet: ss:Index, MergeAcross/Down
    "pdf-column-order/001_huaian_szf_2024.pdf",        # a label wrapped alone above its row's figures, no rules
    "big5-fanti/simsite-c01-2024.html",                # 繁體 labels in Big5 (總計, 機構, 屬於)
    "paddleocr-raw/001_huaian_szf_2024.txt",           # PaddleOCR's boxes printed a line each
    "tencent-ocr-json/003_huaian_hongze_2024.json",    # Tencent OCR's TextDetections, a page per answer
])
def test_every_cell_is_the_reports_figure_and_the_errors_are_the_reports(rendering):
    assert differences(BLIND4 / rendering) == {}


def test_curly_quotes_in_a_scripts_string_do_not_end_it():
    # the page's normalisation makes “ ” ASCII quotes: inside a script's literal they would close it early
    page = ('<html><body><div id="c"></div><script>var content = "<table><tr><td>3.危及“三安全一稳定”</td>'
            '<td>7</td></tr></table>";</script></body></html>')
    assert [(line.label, line.values) for line in read_html(page).lines] == [('3.危及"三安全一稳定"', ["7"])]


def _odf(body: str, kind: str = "text") -> bytes:
    return odf_package(odf_content(body), kind=kind)


def test_an_opendocument_is_sniffed_by_its_mimetype_part_and_its_deleted_text_left_out():
    data = _odf('<office:text><text:tracked-changes><text:changed-region><text:deletion><text:p>行政许可 999'
                '</text:p></text:deletion></text:changed-region></text:tracked-changes>'
                '<text:p>行政许可<text:s text:c="2"/>36</text:p></office:text>')
    assert sniff(data) == "odf"
    assert [(line.label, line.values) for line in read_odf(data, "a.odt").lines] == [("行政许可", ["36"])]


def test_a_spreadsheets_repeated_cells_are_written_a_bounded_number_of_times():
    row = ('<table:table-row><table:table-cell><text:p>规章</text:p></table:table-cell>'
           '<table:table-cell table:number-columns-repeated="3"><text:p>0</text:p></table:table-cell>'
           '<table:table-cell table:number-columns-repeated="16000"/></table:table-row>')
    data = _odf(f'<office:spreadsheet><table:table>{row}<table:table-row table:number-rows-repeated="1048000">'
                "<table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row></table:table>"
                "</office:spreadsheet>", "spreadsheet")
    assert [(line.label, line.values) for line in read_odf(data, "a.ods").lines] == [("规章", ["0", "0", "0"])]


def test_a_cell_repeated_to_the_sheets_edge_is_written_a_bounded_number_of_times():
    row = ('<table:table-row><table:table-cell><text:p>规章</text:p></table:table-cell><table:table-cell '
           'table:number-columns-repeated="1000000"><text:p>0</text:p></table:table-cell></table:table-row>')
    lines = read_odf(_odf(f"<office:spreadsheet><table:table>{row}</table:table></office:spreadsheet>",
                          "spreadsheet"), "a.ods").lines
    assert [line.label for line in lines] == ["规章"] and 3 <= len(lines[0].values) < 100


def test_a_baidu_table_answer_is_read_as_its_tables_and_as_ocr():
    report, truth = _read("baidu-table-json/kaifeng_2021.json")
    expected, got = table_cells(truth), table_cells(report)
    assert {cell: (got.get(cell), value) for cell, value in expected.items() if got.get(cell) != value} == {}
    assert "ocr.low_confidence" in {f["rule"] for f in report["findings"]}


def test_a_row_every_cell_of_which_a_span_covers_still_counts():
    answer = {"tables_result": [{"header": [], "footer": [], "body": [
        {"row_start": 0, "row_end": 2, "col_start": 0, "col_end": 1, "words": "行政处罚"},
        {"row_start": 0, "row_end": 2, "col_start": 1, "col_end": 2, "words": "5"},
        {"row_start": 2, "row_end": 3, "col_start": 0, "col_end": 1, "words": "行政强制"},
        {"row_start": 2, "row_end": 3, "col_start": 1, "col_end": 2, "words": "7"}]}]}
    document = read_ocr_answer(answer)
    assert document is not None and document.ocr_text
    assert [(line.label, line.values) for line in document.lines if line.values] == [("行政处罚", ["5"]),
                                                                                    ("行政强制", ["7"])]


def test_a_paddle_box_far_above_the_one_before_begins_a_page():
    box = "[[[{x}, {y}], [{x2}, {y}], [{x2}, {y2}], [{x}, {y2}]], ('{t}', 0.99)]"
    lines = [box.format(x=100, x2=300, y=y, y2=y + 36, t=t) for y, t in ((1500, "第一页末行"), (1600, "第一页页码"))]
    lines += [box.format(x=100, x2=300, y=120, y2=156, t="第二页首行")]
    document = read_paddle_lines("\n".join(lines))
    assert document.ocr_text and [line.page for line in document.lines] == [1, 1, 2]


def test_traditional_characters_outside_gb2312_read_as_their_simplified_ones_and_no_others():
    assert normalize_text("社會公益組織 總計 屬於國家祕密 東湖區") == "社会公益组织 总计 属於国家秘密 东湖区"
    assert normalize_text("著作 乾坤 於是") == "著作 乾坤 於是"   # simplified text writes these too


def test_a_spreadsheetml_cell_follows_the_merged_cell_before_it_or_its_own_index():
    rows = ('<Row><Cell ss:MergeAcross="1"><Data ss:Type="String">行政许可</Data></Cell>'
            '<Cell><Data ss:Type="Number">5</Data></Cell><Cell><Data ss:Type="Number">8</Data></Cell></Row>'
            '<Row><Cell><Data ss:Type="String">行政处罚</Data></Cell><Cell ss:Index="4"><Data ss:Type="Number">6'
            "</Data></Cell></Row>")
    data = ('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:'
            f'schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="表二"><Table>{rows}</Table></Worksheet>'
            "</Workbook>").encode()
    assert sniff(data) == "spreadsheetml"
    assert [(line.label, line.values) for line in read_spreadsheet_xml(data, "a.xls").lines if line.values] == [
        ("行政许可", ["5", "8"]), ("行政处罚", ["", "6"])]


def test_a_data_portals_record_per_figure_is_put_back_into_the_reports_tables():
    report, truth = _read("csv-long/002_huaian_hongze_2023.csv")
    expected, got = table_cells(truth), table_cells(report)
    assert {cell: (got.get(cell), value) for cell, value in expected.items() if got.get(cell) != value} == {}
    assert {f["rule"] for f in report["findings"] if f["severity"] == "error"} == set(truth["errors"])


def test_a_detail_answers_markup_wins_over_a_boxed_text_beside_it():
    answer = {"data": {"title": "某区2023年政府信息公开工作年度报告", "cover": {
        "text": "封面", "location": {"left": 1, "top": 2, "width": 3, "height": 4}},
        "content": "<p>二、主动公开政府信息情况</p><table><tr><td>行政许可</td><td>36</td></tr></table>"}}
    lines = read_json(json.dumps(answer).encode(), "a.json").lines
    assert [(line.label, line.values) for line in lines if line.values] == [("行政许可", ["36"])]


@pytest.mark.parametrize("rendering", ["xls-html-export/zhoukou_xinfang_2021.xls",   # titled …年度报告统计表
                                       "xls-html-export/001_huaian_szf_2024.xls"])
def test_a_platforms_export_of_the_tables_alone_is_no_report_lacking_its_prose(rendering):
    # the tables under their own title, the report's prose published apart: no section.missing, one warning
    report, truth = _read(rendering)
    assert table_cells(report) == table_cells(truth)
    assert {f["rule"] for f in report["findings"] if f["severity"] == "error"} == set(truth["errors"])
    (alone,) = [f for f in report["findings"] if f["rule"] == "section.not_found"]
    assert alone["severity"] == "warning" and "文档只含统计表" in alone["message"]
