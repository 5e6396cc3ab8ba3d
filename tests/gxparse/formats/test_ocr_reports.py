"""Whole reports scanned or printed without a text layer, read by OCR page by page: every figure is the text
version's, or a figure that is not is named by ocr.low_confidence, never silently wrong."""

import io
from pathlib import Path

import docx
import pypdf
import pytest
from docx.shared import Inches
from pypdf.generic import NameObject

from gxparse import parse_document
from gxparse.readers.pdf import garbled
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


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_tables_pasted_as_pictures_are_read_by_ocr(fixtures, kind):
    """A report typed in Word with its tables pasted as pictures (screenshots), as a DOCX and printed to PDF:
    the prose is text, the tables are read from the pictures, and their figures accuse no one."""
    name = "huangchuan_2021"
    path = fixtures.pictured_docx(name) if kind == "docx" else fixtures.pictured_pdf(name)
    report = parse_document(path.read_bytes(), path.name).to_dict()
    text = text_version(name)
    assert (report["agency"], report["year"]) == (text["agency"], text["year"])
    assert {t: report[t] for t in TABLES} == {t: text[t] for t in TABLES}
    assert not [f for f in report["findings"] if f["severity"] == "error"]


def test_a_picture_beside_tables_read_from_the_text_changes_nothing(fixtures):
    # a photo of the year's work in a report whose tables are Word tables: the text's reading stands, with
    # the power of its errors (OCR'd figures would be no evidence)
    name = "huangchuan_2021"
    document = docx.Document(str(fixtures.docx(name)))
    document.add_picture(str(fixtures.table_images(name)[0]), width=Inches(6))
    out = io.BytesIO()
    document.save(out)
    with_photo = parse_document(out.getvalue(), "photo.docx").to_dict()
    plain = parse_document(fixtures.docx(name).read_bytes(), "plain.docx").to_dict()
    assert {t: with_photo[t] for t in TABLES} == {t: plain[t] for t in TABLES}
    assert with_photo["findings"] == plain["findings"]


def _without_unicode_maps(pdf: Path) -> bytes:
    """The PDF with every font's /ToUnicode map removed, as some typesetting and export tools write CID fonts:
    the text layer then gives glyph numbers, not characters."""
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(pdf))
    for page in writer.pages:
        for font in page["/Resources"].get_object().get("/Font", {}).values():
            font.get_object().pop(NameObject("/ToUnicode"), None)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_whose_fonts_map_no_unicode_is_read_by_ocr():
    name = "001_huaian_szf_2024"
    report = parse_document(_without_unicode_maps(REAL_DIR / f"{name}.pdf"), "no-tounicode.pdf").to_dict()
    assert report["source_type"] == "ocr" and report["year"] == 2024
    assert {t: report[t] for t in TABLES} == {t: truth(name)[t] for t in TABLES}
    assert not [f for f in report["findings"] if f["severity"] == "error"]


def test_glyph_numbers_are_told_from_text():
    assert garbled("\x10 \x15 \x10㥑ੲ⣛ද倄䉔䛻ᣔ䔇ϓ͆ࣽᆁąĄߌᔗᐦ䃪䪫̵㻾ࡃ䘔䛹㺭ϓ͆⻽ឬ݇᫜倄ౝ⮰㠑ᎎᩫもąふ᫜䬧ࣽጯц")
    assert not garbled("2024 年，我市坚持以习近平新时代中国特色社会主义思想为指导，认真学习宣传贯彻党的二十大精神。Email: a@b.cn")
    assert not garbled("\x10\x15 ᣔ䔇")   # too little to judge: read as it is


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
