"""The spider on frozen pages of several real-world styles (tests/files/): what it requests, one field a test."""

from __future__ import annotations

import json
from types import SimpleNamespace

import scrapy
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.dupefilters import RFPDupeFilter
from scrapy.http import Request, Response, TextResponse, XmlResponse
from scrapy.settings import Settings

from crawler.spiders.sitemaps import MAX_SITEMAPS, MAX_SUBSITEMAPS
from tests.crawler.helpers import FILES, file_response

NANHU = "http://www.nanhu.gov.cn"


def _meta(role: str = "page", **extra) -> dict:
    return {"role": role, "hops": 1, "chain": 0, "subsite": 0, **extra}


def _all(spider, name: str, url: str, **meta) -> list[scrapy.Request]:
    """Everything a page leads to: requested at once, or held until its list is read or the crawl runs dry."""
    out = [r for r in spider.parse_page(file_response(name, url, _meta(**meta))) if isinstance(r, scrapy.Request)]
    return out + spider._held.release_all()


def _urls(requests: list[scrapy.Request], role: str) -> set[str]:
    return {r.url for r in requests if r.meta["role"] == role}


# -- sub-sites ------------------------------------------------------------------------------------------

def test_a_county_on_another_government_domain_linked_from_a_county_block_is_requested(spider):
    assert "http://www.donghu.gov.cn/" in _urls(_all(spider, "platform_agency_blocks.html", NANHU + "/zfxxgk/"), "page")


def test_its_host_becomes_allowed_with_its_bare_twin(spider):
    _all(spider, "platform_agency_blocks.html", NANHU + "/zfxxgk/")
    assert "donghu.gov.cn" in spider.allowed_domains


def test_governments_in_the_links_to_elsewhere_are_not_requested(spider):
    urls = _urls(_all(spider, "platform_agency_blocks.html", NANHU + "/zfxxgk/"), "page")
    assert not {"http://www.gov.cn/", "http://www.hnsheng.gov.cn/", "http://www.linshi.gov.cn/"} & urls


def test_an_agency_link_enters_a_sub_site_found_under_its_heading(spider):
    requests = {r.url: r for r in _all(spider, "platform_agency_blocks.html", NANHU + "/zfxxgk/")}
    assert requests[NANHU + "/zfxxgk/bm/jyj/"].meta["enter"] == ("市教育局", "部门信息公开")


def test_a_county_site_in_a_drop_down_is_requested(spider):
    assert "http://www.hushan.gov.cn/" in _urls(_all(spider, "home_footer_selects.html", NANHU + "/"), "page")


def test_a_government_in_the_drop_down_of_links_to_elsewhere_is_not(spider):
    assert "http://www.linshi.gov.cn/" not in _urls(_all(spider, "home_footer_selects.html", NANHU + "/"), "page")


def test_news_on_the_home_page_waits_until_the_crawl_runs_dry(spider):
    out = spider.parse_page(file_response("home_footer_selects.html", NANHU + "/", _meta()))
    assert not [r for r in out if "/xwzx/" in r.url]


def test_documents_of_an_entered_sub_site_carry_its_name(spider):
    url = "http://mzj.nanhu.gov.cn/col/col4321/index.html"
    requests = _all(spider, "hanweb_datastore_list.html", url, enter=("市民政局", "部门信息公开"))
    assert {r.meta["agency_hint"] for r in requests if r.meta["role"] == "document"} == {"南湖市民政局"}


# -- Hanweb/JCMS --------------------------------------------------------------------------------------

HANWEB = "http://mzj.nanhu.gov.cn/col/col4321/index.html"


def test_hanweb_records_are_requested_as_documents(spider):
    documents = _urls(_all(spider, "hanweb_datastore_list.html", HANWEB.replace("mzj", "www")), "document")
    assert "http://www.nanhu.gov.cn/art/2024/1/20/art_4321_998877.html" in documents


def test_a_hanweb_look_alike_record_is_not_requested(spider):
    documents = _urls(_all(spider, "hanweb_datastore_list.html", HANWEB.replace("mzj", "www")), "document")
    assert "http://www.nanhu.gov.cn/art/2022/3/9/art_4321_776655.html" not in documents


def test_a_record_linking_a_file_through_a_download_script_is_a_report(spider):
    requests = _all(spider, "hanweb_datastore_list.html", HANWEB.replace("mzj", "www"))
    pdf = next(r for r in requests if "downfile.jsp" in r.url)
    assert pdf.meta["verdict"] == "report"


def test_hanweb_later_pages_come_from_the_data_proxy(spider):
    lists = _urls(_all(spider, "hanweb_datastore_list.html", HANWEB.replace("mzj", "www")), "list")
    assert len(lists) == 3 and all("dataproxy.jsp?startrecord=" in u for u in lists)


def test_a_data_proxy_answer_is_read_as_a_page_of_the_list(spider):
    url = NANHU + "/module/web/jpage/dataproxy.jsp?startrecord=16&endrecord=30&perpage=15&columnid=4321"
    body = (FILES / "hanweb_dataproxy_answer.xml").read_bytes()
    response = XmlResponse(url, body=body, request=Request(url, meta=_meta("list", list_of=NANHU + "/col/")))
    documents = [r.url for r in spider.parse_page(response) if r.meta["role"] == "document"]
    assert documents == [NANHU + "/art/2021/1/25/art_4321_665544.html", NANHU + "/art/2020/1/22/art_4321_554433.html"]


# -- TRS and query-string CMSs ----------------------------------------------------------------------------

TRS = "http://xiyang.nanhu.gov.cn/zfxxgk/zfxxgknb/index.shtml"


def test_trs_page_div_pager_pages_are_requested(spider):
    lists = _urls(_all(spider, "trs_table_list_page_div.html", TRS), "list")
    assert lists == {f"http://xiyang.nanhu.gov.cn/zfxxgk/zfxxgknb/index_{k}.shtml" for k in range(2, 7)}


def test_a_report_title_with_a_year_in_chinese_numerals_is_a_report(spider):
    requests = _all(spider, "trs_table_list_page_div.html", TRS)
    assert next(r for r in requests if r.url.endswith(".pdf")).meta["verdict"] == "report"


def test_a_report_on_another_host_of_the_portal_domain_is_requested(spider):
    documents = _urls(_all(spider, "trs_table_list_page_div.html", TRS), "document")
    assert "http://www.xiyang.nanhu.gov.cn/zfxxgk/zfxxgknb/202203/t20220328_10411111.html" in documents


def test_query_string_pager_pages_are_requested(spider):
    url = NANHU + "/channel/list.php?cid=17"
    lists = _urls(_all(spider, "query_cms_div_list.html", url), "list")
    assert lists == {url + "&page=2", url + "&page=4"}


def test_a_calendar_on_a_list_is_no_pager(spider):
    url = NANHU + "/channel/list.php?cid=17"
    requests = _all(spider, "query_cms_div_list.html", url)
    assert not [r for r in requests if ("date=" in r.url or "month=" in r.url) and r.meta["role"] == "list"]


def test_hashed_detail_pages_are_requested(spider):
    documents = _urls(_all(spider, "query_cms_div_list.html", NANHU + "/channel/list.php?cid=17"), "document")
    assert NANHU + "/show/8f14e45fceea167a5a36dedd4bea2543.shtml" in documents


def test_year_sub_columns_of_a_report_column_are_followed(spider):
    url = NANHU + "/zfxxgk/zfxxgknb/"
    requests = {r.url: r for r in _all(spider, "column_year_subcolumns.html", url)}
    assert requests[url + "2022/"].meta["step"] == "follow"


def test_a_later_pages_answer_does_not_ask_again_for_page_one_the_html_page_held(spider):
    first = NANHU + "/sfj/xxgk/ndbg"
    url = NANHU + "/sfj/_next/data/kX3v9QeL2aB7/xxgk/ndbg.json?page=2"
    listed = [{"id": n, "title": f"南湖区司法局{2023 - n}年政府信息公开工作年度报告",
               "href": f"/sfj/xxgk/ndbg/{n}.html"} for n in range(3, 6)]
    body = json.dumps({"pageProps": {"list": listed, "total": 9, "page": 2, "pageSize": 3}}, ensure_ascii=False)
    response = TextResponse(url, body=body.encode(), encoding="utf-8", headers={"Content-Type": "application/json"},
                            request=Request(url, meta=_meta("list", list_of=first)))
    lists = _urls([r for r in spider.parse_page(response) if isinstance(r, scrapy.Request)], "list")
    assert lists == {NANHU + "/sfj/_next/data/kX3v9QeL2aB7/xxgk/ndbg.json?page=3"}

# -- sitemaps -----------------------------------------------------------------------------------------

def test_a_sitemap_index_leads_to_its_sitemaps(spider):
    url = "http://www.zhoukou.gov.cn/sitemap.xml"
    body = (FILES / "sitemap_index.xml").read_bytes()
    requests = list(spider.parse_sitemap(XmlResponse(url, body=body, request=Request(url, meta={"role": "sitemap"}))))
    assert [r.url for r in requests] == ["http://www.zhoukou.gov.cn/sitemap_zwgk.xml"]


def test_a_sitemaps_urls_in_scope_are_kept_for_when_the_crawl_runs_dry(spider):
    url = "http://www.zhoukou.gov.cn/sitemap_zwgk.xml"
    body = (FILES / "sitemap_urlset.xml").read_bytes()
    list(spider.parse_sitemap(XmlResponse(url, body=body, request=Request(url, meta={"role": "sitemap"}))))
    assert list(spider._sitemap_urls) == ["http://www.zhoukou.gov.cn/zwgk/zfxxgknb/index.shtml",
                                          "http://www.zhoukou.gov.cn/zwgk/zfxxgknb/202401/t20240126_1.shtml"]



def test_a_sitemaps_urls_lose_their_session_and_cache_buster(spider):
    url = "http://www.zhoukou.gov.cn/sitemap_zwgk.xml"
    body = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            '<url><loc>http://www.zhoukou.gov.cn/zwgk/zfxxgknb/202401/t20240126_1.shtml;jsessionid=8A2F0C1D</loc></url>'
            '<url><loc>http://www.zhoukou.gov.cn/zwgk/zfxxgknb/202301/t20230120_2.shtml?t=1701234567890</loc></url>'
            '</urlset>').encode()
    list(spider.parse_sitemap(XmlResponse(url, body=body, request=Request(url, meta={"role": "sitemap"}))))
    assert list(spider._sitemap_urls) == ["http://www.zhoukou.gov.cn/zwgk/zfxxgknb/202401/t20240126_1.shtml",
                                          "http://www.zhoukou.gov.cn/zwgk/zfxxgknb/202301/t20230120_2.shtml"]

# -- previews of a column ----------------------------------------------------------------------------------

PREVIEW = NANHU + "/jtj/xxgk/index.html"


def test_reports_shown_in_a_preview_are_requested(spider):
    documents = _urls(_all(spider, "platform_tabs_preview.html", PREVIEW), "document")
    assert NANHU + "/jtj/xxgk/ndbg/202301/t20230118_402.html" in documents


def test_the_more_link_of_a_report_preview_is_followed(spider):
    requests = {r.url: r for r in _all(spider, "platform_tabs_preview.html", PREVIEW)}
    assert requests[NANHU + "/jtj/xxgk/ndbg/index.html"].meta["step"] == "follow"


def test_a_page_with_a_report_preview_is_not_the_column(spider):
    _all(spider, "platform_tabs_preview.html", PREVIEW)
    assert not spider.subsites.has_column(0)


def test_a_department_in_a_departments_drop_down_is_entered_by_its_short_name(spider):
    requests = {r.url: r for r in _all(spider, "home_department_dropdown.html", "http://www.linjiang.gov.cn/")}
    assert requests["http://rsj.linjiang.gov.cn/"].meta["enter"] == ("人社", "--部门网站--")


def test_a_short_name_in_the_drop_down_of_links_to_elsewhere_is_not_entered(spider):
    requests = {r.url: r for r in _all(spider, "home_department_dropdown.html", "http://www.linjiang.gov.cn/")}
    assert "http://www.jiangnan.gov.cn/" not in requests


def test_a_department_in_an_image_map_of_departments_is_entered_by_its_short_name(spider):
    requests = {r.url: r for r in _all(spider, "home_department_dropdown.html", "http://www.linjiang.gov.cn/")}
    assert requests["http://jtj.linjiang.gov.cn/"].meta["enter"] == ("交通", "部门网站")


def _towns(spider, led_by: str) -> dict[str, tuple[str, bool]]:
    requests = _all(spider, "county_towns_directory.html", NANHU + "/zwgk/xzjd.html", link_text=led_by)
    return {r.url: (r.meta["step"], "enter" in r.meta) for r in requests if "/xzjd/" in r.url}


def test_agencies_under_no_heading_on_a_page_reached_as_a_list_of_agencies_are_its_sub_sites(spider):
    # a sub-site whose 年报 column is found explores no further: its towns must be followed as sub-sites
    assert _towns(spider, "乡镇街道") == {NANHU + "/xzjd/cgz/index.html": ("follow", True),
                                         NANHU + "/xzjd/smz/index.html": ("follow", True)}


def test_a_list_of_agencies_among_the_agencies_of_a_list_of_agencies_is_followed(spider):
    # 城区街道 beside two towns: its page lists the county's 街道办事处, a level deeper than the towns
    requests = _all(spider, "county_towns_streets_directory.html", NANHU + "/zwgk/xzjd.html", link_text="乡镇街道")
    assert {r.url: (r.meta["step"], "enter" in r.meta) for r in requests if "/xzjd/" in r.url} == {
        NANHU + "/xzjd/cgz/index.html": ("follow", True), NANHU + "/xzjd/smz/index.html": ("follow", True),
        NANHU + "/xzjd/cqbsc/index.html": ("follow", False)}


def test_agencies_under_no_heading_on_a_page_reached_otherwise_are_only_explored(spider):
    assert _towns(spider, "更多") == {NANHU + "/xzjd/cgz/index.html": ("explore", False),
                                    NANHU + "/xzjd/smz/index.html": ("explore", False)}


def test_a_towns_villages_are_refused_when_their_turn_comes_and_counted(spider):
    # villages and residents' committees publish no report under the 条例: the town is read, the level below not
    requests = _all(spider, "town_villages.html", NANHU + "/xzjd/cgz/index.html")
    refused = {r.url.removeprefix(NANHU + "/xzjd/cgz/"): spider.budget.refusal(r) for r in requests
               if "/xzjd/cgz/" in r.url}
    assert refused == {"xxgk/index.html": None, "mlxc/index.html": None, "jcdt/index.html": None,
                       "cun/index.html": "villages", "cwgk/index.html": "villages", "cun/0/index.html": "villages",
                       "cun/1/index.html": "villages", "cun/2/index.html": "villages"}


def test_a_mobile_first_departments_only_column_is_asked_when_the_crawl_runs_dry(spider):
    # its only 年报 column sits under /m/: no longer out of scope, asked last (AVOID), as a mobile copy would be
    fresh = "http://mzj.nanhu.gov.cn"
    requests = _all(spider, "department_mobile_first.html", fresh + "/")
    assert {r.url: r.meta["step"] for r in requests if "/xxgk/" in r.url} == {
        fresh + "/m/xxgk/index.html": "avoid", fresh + "/m/xxgk/ndbg/index.html": "avoid"}


def test_the_links_of_a_page_in_a_mobile_folder_within_it_are_judged_as_any_sites(spider):
    fresh = "http://mzj.nanhu.gov.cn"
    requests = _all(spider, "department_mobile_first.html", fresh + "/m/index.html")
    assert {r.url: r.meta["step"] for r in requests if "/xxgk/" in r.url} == {
        fresh + "/m/xxgk/index.html": "follow", fresh + "/m/xxgk/ndbg/index.html": "follow"}


def test_a_mobile_copy_of_a_page_linked_in_its_own_right_is_not_asked(spider):
    site = "http://fgw.nanhu.gov.cn"
    requests = _all(spider, "department_mobile_twin.html", site + "/")
    assert sorted(r.url for r in requests if "/xxgk/" in r.url) == [site + "/xxgk/", site + "/xxgk/ndbg/"]


def test_a_sitemap_sent_on_to_the_home_page_leaves_the_start_pages_own_redirect_to_it_unfiltered(spider):
    # a host sending every address to its home page (www. → the bare host's /col/col1/index.html) sends
    # /sitemap.xml there too: whichever redirect comes first, the start page's must reach the home page
    asked = []
    spider.crawler = SimpleNamespace(engine=SimpleNamespace(crawl=asked.append))
    spider.budget.host_read("http://www.zhoukou.gov.cn/robots.txt")   # a sitemap waits for its host's first page
    spider._robots_parsed(None, Request("http://www.zhoukou.gov.cn/robots.txt"))
    home = "http://zhoukou.gov.cn/col/col1/index.html"
    redirects = RedirectMiddleware(Settings())
    redirects.crawler = SimpleNamespace(spider=spider)
    sent_on = [redirects.process_response(request, Response(request.url, status=302, headers={"Location": home}))
               for request in (asked[0], Request("http://www.zhoukou.gov.cn/", callback=spider.parse_page))]
    seen = RFPDupeFilter()
    queued = [r for r in sent_on if r.dont_filter or not seen.request_seen(r)]   # as Scrapy's scheduler queues
    assert [r.url for r in sent_on] == [home, home] and queued[-1].callback == spider.parse_page


def test_a_report_titled_by_its_kind_alone_in_a_years_folder_is_that_years_report(spider):
    # a tab per year (/xxgk/ndbg/2023/), the year only in the tab and the address
    page = "http://www.zhoukou.gov.cn/xxgk/ndbg/2023/"
    asked = {r.url: r.meta for r in _all(spider, "list_year_folder_titles_without_year.html", page)}
    report = asked["http://www.zhoukou.gov.cn/xxgk/ndbg/2023/201_2023.html"]
    assert (report["role"], report["verdict"], report["list_year"]) == ("document", "report", 2023)
    assert asked.get("http://www.zhoukou.gov.cn/xxgk/ndbg/2023/ys.html", {}).get("role") != "document"
    assert spider.subsites.coverage([], lambda u: False).subsites[0].columns == [page]


def test_a_report_titled_by_its_kind_alone_in_a_folder_named_year_n_is_that_years_report(spider):
    # 甘肃's 集约化 platform names a year's folder 2024n (n for 年)
    folder = "http://www.zhoukou.gov.cn/zfxxgk/bmhxzxxgk/xzxxgk/dlz/zfxxgknb/2024n/"
    asked = {r.url: r.meta for r in _all(spider, "list_year_folder_named_n.html", folder + "index.html")}
    report = asked[folder + "art/2025/art_4085070216a647ddab8e4a569b3d31de.html"]
    assert (report["role"], report["list_year"]) == ("document", 2024)


def test_a_sub_site_named_by_its_level_alone_takes_its_place_from_a_later_page_of_its_own_host(spider):
    # 市商务局, linked so from a page of another place (周口市's), its entry page titled 市商务局 with a banner
    # picture only: its 信息公开 page's logo and footer name it 南湖市商务局
    host = "http://swj.nanhu.gov.cn"
    entry = _all(spider, "department_entry_level_alone.html", host + "/", enter=("市商务局", "部门网站"))
    number = next(r.meta["subsite"] for r in entry if r.url == host + "/xxgk/")
    assert spider.subsites.name(number) == "市商务局"
    _all(spider, "department_banner_named.html", host + "/xxgk/", subsite=number)
    assert spider.subsites.name(number) == "南湖市商务局"


def test_a_sub_site_takes_no_name_from_a_page_of_another_host_nor_of_another_agency(spider):
    host = "http://swj.nanhu.gov.cn"
    entry = _all(spider, "department_entry_level_alone.html", host + "/", enter=("市商务局", "部门网站"))
    number = next(r.meta["subsite"] for r in entry if r.url == host + "/xxgk/")
    _all(spider, "department_banner_named.html", "http://www.nanhu.gov.cn/xxgk/", subsite=number)
    assert spider.subsites.name(number) == "市商务局"   # the portal's page: its banner is the portal's
    _all(spider, "home_footer_selects.html", host + "/bm/", subsite=number)
    assert spider.subsites.name(number) == "市商务局"


def test_a_sub_sites_place_is_looked_for_on_a_bounded_number_of_its_pages(spider):
    from crawler.spiders.reports import MAX_NAMING_PAGES

    host = "http://swj.nanhu.gov.cn"
    entry = _all(spider, "department_entry_level_alone.html", host + "/", enter=("市商务局", "部门网站"))
    number = next(r.meta["subsite"] for r in entry if r.url == host + "/xxgk/")
    for n in range(MAX_NAMING_PAGES):
        _all(spider, "department_entry_level_alone.html", f"{host}/p{n}.html", subsite=number)
    _all(spider, "department_banner_named.html", host + "/xxgk/", subsite=number)
    assert spider.subsites.name(number) == "市商务局"


def test_sitemap_indexes_listing_new_indexes_without_end_ask_at_most_the_sitemaps_bound(spider):
    # every index lists itself and MAX_SUBSITEMAPS new indexes: 50, 2,500, 125,000 … asked level by level
    def index(n: int) -> bytes:
        entries = "".join(f"<sitemap><loc>http://www.zhoukou.gov.cn/sitemaps/{m}.xml</loc></sitemap>"
                          for m in (n, *range(n * MAX_SUBSITEMAPS + 1, (n + 1) * MAX_SUBSITEMAPS + 1)))
        return f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'.encode()

    asked, waiting = [], ["http://www.zhoukou.gov.cn/sitemaps/0.xml"]
    while waiting and len(asked) < 10 * MAX_SITEMAPS:
        url = waiting.pop(0)
        asked.append(url)
        n = int(url.rsplit("/", 1)[1].split(".")[0])
        response = XmlResponse(url, body=index(n), request=Request(url, meta={"role": "sitemap"}))
        waiting += [r.url for r in spider.parse_sitemap(response)]
    assert len(asked) <= MAX_SITEMAPS + 1
