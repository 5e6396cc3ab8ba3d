"""A crawl of a twenty-seventh portal under host names (tests/crawler/portal_aa.py): a prefecture's 政府信息公开
platform built as a single-page application whose bodies are its shell's query, its list one API posted a JSON body and
answered in MyBatis-Plus pages, its reports a detail API's answers or their attached PDF; a department's API paged by
record offset, another's by cursor, another's by year of publication, the years
written or made by a loop, another's body its page's query or the script's fallback,
a platform's list in a lazy chunk reading its shell's query; decoys, over real HTTP from the www home page alone: every report found with its
year and agency, nothing else."""

from __future__ import annotations

import pytest

from tests.crawler.portal_aa import (CITY, DEVELOPMENT, EDUCATION, FINANCE, FINANCE_YEARS, HEALTH, JUSTICE, RESOURCES,
                                     TOWNS, ZONES, PortalAA, resources_years)
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, missed_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)

crawl = crawl_of(PortalAA, "dongze", CITY, "tests.crawler.portal_aa.HostsResolver")


@pytest.mark.parametrize("agency", [CITY, DEVELOPMENT, *TOWNS.values(), EDUCATION, HEALTH, FINANCE,
                                    RESOURCES, *JUSTICE.values(), *ZONES.values()])
def test_each_agencys_reports_are_found_with_their_year_and_agency(crawl, agency):
    assert missed_of(crawl, agency) == []


def test_the_offset_paged_list_is_asked_by_record_offsets(crawl):
    assert sorted(t for t in crawl[0].jyj.log if t.startswith("/api/info/list")) == [
        f"/api/info/list?channel=ndbg&offset={n}&limit=3" for n in (0, 3, 6)]


def test_the_cursor_paged_list_is_asked_once_a_token(crawl):
    assert len([t for t in crawl[0].wjw.log if t.startswith("/api/v1/articles")]) == 2


def test_the_year_filtered_list_is_asked_once_for_each_year_it_offers(crawl):
    assert sorted(t for t in crawl[0].czj.log if t.startswith("/api/article/list")) == sorted(
        f"/api/article/list?channelId=ndbg&year={y}&pageNo=1&pageSize=10" for y in FINANCE_YEARS)


def test_the_year_filtered_list_is_asked_once_for_each_year_its_loop_offers(crawl):
    assert sorted(t for t in crawl[0].zrzyj.log if t.startswith("/api/article/list")) == sorted(
        f"/api/article/list?channelId=ndbg&year={y}&pageNo=1&pageSize=10" for y in resources_years())
