"""A crawl of a portal whose reports only its own search lists, a search drawn by a script asking a JSON API
(tests/crawler/portal_i.py), over real HTTP, from its home page alone: every report found and nothing else."""

from __future__ import annotations

from crawler.steering.sitesearch import MAX_RESULT_PAGES, TERMS
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)
from tests.crawler.portal_i import PortalI

crawl = crawl_of(PortalI, "baishui", "白水市人民政府")


def test_the_search_api_is_asked_within_its_bounds(crawl):
    asked = [t for t in crawl[0].main.log if t.startswith("/search/api")]
    assert 0 < len(asked) <= len(TERMS) * MAX_RESULT_PAGES
