"""A crawl of a twenty-fourth portal under host names (tests/crawler/portal_x.py): departments reached only through the
portal's 外链 warning page (``/link.jsp?url=``), a list linking a download servlet under each report's title, articles
showing their PDF by ``PDFObject.embed``, a list kept in a ``<script type="application/json">`` island, titles naming
the period a report covers, decoys, over real HTTP from the www home page alone: every report found with its year and
agency, nothing else."""

from __future__ import annotations

import pytest

from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, missed_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)
from tests.crawler.portal_x import CITY, COUNTY, PortalX

crawl = crawl_of(PortalX, "nanfeng", CITY, "tests.crawler.portal_x.HostsResolver")


@pytest.mark.parametrize("agency", [CITY, "南峰市发展和改革委员会", "南峰市教育局", "南峰市卫生健康委员会", "南峰市民政局",
                                    COUNTY])
def test_each_agencys_reports_are_found_with_their_year_and_agency(crawl, agency):
    assert missed_of(crawl, agency) == []
