"""Web pages turned into documents: saved as Word by LibreOffice, printed to PDF by Chromium.

A page saved as DOCX keeps its layout: an older site's page sits in a table (banner, navigation beside the
article, footer), so the whole report is inside one table's cell, and the title also in the document's title
property. Every figure and the metadata read as from the page itself.
"""

import pytest

from gxparse import parse_document
from tests.gxparse.seeds import expected, expected_tables

TABLE_SEEDS = ["huangchuan_2021", "zhoukou_city_2021", "zhoukou_xinfang_2021", "kaifeng_2021"]


def _assert_exact(report: dict, name: str) -> None:
    for table in ("s2", "s3", "s4"):
        assert report[table] == expected_tables(name)[table], table
    exp = expected(name)
    assert (report["agency"], report["year"], report["template"]) == (exp["agency"], exp["year"], exp["template"])
    assert not [f for f in report["findings"] if f["severity"] == "error"]


@pytest.mark.parametrize("shape", ["page", "layout"])
@pytest.mark.parametrize("name", TABLE_SEEDS)
def test_web_page_saved_as_docx_by_libreoffice(fixtures, name, shape):
    report = parse_document(fixtures.web_docx(name, shape).read_bytes(), f"{name}.{shape}.docx").to_dict()
    assert report["source_type"] == "docx"
    _assert_exact(report, name)


@pytest.mark.parametrize("name", ["kaifeng_2021", "zhoukou_city_2021"])
def test_web_page_printed_by_chromium(fixtures, name):
    report = parse_document(fixtures.chromium_pdf(name, "layout").read_bytes(), f"{name}.pdf").to_dict()
    _assert_exact(report, name)


def test_long_screenshot_of_a_page_is_read_page_by_page_with_its_title(fixtures):
    """The page as one 1240-px-wide image: read in page-high slices, its large bold title read (its strokes
    are no rules to paint out), every figure the text version's."""
    report = parse_document(fixtures.long_screenshot("kaifeng_2021").read_bytes(), "long.png").to_dict()
    exp = expected("kaifeng_2021")
    assert report["source_type"] == "ocr" and report["pages"] >= 3
    assert (report["agency"], report["year"], report["template"]) == (exp["agency"], exp["year"], exp["template"])
    assert {t: report[t] for t in ("s2", "s3", "s4")} == expected_tables("kaifeng_2021")
    assert not [f for f in report["findings"] if f["rule"] == "ocr.low_confidence" or f["severity"] == "error"]
