"""Zeros printed as marks (—, －, -, –, /, 无, ０, nothing) and tables printed without one figure.

template.md ("Blank = ?"): a dash, a slash, 无 or an empty cell is read as 0 with `cell.blank`; a full-width
０ is a zero. Every reader reads them the same, and a table whose every count is blank (an agency with no
applications or no reviews prints its table empty) is a table of blank zeros, never "no table".
"""

import io
import re

import pytest

from gxparse import parse_document
from simsite.render import _s3_table, _s4_table, render_report_html
from tests.gxparse.formats.build import chromium_print, render_pages
from tests.gxparse.formats.make_docx import write_docx
from tests.gxparse.formats.make_pdf import write_pdf, write_table_pdf
from tests.gxparse.formats.plan import report_plan, with_zero_marks
from tests.gxparse.seeds import expected, expected_tables, report_dict, seed_bytes
from tests.gxparse.test_markdown import FIXTURES

NAME = "kaifeng_2021"
MARKS = ["—", "——", "－", "-", "–", "―", "−", "/", "／", "无", "空", "０", "〇"]
BLANK = {"０", "〇"}.isdisjoint
_ZERO_CELL = re.compile(r"(?<=>)0(?=</td>)")


def _assert_read(report: dict, truth: dict, mark: str) -> None:
    for table in ("s2", "s3", "s4"):
        assert report[table] == truth[table], table
    assert not [f for f in report["findings"] if f["severity"] == "error"]
    assert ("cell.blank" in {f["rule"] for f in report["findings"]}) == BLANK({mark})


def _parse(data: bytes, source: str) -> dict:
    return parse_document(data, source).to_dict()


@pytest.mark.parametrize("mark", MARKS)
def test_text_reads_marks_as_zeros(mark):
    text = re.sub(r"(?<=\t)0(?=\t|$)|^0(?=\t)", mark, seed_bytes(NAME).decode(), flags=re.M)
    _assert_read(_parse(text.encode(), "k.txt"), expected_tables(NAME), mark)


@pytest.mark.parametrize("mark", MARKS)
def test_html_reads_marks_as_zeros(mark):
    page = _ZERO_CELL.sub(mark, render_report_html(report_dict(NAME)))
    _assert_read(_parse(page.encode(), "k.html"), expected_tables(NAME), mark)


@pytest.mark.parametrize("mark", MARKS)
def test_markdown_reads_marks_as_zeros(mark):
    markdown = (FIXTURES / "markdown" / f"{NAME}.markitdown-docx.md").read_text(encoding="utf-8")
    markdown = re.sub(r"(?<=\| )0(?= \|)", mark, markdown)
    _assert_read(_parse(markdown.encode(), "k.md"), expected_tables(NAME), mark)


@pytest.mark.parametrize("mark", MARKS)
def test_docx_reads_marks_as_zeros(mark, tmp_path):
    docx = write_docx(with_zero_marks(report_plan(NAME), mark), tmp_path / "k.docx")
    _assert_read(_parse(docx.read_bytes(), "k.docx"), expected_tables(NAME), mark)


@pytest.mark.parametrize("mark", ["—", "－", "/", "无"])   # reportlab writes ０ without its Unicode
def test_pdf_reads_marks_as_zeros(mark, tmp_path):
    pdf = write_pdf(with_zero_marks(report_plan(NAME), mark), tmp_path / "k.pdf")
    _assert_read(_parse(pdf.read_bytes(), "k.pdf"), expected_tables(NAME), mark)


@pytest.mark.parametrize("mark", ["—", "－", "-"])
def test_scanned_tables_read_dashes_as_zeros(mark, tmp_path):
    """A dash printed thin comes out of a scan grey, and a page reading takes it for a word (一, 王, 已) or for
    nothing: the figures beside it were then read as the row's label."""
    truth = expected_tables(NAME)
    for block in with_zero_marks(report_plan(NAME), mark, ("s3", "s4")).blocks:
        if block.table is None or block.table.key not in ("s3", "s4"):
            continue
        key = block.table.key
        image = io.BytesIO()
        render_pages(write_table_pdf(block.table, block.text or key, tmp_path / f"{key}.pdf"))[0].save(image, "PNG")
        report = _parse(image.getvalue(), f"{key}.png")
        assert report[key] == truth[key], key
        assert not [f for f in report["findings"] if f["severity"] == "error"]
        assert "cell.blank" in {f["rule"] for f in report["findings"]}


# ---------------------------------------------------------------------------------------------------
# tables printed without one figure


def _zeroed(tables: tuple[str, ...]) -> dict:
    """The seed with every count of ``tables`` zero: an agency that had no applications, no reviews."""
    report = report_dict(NAME)
    for table in tables:
        report[table] = {row: {column: 0 for column in cols} for row, cols in report[table].items()}
    return report


BLANK_TABLES = [("s3", ""), ("s4", ""), ("s4", "—"), ("s3", "/")]


def _assert_blank_table(report: dict, truth: dict, table: str) -> None:
    for key in ("s2", "s3", "s4"):
        assert report[key] == truth[key], key
    rules = {f["rule"] for f in report["findings"]}
    assert "cell.blank" in rules and "table.unread" not in rules
    assert not [f for f in report["findings"] if f["severity"] == "error"]
    exp = expected(NAME)
    assert (report["agency"], report["year"], report["template"]) == (exp["agency"], exp["year"], exp["template"])


@pytest.mark.parametrize(("table", "mark"), BLANK_TABLES)
def test_html_table_without_a_figure_is_a_table_of_blanks(table, mark):
    report = _zeroed((table,))
    printed = _s3_table(report["s3"], report["template"]) if table == "s3" else _s4_table(report["s4"])
    page = render_report_html(report).replace(printed, _ZERO_CELL.sub(mark, printed))
    _assert_blank_table(_parse(page.encode(), "k.html"), report, table)


@pytest.mark.parametrize(("table", "mark"), BLANK_TABLES)
def test_docx_table_without_a_figure_is_a_table_of_blanks(table, mark, tmp_path):
    report = _zeroed((table,))
    docx = write_docx(with_zero_marks(report_plan(NAME, report), mark, (table,)), tmp_path / "k.docx")
    _assert_blank_table(_parse(docx.read_bytes(), "k.docx"), report, table)


@pytest.mark.parametrize(("table", "mark"), BLANK_TABLES[:2])
def test_pdf_table_without_a_figure_is_a_table_of_blanks(table, mark, tmp_path):
    report = _zeroed((table,))
    pdf = write_pdf(with_zero_marks(report_plan(NAME, report), mark, (table,)), tmp_path / "k.pdf")
    _assert_blank_table(_parse(pdf.read_bytes(), "k.pdf"), report, table)


def test_chromium_print_of_a_page_with_table_three_blank(tmp_path):
    report = _zeroed(("s3",))
    printed = _s3_table(report["s3"], report["template"])
    page = tmp_path / "page.html"
    page.write_text(render_report_html(report).replace(printed, _ZERO_CELL.sub("", printed)), encoding="utf-8")
    pdf = chromium_print(page, tmp_path / "page.pdf")
    _assert_blank_table(_parse(pdf.read_bytes(), "k.pdf"), report, "s3")


def test_chromium_print_of_a_blank_table_three_continued_over_pages(tmp_path):
    # large type: table 三 runs over four pages, its continuations without the group label's column on the
    # left; their rows, all blank, are read as zeros like the first page's (here by the table's arithmetic:
    # cell.placed_by_sum), never left unread
    report = _zeroed(("s3",))
    printed = _s3_table(report["s3"], report["template"])
    page = tmp_path / "page.html"
    html = render_report_html(report).replace(printed, _ZERO_CELL.sub("", printed))
    page.write_text(html.replace("</head>", "<style>td{font-size:28px;padding:8px}</style></head>"), encoding="utf-8")
    parsed = _parse(chromium_print(page, tmp_path / "page.pdf").read_bytes(), "k.pdf")
    assert len({parsed["table_pages"]["s3"], parsed["table_pages"]["s4"]}) == 2 and parsed["pages"] >= 5
    _assert_blank_table(parsed, report, "s3")
    assert "cell.unread" not in {f["rule"] for f in parsed["findings"]}


def test_chromium_print_with_blank_zeros_continued_over_pages(fixtures):
    # the page's zeros printed empty, table 三 in large type over four pages: each continuation starts at the
    # inner rule right of the group label's column and is laid on the first part's columns
    report = _parse(fixtures.chromium_blank_pdf(NAME).read_bytes(), "k.pdf")
    truth = expected_tables(NAME)
    for table in ("s2", "s3", "s4"):
        assert report[table] == truth[table], table
    assert not [f for f in report["findings"] if f["severity"] == "error"]
