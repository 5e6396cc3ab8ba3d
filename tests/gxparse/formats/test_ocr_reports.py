"""Whole reports scanned or printed without a text layer, read by OCR page by page: every figure is the text
version's, or a figure that is not is named by ocr.low_confidence, never silently wrong."""

import pytest

from gxparse import parse_document
from tests.gxparse.formats.build import scanned_copy
from tests.gxparse.formats.compare import TABLES, text_version
from tests.gxparse.test_real import NAMES, REAL_DIR, truth

# Whole reports scanned page by page: prose, tables split over pages, rows as tall as their text; these three
# also cover a heading OCR garbles (xinfang) and rows found only by their place (all three).
WHOLE = ("huangchuan_2021", "zhoukou_city_2021", "zhoukou_xinfang_2021")


@pytest.mark.parametrize("name", WHOLE)
def test_a_whole_scanned_report_gives_the_text_figures(fixtures, name):
    report = parse_document(fixtures.scanned_report(name).read_bytes(), "scan.pdf").to_dict()
    text = text_version(name)
    assert report["source_type"] == "ocr" and report["year"] == text["year"]
    assert {t: report[t] for t in TABLES} == {t: text[t] for t in TABLES}
    assert report["table_pages"]["s2"] <= report["table_pages"]["s3"] <= report["table_pages"]["s4"]
    assert not [f for f in report["findings"] if f["rule"] == "ocr.low_confidence" or f["severity"] == "error"]


def test_a_pdf_whose_text_was_turned_into_outlines_is_read_by_ocr(fixtures):
    report = parse_document(fixtures.outlined_pdf("huangchuan_2021").read_bytes(), "outlined.pdf").to_dict()
    text = text_version("huangchuan_2021")
    assert report["source_type"] == "ocr" and report["pages"] == 5 and report["year"] == 2021
    assert {t: report[t] for t in TABLES} == {t: text[t] for t in TABLES}
    assert report["sections_present"] == text["sections_present"]


@pytest.mark.parametrize("name", ["kaifeng_2021", "zhoukou_office_2021"])
def test_a_figure_misread_in_a_whole_scanned_report_is_flagged_first_and_not_corrected(fixtures, name):
    """kaifeng's 545 reads as 945 today: the sums fail and that cell is named first; whatever a later engine
    misreads, no cell may differ from the text version without being named."""
    report = parse_document(fixtures.scanned_report(name).read_bytes(), "scan.pdf").to_dict()
    text = text_version(name)
    differing = [f"{t}.{row}.{col}" for t in TABLES for row, cols in (text[t] or {}).items()
                 for col, value in cols.items() if report[t][row][col] != value]
    doubts = [f["cells"] for f in report["findings"] if f["rule"] == "ocr.low_confidence"]
    assert set(differing) <= {cell for cells in doubts for cell in cells}
    if differing:
        assert doubts[0][0] in differing


@pytest.mark.parametrize("name", NAMES)
def test_a_real_report_printed_and_scanned_reads_every_cell_and_accuses_no_one(fixtures, name):
    """The real Jiangsu PDFs (仿宋 prose, shaded paragraphs, lone 1s in wide cells) scanned at 150 dpi: every
    figure is the hand-read one; 洪泽 2023's unbalanced 表四 is said as a warning, since on a scan it could be
    the reading's fault; no finding is an error."""
    path = scanned_copy(REAL_DIR / f"{name}.pdf", fixtures.folder / f"{name}.scan.pdf")
    report = parse_document(path.read_bytes(), path.name).to_dict()
    expected = truth(name)
    assert report["source_type"] == "ocr"
    assert {t: report[t] for t in TABLES} == {t: expected[t] for t in TABLES}
    assert not [f for f in report["findings"] if f["severity"] == "error"]
    if name.startswith("002_"):
        assert [f["cells"][-1] for f in report["findings"] if f["rule"] == "s4.block_sum"] == [
            "s4.review.total", "s4.litigation_after_review.total"]


# Reports written as agencies' Word/WPS files look (formats.build.looks), printed and scanned at 150 dpi: a serif
# face at 16 pt, the title in 22 pt over two lines, a signature; a light grey (#A6A6A6) grid; table 三 over two
# pages, its rows broken at the page's end, ruled in quarter-point grey. The characters' strokes are no rules,
# a grey grid is found, and a table continued on a page that shows more columns is joined.
@pytest.mark.parametrize(("name", "look"), [("kaifeng_2021", "grey"), ("huangchuan_2021", "wps"),
                                            ("huangchuan_2021", "long")])
def test_a_scanned_word_report_of_another_look_gives_the_text_figures(fixtures, name, look):
    report = parse_document(fixtures.scanned_look(name, look).read_bytes(), "scan.pdf").to_dict()
    text = text_version(name)
    assert report["source_type"] == "ocr" and report["year"] == text["year"]
    assert {t: report[t] for t in TABLES} == {t: text[t] for t in TABLES}
    assert not [f for f in report["findings"] if f["rule"] == "ocr.low_confidence" or f["severity"] == "error"]
    if name == "kaifeng_2021":   # 潢川 prints 潢 that OCR reads 江 in the prose too
        assert report["agency"] == text["agency"]
