"""A crawl of a portal under host names (tests/crawler/portal_ao.py): a city and departments on the 甘肃/黑龙江
platform (an empty column shell ``listPage.js`` fills from ``/common/search/<channelId>?_isJson=true…``, two pages),
departments on 江苏's static ``xxgk_list.shtml`` paged by ``createPageHTML('page_div', …)``, counties on 大汉's
``/col/col<id>/index.html?uid=…&pageNum=1``, 常州's ``/class/<code>`` and 南通's ``<name>.html`` lists — with decoys,
over real HTTP from the www home page alone: every report found with its year and agency, nothing else."""

from __future__ import annotations

import pytest

from tests.crawler.portal_ao import AGENCIES, PortalAO
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, missed_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)

crawl = crawl_of(PortalAO, "cenyang", "岑阳市人民政府", "tests.crawler.portal_ao.HostsResolver")


@pytest.mark.parametrize("agency", AGENCIES)
def test_each_agencys_reports_are_found_with_their_year_and_agency(crawl, agency):
    assert missed_of(crawl, agency) == []
