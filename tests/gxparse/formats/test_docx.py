"""DOCX with real merged cells (gridSpan, vMerge) in the official layout gives the text version's figures."""

import io
import zipfile

import pytest
from docx import Document as WordDocument
from lxml import etree

from gxparse import DocumentError, parse_document
from gxparse.readers.wordfile import read_docx
from tests.gxparse.evidence import assert_errors_rest_on_evidence
from tests.gxparse.formats.compare import assert_same_figures, rules, text_version
from tests.gxparse.seeds import SEEDS


@pytest.mark.parametrize("name", SEEDS)
def test_every_figure_equals_the_text_version(fixtures, name):
    data = fixtures.docx(name).read_bytes()
    report = parse_document(data, f"{name}.docx").to_dict()
    assert report["source_type"] == "docx"
    assert_same_figures(report, name)
    assert_errors_rest_on_evidence(report, data, f"{name}.docx")
    # the text seeds of huangchuan and xinfang print a row short; the DOCX tables are whole
    assert rules(report) == rules(text_version(name)) - {"row.repaired"}


def test_the_fixture_really_has_merged_cells(fixtures):
    xml = zipfile.ZipFile(fixtures.docx("kaifeng_2021")).read("word/document.xml").decode()
    assert xml.count("<w:gridSpan") > 20 and xml.count('<w:vMerge w:val="restart"/>') > 5


def test_vertically_merged_group_label_heads_each_of_its_rows(fixtures):
    lines = read_docx(fixtures.docx("kaifeng_2021").read_bytes(), "x").lines
    row = next(ln for ln in lines if "行政查询" in ln.label)
    assert row.label.startswith("三、本年度办理结果 （三）不予公开") or "不予公开" in row.label
    assert len(row.values) == 7 and row.in_grid


def test_blank_cells_keep_their_column():
    doc = WordDocument()
    table = doc.add_table(rows=4, cols=4)
    rows = [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "", "3", "7"],
            ["行政规范性文件", "1", "2", "9"], ["行政许可", "5", "", ""]]
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    buffer = io.BytesIO()
    doc.save(buffer)
    row = next(ln for ln in read_docx(buffer.getvalue(), "x").lines if ln.label == "规章")
    assert row.values == ["", "3", "7"]


def test_figures_a_paragraph_each_in_one_cell_stay_apart():
    # a cell holding one figure per row it merged, a paragraph each, must not read as one number
    doc = WordDocument()
    table = doc.add_table(rows=1, cols=3)
    table.cell(0, 0).text = "规章"
    table.cell(0, 1).text = "2"
    table.cell(0, 1).add_paragraph("0")
    table.cell(0, 2).text = "7"
    buffer = io.BytesIO()
    doc.save(buffer)
    assert [ln.text for ln in read_docx(buffer.getvalue(), "x").lines] == ["规章\t2 0\t7"]


_TEXT_BOX = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
 xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>
<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx>
</wps:wsp></w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{paragraphs}</w:txbxContent></v:textbox></v:shape></w:pict>
</mc:Fallback></mc:AlternateContent></w:r>"""


def test_a_text_box_is_read_once_as_paragraphs_of_its_own():
    """Word and WPS write a text box twice (DrawingML, and VML for older readers): a title printed in one
    is read once, its lines apart from the paragraph anchoring it."""
    doc = WordDocument()
    anchor = doc.add_paragraph("正文之前")
    paragraphs = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
                         for text in ("临江市人民政府", "2021年政府信息公开工作年度报告"))
    anchor._p.append(etree.fromstring(_TEXT_BOX.format(paragraphs=paragraphs)))
    buffer = io.BytesIO()
    doc.save(buffer)
    assert [ln.text for ln in read_docx(buffer.getvalue(), "x").lines] == [
        "正文之前", "临江市人民政府", "2021年政府信息公开工作年度报告"]


def test_corrupt_and_truncated_docx_raise_document_error(fixtures):
    data = fixtures.docx("kaifeng_2021").read_bytes()
    for broken in (data[: len(data) // 2], data[:30] + b"\x00" * 200 + data[230:]):
        with pytest.raises(DocumentError) as err:
            parse_document(broken, "broken.docx")
        assert "DOCX" in err.value.reason
