"""A crawl of a portal built from classic portals' script pagers, session links, loaded fragments, lists kept as
data and framesets (tests/crawler/portal_j.py), over real HTTP, from its home page alone: every report found and
nothing else."""

from __future__ import annotations

import re

import pytest

from tests.crawler.portal_checks import expected_under, found_under
from tests.crawler.portal_checks import (  # noqa: F401 (the checks every portal's crawl passes, run here)
    crawl_of, test_every_report_is_found, test_nothing_but_reports_is_yielded,
    test_pages_fetched_per_report_stay_low, test_the_crawl_ends_by_itself)
from tests.crawler.portal_j import PortalJ

crawl = crawl_of(PortalJ, "xishan", "西山市人民政府")


@pytest.mark.parametrize("way_in", [
    "/xxgk/",   # a kkpager configured in a script
    "/fgw/",    # a layui laypage whose jump sends the browser on
    "/jyj/",    # a JSP CMS writing ;jsessionid= on every link, its pager cache-busted
    "/mzj/",    # a list loaded by jQuery's .load(url + ' #content')
    "/czj/",    # a list kept in a <script type="text/template">
    "/wjw/",    # a list kept as a script's data (var listData = […])
    "/zjj/",    # a frameset, its column paged by a <select>
    "/jtj/",    # a jump box with the total written as 共3页
    "/slj/",    # a jqPaginator whose callback loads each page's HTML fragment by ajax
    "/nyj/",    # buttons calling the page's loader (load(page + 1)), the count in a variable
])
def test_each_way_in_gives_all_its_reports(crawl, way_in):
    assert found_under(crawl, crawl[0].base + way_in) == expected_under(crawl, crawl[0].base + way_in)


def test_each_report_is_yielded_once(crawl):
    _, _, items = crawl
    urls = [i["final_url"] for i in items]
    assert sorted(u for u in set(urls) if urls.count(u) > 1) == []


def test_no_list_page_is_fetched_twice(crawl):
    portal, _, _ = crawl
    pages = [re.sub(r";jsessionid=[^?]*|&_=\d+", "", t) for t in portal.main.log if "/ndbg/list" in t]
    assert sorted(t for t in set(pages) if pages.count(t) > 1) == []
