"""A crawl finds the same pages whatever order they arrive in: the spider fed frozen pages in both orders, each
request judged by the frontier (crawler.steering.budget) when its turn comes, after both arrived."""

from __future__ import annotations

import scrapy
from scrapy.http import HtmlResponse
from twisted.python.failure import Failure

from crawler.siteconfig import Site
from crawler.spiders.reports import ReportsSpider
from crawler.steering.budget import FrontierSkip

SITE = Site("zhoukou", "周口市人民政府", ("http://www.zhoukou.gov.cn/",), allowed_domains=("zhoukou.gov.cn",))
COLUMN = "http://www.zhoukou.gov.cn/zwgk/ndbg/index.html"
COLUMN_BODY = ("<html><head><title>政府信息公开年报</title></head><body><ul>" + "".join(
    f'<li><a href="/zwgk/ndbg/{y}.html">周口市人民政府{y}年政府信息公开工作年度报告</a></li>' for y in (2021, 2022, 2023))
    + "</ul></body></html>")
# Two hops deep, unheaded, reached by a link saying nothing of agencies: its departments' links score as exploring
DEPARTMENTS = "http://www.zhoukou.gov.cn/zwgk/lb/index.html"
DEPARTMENTS_BODY = ("<html><head><title>列表</title></head><body><ul>" + "".join(
    f'<li><a href="http://{host}.zhoukou.gov.cn/">周口市{name}</a></li>'
    for host, name in (("jyj", "教育局"), ("mzj", "民政局"), ("czj", "财政局"))) + "</ul></body></html>")


def _read(spider: ReportsSpider, url: str, body: str, **meta) -> list[scrapy.Request]:
    response = HtmlResponse(url, body=body.encode(), headers={"Content-Type": "text/html; charset=utf-8"},
                            request=scrapy.Request(url, meta={"role": "page", "subsite": 0, **meta}))
    return [r for r in spider.parse_page(response) if isinstance(r, scrapy.Request)]


def _admitted(pages: list[tuple[str, str, dict]], spider: ReportsSpider | None = None) -> list[scrapy.Request]:
    """The requests the pages led to, read in the order given, that the frontier lets through when their turn
    comes; one it drops goes to the spider's errback, as Scrapy sends it, and what that asks instead takes its turn."""
    spider = spider or ReportsSpider(site=SITE)
    queue = [r for url, body, meta in pages for r in _read(spider, url, body, **meta)]
    admitted = []
    while queue:
        request = queue.pop(0)
        if (reason := spider.budget.refusal(request)) is None:
            admitted.append(request)
            continue
        failure = Failure(FrontierSkip(reason))
        failure.request = request
        queue += [r for r in spider.on_error(failure) if isinstance(r, scrapy.Request)]
    return admitted


def test_departments_a_page_lists_are_entered_whether_the_sites_column_arrived_before_or_after_it():
    """Links entering agencies' sub-sites (scored as exploring, the list being deep and unheaded) lead to reports the
    linking site's 年报 column does not list: its column found before their turn must not drop them."""
    column = (COLUMN, COLUMN_BODY, {"hops": 1, "link_text": "年度报告"})
    departments = (DEPARTMENTS, DEPARTMENTS_BODY, {"hops": 2, "link_text": "列表"})
    entries = {"http://jyj.zhoukou.gov.cn/", "http://mzj.zhoukou.gov.cn/", "http://czj.zhoukou.gov.cn/"}
    assert {r.url for r in _admitted([column, departments])} & entries == entries
    assert {r.url for r in _admitted([departments, column])} & entries == entries


def test_a_report_a_page_linked_as_a_way_is_fetched_as_a_document_whichever_link_was_read_first():
    """The home page's picture link (专题专栏) to the 2023 report, read before the column listing it by its title,
    asked it as a page to explore: the column's link asks it again as the document it is."""
    home = ("http://www.zhoukou.gov.cn/index.html", '<html><head><title>首页</title></head><body><div class="focus">'
            '<a href="/zwgk/ndbg/2023.html">专题专栏</a></div></body></html>', {"hops": 0})
    column = (COLUMN, COLUMN_BODY, {"hops": 1, "link_text": "年度报告"})
    report = "http://www.zhoukou.gov.cn/zwgk/ndbg/2023.html"
    for pages in ([home, column], [column, home]):
        assert [r.meta["role"] for r in _admitted(pages) if r.url == report and r.callback.__name__ == "parse_document"] \
            == ["document"]


def test_a_page_two_sub_sites_link_as_a_way_is_asked_for_the_one_still_exploring_whichever_linked_it_first():
    """The city's 信息公开目录, linked as a way both by a city page and by a department's home with no column yet:
    asked for the city first and dropped there (its column found), it is asked for the department."""
    catalogue = "http://www.zhoukou.gov.cn/zwgk/gkml/index.html"
    link = f'<ul><li><a href="{catalogue}">目录</a></li></ul>'
    city = ("http://www.zhoukou.gov.cn/zwgk/gd/index.html",
            f"<html><head><title>更多</title></head><body>{link}</body></html>", {"hops": 1, "subsite": 0})
    for order in ((0, 1), (1, 0)):
        spider = ReportsSpider(site=SITE)
        _read(spider, COLUMN, COLUMN_BODY, hops=1, link_text="年度报告")
        department = spider.subsites.enter("周口市教育局", "http://jyj.zhoukou.gov.cn/", "部门")
        home = ("http://jyj.zhoukou.gov.cn/index.html",
                f"<html><head><title>周口市教育局</title></head><body>{link}</body></html>",
                {"hops": 1, "subsite": department})
        pages = [(city, home)[i] for i in order]
        assert [r.meta["subsite"] for r in _admitted(pages, spider) if r.url == catalogue] == [department]
    # dropped for the city with no other sub-site linking it, it is not asked again by each city page linking it
    spider = ReportsSpider(site=SITE)
    _read(spider, COLUMN, COLUMN_BODY, hops=1, link_text="年度报告")
    assert _admitted([city], spider) == []
    again = ("http://www.zhoukou.gov.cn/zwgk/gd/index_1.html", city[1], city[2])
    assert [r.url for r in _read(spider, *again[:2], **again[2]) if r.url == catalogue] == []


def test_a_department_linked_both_alone_and_in_the_sites_list_of_departments_is_entered_whichever_came_first():
    """The 教育局's home, linked alone on a city page (a way, no list of agencies around it) and in the 部门信息公开
    list: whichever page was read first, its home enters its sub-site when its turn comes."""
    home = "http://jyj.zhoukou.gov.cn/"
    alone = ("http://www.zhoukou.gov.cn/zwgk/zc/index.html", '<html><head><title>政策</title></head><body><p>'
             f'<a href="{home}">周口市教育局</a></p></body></html>', {"hops": 0})
    listed = ("http://www.zhoukou.gov.cn/zwgk/bm/index.html", '<html><head><title>部门</title></head><body>'
              "<h3>部门信息公开</h3><ul>" + "".join(f'<li><a href="http://{h}.zhoukou.gov.cn/">周口市{n}</a></li>'
                                               for h, n in (("jyj", "教育局"), ("mzj", "民政局"), ("czj", "财政局")))
              + "</ul></body></html>", {"hops": 1})
    for pages in ([alone, listed], [listed, alone]):
        spider = ReportsSpider(site=SITE)
        request = next(r for r in _admitted(pages, spider) if r.url == home)
        _read(spider, home, "<html><head><title>周口市教育局</title></head><body></body></html>", **request.meta)
        assert [s.name for s in spider.subsites.coverage([], lambda url: False).subsites if s.url == home] \
            == ["周口市教育局"]
