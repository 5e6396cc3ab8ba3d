"""A sub-site with no 年报 column publishing its reports as 公告 among the notices of its 通知公告 column: the
column explored, its titles read for articles publishing a report, its pages bounded (tests/files/)."""

from __future__ import annotations

import scrapy
from scrapy.http import HtmlResponse, Request

from crawler.spiders.reports import MAX_NOTICE_PAGES, MAX_UNDATED_NOTICE_PAGES
from tests.crawler.helpers import FILES, file_response

SITE = "http://www.zhoukou.gov.cn"
NOTICES = SITE + "/jtj/tzgg/index.html"


def _parsed(spider, name: str, url: str, **meta) -> list[scrapy.Request]:
    """The requests a frozen page of notices gives, reached by a link 通知公告 of a sub-site being explored."""
    meta = {"role": "page", "hops": 2, "subsite": 0, "step": "avoid", "link_text": "通知公告", **meta}
    return [r for r in spider.parse_page(file_response(name, url, meta)) if isinstance(r, scrapy.Request)]


def _notices_page(spider, **meta) -> list[scrapy.Request]:
    return _parsed(spider, "notices_list.html", NOTICES, **meta)


def test_a_departments_notices_column_is_explored_never_taken_for_a_notices_title(spider):
    meta = {"role": "page", "hops": 1}
    list(spider.parse_page(file_response("department_home_notices.html", SITE + "/jtj/index.html", meta)))
    explored = {r.url: r.meta["step"] for r in spider._held.release_all()}
    assert explored.get(NOTICES) == "avoid"


def test_a_notices_column_gives_the_articles_publishing_a_report_and_its_pages_explored(spider):
    requests = _notices_page(spider)
    documents = [r.url for r in requests if r.meta["role"] == "document"]
    pages = [r for r in requests if r.meta["role"] == "list"]
    assert documents == [SITE + "/jtj/tzgg/9024.html"]
    assert {r.url for r in pages} == {f"{SITE}/jtj/tzgg/index_{k}.html" for k in range(1, MAX_NOTICE_PAGES + 1)}
    assert all(r.meta["notices"] and r.meta["step"] == "avoid" for r in pages)


def test_a_notices_column_is_never_the_sub_sites_report_column(spider):
    _notices_page(spider)
    _notices_page(spider, role="list", notices=True, list_of=NOTICES)
    assert not spider.subsites.has_column(0)


def test_a_notices_column_followed_for_no_exploration_is_no_list_of_notices(spider):
    requests = _notices_page(spider, step="follow", link_text="通知公告")
    assert not any(r.meta.get("notices") for r in requests)


def test_a_notices_column_opened_by_its_more_link_is_known_by_its_title(spider):
    requests = _notices_page(spider, link_text="更多")
    assert [r.url for r in requests if r.meta["role"] == "document"] == [SITE + "/jtj/tzgg/9024.html"]
    assert len([r for r in requests if r.meta.get("notices")]) == MAX_NOTICE_PAGES


def test_a_notices_column_whose_first_page_publishes_no_report_is_not_paged_through(spider):
    page = (FILES / "notices_list.html").read_text(encoding="utf-8")
    body = page.replace("关于公布2024年度政府信息公开工作年度报告的公告", "关于公布2024年春运安排的公告").encode()
    meta = {"role": "page", "hops": 2, "subsite": 0, "step": "avoid", "link_text": "通知公告"}
    response = HtmlResponse(NOTICES, body=body, request=Request(NOTICES, meta=meta))
    assert [r for r in spider.parse_page(response) if isinstance(r, scrapy.Request) and r.meta["role"] == "list"] == []


THIS_YEAR = SITE + "/sfj/tzgg/index.html"


def _this_years_notices(spider, **meta) -> list[scrapy.Request]:
    """The first page of a 通知公告 column listing this year's notices only (2025-03-18 … 2025-12-28), none a
    report's announcement; its pager names five more pages."""
    return [r for r in _parsed(spider, "notices_list_this_year.html", THIS_YEAR, **meta) if r.meta["role"] == "list"]


def test_a_notices_page_too_recent_to_reach_last_januarys_announcements_asks_the_next_page_only(spider):
    pages = _this_years_notices(spider)
    assert [(r.url, r.meta["notices"], r.meta["notice_page"]) for r in pages] \
        == [(SITE + "/sfj/tzgg/index_1.html", "next", 2)]


def test_the_pages_a_recent_notices_page_leads_to_are_bounded(spider):
    assert _this_years_notices(spider, notices="next", notice_page=MAX_NOTICE_PAGES) == []


def test_a_page_reaching_back_before_january_with_no_announcement_ends_the_paging(spider):
    page = (FILES / "notices_list.html").read_text(encoding="utf-8")
    body = page.replace("关于公布2024年度政府信息公开工作年度报告的公告", "关于公布2024年春运安排的公告").encode()
    meta = {"role": "list", "hops": 2, "subsite": 0, "step": "avoid", "link_text": "通知公告", "notices": "next",
            "notice_page": 2, "list_of": NOTICES}
    response = HtmlResponse(NOTICES + "?p=2", body=body, request=Request(NOTICES + "?p=2", meta=meta))
    assert [r for r in spider.parse_page(response) if isinstance(r, scrapy.Request) and r.meta["role"] == "list"] == []


ANNOUNCED = SITE + "/sfj/tzgg/index_1.html"


def _announcements(spider, **meta) -> list[scrapy.Request]:
    """A 通知公告 page listing six announcements of reports (关于公布…年度报告的公告) among other notices."""
    return _parsed(spider, "notices_list_announcements.html", ANNOUNCED, **meta)


def test_a_notices_page_listing_announcements_of_reports_is_named_as_notices_never_as_a_report_column(spider):
    requests = _announcements(spider)
    assert len([r for r in requests if r.meta["role"] == "document"]) == 6
    portal = spider.subsites.coverage([], lambda url: False).subsites[0]
    assert (portal.columns, portal.notices) == ([], [ANNOUNCED])


def test_a_page_listing_announcements_of_reports_under_no_notices_name_is_no_report_column(spider):
    _announcements(spider, step="follow", link_text="信息公开")
    assert not spider.subsites.has_column(0)


def test_a_page_of_a_notices_column_listing_no_announcement_ends_the_paging_through(spider):
    page = (FILES / "notices_list.html").read_text(encoding="utf-8")
    body = page.replace("关于公布2024年度政府信息公开工作年度报告的公告", "关于公布2024年春运安排的公告").encode()
    meta = {"role": "list", "hops": 2, "subsite": 0, "step": "avoid", "link_text": "通知公告", "notices": True,
            "notice_page": 2, "list_of": NOTICES}
    response = HtmlResponse(NOTICES + "?p=2", body=body, request=Request(NOTICES + "?p=2", meta=meta))
    assert [r for r in spider.parse_page(response) if isinstance(r, scrapy.Request) and r.meta["role"] == "list"] == []


def test_a_notices_column_paged_through_stops_at_its_page_bound(spider):
    pages = [r for r in _announcements(spider, notices=True, notice_page=MAX_NOTICE_PAGES) if r.meta["role"] == "list"]
    assert pages == []


UNDATED = SITE + "/sfj/tzgg/index.html"


def _undated_notices(spider, **meta) -> list[scrapy.Request]:
    """A 通知公告 page listing twenty notices and no date, none a report's announcement; its pager names five
    more pages."""
    return [r for r in _parsed(spider, "notices_list_undated.html", UNDATED, **meta) if r.meta["role"] == "list"]


def test_an_undated_notices_page_listing_no_announcement_asks_its_next_page_only(spider):
    assert [(r.url, r.meta["notices"], r.meta["notice_page"]) for r in _undated_notices(spider)] \
        == [(SITE + "/sfj/tzgg/index_1.html", "next", 2)]


def test_undated_notices_pages_listing_no_announcement_are_asked_within_their_bound(spider):
    assert _undated_notices(spider, notices="next", notice_page=MAX_UNDATED_NOTICE_PAGES) == []


def test_an_empty_report_column_linking_the_notices_column_is_no_column_and_the_notices_are_explored(spider):
    # a town's 政府信息公开年报 column listing nothing (暂无信息), its menu linking 通知公告 where its reports are
    column = SITE + "/channels/3045.html"
    meta = {"role": "page", "hops": 2, "subsite": 0, "step": "follow", "link_text": "政府信息公开年报"}
    list(spider.parse_page(file_response("column_empty_beside_notices.html", column, meta)))
    assert not spider.subsites.has_column(0)
    explored = {r.url: r.meta["step"] for r in spider._held.release_all()}
    assert explored.get(SITE + "/channels/3046.html") == "avoid"
