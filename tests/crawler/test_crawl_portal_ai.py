"""A crawl of a thirty-third portal under host names (tests/crawler/portal_ai.py): a city of 江西 and its
departments on the site-group CMS of ``<ucapcontent>`` pages — sites under their code (``/gysrmzf/``), 信息公开 a
``redirect_firstChannel.shtml``, 年报 columns ``xxgk_list.shtml`` paged ``xxgk_list_<n>.shtml``, reports as text or
a ``div.fj-a`` attachment — counties on its later edition whose 年报 rows are only the page's ``articleList`` JSON
(each row's address inside the JSON string ``urls``), and a county on the ``/c<id>/redirect.shtml`` edition, with
decoys, over real HTTP from the www home page alone: every report found with its year and agency, nothing else."""

from __future__ import annotations

import pytest

from tests.crawler.portal_ai import AGENCIES, PortalAI
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, missed_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)

crawl = crawl_of(PortalAI, "ganyang", "赣阳市人民政府", "tests.crawler.portal_ai.HostsResolver")


@pytest.mark.parametrize("agency", AGENCIES)
def test_each_agencys_reports_are_found_with_their_year_and_agency(crawl, agency):
    assert missed_of(crawl, agency) == []
