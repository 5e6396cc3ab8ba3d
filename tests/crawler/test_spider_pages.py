"""The spider's page parsers on frozen real-style pages (tests/files/): one quirk, one field per test."""

from __future__ import annotations

from urllib.parse import parse_qs

import scrapy

from scrapy.http import HtmlResponse, Request

from crawler.items import ReportDocument
from tests.crawler.helpers import FILES, document_meta, file_response, list_meta

BASE = "http://www.zhoukou.gov.cn/zwgk/ndbg/"


def _requests(results) -> list[scrapy.Request]:
    return [r for r in results if isinstance(r, scrapy.Request)]


def _items(results) -> list[ReportDocument]:
    return [r for r in results if isinstance(r, ReportDocument)]


def _documents(spider, name, url=BASE + "index.html", role="column"):
    """Document requests a list page gives: at once, or held until the rest of its list has been read."""
    out = _requests(spider.parse_page(file_response(name, url, list_meta(role))))
    return [r for r in out + spider._held.release_all() if r.meta["role"] == "document"]


def _pages(spider, name, url=BASE + "index.html", role="column"):
    out = _requests(spider.parse_page(file_response(name, url, list_meta(role))))
    return [r for r in out if r.meta["role"] != "document"]


# -- list pages ----------------------------------------------------------------------------------------

def test_trs_pager_pages_come_from_the_createpagehtml_script(spider):
    urls = {r.url for r in _pages(spider, "list_trs_createpage.html")}
    assert {BASE + f"index_{k}.html" for k in range(1, 5)} <= urls
    assert BASE + "index_5.html" not in urls


def test_a_pager_an_inline_loop_draws_asks_its_pages_as_a_lists(spider):
    pages = {r.url: r.meta["role"] for r in _pages(spider, "list_inline_pager_loop.html")}
    assert {url: pages.get(url) for url in (BASE + f"index_{k}.html" for k in (1, 2, 3))} == {
        BASE + f"index_{k}.html": "list" for k in (1, 2, 3)}
    assert BASE + "index_4.html" not in pages


def test_trs_relative_links_are_resolved_against_the_list_page(spider):
    urls = {r.url for r in _documents(spider, "list_trs_createpage.html")}
    assert BASE + "202501/t20250124_1345678.html" in urls


def test_truncated_link_text_is_read_from_the_title_attribute(spider):
    texts = {r.meta["link_text"] for r in _documents(spider, "list_trs_createpage.html")}
    assert "周口市人民政府办公室2024年政府信息公开工作年度报告" in texts


def test_date_printed_beside_the_link_is_kept(spider):
    by_url = {r.url: r for r in _documents(spider, "list_trs_createpage.html")}
    assert by_url[BASE + "202501/t20250124_1345678.html"].meta["list_date"] == "2025-01-24"


def test_direct_file_link_with_report_text_is_requested_as_a_report(spider):
    by_url = {r.url: r for r in _documents(spider, "list_trs_createpage.html")}
    assert by_url[BASE + "202501/P020250110583920431205.pdf"].meta["verdict"] == "report"


def test_lookalikes_in_the_list_are_not_requested(spider):
    urls = {r.url for r in _documents(spider, "list_trs_createpage.html")}
    assert urls == {BASE + "202501/t20250124_1345678.html", BASE + "202501/t20250121_1345532.html",
                    BASE + "202501/P020250110583920431205.pdf"}


def test_document_requests_are_conditional_and_accept_304(spider):
    request = _documents(spider, "list_trs_createpage.html")[0]
    assert request.meta["gxmon_document"] and request.meta["handle_httpstatus_list"] == [304]


def test_query_pager_links_are_followed(spider):
    url = "http://www.linjiang.gov.cn/bm/mzj/xxgk/ndbg/index.html"
    urls = {r.url for r in _pages(spider, "list_query_pager.html", url)}
    assert {url + "?page=2", url + "?page=3", url + "?page=7"} <= urls


def test_query_pager_does_not_count_as_navigation_depth(spider):
    url = "http://www.linjiang.gov.cn/bm/mzj/xxgk/ndbg/index.html"
    pages = [r for r in _pages(spider, "list_query_pager.html", url) if "page=" in r.url]
    assert {r.meta["hops"] for r in pages} == {1}


def test_a_list_counting_its_pages_from_zero_is_asked_its_second_page(spider):
    # EmpireCMS's dynamic list: page=1 (linked as 2 and 下一页) is the second page
    url = "http://www.zhoukou.gov.cn/e/action/ListInfo/?classid=12"
    urls = {r.url for r in _pages(spider, "empirecms_list_from_zero.html", url)}
    assert {url + "&page=1", url + "&page=2"} <= urls


def test_a_dedecms_lists_later_pages_are_asked_as_its_list(spider):
    url = "http://www.zhoukou.gov.cn/a/xxgk/ndbg/"
    pages = {r.url: r.meta["hops"] for r in _pages(spider, "dedecms_list.html", url)}
    # pages of the list, not navigation a hop further
    assert {pages.get(url + "list_12_2.html"), pages.get(url + "list_12_3.html")} == {1}


def _page_after(spider, name: str) -> list[scrapy.Request]:
    """The list pages asked from ``name`` read as the page ``list_pager_last_page.html``'s 下一页 leads to."""
    base = "http://wjj.linjiang.gov.cn/xxgk/ndbg/"
    first = _requests(spider.parse_page(file_response("list_pager_last_page.html", base + "index_2.html",
                                                      list_meta("list"))))
    following = next(r for r in first if r.url == base + "index_3.html")
    return [r for r in _requests(spider.parse_page(file_response(name, following.url, following.meta)))
            if r.meta["role"] != "document"]


def test_a_page_listing_what_its_page_before_listed_ends_its_list(spider):
    assert [r.url for r in _page_after(spider, "list_pager_last_page_again.html")] == []


def test_a_page_listing_what_its_page_before_listed_is_reported_as_a_trap(spider):
    _page_after(spider, "list_pager_last_page_again.html")
    assert [t.url for t in spider.traps.traps] == ["http://wjj.linjiang.gov.cn/xxgk/ndbg/index_3.html"]


def test_a_page_listing_what_the_page_two_before_it_listed_ends_its_list_as_a_cycle(spider):
    # a static pager answering its last two pages in turn: index_4 lists index_2's reports again
    base = "http://wjj.linjiang.gov.cn/xxgk/ndbg/"
    third = next(r for r in _page_after(spider, "list_pager_page_after.html") if r.url == base + "index_4.html")
    asked = _requests(spider.parse_page(file_response("list_pager_cycle_back.html", third.url, third.meta)))
    assert [r.url for r in asked if r.meta["role"] != "document"] == []
    assert [t.url for t in spider.traps.traps] == [base + "index_4.html"]


LINJIANG = "http://wjj.linjiang.gov.cn/xxgk/ndbg/"


def _read(spider, name: str, request: scrapy.Request) -> list[scrapy.Request]:
    """The list pages asked reading ``name`` as the answer to ``request``."""
    return [r for r in _requests(spider.parse_page(file_response(name, request.url, request.meta)))
            if r.meta["role"] != "document"]


def _asked(requests: list[scrapy.Request], url: str) -> scrapy.Request:
    return next(r for r in requests if r.url == url)


def test_page_one_under_its_number_is_the_lists_first_page_again_and_its_pager_followed(spider):
    # entered at index.html, whose 下一页 is index_1.html: page 1 again under its number, its pager going on
    entry = _pages(spider, "list_page_one_entry.html", LINJIANG + "index.html")
    asked = _read(spider, "list_page_one_numbered.html", _asked(entry, LINJIANG + "index_1.html"))
    assert spider.traps.traps == []
    assert {LINJIANG + "index_2.html", LINJIANG + "index_3.html"} <= {r.url for r in asked}


def test_page_one_under_its_number_linked_from_page_two_is_no_trap(spider):
    first = _pages(spider, "list_page_one_numbered.html", LINJIANG + "index.html")
    second = _read(spider, "list_page_two_back_to_one.html", _asked(first, LINJIANG + "index_2.html"))
    _read(spider, "list_page_one_numbered.html", _asked(second, LINJIANG + "index_1.html"))
    assert spider.traps.traps == []


def test_page_one_under_its_file_beside_the_folder_the_list_was_entered_at_is_no_trap(spider):
    # entered at /ndbg/, its page 2's createPageHTML naming page 1 index.html
    entry = _pages(spider, "list_trs_page_one.html", LINJIANG)
    second = _read(spider, "list_trs_page_two.html", _asked(entry, LINJIANG + "index_1.html"))
    _read(spider, "list_trs_page_one.html", _asked(second, LINJIANG + "index.html"))
    assert spider.traps.traps == []


def test_a_later_page_answering_page_one_again_is_still_a_trap(spider):
    entry = _pages(spider, "list_page_one_entry.html", LINJIANG + "index.html")
    numbered = _read(spider, "list_page_one_numbered.html", _asked(entry, LINJIANG + "index_1.html"))
    assert _read(spider, "list_page_one_numbered.html", _asked(numbered, LINJIANG + "index_2.html")) == []
    assert [t.url for t in spider.traps.traps] == [LINJIANG + "index_2.html"]


def test_a_page_listing_something_new_asks_its_next_page(spider):
    urls = [r.url for r in _page_after(spider, "list_pager_page_after.html")]
    assert "http://wjj.linjiang.gov.cn/xxgk/ndbg/index_4.html" in urls


def test_pages_of_a_list_come_before_its_documents(spider):
    url = "http://www.linjiang.gov.cn/bm/mzj/xxgk/ndbg/index.html"
    pages = _pages(spider, "list_query_pager.html", url)
    documents = [r.priority for r in spider._held.release_all() if r.meta["role"] == "document"]
    assert min(r.priority for r in pages if "page=" in r.url) > max(documents)


def test_plain_table_dates_in_chinese_format_become_iso(spider):
    url = "http://www.linjiang.gov.cn/qx/c03/xxgk/ndbg/index.html"
    by_text = {r.meta["link_text"]: r for r in _documents(spider, "list_plain_table.html", url)}
    assert by_text["北川区人民政府2024年政府信息公开工作年度报告"].meta["list_date"] == "2025-02-18"


def test_vague_year_link_is_fetched_to_decide(spider):
    by_text = {r.meta["link_text"]: r for r in _documents(spider, "list_vague_and_truncated.html")}
    assert by_text["2021年年报"].meta["verdict"] == "maybe"


def test_link_cut_before_the_year_is_fetched_to_decide(spider):
    texts = {r.meta["link_text"] for r in _documents(spider, "list_vague_and_truncated.html")}
    assert "西山县人力资源和社会保障局202…" in texts


def test_unrelated_and_lookalike_links_are_skipped(spider):
    texts = {r.meta["link_text"] for r in _documents(spider, "list_vague_and_truncated.html")}
    assert not texts & {"西山县2020年政府网站工作年度报表", "西山县召开全县政务公开工作推进会"}


# -- navigation pages ----------------------------------------------------------------------------------

def _by_path(spider, name, url, role="page"):
    return {r.url.removeprefix("http://www.linjiang.gov.cn"): r for r in _pages(spider, name, url, role=role)}


def test_platform_links_the_report_column_first(spider):
    requests = _by_path(spider, "platform_nav.html", "http://www.linjiang.gov.cn/zwgk/index.html")
    assert max(requests.values(), key=lambda r: r.priority).url.endswith("/zwgk/ndbg/index.html")


def test_platform_links_the_department_and_county_directories(spider):
    requests = _by_path(spider, "platform_nav.html", "http://www.linjiang.gov.cn/zwgk/index.html")
    assert requests["/zwgk/bmxxgk/index.html"].meta["step"] == requests["/zwgk/qxxxgk/index.html"].meta["step"] \
        == "follow"


def test_platform_guides_are_only_explored(spider):
    requests = _by_path(spider, "platform_nav.html", "http://www.linjiang.gov.cn/zwgk/index.html")
    guides = [requests.get(p) for p in ("/zwgk/xxgkzn/index.html", "/zwgk/ysqgk/index.html")]
    assert all(r is None or r.meta["step"] != "follow" for r in guides)


def test_directory_links_enter_each_sub_site_under_its_name(spider):
    url = "http://www.linjiang.gov.cn/zwgk/bmxxgk/index.html"
    names = {r.url: r.meta["enter"][0] for r in _pages(spider, "directory_subsites.html", url) if "enter" in r.meta}
    assert names == {"http://fgw.linjiang.gov.cn/": "临江市发展和改革委员会",
                     "http://jyj.linjiang.gov.cn/": "临江市教育局",
                     "http://www.linjiang.gov.cn/qx/c00/index.html": "西山县",
                     "http://www.linjiang.gov.cn/bm/xfj/index.html": "市信访局"}


def test_bodies_named_neither_bureau_nor_office_are_entered_as_sub_sites(spider):
    # a county platform's 部门 tab: 档案馆, 供销合作社联合社, 群团 bodies beside the departments, all publishing reports
    url = "http://xxgk.linjiang.gov.cn/info/iIndex.jsp?node_id=GKpcx"
    names = {r.meta["enter"][0] for r in _pages(spider, "directory_bodies_beside_departments.html", url)
             if "enter" in r.meta}
    assert names == {"平川县教育局", "平川县统计局", "平川县档案馆", "平川县供销合作社联合社", "平川县残疾人联合会",
                     "平川县科学技术协会", "平川县总工会", "平川县红十字会"}


def test_navigation_stops_at_the_site_depth(spider):
    url = "http://www.linjiang.gov.cn/zwgk/index.html"
    meta = {**list_meta("page"), "hops": spider.site.depth}
    requests = _requests(spider.parse_page(file_response("platform_nav.html", url, meta)))
    assert requests == []


# -- detail pages --------------------------------------------------------------------------------------

DETAIL = BASE + "202501/t20250124_1345678.html"


def _parse(spider, name, url=DETAIL, **meta):
    return list(spider.parse_document(file_response(name, url, document_meta(**meta))))


def test_report_page_is_yielded_as_the_document(spider):
    items = _items(_parse(spider, "detail_report_page.html"))
    assert [i.url for i in items] == [DETAIL]


def test_report_page_title_is_the_article_heading(spider):
    item = _items(_parse(spider, "detail_report_page.html"))[0]
    assert item.page_title == "周口市生态环境局2024年政府信息公开工作年度报告"


def test_report_page_agency_comes_from_the_title(spider):
    assert _items(_parse(spider, "detail_report_page.html"))[0].agency == "周口市生态环境局"


def test_report_page_year_comes_from_the_title(spider):
    assert _items(_parse(spider, "detail_report_page.html"))[0].year == 2024


def test_report_page_publication_date_from_fabu_riqi(spider):
    assert _items(_parse(spider, "detail_report_page.html"))[0].published_at == "2025-01-24"


def test_report_page_keeps_its_listing_page(spider):
    assert _items(_parse(spider, "detail_report_page.html"))[0].listing_url == BASE + "index.html"


def test_report_page_body_is_the_raw_bytes(spider):
    item = _items(_parse(spider, "detail_report_page.html"))[0]
    assert item.body.startswith(b"<!DOCTYPE html") and item.content_type == "text/html"


def test_attachment_only_page_requests_its_file(spider):
    requests = _requests(_parse(spider, "detail_attachment_only.html"))
    assert [r.url for r in requests] == [BASE + "202501/P020240126512345678901.pdf"]


def test_attachment_only_page_yields_no_item_of_its_own(spider):
    assert _items(_parse(spider, "detail_attachment_only.html")) == []


def test_a_page_of_attachments_reads_its_links_once(spider, monkeypatch):
    # its attachments were read once to find a report's parts and again to find its files: links, scripts,
    # frames and viewers, the page's costliest reads after its text
    read, pages = spider._parse_attachments, []
    monkeypatch.setattr(spider, "_parse_attachments", lambda response: pages.append(response.url) or read(response))
    assert len(_requests(_parse(spider, "detail_attachment_only.html"))) == 1
    assert pages == [DETAIL]


def test_unnamed_single_file_of_a_report_page_is_the_report(spider):
    request = _requests(_parse(spider, "detail_attachment_only.html"))[0]
    assert request.meta["verdict"] == "report"


def test_file_request_carries_the_page_title_for_the_item(spider):
    request = _requests(_parse(spider, "detail_attachment_only.html"))[0]
    assert request.meta["page_title"] == "临江市财政局2023年政府信息公开工作年度报告"


def test_file_request_carries_the_page_publication_date(spider):
    request = _requests(_parse(spider, "detail_attachment_only.html"))[0]
    assert request.meta["published_at"] == "2024-01-26"


def test_file_behind_a_download_script_is_requested_as_the_report(spider):
    page = "http://127.0.0.1/public/2001/96002023.html"
    requests = _requests(_parse(spider, "detail_download_script.html", url=page))
    assert [r.url for r in requests] == ["http://127.0.0.1/module/download/downfile.jsp?classid=0&fileId=9023"]


def test_of_several_files_only_the_one_named_as_report_is_fetched(spider):
    requests = _requests(_parse(spider, "detail_several_attachments.html"))
    assert [r.url for r in requests] == [BASE + "202501/W020230119301.docx"]


def test_publication_time_written_in_chinese_is_read(spider):
    request = _requests(_parse(spider, "detail_published_time_chinese.html"))[0]
    assert request.meta["published_at"] == "2022-03-08"


def test_publication_date_wins_over_the_written_date(spider):
    request = _requests(_parse(spider, "detail_written_and_published.html"))[0]
    assert request.meta["published_at"] == "2023-01-16"


def test_title_only_in_the_title_tag_is_used(spider):
    request = _requests(_parse(spider, "detail_title_tag_only.html"))[0]
    assert request.meta["page_title"] == "临江市统计局2020年政府信息公开工作年度报告_临江市人民政府"


def test_vague_link_leading_to_a_lookalike_page_yields_nothing(spider):
    assert _parse(spider, "detail_vague_lookalike.html", verdict="maybe", link_text="2021年度报告") == []


def test_gbk_page_without_any_charset_declaration_is_decoded(spider):
    request = _requests(_parse(spider, "detail_gbk_no_charset.html"))[0]
    assert request.meta["page_title"] == "南屏县民政局2022年政府信息公开工作年度报告"


def test_vague_title_with_report_content_is_yielded_for_gxparse_to_confirm(spider):
    items = _items(_parse(spider, "detail_vague_report.html", verdict="maybe", link_text="2021年年报"))
    assert [i.verdict for i in items] == ["maybe"]


def test_vague_title_takes_the_agency_from_the_source_line(spider):
    item = _items(_parse(spider, "detail_vague_report.html", verdict="maybe", link_text="2021年年报"))[0]
    assert item.agency == "西山县人民政府"


def test_not_modified_answer_becomes_an_empty_item(spider):
    request = scrapy.Request(DETAIL, meta=document_meta(link_text="周口市生态环境局2024年政府信息公开工作年度报告"))
    response = scrapy.http.Response(DETAIL, status=304, request=request, headers={"ETag": '"abc"'})
    item = _items(spider.parse_document(response))[0]
    assert (item.not_modified, item.body, item.year) == (True, b"", 2024)


# -- files that only gxparse can judge (crawler.pipelines.ParsePipeline decides: tests/crawler/test_parsing.py) --

def _file_response(url: str, body: bytes, **meta):
    request = scrapy.Request(url, meta=document_meta(**meta))
    return scrapy.http.Response(url, body=body, request=request, headers={"Content-Type": "application/pdf"})


def test_unnamed_file_is_yielded_for_gxparse_to_confirm(spider):
    items = _items(spider.parse_document(_file_response(BASE + "a.pdf", b"%PDF-1.4", verdict="maybe",
                                                        link_text="a.pdf")))
    assert [(i.content_type, i.verdict) for i in items] == [("application/pdf", "maybe")]


def test_file_named_as_a_report_needs_no_confirmation(spider):
    items = _items(spider.parse_document(_file_response(BASE + "a.pdf", b"%PDF-1.4", verdict="report")))
    assert [i.verdict for i in items] == ["report"]


# -- a spider made from the config file ----------------------------------------------------------------

def test_spider_from_config_applies_the_site_settings(tmp_path):
    from scrapy.crawler import Crawler
    from scrapy.settings import Settings

    from crawler.spiders.reports import ReportsSpider

    config = tmp_path / "sites.toml"
    config.write_text('[[site]]\nid = "xs"\nname = "西山县"\nstart_urls = ["http://www.xishan.gov.cn/"]\n'
                      'allowed_domains = ["xishan.gov.cn"]\ndelay = 3\nconcurrency = 1\nmax_pages = 50\n',
                      encoding="utf-8")
    crawler = Crawler(ReportsSpider, Settings({"GXMON_CONFIG": str(config)}))
    spider = ReportsSpider.from_crawler(crawler, site="xs")
    assert (spider.site.name, spider.allowed_domains) == ("西山县", ["xishan.gov.cn"])
    assert (crawler.settings.getfloat("DOWNLOAD_DELAY"), crawler.settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN"),
            crawler.settings.getint("CLOSESPIDER_PAGECOUNT")) == (3.0, 1, 50)


def test_a_report_page_showing_its_pdf_in_a_viewer_requests_the_pdf(spider):
    requests = _requests(_parse(spider, "detail_pdf_viewer.html"))
    assert [r.url for r in requests] == ["http://www.zhoukou.gov.cn/uploadfiles/202401/26/2024012609301234.pdf"]


def _entered_name(spider, name: str, url: str, short: str) -> str:
    meta = {"role": "page", "hops": 1, "chain": 0, "subsite": 0, "enter": (short, "--部门网站--")}
    list(spider.parse_page(file_response(name, url, meta)))
    return spider.subsites.name(spider.subsites.locate(url, 0))


def test_a_sub_site_entered_by_a_short_name_takes_its_full_name_from_its_title(spider):
    assert _entered_name(spider, "subsite_home_welcome.html", "http://zjj.linjiang.gov.cn/", "住建") == "临江市住房和城乡建设局"


def test_a_name_shortened_inside_takes_the_full_name(spider):
    assert _entered_name(spider, "platform_unit_home.html", "http://www.linjiang.gov.cn/public/column/2001?type=4",
                         "发展改革委") == "临江市发展和改革委员会"


ASPX = "http://www.zhoukou.gov.cn/xxgk/List.aspx?ClassID=12"


def test_an_aspnet_pager_posts_the_form_back_once_per_later_page(spider):
    posts = [r for r in _pages(spider, "list_aspnet_postback.html", ASPX) if r.method == "POST"]
    assert sorted(parse_qs(r.body.decode())["__EVENTARGUMENT"][0] for r in posts) == ["2", "3"]


def test_a_postback_sends_the_hidden_fields_as_they_are_and_clicks_no_button(spider):
    post = next(r for r in _pages(spider, "list_aspnet_postback.html", ASPX) if r.method == "POST")
    form = parse_qs(post.body.decode(), keep_blank_values=True)
    assert (form["__EVENTTARGET"], form["__VIEWSTATEGENERATOR"], "ctl00$btnSearch" in form) == \
        (["ctl00$ContentPlaceHolder1$AspNetPager1"], ["C2EE9ABB"], False)


def test_a_page_named_by_two_postback_links_is_posted_once(spider):
    _pages(spider, "list_aspnet_postback.html", ASPX)
    assert [r for r in _pages(spider, "list_aspnet_postback.html", ASPX) if r.method == "POST"] == []


def test_a_later_page_link_to_page_one_is_the_page_the_list_began_with(spider):
    first = "http://www.zhoukou.gov.cn/public/column/1001?type=4&catId=8801&action=list"
    meta = {**list_meta("list"), "list_of": first}
    out = _requests(spider.parse_page(file_response("list_script_gopage.html", first + "&pageIndex=2", meta)))
    assert first + "&pageIndex=1" not in {r.url for r in out}


def test_a_list_entered_at_its_folder_asks_the_pages_its_pager_runs_through(spider):
    folder = "http://www.zhoukou.gov.cn/zhengce/xxgk/"
    urls = {r.url: r.meta["role"] for r in _pages(spider, "list_folder_home_pages.html", folder)}
    assert [urls.get(folder + page) for page in ("home_1.htm", "home_2.htm", "home_8.htm", "list_2.html")] == [
        "list", "list", "list", "page"]   # a side box's list_2.html: a page to judge, no page of this list


def test_each_year_a_columns_form_chooses_is_a_page_of_the_column(spider):
    urls = {r.url for r in _pages(spider, "list_year_form.html", "http://www.zhoukou.gov.cn/xxgk/list.do?id=12")}
    assert {f"http://www.zhoukou.gov.cn/xxgk/list.do?id=12&title=&year={y}" for y in (2021, 2022)} <= urls


LOADED = "http://www.linjiang.gov.cn/czj/list/29_"
FRAGMENT = '<li><a href="/czj/show/2521.html">临江市财政局2021年政府信息公开工作年度报告</a><span>2022-01-15</span></li>'


def _loaded(spider, url: str, body: bytes, meta: dict) -> list[scrapy.Request]:
    """The list pages the spider asks next on reading ``body`` at ``url`` (a 加载更多 fragment or a column)."""
    response = HtmlResponse(url=url, body=body, headers={"Content-Type": "text/html; charset=utf-8"},
                            request=Request(url, meta=meta))
    return [r for r in _requests(spider.parse_page(response)) if r.meta["role"] == "list"]


def test_a_load_more_button_naming_no_last_page_loads_until_a_page_lists_nothing_new(spider):
    column = (FILES / "list_load_more.html").read_bytes().replace(b' data-total="3"', b"")
    first = _loaded(spider, "http://www.linjiang.gov.cn/czj/index.html", column, list_meta())
    assert [(r.url, r.meta["more"]) for r in first] == [(LOADED + "2.html", [LOADED, ".html", 2])]
    second = _loaded(spider, LOADED + "2.html", FRAGMENT.encode(), first[0].meta)
    assert [r.url for r in second] == [LOADED + "3.html"]
    assert _loaded(spider, LOADED + "3.html", FRAGMENT.encode(), second[0].meta) == []   # the same item again


def test_an_article_publishing_a_report_yields_the_file_its_attachment_names(spider):
    # listed as 关于公布2023年度政府信息公开工作年度报告的公告, titled 公告 on its page: the 附件 link text names the report
    url = "http://www.zhoukou.gov.cn/rsj/tzgg/92023.html"
    page = file_response("detail_notice_attachment.html", url,
                         document_meta("maybe", "关于公布2023年度政府信息公开工作年度报告的公告"))
    [request] = _requests(spider.parse_document(page))
    assert (request.url, request.meta["verdict"]) == ("http://www.zhoukou.gov.cn/rsj/download.jsp?fileId=92023", "report")


def test_a_posted_lists_html_fragment_is_read_and_its_other_pages_posted(spider):
    """A loader posting the page number ($.post('/info/list', {page: n, size: 5})) puts the HTML fragment answered
    in place: its items are the column's, and the pages its pager writes (共3页) are posted as the loader posts."""
    url = "http://www.zhoukou.gov.cn/fgw/info/list"
    api = {"method": "POST", "data": [["page", "1"], ["size", "5"], ["column", "nb"]], "item_urls": [], "json": False}
    meta = {"role": "page", "hops": 2, "chain": 0, "subsite": 0, "list_of": "http://www.zhoukou.gov.cn/fgw/nb.html",
            "link_text": "政府信息公开年报", "api": api}
    body = ('<li><a href="/fgw/art/2023.html">周口市发展和改革委员会2023年政府信息公开工作年度报告</a><span>2024-01-20</span>'
            '</li><div class="page">共3页 <a href="javascript:;" onclick="load(2)">下一页</a></div>').encode()
    response = HtmlResponse(url, body=body, headers={"Content-Type": "text/html; charset=utf-8"},
                            request=Request(url, method="POST", meta=meta))
    requests = _requests(spider.parse_page(response)) + spider._held.release_all()
    assert "http://www.zhoukou.gov.cn/fgw/art/2023.html" in [r.url for r in requests]
    posted = [parse_qs(r.body.decode()) for r in requests if r.method == "POST"]
    assert posted == [{"page": [str(n)], "size": ["5"], "column": ["nb"]} for n in (2, 3)]


def test_a_posted_fragment_opening_as_a_page_may_is_paged_as_a_fragment(spider):
    """大汉's 信息公开 module answers its loader's POST (divid, infotypeId, …, currpage) with its catalogue's
    <table>: sniffed as HTML, a fragment all the same, its other pages (共3页) posted as the loader posts."""
    url = "http://www.zhoukou.gov.cn/module/xxgk/search.jsp"
    data = [["divid", "div1229417"], ["infotypeId", "B0105"], ["jdid", "3"], ["currpage", "1"]]
    meta = {"role": "page", "hops": 2, "chain": 0, "subsite": 0, "list_of": "http://www.zhoukou.gov.cn/col/col1229417/",
            "link_text": "政府信息公开年报", "api": {"method": "POST", "data": data, "item_urls": [], "json": False}}
    response = HtmlResponse(url, body=(FILES / "xxgk_module_table.html").read_bytes(),
                            headers={"Content-Type": "text/html; charset=utf-8"}, request=Request(url, method="POST", meta=meta))
    requests = _requests(spider.parse_page(response)) + spider._held.release_all()
    assert "http://www.zhoukou.gov.cn/art/2024/1/20/art_1229417_5012.html" in [r.url for r in requests]
    posted = [parse_qs(r.body.decode()) for r in requests if r.method == "POST"]
    assert posted == [{"divid": ["div1229417"], "infotypeId": ["B0105"], "jdid": ["3"], "currpage": [str(n)]}
                      for n in (2, 3)]


def test_a_fragment_a_loader_asks_by_get_gives_its_other_pages_at_its_address(spider):
    """$.get('/info/list', {page: n, column: 'nb'}, cb) answered by a fragment whose pager says 第1/3页."""
    url = "http://www.zhoukou.gov.cn/zjj/info/list?page=1&column=nb"
    api = {"method": "GET", "data": [["page", "1"], ["column", "nb"]], "item_urls": [], "json": False}
    meta = {"role": "page", "hops": 2, "chain": 0, "subsite": 0, "list_of": "http://www.zhoukou.gov.cn/zjj/nb.html",
            "link_text": "政府信息公开年报", "api": api}
    body = ('<li><a href="/zjj/art/2023.html">周口市住房和城乡建设局2023年政府信息公开工作年度报告</a></li>'
            '<div class="page">第1/3页 <a href="javascript:;" onclick="load(2)">下一页</a></div>').encode()
    response = HtmlResponse(url, body=body, headers={"Content-Type": "text/html; charset=utf-8"},
                            request=Request(url, meta=meta))
    requests = _requests(spider.parse_page(response))
    assert [r.url for r in requests if r.meta["role"] == "list"] == [
        f"http://www.zhoukou.gov.cn/zjj/info/list?page={n}&column=nb" for n in (2, 3)]


def test_a_fragment_a_load_more_button_loaded_asks_the_page_its_own_button_names(spider):
    # the fragment of <button data-next="…&page=2&ajax=1">加载更多</button>, holding the next button without the
    # script that reads it
    url = "http://www.zhoukou.gov.cn/zfxxgk/fdzdgknr/ndbg/index.html?deptId=1002&page=2&ajax=1"
    asked = _loaded(spider, url, (FILES / "list_fragment_more_button.html").read_bytes(), list_meta())
    assert [r.url for r in asked] == [url.replace("page=2", "page=3")]


def test_the_link_heading_a_block_of_reports_is_followed_whatever_its_words(spider):
    # 年度报表 reads as a look-alike (a 报表 of figures), but the block so headed lists the 年报: it is their column;
    # 统计报表, heading a block of none, stays a look-alike
    pages = {r.url for r in _pages(spider, "unit_home_block_named_column.html", "http://www.zhoukou.gov.cn/by/slj/index.html",
                                   "page")}
    assert "http://www.zhoukou.gov.cn/by/slj/nb/index.html" in pages
    assert "http://www.zhoukou.gov.cn/by/slj/tjbb/index.html" not in pages


# -- a report reached as a way ---------------------------------------------------------------------------

REACHED = "http://www.zhoukou.gov.cn/contents/203/20324.html"


def _reached(body: bytes) -> HtmlResponse:
    """``body`` answering a link named 2024年度 on a 年报 column, asked as a way (a year's sub-column)."""
    request = Request(REACHED, meta={"role": "page", "hops": 2, "step": "follow", "link_text": "2024年度"},
                      headers={"Referer": "http://www.zhoukou.gov.cn/channels/2035.html"})
    return HtmlResponse(REACHED, body=body, request=request)


def test_a_report_reached_by_a_link_naming_its_year_alone_is_yielded_as_the_report(spider):
    response = _reached((FILES / "report_reached_by_year_link.html").read_bytes())
    results = list(spider.parse_page(response))
    assert [(i.final_url, i.agency, i.year, i.listing_url) for i in _items(results)] == [
        (REACHED, "桐江县民政局", 2024, "http://www.zhoukou.gov.cn/channels/2035.html")]
    assert _requests(results) == []


def test_a_page_reached_as_a_way_titled_as_a_report_but_holding_none_of_its_sections_is_read_as_a_page(spider):
    response = _reached("<html><head><meta charset='utf-8'><title>桐江县民政局2024年政府信息公开工作年度报告</title>"
                           "</head><body><h1>桐江县民政局2024年政府信息公开工作年度报告</h1><p>详见附件。</p>"
                           "<a href='/uploadfiles/2024.pdf'>附件1.pdf</a></body></html>".encode())
    assert _items(spider.parse_page(response)) == []


def _bare_items(spider, column: str) -> list[str]:
    url = "http://www.zhoukou.gov.cn/wjw/xxgk/lm12/"
    body = (f'<html><head><title>{column}</title></head><body><ul class="list">'
            '<li><a href="202102/t20210205_5.html">附件</a><span>2021-02-05</span></li>'
            '<li><a href="202103/t20210310_6.html">2021年政务公开工作要点</a></li></ul></body></html>').encode()
    meta = {"role": "page", "hops": 2, "chain": 0, "link_text": column}
    out = _requests(spider.parse_page(HtmlResponse(url, body=body, encoding="utf-8", request=Request(url, meta=meta))))
    return [r.url for r in out + spider._held.release_all() if r.meta["role"] == "document"]


def test_an_item_of_a_yearly_report_column_named_only_as_an_attachment_is_read_for_what_it_holds(spider):
    assert _bare_items(spider, "工作年报") == ["http://www.zhoukou.gov.cn/wjw/xxgk/lm12/202102/t20210205_5.html"]


def test_an_item_named_only_as_an_attachment_elsewhere_is_no_document(spider):
    # the same list as 通知公告: its 附件 says nothing of a report
    assert _bare_items(spider, "通知公告") == []


def test_a_file_named_by_its_year_on_an_article_titled_by_the_reports_kind_is_its_report(spider):
    # 集约化 platforms title a department's article 政府信息公开工作年度报告 and attach 2023年度报告.pdf: together a
    # report (a scan gxparse cannot read included), the 决算 beside it none
    url = "http://xxgk.qc.gov.cn/wlx/content/post_4f342989cfde.html"
    verdicts = {r.meta["link_text"]: r.meta["verdict"] for r in _documents(
        spider, "article_kind_title_year_file.html", url, role="follow")}
    assert verdicts == {"2023年度报告.pdf": "report"}
