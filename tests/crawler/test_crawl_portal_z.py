"""A crawl of a twenty-sixth portal under host names (tests/crawler/portal_z.py): a county's site group whose bodies'
columns are one address told apart by its query, a 年报 column listing the towns' reports too, a pager linking page 1
at another address, a department's site linked only by a logo, a static pager that never ends, quarterly, half-year
and fiscal-year reports beside the annual ones, decoys, over real HTTP from the www home page alone: every report
found with its year and agency, nothing else."""

from __future__ import annotations

import pytest

from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, missed_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)
from tests.crawler.portal_z import (COUNTY, DALU, DEPARTMENTS, DEVELOPMENT, FINANCE, HEALTH, OTHER_BODIES, TOWNS,
                                    WANGZHUANG, PortalZ)

crawl = crawl_of(PortalZ, "pingchuan", COUNTY, "tests.crawler.portal_z.HostsResolver")


@pytest.mark.parametrize("agency", [COUNTY, *TOWNS, DEVELOPMENT, FINANCE, *DEPARTMENTS.values(), *OTHER_BODIES.values(),
                                    HEALTH, WANGZHUANG, DALU])
def test_each_agencys_reports_are_found_with_their_year_and_agency(crawl, agency):
    assert missed_of(crawl, agency) == []


def test_the_county_column_is_fetched_once_a_page(crawl):
    portal = crawl[0]
    assert sorted(t for t in portal.xxgk.log if "cat_id=1201" in t and "node_id=GKpcx&" in t) == [
        "/info/iList.jsp?node_id=GKpcx&cat_id=1201", "/info/iList.jsp?node_id=GKpcx&cat_id=1201&cur_page=2",
        "/info/iList.jsp?node_id=GKpcx&cat_id=1201&cur_page=3"]


def test_the_endless_pager_is_reported_as_a_trap(crawl):
    assert [t["pattern"] for t in crawl[1].coverage.traps] == ["wjj.pingchuan.gov.cn/xxgk/ndbg/index_#.html?"]


def test_the_endless_pager_stops_at_its_first_repeated_page(crawl):
    assert [t for t in crawl[0].wjj.log if t.startswith("/xxgk/ndbg/index")] == [
        "/xxgk/ndbg/index.html", "/xxgk/ndbg/index_1.html", "/xxgk/ndbg/index_2.html", "/xxgk/ndbg/index_3.html"]
