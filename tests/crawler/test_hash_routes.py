"""Single-page applications whose items are hash routes (``#/detail/5``): the report is asked of the detail
API the app's script names, with the item's id, and yielded as that API's JSON answer (crawler.scripted.hashroutes)."""

from __future__ import annotations

import pytest
import scrapy
from scrapy.crawler import Crawler
from scrapy.http import Request, TextResponse
from scrapy.settings import Settings

from crawler.items import ReportDocument
from crawler.scripted.hashroutes import (DetailApi, PostedDetailApi, detail_apis, is_hash_route, item_id,
                                         posted_detail_apis)
from crawler.scripted.scriptapis import ItemUrl, item_urls
from crawler.siteconfig import Site
from crawler.spiders.reports import ReportsSpider
from tests.crawler.helpers import FILES, file_response

COLUMN = "http://www.linjiang.gov.cn/czj/nb.html"
LIST_API = "http://www.linjiang.gov.cn/czj/api/article/list"


@pytest.mark.parametrize("code, api", [
    ("getDetail(id){return request({url:'/api/info/detail',params:{id}})}", DetailApi("/api/info/detail?id=", "")),
    ("function o(e){return Object(a.a)({url:\"/api/article/\"+e,method:\"get\"})}", DetailApi("/api/article/", "")),
    ("detail: id => axios.get('/api/info/' + id)", DetailApi("/api/info/", "")),
    ("axios.get('/api/content/get', {params: {contentId: id}})", DetailApi("/api/content/get?contentId=", "")),
    ("fetch(`/api/info/${id}.json`).then(r => r.json())", DetailApi("/api/info/", ".json")),
    ('$.get("/api/d/" + id + ".json", show)', DetailApi("/api/d/", ".json")),
])
def test_a_detail_api_taking_the_id_is_read(code, api):
    assert detail_apis(code) == (api,)


@pytest.mark.parametrize("code", [
    "axios.get('/api/a/' + item.id)",                                      # an item's field: an item's address
    "x={url:'/api/list',method:'post',params:{id:e}}",                     # not a GET
    "axios.get('/api/list', {params: {pageNo: 1, pageSize: 10}})",        # no id
    "axios.get('/api/list', {params: {id: 5}})",                           # the id written in: no template
])
def test_other_requests_are_no_detail_api(code):
    assert detail_apis(code) == ()


def test_a_hash_route_is_an_item_address_and_its_id_is_read_back():
    assert item_urls("'<a href=\"#/detail/' + item.id + '\">'") == (ItemUrl("#/detail/", "id", ""),)
    templates = [["http://h/nb.html#/detail/", "id", ""], ["http://h/a/", "id", ".html"]]
    assert item_id("http://h/nb.html#/detail/2021", templates) == "2021"
    assert item_id("http://h/a/2021.html", templates) is None
    assert is_hash_route("http://h/#/article?id=5") and is_hash_route("http://h/nb.html#!/a/5")
    assert not is_hash_route("http://h/nb.html#top") and not is_hash_route("http://h/nb.html")


def _list_request(spider) -> scrapy.Request:
    meta = {"role": "page", "hops": 2, "chain": 0, "subsite": 0, "link_text": "政府信息公开年报"}
    requests = spider.parse_page(file_response("column_hash_route.html", COLUMN, meta))
    return next(r for r in requests if isinstance(r, scrapy.Request) and r.url.startswith(LIST_API))


def _detail_requests(spider, api: dict) -> list[scrapy.Request]:
    response = TextResponse(url=LIST_API, body=(FILES / "api_hash_route_list.json").read_bytes(), encoding="utf-8",
                            headers={"Content-Type": "application/json"}, request=Request(LIST_API, method="POST", meta={
                                "role": "page", "hops": 2, "chain": 0, "subsite": 0, "list_of": COLUMN,
                                "link_text": "政府信息公开年报", "api": api}))
    return [r for r in spider.parse_page(response) if isinstance(r, scrapy.Request)] + spider._held.release_all()


def test_a_router_links_route_and_the_detail_api_go_with_the_list_request(spider):
    api = _list_request(spider).meta["api"]
    assert api["item_urls"] == [[COLUMN + "#/detail/", "id", ""]]
    assert api["details"] == [["http://www.linjiang.gov.cn/czj/api/article/", ""]]


def test_each_reports_route_is_asked_of_the_detail_api(spider):
    requests = [r for r in _detail_requests(spider, _list_request(spider).meta["api"]) if r.meta.get("hash_route")]
    assert sorted((r.url, r.meta["hash_route"]) for r in requests) == [
        ("http://www.linjiang.gov.cn/czj/api/article/2020", COLUMN + "#/detail/2020"),
        ("http://www.linjiang.gov.cn/czj/api/article/2021", COLUMN + "#/detail/2021")]   # not the 部门决算
    assert all(r.callback == spider.parse_detail for r in requests)


def test_a_route_without_a_detail_api_is_not_asked_of_the_server(spider):
    api = {**_list_request(spider).meta["api"], "details": []}
    assert [r.url for r in _detail_requests(spider, api) if "#" in r.url or "/api/article/" in r.url] == []


def _detail(spider, file: str, left: list[str] = ()) -> list:
    url = "http://www.linjiang.gov.cn/czj/api/article/2021"
    request = Request(url, meta={"role": "document", "verdict": "report", "link_text": "临江市财政局2021年政府信息公开工作年度报告",
                                 "list_date": "2022-01-20", "listing_url": LIST_API, "agency_hint": "临江市财政局",
                                 "hash_route": COLUMN + "#/detail/2021", "details_left": [[u, None] for u in left]})
    response = TextResponse(url=url, body=(FILES / file).read_bytes(), headers={"Content-Type": "application/json"},
                            request=request)
    return list(spider.parse_detail(response))


def test_the_detail_answer_is_the_report(spider):
    [item] = _detail(spider, "api_detail_report.json")
    assert isinstance(item, ReportDocument)
    assert (item.url, item.final_url) == (COLUMN + "#/detail/2021", "http://www.linjiang.gov.cn/czj/api/article/2021")
    assert (item.page_title, item.agency, item.year) == ("开封市人民政府2021年政府信息公开工作年度报告", "开封市人民政府", 2021)
    assert item.published_at == "2022-01-20" and item.body == (FILES / "api_detail_report.json").read_bytes()


def test_an_answer_without_a_report_nor_a_file_yields_nothing_but_the_next_detail_api(spider):
    assert _detail(spider, "api_detail_no_report.json") == []
    [again] = _detail(spider, "api_detail_no_report.json", ["http://www.linjiang.gov.cn/czj/api/info/2021"])
    assert again.url == "http://www.linjiang.gov.cn/czj/api/info/2021" and again.meta["details_left"] == []


@pytest.mark.parametrize("file, attached", [
    ("api_detail_no_content.json", "http://www.linjiang.gov.cn/upload/2022/nb2021.pdf"),   # 全文见附件, its fileUrl
    ("api_detail_attached_only.json", "http://www.linjiang.gov.cn/prod-api/file/2022/czj_ndbg_2021.pdf"),   # attachList
])
def test_an_answer_of_no_text_attaching_the_report_gives_the_file(spider, file, attached):
    """No content at all, and a file named by its file name alone ({"fileName": "….pdf", "fileUrl"}): the report is
    the file, never the next detail API's answer."""
    [request] = _detail(spider, file, ["http://www.linjiang.gov.cn/czj/api/info/2021"])
    assert (request.url, request.meta["role"]) == (attached, "document")


def test_a_bundles_compiled_router_link_is_a_hash_route_asked_of_its_detail_api(spider):
    """webpack's n("router-link",{attrs:{to:"/detail/"+t.id}}) in a hash-mode app: the route after the shell's #,
    its report asked of the bundle's {url:"/xxgk/api/article/"+e,method:"get"}."""
    shell, bundle = "http://www.zhoukou.gov.cn/xxgk/ndbg/", "http://www.zhoukou.gov.cn/xxgk/ndbg/static/js/app.js"
    response = TextResponse(url=bundle, body=(FILES / "bundle_hash_router.js").read_bytes(), encoding="utf-8",
                            headers={"Content-Type": "application/javascript"}, request=Request(bundle, meta={
                                "role": "bundle", "hops": 2, "chain": 0, "subsite": 0, "list_of": shell,
                                "link_text": "政府信息公开年报", "shell": shell}))
    api = next(spider.parse_bundle(response)).meta["api"]
    assert api["item_urls"] == [[shell + "#/detail/", "id", ""]]
    assert api["details"] == [["http://www.zhoukou.gov.cn/xxgk/api/article/", ""]]
    history = response.replace(body=response.body.replace(b'mode:"hash"', b'mode:"history"'))
    spider._requested.clear()   # the same list asked again
    assert next(spider.parse_bundle(history)).meta["api"]["item_urls"] == [["/detail/", "id", ""]]


def test_a_withdrawn_hash_route_is_not_revisited(monkeypatch):
    """Its address never reaches the server: the app's shell would answer 200 for a report long gone."""
    class Store:
        def known_urls(self, site_id):
            return ["http://www.example.gov.cn/zjj/#/detail/5", "http://www.example.gov.cn/art/5.html"]

    class Engine:
        def __init__(self):
            self.urls = []

        def crawl(self, request):
            self.urls.append(request.url)

    site = Site("example", "某市人民政府", ("http://www.example.gov.cn/",))
    spider = ReportsSpider.from_crawler(Crawler(ReportsSpider, Settings()), site=site)
    monkeypatch.setattr("crawler.spiders.reports.validator_store", lambda crawler: Store())
    spider.crawler.engine, spider.lists_read = Engine(), 1
    assert spider._revisit() == 1 and spider.crawler.engine.urls == ["http://www.example.gov.cn/art/5.html"]


# -- detail APIs asked by POST -----------------------------------------------------------------------------

@pytest.mark.parametrize("code, api", [
    ("created(){const id=this.$route.params.id;axios.post('/api/article/detail', { id }).then(r=>{})}",
     PostedDetailApi("/api/article/detail", "id")),
    ("function g(e){return request({url:'/api/info/get',method:'post',data:{infoId:e}})}",
     PostedDetailApi("/api/info/get", "infoId")),
])
def test_a_detail_api_posted_the_id_is_read(code, api):
    assert posted_detail_apis(code) == (api,) and detail_apis(code) == ()


@pytest.mark.parametrize("code", [
    "axios.post('/api/list', {pageNum: 1, pageSize: 10})",                # no id
    "axios.post('/api/list', {...this.q, id})",                            # more than the id
    "x={url:'/api/info/get',method:'get',data:{id:e}}",                    # not a POST
])
def test_other_posts_are_no_detail_api(code):
    assert posted_detail_apis(code) == ()


def test_a_route_with_a_posted_detail_api_is_posted_its_id_and_yielded_at_its_route(spider):
    detail = "http://www.linjiang.gov.cn/czj/api/article/detail"
    api = {**_list_request(spider).meta["api"], "details": [], "posted_details": [[detail, "id"]]}
    requests = sorted((r for r in _detail_requests(spider, api) if r.meta.get("hash_route")), key=lambda r: r.body)
    assert [(r.method, r.url, r.body, r.meta["hash_route"]) for r in requests] == [
        ("POST", detail, b'{"id": "2020"}', COLUMN + "#/detail/2020"),
        ("POST", detail, b'{"id": "2021"}', COLUMN + "#/detail/2021")]
    response = TextResponse(url=detail, body=(FILES / "api_detail_report.json").read_bytes(),
                            headers={"Content-Type": "application/json"}, request=requests[1])
    [item] = spider.parse_detail(response)
    assert (item.url, item.final_url) == (COLUMN + "#/detail/2021", COLUMN + "#/detail/2021")
    assert detail not in spider._listed   # its address is every item's: never revisited as one report
