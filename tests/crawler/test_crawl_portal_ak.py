"""A crawl of a portal under host names (tests/crawler/portal_ak.py): a city of 福建 whose units' 年报 columns hold no
item and whose scripts ask 福建's search services for their rows — the site search API (``/ssp/search/api/apiSearch``,
``datas``), TRS WAS5 ``advsch.jsp`` (a script of ``urls[i]='…'`` rows, or JSON ``docs`` with the template's
``文章标题`` row), ``GET /fjdzapp/data`` and ``/smartSearch/interface/search.do`` (guarded by the Referer) — with decoys,
over real HTTP from the www home page alone: every report found with its year and agency, nothing else."""

from __future__ import annotations

import pytest

from tests.crawler.portal_ak import AGENCIES, PortalAK
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, missed_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)

crawl = crawl_of(PortalAK, "rongquan", "榕泉市人民政府", "tests.crawler.portal_ak.HostsResolver")


@pytest.mark.parametrize("agency", AGENCIES)
def test_each_agencys_reports_are_found_with_their_year_and_agency(crawl, agency):
    assert missed_of(crawl, agency) == []
