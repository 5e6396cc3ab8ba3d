"""A crawl of a second county's portal of older sites' habits (tests/crawler/portal_blind2.py), 白水县, from the www
home page alone: every report found with its year and agency, nothing else, its news columns left unread."""

from __future__ import annotations

import pytest

from tests.crawler.portal_blind2 import AGENCIES, PortalBlind2
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, missed_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)

crawl = crawl_of(PortalBlind2, "baishui", "白水县人民政府", "tests.crawler.portal_blind2.HostsResolver")


@pytest.mark.parametrize("agency", AGENCIES)
def test_each_agencys_reports_are_found_with_their_year_and_agency(crawl, agency):
    assert missed_of(crawl, agency) == []

