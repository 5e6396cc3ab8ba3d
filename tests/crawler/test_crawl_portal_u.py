"""A crawl of a twenty-first portal under host names (tests/crawler/portal_u.py): an HTML-table catalogue whose
titles are whole only in ``title`` and whose pages only a ``<select>`` writes, DedeCMS ``list_12_2.html`` pages,
PHPCMS v9 and EmpireCMS dynamic lists, 动易 ``Index_2.aspx`` pages, a JSP ``goPage(n)`` writing the column after the
page number, reports shown as a PDF in an ``<iframe>`` or an ``<embed>``, decoys, over real HTTP from the www home
page alone: every report found with its year and agency, nothing else."""

from __future__ import annotations

import pytest

from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, missed_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)
from tests.crawler.portal_u import CITY, COUNTY, PortalU

crawl = crawl_of(PortalU, "dongyu", CITY, "tests.crawler.portal_u.HostsResolver")


@pytest.mark.parametrize("agency", [CITY, "东渝市发展和改革委员会", "东渝市教育局", "东渝市卫生健康委员会", "东渝市民政局",
                                    COUNTY])
def test_each_agencys_reports_are_found_with_their_year_and_agency(crawl, agency):
    assert missed_of(crawl, agency) == []
