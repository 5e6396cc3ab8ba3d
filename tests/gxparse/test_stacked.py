"""Rows stacked into one (Word/WPS row merges): one row whose cells hold a line per template row."""

import io
import re

import pytest
from docx import Document as WordDocument

from gxparse import parse_document
from gxparse.layout.stacked import unstacked
from gxparse.readers.wordfile import read_docx
from simsite.render import render_report_html
from tests.gxparse.formats.build import chromium_print
from tests.gxparse.seeds import expected_tables, report_dict, seed_prose

NAME = "kaifeng_2021"
WITHHELD = re.compile(r"<td[^>]*>\d\.(属于国家秘密|其他法律行政法规禁止公开|危及|保护第三方|属于三类内部事务|属于四类过程性信息"
                      r"|属于行政执法案卷|属于行政查询事项)")


def _stacked_page(separate) -> str:
    """The seed's official page with rows 1.–8. of （三）不予公开 merged into one row, the way Word merges
    selected rows: the group label and each column a cell, their lines apart by ``separate``; the
    result group's rowspan shrinks by the rows merged away."""
    page = render_report_html(report_dict(NAME, **seed_prose(NAME)))
    rows = [r for r in re.findall(r"<tr>.*?</tr>", page, re.S) if WITHHELD.search(r)]
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", r)[-8:] for r in rows]
    merged = ("<tr><td>（三）不予公开</td>"
              + "".join(f"<td>{separate([c[i] for c in cells])}</td>" for i in range(8)) + "</tr>")
    page = page.replace("".join(rows[:1]), merged, 1)
    for row in rows[1:]:
        page = page.replace(row, "", 1)
    return page.replace('<td rowspan="22">三、本年度办理结果', '<td rowspan="15">三、本年度办理结果')


@pytest.mark.parametrize("separate", [lambda lines: "<br>".join(lines),
                                      lambda lines: "".join(f"<p>{line}</p>" for line in lines)],
                         ids=["br", "paragraphs"])
def test_rows_stacked_in_one_html_row_are_read_as_the_rows(separate):
    page = _stacked_page(separate)
    assert page.count("<br>") + page.count("<p>1.属于国家秘密") >= 1   # the fixture really stacks them
    report = parse_document(page.encode(), "page.html").to_dict()
    assert report["s3"] == expected_tables(NAME)["s3"]
    assert not [f for f in report["findings"] if f["rule"] in ("cell.unread", "cell.missing")]


def test_rows_stacked_in_one_pdf_row_are_read_as_the_rows(tmp_path):
    # the same page printed to PDF: the stacked cell's labels wrap by width, its numbered items tell them apart
    page = tmp_path / "stacked.html"
    page.write_text(_stacked_page(lambda lines: "<br>".join(lines)).replace(
        "<td", '<td style="border:1px solid black"').replace("<table", '<table style="border-collapse:collapse"'),
        encoding="utf-8")
    report = parse_document(chromium_print(page, tmp_path / "stacked.pdf").read_bytes(), "stacked.pdf").to_dict()
    assert report["source_type"] == "pdf"
    assert report["s3"] == expected_tables(NAME)["s3"]


def test_two_rows_of_table_two_stacked_in_one():
    page = render_report_html(report_dict(NAME, **seed_prose(NAME)))
    page = re.sub(r"<tr><td>行政处罚</td><td colspan=\"3\">(\d+)</td></tr>\s*"
                  r"<tr><td>行政强制</td><td colspan=\"3\">(\d+)</td></tr>",
                  r'<tr><td>行政处罚<br>行政强制</td><td colspan="3">\1<br>\2</td></tr>', page)
    assert "行政处罚<br>行政强制" in page
    report = parse_document(page.encode(), "page.html").to_dict()
    assert report["s2"] == expected_tables(NAME)["s2"]


def test_rows_stacked_in_one_word_row_are_read_as_the_rows():
    doc = WordDocument()
    table = doc.add_table(rows=2, cols=4)
    for c, text in enumerate(["（四）无法提供", "1.本机关不掌握相关政府信息", "48", "48"]):
        table.cell(0, c).text = text
    table.cell(1, 0).text = "（五）不予处理"
    for c, lines in enumerate([["1.信访举报投诉类申请", "2.重复申请"], ["1", "2"], ["1", "2"]], start=1):
        table.cell(1, c).text = lines[0]
        table.cell(1, c).add_paragraph(lines[1])
    buffer = io.BytesIO()
    doc.save(buffer)
    rows = [(ln.label, ln.values) for ln in read_docx(buffer.getvalue(), "x").lines]
    assert rows[1:] == [("(五)不予处理 1.信访举报投诉类申请", ["1", "1"]), ("(五)不予处理 2.重复申请", ["2", "2"])]


def test_a_stacked_row_spans_the_cells_around_it():
    rows = [[("三、本年度办理结果", 2, 1), ("（一）予以公开", 1, 1), ("3", 1, 1)],
            [("1.属于国家秘密\n2.其他法律行政", 1, 1), ("0\n2", 1, 1)],
            [("外", 1, 2), ("9", 1, 1)]]
    assert unstacked(rows) == [[("三、本年度办理结果", 3, 1), ("（一）予以公开", 1, 1), ("3", 1, 1)],
                               [("1.属于国家秘密", 1, 1), ("0", 1, 1)],
                               [("2.其他法律行政", 1, 1), ("2", 1, 1)],
                               [("外", 1, 2), ("9", 1, 1)]]


@pytest.mark.parametrize(("row", "read"), [
    # figure cells of unequal lines: the figures of one cell stay apart, the wrapped label joins
    ([("一、本年新收政府信息公\n开申请数量", 1, 1), ("2\n0", 1, 1), ("7", 1, 1)],
     [("一、本年新收政府信息公开申请数量", 1, 1), ("2 0", 1, 1), ("7", 1, 1)]),
    # no label cell names two rows
    ([("行政处罚行政强制", 1, 1), ("10582\n1082", 1, 1)], [("行政处罚行政强制", 1, 1), ("10582 1082", 1, 1)]),
    # three lines are not two labels
    ([("规章\n说明\n备注", 1, 1), ("1\n2", 1, 1)], [("规章说明备注", 1, 1), ("1 2", 1, 1)]),
])
def test_a_row_that_does_not_say_what_it_stacks_is_left_as_it_is(row, read):
    assert unstacked([row]) == [read]
