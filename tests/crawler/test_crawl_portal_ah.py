"""A crawl of a portal under host names (tests/crawler/portal_ah.py): a city on the ``/info/iList.jsp`` 政府信息公开
platform as public crawlers of real 四川, 陕西, 湖北, 上海 and 新疆 sites found it — catalogues framed by the 公开
pages, categories as ``#node-items`` links, ``gk_list_table``, ``.list_div`` and card lists paged by ``cur_page`` (one
by a form only), files under ``wcm.files`` linked or named by a ``<file href>`` element — and a district on 福建's TRS
``POST /fjdzapp/search`` (``docpuburl``, ``pageCount``), with decoys, over real HTTP from the www home page alone:
every report found with its year and agency, nothing else."""

from __future__ import annotations

import pytest

from tests.crawler.portal_ah import AGENCIES, PortalAH
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, missed_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)

crawl = crawl_of(PortalAH, "minchuan", "岷川市人民政府", "tests.crawler.portal_ah.HostsResolver")


@pytest.mark.parametrize("agency", AGENCIES)
def test_each_agencys_reports_are_found_with_their_year_and_agency(crawl, agency):
    assert missed_of(crawl, agency) == []
