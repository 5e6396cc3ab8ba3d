"""A crawl of a fourteenth portal, its departments behind gates that answer first (cookie challenges, a web
application firewall, a rate limit) or sending the browser on by script (tests/crawler/portal_n.py), over real HTTP,
from its home page alone: every report within reach found and nothing else, the gate no script passes named."""

from __future__ import annotations

import base64

import pytest

from tests.crawler.portal_checks import expected_under, found_under
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)
from tests.crawler.portal_n import PortalN

crawl = crawl_of(PortalN, "beiwan", "北湾市人民政府")


@pytest.mark.parametrize("folder", ["/xxgk/", "/gaj/", "/jtj/", "/slj/", "/sfj/"])
def test_each_familys_reports_are_found(crawl, folder):
    assert found_under(crawl, crawl[0].base + folder) == expected_under(crawl, crawl[0].base + folder)


def test_a_report_first_answered_by_a_rate_limit_is_yielded_as_its_page(crawl):
    portal, _, items = crawl
    url = portal.base + "/slj/art/nb2022.html"
    bodies = [base64.b64decode(i["body"]) for i in items if i["final_url"] == url]
    assert len(bodies) == 1 and "北湾市水务局2022年政府信息公开工作年度报告".encode() in bodies[0]


def test_a_gate_no_literal_passes_is_named_and_the_crawl_goes_on(crawl):
    portal, summary, _ = crawl
    assert [e.reason for e in summary.errors if e.url.startswith(portal.base + "/swj/")] \
        and all("瑞数" in e.reason for e in summary.errors if e.url.startswith(portal.base + "/swj/"))


def test_no_link_of_a_block_page_is_followed(crawl):
    portal = crawl[0]
    assert [t for t in portal.main.log if t.startswith("/sfj/xxgk/ndbg/2023") or "safedog" in t] == []


def test_no_gate_makes_the_crawl_ask_again_and_again(crawl):
    assert max(crawl[0].asks.values()) <= 3


def test_each_report_is_yielded_once_whatever_address_led_to_it(crawl):
    finals = [i["final_url"] for i in crawl[2]]
    assert sorted(u for u in set(finals) if finals.count(u) > 1) == []
