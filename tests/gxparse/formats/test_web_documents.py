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
