"""A crawl of a seventeenth portal under host names (tests/crawler/portal_q.py): a root sending the browser on, a
信息公开 platform whose departments are a query parameter chosen in a tree or a select, year sub-columns, a 加载更多
button naming its next fragment, downloads naming no file, GBK pages, a frameset report, a county moved by a 302,
decoy columns and WeChat copies, over real HTTP from the www root alone: every report found and nothing else."""

from __future__ import annotations

import json

import pytest

from crawler.run import run_crawl
from crawler.siteconfig import Site
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    test_every_report_is_found, test_nothing_but_reports_is_yielded, test_pages_fetched_per_report_stay_low,
    test_the_crawl_ends_by_itself)
from tests.crawler.portal_q import CITY, PortalQ


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    """The portal served, crawled once from its www root, its names resolved by the test's resolver:
    (portal, summary, items)."""
    portal, state = PortalQ(), tmp_path_factory.mktemp("nanzhu")
    try:
        feed = state / "items.jsonl"
        site = Site("nanzhu", CITY, (portal.base + "/",), delay=0, concurrency=4, max_pages=800)
        settings = {"AUTOTHROTTLE_ENABLED": False, "GXMON_STATE_DIR": str(state),
                    "DNS_RESOLVER": "tests.crawler.portal_q.HostsResolver",
                    "FEEDS": {str(feed): {"format": "jsonlines"}}}
        summary = run_crawl([site], settings, timeout=240).site("nanzhu")
        yield portal, summary, [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()]
    finally:
        portal.close()


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
