"""A crawl of a thirtieth portal under host names (tests/crawler/portal_ad.py): a city on Hanweb's JPaaS 集约化
platform as public crawlers of real 浙江, 江苏, 山东 and 甘肃 sites found it — columns whose list a script tag declares
(``unitbuild.js`` with ``url`` and ``queryData`` attributes) and a JSON API answers as an HTML fragment paged by
``paramJson``, departments on the city's 部门信息公开平台, files on the province's storage host and behind
``downfile.jsp`` — with decoys, over real HTTP from the www home page alone: every report found with its year and
agency, nothing else."""

from __future__ import annotations

import pytest

from tests.crawler.portal_ad import AGENCIES, PortalAD
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, missed_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)

crawl = crawl_of(PortalAD, "canglan", "沧澜市人民政府", "tests.crawler.portal_ad.HostsResolver")


@pytest.mark.parametrize("agency", AGENCIES)
def test_each_agencys_reports_are_found_with_their_year_and_agency(crawl, agency):
    assert missed_of(crawl, agency) == []
