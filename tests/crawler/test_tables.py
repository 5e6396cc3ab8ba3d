"""Links of a table of agencies by years (crawler.pages.tables), named by their row and column, from a frozen 年报汇总
page (tests/files/table_agencies_by_years.html)."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from crawler.pages.links import page_links
from crawler.steering.classify import Verdict, classify_title, title_agency, title_year

FILES = Path(__file__).resolve().parent.parent / "files"
BASE = "http://www.yunzhou.gov.cn/zwgk/ndbg/hz.html"


def texts() -> dict[str, str]:
    root = lxml.html.fromstring((FILES / "table_agencies_by_years.html").read_bytes())
    return {link.url.removeprefix("http://www.yunzhou.gov.cn"): link.text for link in page_links(root, BASE)}


def test_a_cell_saying_only_view_is_named_by_its_row_and_column():
    text = texts()["/art/2024/1/8842.html"]
    assert (classify_title(text), title_agency(text), title_year(text)) == \
        (Verdict.REPORT, "云州市发展和改革委员会", 2023)


def test_a_cell_saying_only_its_year_is_named_by_its_row():
    text = texts()["/art/2023/1/7732.html"]
    assert (classify_title(text), title_agency(text), title_year(text)) == (Verdict.REPORT, "云州市财政局", 2022)


def test_an_icon_in_a_column_after_a_spanning_header_is_named_by_that_header():
    assert [title_year(texts()[u]) for u in ("/art/2022/1/6620.html", "/files/fgw2021.pdf")] == [2021, 2021]


def test_a_table_without_a_header_row_names_a_link_by_its_row_as_before():
    assert classify_title(texts()["/art/2024/2/100.html"]) is Verdict.LOOKALIKE
