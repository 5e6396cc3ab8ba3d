"""A crawl of a twenty-third portal under host names (tests/crawler/portal_w.py): SiteServer's ``/channels/12_2.html``
pages, Typecho's bare-number ``/category/ndbg/2/`` pages under 前一页/后一页, PHPCMS's rewritten ``list-12-2.html``, a
table whose reports are PDFs behind 点击下载, attachments named by their file name alone (``2023年报.pdf``) and one
only a ``.zip``, DedeCMS's dynamic ``?tid=12&TotalResult=8&PageNo=2`` pages, an ASP list paged under ``[下一页]`` alone, decoys, over real HTTP from the www
home page alone: every report found with its year and agency, nothing else."""

from __future__ import annotations

import pytest

from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, missed_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)
from tests.crawler.portal_w import CITY, COUNTY, PortalW

crawl = crawl_of(PortalW, "dongbin", CITY, "tests.crawler.portal_w.HostsResolver")


@pytest.mark.parametrize("agency", [CITY, "东滨市发展和改革委员会", "东滨市教育局", "东滨市卫生健康委员会", "东滨市民政局",
                                    "东滨市司法局", COUNTY])
def test_each_agencys_reports_are_found_with_their_year_and_agency(crawl, agency):
    assert missed_of(crawl, agency) == []


def test_a_report_attached_only_as_an_archive_is_never_asked(crawl):
    portal, _, _ = crawl
    assert [entry for entry in portal.log if entry.endswith(".zip")] == []
