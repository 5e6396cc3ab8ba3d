"""Figures printed with letters for digits or a dash before them, read only where the tables' sums prove the
reading (``gxparse.markedfigures``), and section headings whose glyphs have no text (``gxparse.unmapped``).

The inputs are frozen renderings of the kaifeng seed (markitdown's Markdown of its DOCX, the seed's text) with
one printed cell or heading changed as a producer's or OCR's habit prints it."""

from pathlib import Path

import pytest

from gxparse import parse_document
from gxparse.markedfigures import marked_reading
from gxparse.model import Report

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MARKDOWN = (FIXTURES / "markdown" / "kaifeng_2021.markitdown-docx.md").read_text(encoding="utf-8")
SEED = (FIXTURES / "seeds" / "kaifeng_2021.txt").read_text(encoding="utf-8")
GRANTED = "| （一）予以公开 | | 414 |"
THIRD_PARTY = "| 4.保护第三方合法权益 | 7 | 0 | 0 | 0 | 0 | 0 | 7 |"
REVIEW = "| 5 | 17 | 3 | 0 | 25 |"
HEADING_THREE = "三、收到和处理政府信息公开申请情况"


def _parsed(printed: str, as_printed: str) -> Report:
    assert MARKDOWN.count(printed) == 1
    return parse_document(MARKDOWN.replace(printed, as_printed).encode(), "kaifeng.md")


def _rules(report: Report) -> dict[str, str]:
    return {f.rule: f.severity for f in report.findings}


def _errors(report: Report) -> set[str]:
    return {f.rule for f in report.findings if f.severity == "error"}


@pytest.mark.parametrize(("printed", "reading"), [
    ("4l4", 414), ("lO", 10), ("IO582", 10582), ("o", 0), ("|0", 10), ("—5", 5), ("——5", 5), ("-5", 5),
    ("–12", 12), ("Ol", None), ("12", None), ("l2a", None), ("—", None), ("5—", None)])
def test_a_marked_figure_reads_as_its_letters_written_as_digits_or_its_dashes_left_out(printed, reading):
    assert marked_reading(printed) == reading


def test_letters_for_digits_are_read_where_the_row_sum_leaves_that_figure():
    report = _parsed(GRANTED, GRANTED.replace("414", "4l4"))
    assert report.value("s3.result.granted.natural_person") == 414
    (finding,) = [f for f in report.findings if f.rule == "cell.marks_read"]
    assert finding.severity == "warning" and finding.cells == ["s3.result.granted.natural_person"]
    assert "「4l4」，读作414" in finding.message and "cell.unread" not in _rules(report)


def test_letters_for_digits_the_sums_contradict_stay_unread_and_flagged():
    """l7 read 17 breaks the row (总计 7) and the column: unread, never a figure, never its row read blank."""
    report = _parsed(THIRD_PARTY, THIRD_PARTY.replace("| 7 | 0 |", "| l7 | 0 |"))
    assert report.value("s3.result.denied.third_party.natural_person") is None
    assert report.value("s3.result.denied.third_party.total") == 7
    assert _rules(report).get("cell.unread") == "warning" and "cell.marks_read" not in _rules(report)
    assert _errors(report) == set()


def test_two_lettered_figures_of_one_sum_no_other_sum_weighs_stay_unread():
    """Table 四's review block: l7 and O with 5 + ? + 3 + ? = 25 — 17 and 0 or 0 and 17 alike."""
    report = _parsed(REVIEW, "| 5 | l7 | 3 | O | 25 |")
    assert report.value("s4.review.corrected") is None and report.value("s4.review.pending") is None
    assert "cell.marks_read" not in _rules(report) and _errors(report) == set()


@pytest.mark.parametrize("dash", ["—", "–", "－", "-", "——"])
def test_a_figure_with_a_dash_before_it_is_read_where_the_sums_hold_with_it(dash):
    report = _parsed(THIRD_PARTY, THIRD_PARTY[:-4] + f"{dash}7 |")
    assert report.value("s3.result.denied.third_party.total") == 7
    assert [f.cells for f in report.findings if f.rule == "cell.marks_read"] == [["s3.result.denied.third_party.total"]]
    assert _errors(report) == set()


@pytest.mark.parametrize("dash", ["—", "-"])
def test_a_figure_with_a_dash_before_it_the_sums_contradict_is_unread_never_an_error(dash):
    """—8 or -8 where the row and the column leave 7: neither 8 nor -8, so unread (no value.invalid, no sum
    error accusing the agency of a figure the dash may have garbled)."""
    report = _parsed(THIRD_PARTY, THIRD_PARTY[:-4] + f"{dash}8 |")
    assert report.value("s3.result.denied.third_party.total") is None
    assert _errors(report) == set() and _rules(report).get("cell.unread") == "warning"


@pytest.mark.parametrize("dash", ["—", "-", "－"])
def test_figures_with_a_dash_before_them_no_sum_weighs_are_unread_never_an_error(dash):
    """Table 四's review block 5 + ?17 + 3 + ?0 = 25 printed with two dashed figures: no sum tells a minus the
    agency printed from an extraction's dash, so both are unread and flagged, as table 二's are."""
    report = _parsed(REVIEW, f"| 5 | {dash}16 | 3 | {dash}1 | 25 |")
    assert report.value("s4.review.corrected") is None and report.value("s4.review.pending") is None
    unread = {c for f in report.findings if f.rule == "cell.unread" for c in f.cells}
    assert {"s4.review.corrected", "s4.review.pending"} <= unread and _errors(report) == set()


def test_a_minus_the_sums_read_negative_is_the_agencys_negative_count():
    """5 + 17 + 3 + (-2) = 23: the printed total counts the minus, positive evidence of a negative count."""
    report = _parsed(REVIEW, "| 5 | 17 | 3 | -2 | 23 |")
    assert report.value("s4.review.pending") == -2 and "value.invalid" in _errors(report)


@pytest.mark.parametrize("heading", [
    "".join(chr(0xE000 + i) for i in range(len(HEADING_THREE))),   # private-use codes: no ToUnicode entry
    "\ufffd" * len(HEADING_THREE),                                  # a decoder's replacement characters
    "三、ÌÍÎÏÐÑÒÓÔÕÖרÙÚÛÜ"])                                       # pdfium's glyph codes as Latin signs
def test_a_heading_no_glyph_of_which_has_text_is_named_and_its_table_read_by_its_labels(heading):
    assert SEED.count(HEADING_THREE) == 1
    report = parse_document(SEED.replace(HEADING_THREE, heading).encode(), "kaifeng.txt")
    expected = parse_document(SEED.encode(), "kaifeng.txt")
    assert report.s3 == expected.s3 and report.template == expected.template == "v2021"
    (said,) = [f.message for f in report.findings if f.rule == "section.heading_missing"]
    assert said.startswith(f"未找到第三部分标题（第48行「{heading}」疑为该标题，但含字体未给出文字的字符")
    assert not {"section.missing", "template.mismatch"} & set(_rules(report))


GRANTED_TEXT = "(一) 予以公开\t\t414\t0\t0\t0\t20\t2\t436"
NORMATIVE_TEXT = "行政规范性文件\t134\t262\t1408"
NORMATIVE = "| 行政规范性文件 | 134 | 262 | 1408 |"


def _text_parsed(printed: str, as_printed: str, spaced: bool) -> Report:
    """The seed's text with one row printed otherwise, its cells apart by tabs or (as PDF-to-text tools write
    them) by spaces."""
    assert SEED.count(printed) == 1
    text = SEED.replace(printed, as_printed)
    return parse_document((text.replace("\t", "  ") if spaced else text).encode(), "kaifeng.txt")


@pytest.mark.parametrize("spaced", [False, True])
@pytest.mark.parametrize(("printed", "column", "reading"), [("4l4", "natural_person", 414),
                                                           ("2O", "legal_service_org", 20)])
def test_a_text_rows_lettered_figure_is_read_where_the_sums_prove_it(spaced, printed, column, reading):
    """In a text row as in a grid: 4l4 first (taken for label text it left the row a figure short) or 2O among the
    figures, read as the sums leave it and named."""
    report = _text_parsed(GRANTED_TEXT, GRANTED_TEXT.replace(str(reading), printed), spaced)
    assert report.value(f"s3.result.granted.{column}") == reading
    assert [f.cells for f in report.findings if f.rule == "cell.marks_read"] == [[f"s3.result.granted.{column}"]]
    assert _errors(report) == set()


@pytest.mark.parametrize("spaced", [False, True])
@pytest.mark.parametrize("printed", ["l262", "—262", "-262"])
def test_a_marked_figure_of_table_two_in_text_stays_unread_beside_the_rows_figures(spaced, printed):
    """Table 二 has no sums: the marked figure stays unread and flagged, the row's other figures read, no error
    (a minus no sum weighs is no evidence of a negative count)."""
    report = _text_parsed(NORMATIVE_TEXT, NORMATIVE_TEXT.replace("262", printed), spaced)
    assert [report.value(f"s2.normative_docs.{c}") for c in ("issued", "repealed", "in_force")] == [134, None, 1408]
    assert _rules(report).get("cell.unread") == "warning" and _errors(report) == set()


@pytest.mark.parametrize("printed", ["-262", "－262", "—262", "l262"])
def test_a_marked_figure_of_table_two_in_a_grid_is_unread_never_value_invalid(printed):
    report = _parsed(NORMATIVE, NORMATIVE.replace("262", printed))
    assert report.value("s2.normative_docs.repealed") is None
    assert _rules(report).get("cell.unread") == "warning" and _errors(report) == set()


def test_a_signed_column_of_table_two_keeps_its_minus():
    """2019's table 二 prints changes (增/减): -3 there is a figure read, not a dashed one made unread."""
    path = FIXTURES / "ocrtext" / "tesseract-psm3" / "simsite-c00-2019.reportlab.txt"
    assert parse_document(path.read_bytes(), path.name).value("s2.penalty.delta_items") == -3
