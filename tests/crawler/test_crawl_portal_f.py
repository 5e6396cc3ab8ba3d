"""A crawl of a portal whose navigation hides most of its reports and whose site searches list them
(tests/crawler/portal_f.py), over real HTTP, from its home page alone: every report found and nothing else."""

from __future__ import annotations

from urllib.parse import quote

from crawler.steering.sitesearch import MAX_RESULT_PAGES, TERMS
from tests.crawler.portal_checks import expected_under, found_under
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)
from tests.crawler.portal_f import PortalF

crawl = crawl_of(PortalF, "dongchuan", "东川市人民政府")


def test_the_provinces_unified_search_is_asked_as_its_form_posts(crawl):
    assert crawl[0].province.log.count("POST /s") == len(TERMS)


def test_the_provinces_robots_txt_is_read_before_its_search(crawl):
    assert crawl[0].province.log[0] == "/robots.txt"


def test_other_cities_reports_the_province_lists_are_never_fetched(crawl):
    assert crawl[0].other.log == []


def test_a_search_robots_txt_disallows_is_never_asked(crawl):
    assert not [target for target in crawl[0].main.log if target.startswith("/search/")]


def test_the_countys_reports_titled_nianbao_are_found_by_the_second_term(crawl):
    assert found_under(crawl, crawl[0].county_base + "/art/") == expected_under(crawl, crawl[0].county_base + "/art/")


def test_search_requests_stay_within_their_bounds(crawl):
    portal = crawl[0]
    asked = [t for t in portal.county.log if t.startswith("/jsearchfront/")] + \
        [t for t in portal.province.log if t != "/robots.txt"]
    assert len(asked) <= 2 * len(TERMS) * MAX_RESULT_PAGES


def test_a_search_box_answering_errors_costs_one_request_and_no_failure(crawl):
    portal, summary, _ = crawl
    assert ([t for t in portal.county.log if t.startswith("/czj/search.do")],
            [e.url for e in summary.errors if "search" in e.url]) == ([f"/czj/search.do?keyword={quote(TERMS[0])}"], [])
