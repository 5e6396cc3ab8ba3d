"""A report page's mobile copy recognised by the page itself (crawler.hosts.mobilecopy), wherever its address lies: its
title and article equal a page already read, its <link rel="canonical"> names the desktop page, or the desktop
page's <link rel="alternate" media=…> names it. Never fetched twice, never yielded twice."""

from __future__ import annotations

import time

import lxml.html
import pytest
import scrapy
from scrapy import Request

from crawler.hosts.mobilecopy import MAX_PAGES_PER_TITLE, MAX_TITLES, SeenArticles, desktop_page
from crawler.items import ReportDocument
from tests.crawler.helpers import document_meta, file_response

DESKTOP = "http://www.nanhu.gov.cn/art/2024/1/23/art_12_345.html"
MOBILE = "http://www.nanhu.gov.cn/h5/content.html?id=345"
TITLE = "南湖市人民政府2023年政府信息公开工作年度报告"


def _read(spider, name: str, url: str) -> list:
    out = list(spider.parse_document(file_response(name, url, document_meta(link_text=TITLE))))
    return [getattr(o, "item", o) for o in out]


def _items(out: list) -> list[str]:
    return [o.url for o in out if isinstance(o, ReportDocument)]


def test_a_mobile_copy_whose_title_and_article_equal_a_page_read_is_not_yielded_again(spider):
    assert _items(_read(spider, "report_desktop_mobile_alternate.html", DESKTOP)) == [DESKTOP]
    assert _read(spider, "report_mobile_copy.html", MOBILE) == []


def test_the_desktop_page_read_after_its_mobile_copy_is_not_yielded_again(spider):
    assert _items(_read(spider, "report_mobile_copy.html", MOBILE)) == [MOBILE]
    assert _read(spider, "report_desktop_mobile_alternate.html", DESKTOP) == []


def test_a_mobile_copy_naming_its_desktop_page_canonical_is_that_page(spider):
    spider._requested[DESKTOP] = "document"   # asked already: the copy is not read
    assert _read(spider, "report_mobile_canonical.html", MOBILE) == []


def test_a_mobile_copy_naming_a_desktop_page_not_yet_asked_asks_it_in_its_place(spider):
    out = _read(spider, "report_mobile_canonical.html", MOBILE)
    assert [(r.url, r.meta["role"]) for r in out if isinstance(r, scrapy.Request)] == [(DESKTOP, "document")]
    assert _items(out) == []


def test_the_mobile_copy_a_desktop_page_names_is_never_fetched(spider):
    _read(spider, "report_desktop_mobile_alternate.html", DESKTOP)
    assert spider.budget.refusal(Request(MOBILE, meta={"role": "document"})) == "mobile_copy"


@pytest.mark.parametrize("head", [
    # a responsive desktop page: people may zoom it; its CMS names the list's first page canonical
    '<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="canonical" href="/xxgk/index.html">',
    # a mobile template naming the home page canonical on every page
    '<meta name="viewport" content="width=device-width, user-scalable=no"><link rel="canonical" href="/">',
])
def test_a_canonical_link_off_a_mobile_template_or_to_the_home_page_makes_no_copy(head):
    root = lxml.html.fromstring(f"<html><head>{head}</head><body><p>正文</p></body></html>")
    assert desktop_page(root, "http://www.nanhu.gov.cn/xxgk/index_2.html") is None


def test_an_article_of_its_heading_alone_is_no_copy_of_another_under_its_title():
    # two agencies' scans (pictures under a heading), and an agency's article under the same generic title
    seen = SeenArticles()
    heading = frozenset({b"h" * 8})
    article = heading | {bytes([n]) * 8 for n in range(20)}
    assert seen.same_as("http://wlj.x.gov.cn/scan.html", TITLE, heading) is None
    assert seen.same_as("http://wjj.x.gov.cn/art.html", TITLE, article) is None
    assert seen.same_as("http://gaj.x.gov.cn/scan.html", TITLE, heading) is None
    assert seen.same_as("http://wjj.x.gov.cn/m/art.html", TITLE, article) == "http://wjj.x.gov.cn/art.html"


def test_articles_are_compared_within_bounds():
    seen = SeenArticles()
    lines = frozenset({b"a" * 8, b"b" * 8, b"c" * 8})
    for n in range(MAX_PAGES_PER_TITLE + 3):
        assert seen.same_as(f"http://x.gov.cn/{n}.html", TITLE, frozenset(bytes([n, k]) * 4 for k in range(3))) is None
    assert seen.same_as("http://x.gov.cn/late.html", TITLE, lines) is None   # past the bound: not kept
    assert seen.same_as("http://x.gov.cn/late2.html", TITLE, lines) is None
    start = time.perf_counter()
    for n in range(MAX_TITLES + 100):
        seen.same_as(f"http://x.gov.cn/t{n}.html", f"标题{n}", lines)
    assert time.perf_counter() - start < 5 and len(seen._by_title) == MAX_TITLES
