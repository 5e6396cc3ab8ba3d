"""Figures of a scanned table that no sum confirms are named by ocr.low_confidence: those of a sum with a cell
OCR could not read, and those a row's sums filled in; a table whose sums all hold names none."""

from gxparse import parse_document
from gxparse.model import WARNING, Cell, Finding
from gxparse.ocr.checks import low_confidence
from tests.gxparse.seeds import seed_bytes

NAME = "kaifeng_2021"


def _report():
    return parse_document(seed_bytes(NAME), f"{NAME}.txt")


def _named(report) -> set[str]:
    return {cell for f in low_confidence(report) for cell in f.cells}


def test_a_table_whose_sums_all_hold_names_no_cell():
    assert low_confidence(_report()) == []


def test_a_lost_figure_read_as_zero_beside_an_unread_row_is_named():
    """2 of 不予公开2 lost in its row and its total: the row still adds up, and the column that would show it
    cannot be added up for a row OCR could not read."""
    report = _report()
    s3 = report.s3
    s3["result.denied.state_secret"] = {col: Cell(None) for col in s3["result.denied.state_secret"]}
    law = s3["result.denied.law_prohibited"]
    s3["result.denied.law_prohibited"] = {col: Cell(0, "0") for col in law}
    named = _named(report)
    assert {"s3.result.denied.law_prohibited.natural_person", "s3.result.denied.law_prohibited.total"} <= named
    assert "s3.result.denied.state_secret.total" in named
    assert not any(cell.startswith("s4.") for cell in named)


def test_figures_a_row_s_sums_filled_in_are_named():
    report = _report()
    repaired = ["s4.review.upheld", "s4.review.total"]
    report.findings.append(Finding("row.repaired", WARNING, "…", repaired))
    assert set(repaired) <= _named(report)


def test_a_figure_that_could_not_be_read_keeps_its_place_and_is_unreadable():
    """ocr.digits writes U+FFFD for a figure no reading gives (11 read as 也): its row keeps its width."""
    text = seed_bytes(NAME).decode().replace("\t14\t9\t5\t3\t0\t17\n", "\t\ufffd\t9\t5\t3\t0\t17\n")
    report = parse_document(text.encode(), f"{NAME}.txt").to_dict()
    assert report["s4"]["litigation_direct"]["total"] is None
    assert report["s4"]["litigation_direct"]["pending"] == 1 and report["s4"]["litigation_after_review"]["total"] == 17
    unread = [f for f in report["findings"] if f["rule"] == "cell.unread"]
    assert unread and "s4.litigation_direct.total" in unread[0]["cells"]
    assert not [f for f in report["findings"] if f["severity"] == "error"]
