"""A crawl of a twentieth portal under host names (tests/crawler/portal_t.py): a gkmlpt platform whose catalog tree
only its API gives and whose lists date their items by epoch times, titles only in a link's ``title`` behind a tag
or a date, year tabs loaded by ``loadYear(y)``, a list paged by a ``page.js`` of its own, a county's shared 信息公开
platform naming each department only in its breadcrumb, decoys, over real HTTP from the www home page alone: every
report found with its year and agency, nothing else."""

from __future__ import annotations

import pytest

from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, missed_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)
from tests.crawler.portal_t import CITY, COUNTY_DEPTS, PortalT

crawl = crawl_of(PortalT, "beilan", CITY, "tests.crawler.portal_t.HostsResolver")


@pytest.mark.parametrize("agency", [CITY, "北澜市教育局", "北澜市卫生健康委员会", "北澜市司法局",
                                    *(full for _, _, full in COUNTY_DEPTS)])
def test_each_agencys_reports_are_found_with_their_year_and_agency(crawl, agency):
    assert missed_of(crawl, agency) == []


def test_a_pdf_listed_by_the_platforms_api_is_dated_by_its_first_publish_time(crawl):
    portal, _, items = crawl
    dated = {i["final_url"]: i["published_at"] for i in items}
    assert {u: dated.get(u) for u in portal.published} == portal.published
