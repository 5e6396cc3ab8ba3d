"""A crawl of a seventh portal built of single-page applications (tests/crawler/portal_g.py), over real HTTP,
from its home page alone: every report found and nothing else."""

from __future__ import annotations

from tests.crawler.portal_checks import expected_under, found_under
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)
from tests.crawler.portal_g import PortalG


crawl = crawl_of(PortalG, "nanchuan", "南川市人民政府")


def test_an_apps_report_route_is_read_from_its_lazy_chunk(crawl):
    """The 政府信息公开 app is no 年报 column: its router table names the 年报 route, whose chunk holds the list."""
    assert found_under(crawl, crawl[0].base + "/xxgk/") == expected_under(crawl, crawl[0].base + "/xxgk/")
    assert "/xxgk/js/zcwj.8e7d6c5b.js" not in crawl[0].main.log   # the 政策文件 route's chunk is not fetched


def test_a_webpack_5_lazy_chunk_is_read(crawl):
    assert found_under(crawl, crawl[0].base + "/fgw/") == expected_under(crawl, crawl[0].base + "/fgw/")


def test_a_vite_lazy_route_component_is_read(crawl):
    assert found_under(crawl, crawl[0].base + "/czj/") == expected_under(crawl, crawl[0].base + "/czj/")


def test_spread_query_params_are_sent(crawl):
    assert found_under(crawl, crawl[0].base + "/tjj/") == expected_under(crawl, crawl[0].base + "/tjj/")
    assert "/tjj/tjnb/2023.html" not in crawl[0].main.log   # the 统计年报 is another yearly report


def test_a_hash_routes_report_is_posted_for(crawl):
    assert found_under(crawl, crawl[0].base + "/zjj/") == expected_under(crawl, crawl[0].base + "/zjj/")


def test_no_vendor_chunk_is_fetched(crawl):
    assert not [t for t in crawl[0].main.log if "vendor" in t]
