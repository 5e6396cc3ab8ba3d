"""A crawl of a thirty-first portal under host names (tests/crawler/portal_ag.py): a city of 安徽 on the province's
"openness" platform as its published source has it — units asked by ``branch_id`` (``/opennessAnnualReport/?…``),
年报 lists paged by ``&page=``, reports at ``/openness/detail/annual_report/<id>.html`` or their
``/download/?mod=site_attach&_id=`` attachment, a column reached only through the ``jsonTree`` JSON — and counties
and a department on its later edition (``/OpennessContent/showList/<branch>/<column>/page_<n>.html``), a county on TRS
whose 年报 rows a script asks of WAS5 (``/was5/web/search``, almost-JSON), with decoys, over real HTTP from the www
home page alone: every report found with its year and agency, nothing else."""

from __future__ import annotations

import pytest

from tests.crawler.portal_ag import AGENCIES, PortalAG
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, missed_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)

crawl = crawl_of(PortalAG, "wanchuan", "皖川市人民政府", "tests.crawler.portal_ag.HostsResolver")


@pytest.mark.parametrize("agency", AGENCIES)
def test_each_agencys_reports_are_found_with_their_year_and_agency(crawl, agency):
    assert missed_of(crawl, agency) == []
