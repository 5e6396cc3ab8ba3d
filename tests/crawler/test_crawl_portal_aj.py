"""A crawl of a portal under host names (tests/crawler/portal_aj.py): a city on the province-run 政府信息公开
platforms as public crawlers of real 贵州, 云南 (昆明), 河北, 广西 and 北京 sites found them — 贵州's 年报 column in
year sub-columns paged by ``createPageHTML``, 昆明's department hosts whose lists a script's clamp of the page asked
counts (``PageIndex > N ? N : PageIndex``, ``ele.value>N``), a county's ``/zfxxgkml/zfxxgkndbg/``, 河北's column
whose list is a block its script loads (``blocks/<uuid>?page=N&fix=0``), 广西's ``#morelist`` of ``./t<id>.shtml``,
北京's 年报 tree of year folders with its streets' sub-tree — with decoys, over real HTTP from the www home page
alone: every report found with its year and agency, nothing else."""

from __future__ import annotations

import pytest

from tests.crawler.portal_aj import AGENCIES, PortalAJ
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, missed_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)

crawl = crawl_of(PortalAJ, "qiaoling", "峤岭市人民政府", "tests.crawler.portal_aj.HostsResolver")


@pytest.mark.parametrize("agency", AGENCIES)
def test_each_agencys_reports_are_found_with_their_year_and_agency(crawl, agency):
    assert missed_of(crawl, agency) == []
