"""A crawl of a city's portal written blind (tests/crawler/portal_ae.py), 北沅市, from the www home page alone: its
政府信息公开 on the province's platform (another domain), its 区县 on sites of their own, every report found with
its year and agency, nothing else (the platform's other city neither)."""

from __future__ import annotations

import pytest

from tests.crawler.portal_ae import AGENCIES, PortalAE
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, missed_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)

crawl = crawl_of(PortalAE, "beiyuan", "北沅市人民政府", "tests.crawler.portal_ae.HostsResolver")


@pytest.mark.parametrize("agency", AGENCIES)
def test_each_agencys_reports_are_found_with_their_year_and_agency(crawl, agency):
    assert missed_of(crawl, agency) == []
