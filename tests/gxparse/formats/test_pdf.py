"""PDF with a text layer: printed from DOCX by LibreOffice, and written directly by reportlab with table 三
split over two pages, stacked headers, wrapped labels, radical code points, a missing cell and blank cells,
with ruled tables or with tables printed without any rule."""

import pypdfium2 as pdfium
import pytest

from gxparse import parse_document
from gxparse.readers.pdf import _rules, read_pdf
from gxparse.template import S3_COLUMNS
from tests.gxparse.formats.build import BORDERLESS_BLANKS, PDF_QUIRKS
from tests.gxparse.evidence import assert_errors_rest_on_evidence
from tests.gxparse.formats.compare import assert_same_figures, rules, text_version
from tests.gxparse.formats.make_pdf import RADICALS
from tests.gxparse.seeds import SEEDS

WITH_S3 = [name for name in SEEDS if text_version(name)["s3"] is not None]


def _parse(path):
    """The PDF parsed; every error it gets rests on evidence the PDF prints."""
    data = path.read_bytes()
    report = parse_document(data, path.name).to_dict()
    assert_errors_rest_on_evidence(report, data, path.name)
    return report


@pytest.mark.parametrize("name", SEEDS)
def test_libreoffice_pdf_gives_the_text_figures(fixtures, name):
    report = _parse(fixtures.libreoffice_pdf(name))
    assert report["source_type"] == "pdf"
    assert_same_figures(report, name)
    assert rules(report) == rules(text_version(name)) - {"row.repaired"}


@pytest.mark.parametrize("name", SEEDS)
def test_reportlab_pdf_gives_the_text_figures(fixtures, name):
    report = _parse(fixtures.reportlab_pdf(name))
    assert report["source_type"] == "pdf"
    assert_same_figures(report, name)
    quirks = PDF_QUIRKS[name]
    extra = {"row.repaired"} if quirks.missing_cell else set()
    extra |= {"cell.blank"} if quirks.blank_zeros_in else set()
    assert rules(report) == (rules(text_version(name)) - {"row.repaired"}) | extra


@pytest.mark.parametrize("name", WITH_S3)
def test_table_three_split_over_two_pages_reads_whole(fixtures, name):
    report = _parse(fixtures.reportlab_pdf(name))
    pages = report["table_pages"]
    assert pages["s3"] < pages["s4"] and pages["s2"] <= pages["s3"]
    assert len(report["s3"]) == 25


def test_pages_and_table_pages_are_recorded(fixtures):
    report = _parse(fixtures.libreoffice_pdf("huangchuan_2021"))
    assert report["pages"] == 5
    assert report["table_pages"] == {"s2": 2, "s3": 2, "s4": 4}


def test_missing_cell_is_realigned_by_arithmetic_as_in_text(fixtures):
    report = parse_document(fixtures.reportlab_pdf("huangchuan_2021").read_bytes(), "x")
    repaired = next(f for f in report.findings if f.rule == "row.repaired")
    assert "印有6个数（应为7个）" in repaired.message and "2, 0, 0, 0, 0, 16, 18" in repaired.message
    assert repaired.message.startswith("表三「（一）予以公开」行（第")


def test_blank_cells_stay_in_their_column_and_are_flagged(fixtures):
    report = _parse(fixtures.reportlab_pdf("zhoukou_city_2021"))
    blank = [f for f in report["findings"] if f["rule"] == "cell.blank"]
    assert blank and all(c.endswith(".research_institution") for f in blank for c in f["cells"])
    assert report["s3"] == text_version("zhoukou_city_2021")["s3"]


def test_radical_code_points_in_the_text_layer_read_as_ideographs(fixtures):
    path = fixtures.reportlab_pdf("zhoukou_city_2021")
    layer = pdfium.PdfDocument(str(path))[0].get_textpage().get_text_range()
    assert any(r in layer for r in RADICALS.values())       # the fixture really writes them
    report = _parse(path)
    assert report["agency"] == "周口市人民政府" and "⺠" not in report["text"]["s1"]


def test_stacked_header_characters_join_into_column_labels(fixtures):
    lines = read_pdf(fixtures.reportlab_pdf("kaifeng_2021").read_bytes(), "x").lines
    header = next(ln for ln in lines if ln.in_grid and "结果维持" in ln.text and "尚未审结" in ln.text)
    assert header.text.count("结果维持") >= 1


def test_wrapped_labels_are_read_whole(fixtures):
    lines = read_pdf(fixtures.libreoffice_pdf("kaifeng_2021").read_bytes(), "x").lines
    assert any("要求行政机关确认或重新出具已获取信息" in ln.label and len(ln.values) == 7 for ln in lines)


@pytest.mark.parametrize("name", SEEDS)
def test_tables_printed_without_rules_give_the_text_figures(fixtures, name):
    path = fixtures.borderless_pdf(name)
    pdf = pdfium.PdfDocument(str(path))
    assert not any(_rules(page, page.get_height()) for page in pdf)   # the fixture really draws no rule
    report = _parse(path)
    assert_same_figures(report, name)
    if name in WITH_S3:
        assert report["table_pages"]["s2"] <= report["table_pages"]["s3"] <= report["table_pages"]["s4"]


# seeds whose blank column of table 三 has a figure somewhere (an all-blank column has nothing to place)
_PLACED_BLANKS = ["huangchuan_2021", "kaifeng_2021", "zhoukou_city_2021"]


@pytest.mark.parametrize("name", _PLACED_BLANKS)
def test_blank_cells_without_rules_stay_in_their_column(fixtures, name):
    report = _parse(fixtures.borderless_pdf(name))
    column = next(c.key for c in S3_COLUMNS if c.label == BORDERLESS_BLANKS[name])
    blank = [c for f in report["findings"] if f["rule"] == "cell.blank" for c in f["cells"]]
    assert blank and all(c.startswith("s3.") and c.endswith(f".{column}") for c in blank)


@pytest.mark.parametrize("name", SEEDS)
def test_tables_printed_as_text_lines_give_the_text_figures(fixtures, name):
    """A report printed from a text view: no rule, no column, figures separated by single spaces. Its lines go
    through the same row grammar as the .txt."""
    report = _parse(fixtures.text_view_pdf(name))
    assert report["source_type"] == "pdf"
    assert_same_figures(report, name)
    assert rules(report) == rules(text_version(name))
