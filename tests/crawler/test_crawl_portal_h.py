"""A crawl of a portal built from classic portals' remaining ways in (tests/crawler/portal_h.py), over real
HTTP, from its home page alone: every report found and nothing else."""

from __future__ import annotations

from tests.crawler.portal_checks import expected_under, found_under
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)
from tests.crawler.portal_h import PortalH

crawl = crawl_of(PortalH, "beichuan", "北川市人民政府")


def test_a_summary_table_of_agencies_and_years_is_read(crawl):
    assert found_under(crawl, crawl[0].base + "/xxgk/") == expected_under(crawl, crawl[0].base + "/xxgk/")


def test_a_jsonp_list_is_read(crawl):
    assert found_under(crawl, crawl[0].base + "/fgw/") == expected_under(crawl, crawl[0].base + "/fgw/")


def test_links_keeping_their_address_in_data_url_are_read(crawl):
    assert found_under(crawl, crawl[0].base + "/czj/") == expected_under(crawl, crawl[0].base + "/czj/")


def test_a_ztree_asking_its_branches_by_another_parameter_is_read(crawl):
    assert found_under(crawl, crawl[0].base + "/rsj/") == expected_under(crawl, crawl[0].base + "/rsj/")
