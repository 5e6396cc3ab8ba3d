"""A crawl of a portal built from classic portals' remaining ways in (tests/crawler/portal_h.py), over real
HTTP, from its home page alone: every report found and nothing else."""

from __future__ import annotations

import pytest

from tests.crawler.portal_checks import expected_under, found_under
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)
from tests.crawler.portal_h import PortalH

crawl = crawl_of(PortalH, "beichuan", "北川市人民政府")


@pytest.mark.parametrize("way_in", [
    "/xxgk/",   # a 年报汇总 table of agencies by years, its cells saying only 查看, the year or an icon
    "/fgw/",    # a JSONP list, reached from a department's bare short name (发改)
    "/czj/",    # links keeping their address in data-url
    "/rsj/",    # a zTree asking its branches by channelId, lv and siteId
    "/wjw/",    # items carrying only a data-id, the address built by a click handler
])
def test_each_way_in_gives_all_its_reports(crawl, way_in):
    assert found_under(crawl, crawl[0].base + way_in) == expected_under(crawl, crawl[0].base + way_in)


def test_the_reports_are_credited_to_their_agencies(crawl):
    portal, _, items = crawl
    assert sorted((i["agency"], i["year"]) for i in items) == sorted(portal.expected.values())
