"""A crawl of a portal under host names (tests/crawler/portal_aq.py): a city on 辽宁's ``/web/zwgkx/`` platform
(``<8 hex>-<N>.shtml`` lists, the second page also linked as 往年年报), departments on 新点 platforms answering lists by
POST (徐州's ``govInfoPub.html`` posting JSON with the ``siteGuid`` of the site's script, a WebService answering JSON in
a JSON string, 江苏's ``nrglIndex.action`` posting ``cpage``), on 宁夏's ``list.html``/``list_2.html``, 海南's
``list3.shtml`` and 新疆's ``zfxxgk_<name>_list.shtml``, counties on 宁夏's ``/zwgk/gkbm/`` catalogue and 辽宁's lists —
with decoys, over real HTTP from the www home page alone: every report found with its year and agency, nothing else."""

from __future__ import annotations

import pytest

from tests.crawler.portal_aq import AGENCIES, PortalAQ
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, missed_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)

crawl = crawl_of(PortalAQ, "wenxi", "汶溪市人民政府", "tests.crawler.portal_aq.HostsResolver")


@pytest.mark.parametrize("agency", AGENCIES)
def test_each_agencys_reports_are_found_with_their_year_and_agency(crawl, agency):
    assert missed_of(crawl, agency) == []
