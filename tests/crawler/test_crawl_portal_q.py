"""A crawl of a seventeenth portal under host names (tests/crawler/portal_q.py): a root sending the browser on, a
信息公开 platform whose departments are a query parameter chosen in a tree or a select, year sub-columns, a 加载更多
button naming its next fragment, downloads naming no file, GBK pages, a frameset report, a county moved by a 302,
decoy columns and WeChat copies, over real HTTP from the www root alone: every report found and nothing else."""

from __future__ import annotations

import pytest

from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, test_every_report_is_found, test_nothing_but_reports_is_yielded, test_pages_fetched_per_report_stay_low,
    test_the_crawl_ends_by_itself)
from tests.crawler.portal_q import CITY, PortalQ

crawl = crawl_of(PortalQ, "nanzhu", CITY, "tests.crawler.portal_q.HostsResolver")


@pytest.mark.parametrize("agency", ["南渚市人民政府", "南渚市发展和改革委员会", "南渚市财政局", "南渚市卫生健康委员会",
                                    "南渚市民政局", "南渚市教育局", "南渚县人民政府"])
def test_each_agencys_reports_are_found(crawl, agency):
    portal, _, items = crawl
    found = {i["final_url"] for i in items}
    assert sorted(u for u, (a, _) in portal.expected.items() if a == agency and u not in found) == []


def test_no_outside_host_is_asked(crawl):
    portal, summary, items = crawl
    assert [e.url for e in summary.errors if "weixin" in e.url] == []
    assert [i["final_url"] for i in items if "weixin" in i["final_url"]] == []
