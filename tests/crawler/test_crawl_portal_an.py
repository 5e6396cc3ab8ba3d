"""A crawl of a county's portal written blind (tests/crawler/portal_an.py), 桐江县, from its bare name alone: its
platform's departments and towns, its towns on the city's platform, its 公安局's own site, every report found with
its year and agency, nothing else."""

from __future__ import annotations

import pytest

from tests.crawler.portal_an import AGENCIES, PortalAN
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, missed_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)

crawl = crawl_of(PortalAN, "tongjiang", "桐江县人民政府", "tests.crawler.portal_an.HostsResolver")


@pytest.mark.parametrize("agency", AGENCIES)
def test_each_agencys_reports_are_found_with_their_year_and_agency(crawl, agency):
    assert missed_of(crawl, agency) == []
