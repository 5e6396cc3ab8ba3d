"""Reports as real sites, editors and other projects' converters write them, made without reading gxparse
(tests/fixtures/blind and its round 2, blind2, see their READMEs): every figure read exactly, every error the
report deserves and no other."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from gxparse import parse_document
from tests.gxparse.extracted import EXTRACTED, document_truth, table_cells

BLIND = EXTRACTED.with_name("blind")
FIXTURES = BLIND.parent
RENDERINGS = sorted(str(p.relative_to(FIXTURES)) for p in [*BLIND.glob("blind-*/*.*"), *FIXTURES.glob("blind2/*/*.*")])


def truth(rendering: str) -> dict:
    return document_truth(Path(rendering).name.partition(".")[0])


@lru_cache(maxsize=None)
def parsed(rendering: str) -> dict:
    return parse_document((FIXTURES / rendering).read_bytes(), Path(rendering).name).to_dict()


@pytest.mark.parametrize("rendering", RENDERINGS)
def test_every_cell_is_the_reports_figure(rendering):
    expected, got = table_cells(truth(rendering)), table_cells(parsed(rendering))
    assert {cell: (got.get(cell), value) for cell, value in expected.items() if got.get(cell) != value} == {}


@pytest.mark.parametrize("rendering", RENDERINGS)
def test_the_errors_the_report_deserves_and_no_other(rendering):
    errors = {f["rule"] for f in parsed(rendering)["findings"] if f["severity"] == "error"}
    assert errors == set(truth(rendering)["errors"])


@pytest.mark.parametrize("rendering", RENDERINGS)
def test_agency_year_and_template_are_the_reports(rendering):
    report, expected = parsed(rendering), truth(rendering)
    assert (report["agency"], report["year"], report["template"]) == (
        expected["agency"], expected["year"], expected["template"])


def test_titles_of_other_reports_nothing_tells_apart_leave_the_title_unread():
    # the page's list of other years' reports before the title, and no statistics period to say which is this one's
    page = (BLIND / "blind-md-docling-nav" / "001_huaian_szf_2024.md").read_text(encoding="utf-8")
    cut = page.index("本报告中所列数据的统计期限")
    page = page[:cut] + page[page.index("。", cut) + 1:]
    report = parse_document(page.encode("utf-8"), "001_huaian_szf_2024.md").to_dict()
    assert (report["title"], report["year"]) == (None, None)
    ambiguous = [f for f in report["findings"] if f["rule"] == "title.ambiguous"]
    assert [e["text"] for e in ambiguous[0]["evidence"]] == [
        "淮安市人民政府2023年政府信息公开工作年度报告", "淮安市人民政府2022年政府信息公开工作年度报告",
        "淮安市人民政府2024年政府信息公开工作年度报告"]


def test_a_single_other_row_whose_figures_are_unread_is_named_by_its_printed_label():
    # a 2024 report printing the 2019 layout's one （六）其他处理 row, its figures typed O for 0: the unread cells
    # are that row's, not the 2021 layout's three rows under it, and never a row printed blank
    page = (BLIND / "blind-fujian-fragment" / "003_huaian_hongze_2024.html").read_text(encoding="utf-8")
    start = page.index("（六）其他处理")
    end = page.index("总计", start)
    page = page[:start] + page[start:end].replace("0", "O") + page[end:]
    report = parse_document(page.encode("utf-8"), "003_huaian_hongze_2024.html").to_dict()
    unread = {cell for f in report["findings"] if f["rule"] == "cell.unread" for cell in f["cells"]}
    assert unread == {f"s3.result.other.{column}" for column in (
        "natural_person", "commercial_enterprise", "research_institution", "social_welfare_org",
        "legal_service_org", "other_org", "total")}
    assert not [f for f in report["findings"] if f["severity"] == "error"]


@pytest.mark.parametrize("rendering", ["blind/blind-md-marker/simsite-c00-2019.md",
                                       "htmltext/links/simsite-trs-c00-2020.site.txt",
                                       "htmltext/lxml/simsite-classic-c00-2019.site.txt",
                                       "htmltext/markdownify/simsite-trs-c00-2020.site.txt"])
def test_a_row_whose_label_is_printed_but_whose_figures_are_unread_is_never_missing(rendering):
    # （六）其他处理's figures typed O for 0 (as OCR'd text writes them): its label is printed, so the row is
    # unread (a warning naming its cells), never an error saying the report lacks it
    path = EXTRACTED.parent / rendering
    page = path.read_text(encoding="utf-8")
    start = page.rindex("（六）其他处理")
    end = page.index("总计", start)
    page = page[:start] + page[start:end].replace("0", "O") + page[end:]
    report = parse_document(page.encode("utf-8"), path.name).to_dict()
    assert not [f for f in report["findings"] if f["severity"] == "error"]
    unread = [f for f in report["findings"] if f["rule"] == "cell.unread" and "s3.result.other.total" in f["cells"]]
    assert [e["text"].partition("其他处理")[0] for e in unread[0]["evidence"]] == ["(六)"]
