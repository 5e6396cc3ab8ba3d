"""A crawl of a sixteenth portal, habits of real sites in showing a report, listing it and reaching a county's
towns that no other portal has (tests/crawler/portal_p.py), over real HTTP, from its home page alone: every report
found and nothing else."""

from __future__ import annotations

import pytest

from tests.crawler.portal_checks import expected_under, found_under
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)
from tests.crawler.portal_p import PortalP

crawl = crawl_of(PortalP, "xiping", "西屏市人民政府")


@pytest.mark.parametrize("folder", ["/xxgk/", "/fgw/", "/jyj/", "/mzj/", "/wjw/", "/rsj/", "/scjg/", "/sfj/"])
def test_each_familys_reports_are_found(crawl, folder):
    assert found_under(crawl, crawl[0].base + folder) == expected_under(crawl, crawl[0].base + folder)


@pytest.mark.parametrize("folder", ["/zwgk/", "/xzjd/"])
def test_the_countys_and_its_towns_reports_are_found(crawl, folder):
    assert found_under(crawl, crawl[0].county_base + folder) == expected_under(crawl, crawl[0].county_base + folder)


def test_articles_given_as_json_are_titled_by_their_answers(crawl):
    portal, _, items = crawl
    assert sorted((i["page_title"], i["verdict"]) for i in items if "/sfj/" in i["final_url"]) == [
        (f"西屏市司法局{year}年政府信息公开工作年度报告", "report") for year in (2022, 2023, 2024)]


def test_a_towns_villages_are_not_asked_and_the_crawl_says_so(crawl):
    portal, summary, _ = crawl
    assert [t for t in portal.county.log if "/xzjd/cgz/cun/" in t] == []
    assert summary.frontier_skipped.get("villages") == 1
