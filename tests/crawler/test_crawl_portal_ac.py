"""A crawl of a twenty-ninth portal under host names (tests/crawler/portal_ac.py): CMS families no other portal
serves — 开普云's (Ucap) provincial platform whose list answers hold each address as JSON in a string, Jeecms's
``index_N.jhtml`` pages and its attachments whose address ``Cms.attachment`` writes, Hanweb's 信息公开 module posting
its catalogue's table into the page, WordPress's ``?cat=7&paged=2`` — with decoys, over real HTTP from the www home
page alone: every report found with its year and agency, nothing else."""

from __future__ import annotations

import pytest

from tests.crawler.portal_ac import CITY, COUNTY, DEVELOPMENT, EDUCATION, HEALTH, PortalAC
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, missed_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)

crawl = crawl_of(PortalAC, "xichuan", CITY, "tests.crawler.portal_ac.HostsResolver")


@pytest.mark.parametrize("agency", [CITY, DEVELOPMENT, EDUCATION, HEALTH, COUNTY])
def test_each_agencys_reports_are_found_with_their_year_and_agency(crawl, agency):
    assert missed_of(crawl, agency) == []


def test_the_modules_table_is_posted_again_for_its_second_page(crawl):
    # its answer opens with <table>, as a page may: a fragment all the same, paged by the loader's currpage
    assert [entry for entry in crawl[0].wjw.log if entry.startswith("POST")] == ["POST /module/xxgk/search.jsp"] * 2


def test_an_attachment_whose_address_a_script_writes_is_asked_once_with_its_key(crawl):
    portal = crawl[0]
    files = [u.removeprefix(portal.url("jyj", "")) for u in portal.expected if "/attachment.jspx" in u]
    assert sorted(t for t in portal.jyj.log if t.startswith("/attachment")) == sorted(
        [f"/attachment_url.jspx?cid={cid}&n=1" for cid in ("48349", "48335")] + files)
