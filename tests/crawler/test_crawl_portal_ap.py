"""A crawl of a portal under host names (tests/crawler/portal_ap.py): a city and departments on 河北's
``/columns/<uuid>/`` platform paged ``index{N}.html``, departments in a 天津-style 年报 专栏 of one folder per agency,
a county on 山西's ``xxgk.<county>`` platform (``/gzbm/<dept>/zfxxgknb/``), a banner on 兴安盟's ``article_<stamp>.html``
sites and a district on 上海's ``/zwgk/zfxxgknb/<unit>/`` layout — with decoys, over real HTTP from the www home page
alone: every report found with its year and agency, nothing else."""

from __future__ import annotations

import pytest

from tests.crawler.portal_ap import AGENCIES, PortalAP
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, missed_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)

crawl = crawl_of(PortalAP, "chengpu", "澄浦市人民政府", "tests.crawler.portal_ap.HostsResolver")


@pytest.mark.parametrize("agency", AGENCIES)
def test_each_agencys_reports_are_found_with_their_year_and_agency(crawl, agency):
    assert missed_of(crawl, agency) == []
