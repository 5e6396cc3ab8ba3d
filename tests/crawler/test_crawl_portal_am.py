"""A crawl of a portal under host names (tests/crawler/portal_am.py): a city of 山东 on 大汉's ``/gongkai/`` platform
(a 年报 column in a ``channel_c_…_n_<epoch>.<frac>/`` folder, ``doc_<hex>.html`` and ``doc_<hex>_<hex>.pdf``), two
departments whose 公开年报 lives on the city's shared ``zfxxgk.`` host under their unit's prefix (北京's way), a
department on 重庆's numbered ``/zwgk_233/`` folders, a county
on ``/zwgk/public/column/<organ>`` (湖北/湖南: two pages by ``pageIndex``, the count in a script) and a county on
湖南's TRS ``zfxxgkMultiList.shtml`` and a district on 大汉's 信息公开 module (its 年报 a node of the tree the shell
frames, listed by ``POST search.jsp``) — with decoys, over real HTTP from the www home page alone: every report found
with its year and agency, nothing else."""

from __future__ import annotations

import pytest

from tests.crawler.portal_am import AGENCIES, PortalAM
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, missed_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)

crawl = crawl_of(PortalAM, "zhechuan", "柘川市人民政府", "tests.crawler.portal_am.HostsResolver")


@pytest.mark.parametrize("agency", AGENCIES)
def test_each_agencys_reports_are_found_with_their_year_and_agency(crawl, agency):
    assert missed_of(crawl, agency) == []
