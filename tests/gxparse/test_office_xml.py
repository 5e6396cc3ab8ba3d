"""ODT (and flat .fodt), Word's Flat OPC and Excel 2003 XML Spreadsheet read as DOCX and XLSX are (``office_xml``
writes the reports so): every figure, only the errors the report deserves; bounded, a clear Chinese message
past a bound."""

import pytest

from gxparse import limits, parse_document
from gxparse.errors import DocumentError
from gxparse.parser import read_document
from gxparse.readers.sniff import sniff
from tests.gxparse.docx_styles import render_docx
from tests.gxparse.html_styles import DESERVING, assert_only_deserved_errors, report_of
from tests.gxparse.office_xml import (flat_opc, odf_content, odf_meta, odf_package, render_fodt, render_odt,
                                      render_xmlss)

# by the kind sniff tells
RENDER = {"odf": render_odt, "flatodf": render_fodt, "flatopc": lambda report: flat_opc(render_docx(report, "word")),
          "spreadsheetml": render_xmlss}
_XMLSS_HEAD = ('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
               'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Sheet1"><Table>')
_XMLSS_TAIL = "</Table></Worksheet></Workbook>"


@pytest.mark.parametrize("name", tuple(DESERVING))
@pytest.mark.parametrize("kind", sorted(RENDER))
def test_every_figure_is_read_and_only_deserved_errors(kind, name):
    data = RENDER[kind](report_of(name))
    assert sniff(data) == kind
    report, truth = parse_document(data, f"{name}.{kind}").to_dict(), report_of(name)
    for table in ("s2", "s3", "s4"):
        assert report[table] == truth[table], table
    assert_only_deserved_errors(report["findings"], name, zeros_empty=False)


def _odt(content: str) -> bytes:
    return odf_package(odf_content(f"<office:text>{content}</office:text>"))


def _lines(data: bytes) -> list[tuple[str, tuple]]:
    return [(line.text, line.values) for line in read_document(data, "x").lines]


def _html_lines(markup: str) -> list[tuple[str, tuple]]:
    """The lines the same table gives as HTML, where spans have been read longest."""
    return _lines(f"<html><body>{markup}</body></html>".encode())


def test_odt_spans_covered_and_repeated_cells_and_deleted_text():
    table = ('<table:table><table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>信息内容</text:p>'
             "</table:table-cell><table:covered-table-cell/><table:table-cell><text:p>件数</text:p></table:table-cell>"
             '</table:table-row><table:table-row><table:table-cell table:number-rows-spanned="2"><text:p>许可</text:p>'
             '</table:table-cell><table:table-cell table:number-columns-repeated="2"><text:p>7</text:p>'
             "</table:table-cell></table:table-row><table:table-row><table:covered-table-cell/><table:table-cell>"
             "<text:p>8<text:note><text:note-body><text:p>注1</text:p></text:note-body></text:note></text:p>"
             "</table:table-cell><table:table-cell><text:p>9</text:p></table:table-cell></table:table-row></table:table>")
    deleted = ("<text:tracked-changes><text:changed-region><text:deletion><text:p>旧稿 999</text:p></text:deletion>"
               "</text:changed-region></text:tracked-changes>")
    assert _lines(_odt(deleted + "<text:p>正文<text:s text:c=\"2\"/>一段</text:p>" + table)) == _html_lines(
        "<p>正文   一段</p><table><tr><td colspan=2>信息内容</td><td>件数</td></tr><tr><td rowspan=2>许可</td><td>7</td>"
        "<td>7</td></tr><tr><td>8</td><td>9</td></tr></table>")


def test_odt_bounds_are_said_in_chinese():
    # repeats are written at most 64 times each: many such rows still run past the slots a table may have
    row = ('<table:table-row table:number-rows-repeated="1000"><table:table-cell table:number-columns-repeated="1000">'
           "<text:p>1</text:p></table:table-cell></table:table-row>")
    with pytest.raises(DocumentError, match="表格过大"):
        parse_document(_odt(f"<table:table>{row * 50}</table:table>"), "big.odt")
    small = f"<table:table>{row}</table:table>"   # 64 x 64 written, and so again in each of 60 tables
    with pytest.raises(DocumentError, match="表格过大"):
        parse_document(_odt(small * 60), "many.odt")
    empty = '<table:table-row table:number-rows-repeated="1000"/>' * 4000
    with pytest.raises(DocumentError, match="表格过大"):
        parse_document(_odt(f"<table:table>{empty}</table:table>"), "empty-rows.odt")
    wide = (f'<table:table><table:table-row><table:table-cell table:number-columns-spanned="{10 ** 9}"><text:p>1</text:p>'
            "</table:table-cell></table:table-row></table:table>")
    assert _lines(_odt(wide)) is not None   # a span past MAX_SPAN is clipped, never a grid of a billion slots
    with pytest.raises(DocumentError, match="DOCTYPE"):
        parse_document(_odt('<!DOCTYPE x [<!ENTITY a "1">]>'), "doctype.odt")


def test_xmlss_index_and_merges_place_cells():
    rows = ('<Row><Cell ss:MergeAcross="1"><Data ss:Type="String">信息内容</Data></Cell><Cell><Data ss:Type="String">件数'
            '</Data></Cell></Row><Row><Cell ss:MergeDown="1"><Data ss:Type="String">许可</Data></Cell><Cell><Data '
            'ss:Type="Number">7</Data></Cell><Cell><Data ss:Type="Number">6</Data></Cell></Row><Row><Cell ss:Index="3">'
            '<Data ss:Type="Number">9</Data></Cell></Row>')
    assert _lines((_XMLSS_HEAD + rows + _XMLSS_TAIL).encode()) == _html_lines(
        "<table><tr><td colspan=2>信息内容</td><td>件数</td></tr><tr><td rowspan=2>许可</td><td>7</td><td>6</td></tr>"
        "<tr><td></td><td>9</td></tr></table>")


def test_xmlss_and_flat_opc_bounds_are_said_in_chinese():
    far = f'<Row ss:Index="{limits.MAX_TABLE_CELLS}"><Cell ss:Index="5"><Data ss:Type="Number">1</Data></Cell></Row>'
    with pytest.raises(DocumentError, match="工作表过大"):
        parse_document((_XMLSS_HEAD + far + _XMLSS_TAIL).encode(), "far.xml")
    # merges of 201 x 201 slots in a staircase, each over the ones before: within a sheet's range, never without
    # bound in all
    merged = "".join(f'<Row><Cell ss:Index="{201 - r}" ss:MergeAcross="200" ss:MergeDown="200"/></Row>'
                     for r in range(1, 201))
    with pytest.raises(DocumentError, match="表格过大"):
        parse_document((_XMLSS_HEAD + merged + _XMLSS_TAIL).encode(), "merged.xml")
    parts = "".join(f'<pkg:part pkg:name="/p{n}.bin"><pkg:binaryData>AA==</pkg:binaryData></pkg:part>'
                    for n in range(limits.MAX_ZIP_MEMBERS + 1))
    package = f'<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">{parts}</pkg:package>'
    with pytest.raises(DocumentError, match="部件过多"):
        parse_document(package.encode(), "many.xml")


def test_xmlss_cell_without_index_follows_the_slots_a_merge_from_above_covers():
    # Excel writes ss:Index after a covered slot; exporters that leave it out mean the next free slot
    rows = ('<Row><Cell ss:MergeDown="1"><Data ss:Type="String">许可</Data></Cell><Cell><Data ss:Type="Number">7'
            '</Data></Cell></Row><Row><Cell><Data ss:Type="Number">8</Data></Cell></Row>')
    assert _lines((_XMLSS_HEAD + rows + _XMLSS_TAIL).encode()) == _html_lines(
        "<table><tr><td rowspan=2>许可</td><td>7</td></tr><tr><td>8</td></tr></table>")


def test_xmlss_hidden_sheet_is_not_read_and_the_title_is_the_workbooks():
    hidden = ('<Worksheet ss:Name="底稿"><Table><Row><Cell><Data ss:Type="String">行政许可</Data></Cell><Cell><Data '
              'ss:Type="Number">999</Data></Cell></Row></Table><WorksheetOptions xmlns="urn:schemas-microsoft-com:'
              'office:excel"><Visible>SheetHidden</Visible></WorksheetOptions></Worksheet>')
    title = ('<DocumentProperties xmlns="urn:schemas-microsoft-com:office:office"><Title>某县2023年政府信息公开工作年度报告'
             "</Title></DocumentProperties>")
    shown = '<Row><Cell><Data ss:Type="String">行政许可</Data></Cell><Cell><Data ss:Type="Number">5</Data></Cell></Row>'
    data = _XMLSS_HEAD.replace("<Worksheet", title + hidden + "<Worksheet") + shown + _XMLSS_TAIL
    document = read_document(data.encode(), "x.xls")
    assert [(line.label, line.values) for line in document.lines if line.values] == [("行政许可", ["5"])]
    assert document.title == "某县2023年政府信息公开工作年度报告"


def test_odt_text_box_is_read_after_its_paragraph_and_the_title_from_meta():
    box = ('<text:p>正文<draw:frame xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"><draw:text-box>'
           "<text:p>框中一段</text:p></draw:text-box></draw:frame>之后</text:p>")
    assert [line.text for line in read_document(_odt(box), "x").lines] == ["正文之后", "框中一段"]
    hidden = '<text:p>行政许可 5<text:hidden-text text:condition="ooow:1" text:string-value="9">9</text:hidden-text></text:p>'
    assert [(line.label, line.values) for line in read_document(_odt(hidden), "x").lines] == [("行政许可", ["5"])]
    titled = odf_package(odf_content("<office:text><text:p>正文</text:p></office:text>"), odf_meta("某县年报"))
    assert read_document(titled, "x").title == "某县年报"


def test_a_flat_spreadsheet_is_sniffed_and_read_as_its_package_is():
    flat = ('<?xml version="1.0"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:'
            'xmlns:table:1.0" office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body>'
            "<office:spreadsheet><table:table><table:table-row><table:table-cell><text:p>规章</text:p></table:table-cell>"
            '<table:table-cell table:number-columns-repeated="2"><text:p>0</text:p></table:table-cell>'
            "</table:table-row></table:table></office:spreadsheet></office:body></office:document>").encode()
    assert sniff(flat) == "flatodf"
    assert sniff(flat.replace(b"office:document ", b"office:document-meta ")) != "flatodf"   # a package's part alone
    assert [(line.label, line.values) for line in read_document(flat, "x.fods").lines] == [("规章", ["0", "0"])]
