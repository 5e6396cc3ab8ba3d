"""A crawl of a twenty-second portal under host names (tests/crawler/portal_v.py): 大汉's 信息公开 module table paged
only by a GET form's page-number input, WordPress's ``/page/2/`` category pages and date-and-slug articles, WordPress's
default ``/?cat=5&paged=2`` and ``/?p=1234`` paged only by 较早文章 links, a PageAdmin column paged only by a GO form,
Z-Blog's ``category-3_2.html`` pages, EasySite's ``?uid=…&pageNum=2`` column, WordPress posts split by
``<!--nextpage-->`` (``…/slug/2/``, ``/?p=1232&page=2``), decoys, over real HTTP from the www home page alone: every
report found with its year and agency, a split report archived whole, nothing else."""

from __future__ import annotations

import base64
import email

import pytest

from gxparse import parse_document
from simsite.figures import Agency, report_series

from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, missed_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)
from tests.crawler.portal_s import LOOK
from tests.crawler.portal_v import CITY, COUNTY, PortalV

crawl = crawl_of(PortalV, "xipu", CITY, "tests.crawler.portal_v.HostsResolver")


@pytest.mark.parametrize("agency", [CITY, "西浦市发展和改革委员会", "西浦市民政局", "西浦市教育局", "西浦市卫生健康委员会",
                                    COUNTY])
def test_each_agencys_reports_are_found_with_their_year_and_agency(crawl, agency):
    assert missed_of(crawl, agency) == []


@pytest.mark.parametrize("agency, year", [("西浦市发展和改革委员会", 2023), ("西浦市民政局", 2022)])
def test_a_wordpress_post_split_into_pages_is_archived_whole(crawl, agency, year):
    portal, _, items = crawl
    first, further = portal.split[agency]
    [item] = [i for i in items if i["final_url"] == first]
    parts = email.message_from_bytes(base64.b64decode(item["body"])).get_payload()
    assert [part["Content-Location"] for part in parts] == [first, further]
    report = parse_document(base64.b64decode(item["body"]), first).to_dict()
    truth = report_series(Agency(agency, agency, "department"), LOOK.seed)[year]
    assert [report[t] for t in ("s2", "s3", "s4")] == [truth[t] for t in ("s2", "s3", "s4")]
