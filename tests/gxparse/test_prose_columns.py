"""Prose set in two columns is read column by column (``layout.prosecolumns``): the left column's lines, then
the right's, the title across the page before them; a table printed without rules, whose figures also stand
apart from their labels, keeps its rows; the two-column-prose family reads as its one-column print."""

from pathlib import Path

from gxparse import parse_document
from gxparse.layout.pages import Glyph, Page, document_lines
from tests.gxparse.formats.build import PDF_QUIRKS
from tests.gxparse.formats.make_pdf import write_pdf
from tests.gxparse.formats.plan import report_plan
from tests.gxparse.pdf_families import FAMILIES

_SIZE = 10.0


def _chars(text: str, x: float, y: float) -> list[Glyph]:
    """A glyph per character, as a PDF's text layer gives them."""
    return [Glyph(ch, x + k * _SIZE, y, x + (k + 1) * _SIZE, y + _SIZE) for k, ch in enumerate(text)]


def _column_page() -> Page:
    glyphs = _chars("某某县人民政府二〇二一年政府信息公开工作年度报告全文", 100, 40)
    for n in range(8):
        # the right column's baselines sit a little lower: some lines meet the left's, some do not
        glyphs += _chars(f"左栏第{n}行文字依照条例规定公开政府信息并接受监督", 40, 80 + 20 * n)
        glyphs += _chars(f"右栏第{n}行文字全年共受理申请{n}件均已按期答复完毕", 300, 80 + 20 * n + 6 * (n % 2))
    glyphs += _chars("二、主动公开政府信息情况", 40, 300)   # under both columns, after the space before a heading
    return Page(1, 580, 800, glyphs)


def test_two_columns_of_prose_are_read_one_after_the_other():
    texts = [line.text.replace("\t", "") for line in document_lines([_column_page()])]
    order = [t[:4] for t in texts]
    assert texts[0].startswith("某某县人民政府")
    assert order[1:17] == [f"左栏第{n}" for n in range(8)] + [f"右栏第{n}" for n in range(8)]
    assert texts[17] == "二、主动公开政府信息情况"


def test_a_table_without_rules_keeps_its_rows():
    glyphs: list[Glyph] = []
    for n in range(14):
        glyphs += _chars(f"第{n}行政府信息公开事项名称", 40, 80 + 20 * n)
        glyphs += _chars(str(10 + n), 320, 80 + 20 * n) + _chars(str(20 + n), 420, 80 + 20 * n)
    lines = document_lines([Page(1, 580, 800, glyphs)])
    assert [line.values for line in lines] == [[str(10 + n), str(20 + n)] for n in range(14)]


def test_a_report_with_its_prose_in_two_columns_reads_as_its_one_column_print(tmp_path: Path):
    seed = "zhoukou_city_2021"   # four figures stated in section 一, one of them across two lines of a column
    columns = parse_document(FAMILIES["two-column-prose"](seed, tmp_path / "columns.pdf"), "columns.pdf").to_dict()
    plain = write_pdf(report_plan(seed), tmp_path / "plain.pdf", PDF_QUIRKS[seed]).read_bytes()
    one = parse_document(plain, "plain.pdf").to_dict()
    assert columns["text"]["s1"].replace("\n", "") == one["text"]["s1"].replace("\n", "")
    assert columns["narrative"] == one["narrative"]
