"""Hostile lists crawled together with a good site over real HTTP (tests/crawler/hostile.py): pagers claiming
endless pages, a 下一页 that answers itself under a new address without end, an API claiming a billion records,
a list page holding a long inline picture, a column page inside 200 nested clickable elements, framesets naming new
framesets without end, a column's first page followed by a 加载更多 or 下一页 chain without end, a 加载更多 naming
its own page, sitemap indexes listing new indexes without end. Each costs its own
site a bounded number of pages and seconds, and every genuine report of every site is still yielded."""

from __future__ import annotations

import json
import re

import pytest

from crawler.spiders.reports import MAX_FRAMES
from crawler.spiders.sitemaps import MAX_SITEMAPS
from crawler.steering.pagers import MAX_GENERATED_PAGES, MAX_POSTED_PAGES
from crawler.steering.traps import MAX_CHAIN
from tests.crawler.hostile import Answer, HostileSite, crawled, page

CLAIMED = 999_999


def endless_static_pager() -> HostileSite:
    """A column whose pager claims 共999999页 (TRS's createPageHTML and 第1/999999页), every index_N.html answering
    the first page again with a 下一页 to the next N."""
    site = HostileSite("庚市")
    column = site.column

    def listed(n: int) -> Answer:
        body = column().body.replace(b"</ul>", (
            f'</ul><div class="page">共{CLAIMED}页 第{n + 1}/{CLAIMED}页 <a href="index_{n + 1}.html">下一页</a>'
            f'<a href="index_{CLAIMED - 1}.html">尾页</a></div>'
            f'<script>createPageHTML({CLAIMED}, {n}, "index", "html");</script>').encode())
        return Answer(body)

    site.dynamic["/ndbg/"] = lambda query: listed(0)
    site.families["/ndbg/index_"] = lambda path: listed(int(re.sub(r"\D", "", path) or 0))
    return site


def endless_query_pager() -> HostileSite:
    """A column whose 下一页 is itself again under ?page=N+1 for any N, each address carrying a new session id."""
    site = HostileSite("辛市")
    column = site.column

    def listed(query: dict) -> Answer:
        n = int(query.get("page", ["1"])[0])
        body = column().body.replace(b"</ul>", (
            f'</ul><div class="page">第{n}页 <a href="/ndbg/?page={n + 1}&sid={n * 7919:x}">下一页</a></div>').encode())
        return Answer(body)

    site.dynamic["/ndbg/"] = listed
    return site


def first_then_news(site: HostileSite, n: int) -> bytes:
    """Page n of a column: its reports on the first page, one new item of news on each later one."""
    return site.column().body if n == 1 else \
        page("政府信息公开年报", f"<ul><li><a href='/news/{n}.html'>工作动态{n}</a></li></ul>")


def endless_load_more() -> HostileSite:
    """A column whose first page lists its reports and a 加载更多 naming the next page's address whole
    (data-next), every later page one new item and a 加载更多 to a new address again, without end."""
    site = HostileSite("卯市")

    def listed(query: dict) -> Answer:
        n = int(query.get("page", ["1"])[0])
        return Answer(first_then_news(site, n).replace(b"</ul>", (
            f'</ul><button class="more" data-next="/ndbg/?page={n + 1}&sid={n * 7919:x}">加载更多</button>').encode()))

    site.dynamic["/ndbg/"] = listed
    return site


def endless_next_page_chain() -> HostileSite:
    """A column whose every page is ?page=N, the first listing its reports, each with a 下一页 to N+1 without end
    (later pages list one new item each)."""
    site = HostileSite("辰市")

    def listed(query: dict) -> Answer:
        n = int(query.get("page", ["1"])[0])
        pager = f'</ul><div class="page"><a href="/ndbg/?page={n + 1}">下一页</a></div>'.encode()
        body = first_then_news(site, n).replace(b"</ul>", pager)
        return Answer(body.replace(b'href="/ndbg/"', b'href="/ndbg/?page=1"'))

    site.dynamic["/ndbg/"] = listed
    site.answers["/"] = Answer(page(f"{site.name}人民政府", '<a href="/ndbg/?page=1">政府信息公开年报</a>'))
    return site


def billion_records_api() -> HostileSite:
    """A column whose list a script posts for, the JSON answer claiming 10⁹ records whatever page is asked."""
    site = HostileSite("壬市")
    rows = [{"title": title, "url": url} for url, title in
            ((u[len(site.base):], f"{agency}{year}年政府信息公开工作年度报告") for u, (agency, year) in site.expected.items())]
    site.answers["/nbapi/"] = Answer(page("政府信息公开年报", "<ul id='list'></ul><script>$.post('/api/list', "
                                                            "{page: 1, size: 10, column: 'nb'}, function (d) {});</script>"))
    site.dynamic["/api/list"] = lambda query: Answer(json.dumps({"total": 10 ** 9, "size": 10, "rows": rows}).encode(),
                                                     "application/json")
    site.answers["/"] = Answer(page("壬市人民政府", '<a href="/ndbg/">政府信息公开年报</a><a href="/nbapi/">年报</a>'))
    return site


def inline_picture_list() -> HostileSite:
    """A column page holding a 4 MB inline picture (an editor's pasted base64), its reports listed after it."""
    site = HostileSite("癸市")
    column = site.column
    picture = '<p><img src="data:image/png;base64,' + "iVBORw0KGgo" * 400_000 + '"></p>'
    site.dynamic["/ndbg/"] = lambda query: Answer(column().body.replace(b"<ul>", picture.encode() + b"<ul>"))
    return site


def nested_clickables() -> HostileSite:
    """A column page of 6 MB: its list inside 200 nested <div> each a 加载更多 button and a clickable link
    (onclick, data-url, data-page), around 2 million characters of 加载更多."""
    site = HostileSite("子市")
    column = site.column
    opening = ("<div onclick=\"location.href='/ndbg/'\" data-url='/ndbg/?page=2' data-page='2'>" * 200
               + "<p>" + "加载更多 " * 400_000 + "</p>")
    site.dynamic["/ndbg/"] = lambda query: Answer(column().body.replace(b"<ul>", opening.encode() + b"<ul>")
                                                  .replace(b"</ul>", b"</ul>" + b"</div>" * 200))
    return site


def endless_framesets() -> HostileSite:
    """A report listed as a frameset titled as the report, each of its ten frames another such frameset naming
    ten new ones (and its parent)."""
    site = HostileSite("丑市")
    title = f"{site.name}财政局2022年政府信息公开工作年度报告"

    def frameset(path: str) -> Answer:
        n = int(re.sub(r"\D", "", path) or 0)
        frames = "".join(f'<frame src="/ndbg/frames/{n * 10 + k}.html">' for k in range(1, 11))
        return Answer(f'<html><head><meta charset="utf-8"><title>{title}</title></head><frameset rows="10%,*">'
                      f'<frame src="/ndbg/frames/{n // 10}.html">{frames}</frameset></html>'.encode())

    site.families["/ndbg/frames/"] = frameset
    site.column_extra.append(f'<li><a href="/ndbg/frames/0.html">{title}</a></li>')
    return site


def load_more_to_itself() -> HostileSite:
    """A column whose 加载更多 names the column's own address (data-next) on every answer."""
    site = HostileSite("巳市")
    column = site.column
    site.dynamic["/ndbg/"] = lambda query: Answer(column().body.replace(
        b"</ul>", '</ul><button class="more" data-next="/ndbg/">加载更多</button>'.encode()))
    return site


def endless_sitemap_indexes() -> HostileSite:
    """A site whose robots.txt names a sitemap index listing itself and 50 new indexes, each of them alike."""
    site = HostileSite("午市")
    site.answers["/robots.txt"] = Answer(f"User-agent: *\nDisallow:\nSitemap: {site.base}/sitemaps/0.xml\n".encode(),
                                         "text/plain")

    def index(path: str) -> Answer:
        n = int(re.sub(r"\D", "", path) or 0)
        entries = "".join(f"<sitemap><loc>{site.base}/sitemaps/{m}.xml</loc></sitemap>"
                          for m in (n, *range(n * 50 + 1, n * 50 + 51)))
        return Answer(f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex '
                      f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'.encode(),
                      "application/xml")

    site.families["/sitemaps/"] = index
    return site


SCENARIOS = {"static-pager": endless_static_pager, "query-pager": endless_query_pager,
             "billion-api": billion_records_api, "inline-picture": inline_picture_list,
             "nested-clickables": nested_clickables, "framesets": endless_framesets,
             "load-more": endless_load_more, "next-page-chain": endless_next_page_chain,
             "load-more-itself": load_more_to_itself, "sitemap-indexes": endless_sitemap_indexes}


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    sites = {"good": HostileSite("乙市"), **{name: make() for name, make in SCENARIOS.items()}}
    with crawled(sites, tmp_path_factory.mktemp("hostile-lists")) as done:
        yield sites, done.summary, done.items, done.seconds


@pytest.mark.parametrize("name", ["good", *SCENARIOS])
def test_every_genuine_report_of_a_site_is_yielded(crawl, name):
    sites, _, items, _ = crawl
    assert set(sites[name].expected) <= {item["final_url"] for item in items[name]}


def test_a_pager_claiming_endless_pages_costs_at_most_the_generated_pages(crawl):
    asked = [t for t in crawl[0]["static-pager"].log if "/ndbg/index_" in t]
    assert len(asked) <= MAX_GENERATED_PAGES + 1   # its 尾页 too


def test_a_pager_repeating_its_first_page_is_reported_as_a_trap(crawl):
    assert [trap["pattern"].endswith("/ndbg/index_#.html?") for trap in crawl[1].site("static-pager").coverage.traps] \
        == [True]


def test_a_next_page_answering_itself_without_end_is_a_bounded_trap(crawl):
    sites, summary, _, _ = crawl
    asked = [t for t in sites["query-pager"].log if "page=" in t]
    assert len(asked) <= 100 and summary.site("query-pager").failure is None


@pytest.mark.parametrize("name", ["load-more", "next-page-chain"])
def test_an_endless_chain_behind_a_column_is_cut_past_its_depth_bound_and_named(crawl, name):
    sites, summary, _, _ = crawl
    asked = [t for t in sites[name].log if "page=" in t]
    assert len(asked) <= MAX_CHAIN + 3
    assert ["cut there" in trap["reason"] for trap in summary.site(name).coverage.traps] == [True]


@pytest.mark.parametrize("name", ["load-more", "next-page-chain"])
def test_the_documents_a_cut_chain_held_are_fetched_when_it_is_cut_and_said(crawl, name):
    # before, they waited for the crawl to run dry (a crawl cut short by its time lost them), unsaid
    sites, summary, _, _ = crawl
    assert [trap["reason"].endswith(f"; {len(sites[name].expected)} documents its lists held fetched, listed before "
                                    "the trap") for trap in summary.site(name).coverage.traps] == [True]


def test_an_api_claiming_a_billion_records_costs_at_most_the_posted_pages(crawl):
    asked = [t for t in crawl[0]["billion-api"].log if t.startswith("/api/")]
    assert 1 <= len(asked) <= MAX_POSTED_PAGES


def test_clickables_nested_around_a_column_cost_it_seconds(crawl):
    assert crawl[2]["nested-clickables"] and crawl[1].site("nested-clickables").elapsed_seconds < 30


def test_framesets_naming_new_framesets_ask_the_frames_of_the_listed_one_only(crawl):
    assert len([url for url in crawl[0]["framesets"].log if url.startswith("/ndbg/frames/")]) <= 1 + MAX_FRAMES


def test_a_load_more_naming_its_own_page_asks_it_once(crawl):
    assert crawl[0]["load-more-itself"].log.count("/ndbg/") == 1


def test_sitemap_indexes_listing_new_indexes_without_end_ask_at_most_the_sitemaps_bound(crawl):
    assert 1 <= len([t for t in crawl[0]["sitemap-indexes"].log if t.startswith("/sitemaps/")]) <= MAX_SITEMAPS


def test_the_whole_crawl_ends_in_bounded_time(crawl):
    assert crawl[3] < 120

