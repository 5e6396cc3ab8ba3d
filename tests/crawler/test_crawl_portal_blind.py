"""A crawl of a county's portal written blind (tests/crawler/portal_blind.py): the 政府信息公开 platform of 青溪县, its
departments and towns, each column in a habit of real county sites, from the www home page alone: every report found
with its year and agency, nothing else (a report republished under a second address, ``republished``, may be found
there too)."""

from __future__ import annotations

import pytest

from tests.crawler.portal_blind import AGENCIES, PortalBlind
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, missed_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)

crawl = crawl_of(PortalBlind, "qingxi", "青溪县人民政府", "tests.crawler.portal_blind.HostsResolver")


@pytest.mark.parametrize("agency", AGENCIES)
def test_each_agencys_reports_are_found_with_their_year_and_agency(crawl, agency):
    assert missed_of(crawl, agency) == []

