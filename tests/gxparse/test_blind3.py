"""The rules round 3 of the blind renderings asked for (tests/fixtures/blind3, see its README), each on the
rendering that showed it and on the cases around it."""

from __future__ import annotations

import pytest

from gxparse import DocumentError, parse_document
from gxparse.cells import grouped_by_commas
from gxparse.layout.grid import GridCell
from gxparse.layout.turned import upright
from gxparse.readers.latextables import latex_tables_as_html
from tests.gxparse.extracted import EXTRACTED, differences, document_truth, table_cells

BLIND3 = EXTRACTED.with_name("blind3")


@pytest.mark.parametrize("rendering", [
    "eml/002_huaian_hongze_2023.eml",                  # an e-mail's text/html part
    "md-mathpix/002_huaian_hongze_2023.mmd",           # LaTeX tabular tables in Markdown
    "s3-transposed/zhoukou_city_2021.html",            # table 三 turned
    "ocrmypdf-sidecar/simsite-c00-2019.txt",           # a sign spaced from its figure in a ruled row (- 3)
    "tesseract-tsv/simsite-c01-2024.tsv",              # Tesseract's TSV: a row per word
    "word2003-xml/zhoukou_office_2021.xml",            # Word 2003 XML (this report lacks table 三 and a row of 二)
])
def test_every_cell_is_the_reports_figure_and_the_errors_are_the_reports(rendering):
    assert differences(BLIND3 / rendering) == {}


def test_a_latex_rowspan_covers_the_empty_slots_written_under_it():
    table = (r"\begin{tabular}{|l|l|l|}" "\n"
             r"\multicolumn{2}{|l|}{\multirow{2}{*}{项目}} & 自然人 \\ \hline" "\n"
             r" &  & 商业企业 \\" "\n"
             r"\multirow{2}{*}{三、本年度办理结果} & （一）予以公开 & 5 \\" "\n"
             r" & （二）部分公开 & 1\% \\" "\n"
             r"\end{tabular}")
    assert latex_tables_as_html(table).strip() == (
        '<table><tr><td rowspan="2" colspan="2">项目</td><td>自然人</td></tr><tr><td>商业企业</td></tr>'
        '<tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>5</td></tr>'
        "<tr><td>（二）部分公开</td><td>1%</td></tr></table>")


def test_a_latex_span_is_bounded():
    table = r"\begin{tabular}{ll} \multirow{99999}{*}{a} & \multicolumn{100000}{l}{b} \\ \end{tabular}"
    assert latex_tables_as_html(table).strip() == '<table><tr><td rowspan="100">a</td><td colspan="100">b</td></tr></table>'
    nested = r"\multicolumn{2}{l}{" * 6 + "x" + "}" * 6
    cell = latex_tables_as_html(r"\begin{tabular}{ll}" + nested + r" \\ \end{tabular}").strip()
    assert cell.startswith('<table><tr><td colspan="2">\\multicolumn{2}{l}{\\multicolumn{2}{l}{x}}</td>')


def test_a_sign_spaced_from_its_figure_in_one_cell_is_the_signed_figure():
    assert grouped_by_commas("- 3") == "-3"
    assert grouped_by_commas(" - 12 502") == "-12,502"
    # a dash alone (a zero mark) and words stay as they are
    assert grouped_by_commas("-") == "-"
    assert grouped_by_commas("- 3 件") == "- 3 件"


def _grid(rows: list[list[str]]) -> list[list[GridCell]]:
    return [[GridCell(text, r * 100 + c, text.isdigit()) for c, text in enumerate(row)] for r, row in enumerate(rows)]


def test_a_table_is_turned_only_when_applicants_run_down_and_row_labels_across():
    labels = ["", "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量"] + ["（一）予以公开"] * 17 + [
        "四、结转下年度继续办理"]
    applicants = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构"]
    turned = _grid([labels] + [[a] + ["1"] * (len(labels) - 1) for a in applicants])
    assert [s.text for s in upright(turned)[1]] == ["一、本年新收政府信息公开申请数量", "1", "1", "1", "1", "1"]
    # the same applicants down a column under a header of other words: a table of something else
    other = _grid([["", *(f"第{i}季度" for i in range(len(labels) - 1))]]
                  + [[a] + ["1"] * (len(labels) - 1) for a in applicants])
    assert upright(other) is other


def _word_xml(replace: tuple[str, str]) -> bytes:
    xml = (BLIND3 / "word2003-xml" / "zhoukou_city_2021.xml").read_text(encoding="utf-8")
    assert replace[0] in xml
    return xml.replace(*replace, 1).encode("utf-8")


def test_word_xml_sections_wrapped_as_word_2003_writes_them_are_read_as_the_body():
    sect = ("<w:body>", "<w:body><wx:sect><wx:sub-section>")
    xml = _word_xml(sect).replace(b"</w:body>", b"</wx:sub-section></wx:sect></w:body>")
    expected = table_cells(document_truth("zhoukou_city_2021"))
    got = table_cells(parse_document(xml, "zhoukou_city_2021.xml").to_dict())
    assert {cell: (got.get(cell), value) for cell, value in expected.items() if got.get(cell) != value} == {}


def test_word_xml_with_a_doctype_is_refused_with_a_reason():
    xml = _word_xml(('<?mso-application progid="Word.Document"?>',
                     '<?mso-application progid="Word.Document"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'))
    with pytest.raises(DocumentError, match="DOCTYPE"):
        parse_document(xml, "hostile.xml")
