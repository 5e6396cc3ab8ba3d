"""Shells loading their article by the id of their own query (crawler.scripted.querydetail), and a detail answer whose
report is the file it attaches."""

from __future__ import annotations

from scrapy.http import HtmlResponse, Request, TextResponse

from crawler.items import ReportDocument
from crawler.scripted.querydetail import query_detail_requests
from tests.crawler.helpers import FILES, document_meta, file_response

SHELL = "http://www.zhoukou.gov.cn/jyj/detail?id=8844"
API = "http://www.zhoukou.gov.cn/api/content/8844"
SCRIPT = ("var id = new URLSearchParams(location.search).get('id');"
          "$.getJSON('/api/content/' + id, function (r) { $('#content').html(r.data.htmlContent); });")


def test_the_script_reading_the_pages_id_gives_the_detail_api_asked_with_it():
    assert query_detail_requests([SCRIPT], SHELL) == [(API, None)]


def test_a_script_not_reading_the_pages_query_gives_nothing():
    assert query_detail_requests([SCRIPT.replace("location.search", "window.name")], SHELL) == []
    assert query_detail_requests([SCRIPT], "http://www.zhoukou.gov.cn/jyj/detail.html") == []
    assert query_detail_requests([SCRIPT.replace("'id'", "'articleId'")], SHELL) == []


def test_the_shell_is_no_report_but_its_detail_apis_answer(spider):
    meta = document_meta(link_text="周口市教育局2021年政府信息公开工作年度报告", subsite=0)
    [request] = list(spider.parse_document(file_response("detail_query_shell.html", SHELL, meta)))
    assert (request.url, request.meta["hash_route"]) == (API, SHELL)
    assert request.callback == spider.parse_detail


def test_an_answer_saying_see_the_attachment_gives_its_files_named_as_reports(spider):
    meta = document_meta(link_text="周口市教育局2021年政府信息公开工作年度报告", hash_route=SHELL, details_left=[],
                         subsite=0)
    response = TextResponse(url=API, body=(FILES / "api_content_files.json").read_bytes(), headers={"Content-Type": "application/json"},
                            request=Request(API, meta=meta))
    results = list(spider.parse_detail(response))
    assert not any(isinstance(r, ReportDocument) for r in results)
    assert [r.url for r in results] == ["http://www.zhoukou.gov.cn/upload/2022/8844.pdf"]


def test_an_answer_holding_its_report_is_the_report(spider):
    meta = document_meta(link_text="周口市教育局2021年政府信息公开工作年度报告", hash_route=SHELL, details_left=[],
                         subsite=0)
    response = TextResponse(url=API, body=(FILES / "api_detail_report.json").read_bytes(), headers={"Content-Type": "application/json"},
                            request=Request(API, meta=meta))
    [item] = list(spider.parse_detail(response))
    assert isinstance(item, ReportDocument) and item.url == SHELL


def test_a_page_holding_its_files_is_read_as_a_page_never_asked_of_the_api(spider):
    body = (FILES / "detail_query_shell.html").read_text(encoding="utf-8").replace(
        '<ul id="files"></ul>', '<ul id="files"><li><a href="/upload/2022/8844.pdf">周口市教育局2021年政府信息公开工作年度报告.pdf'
                                '</a></li></ul>')
    meta = document_meta(link_text="周口市教育局2021年政府信息公开工作年度报告", subsite=0)
    response = HtmlResponse(url=SHELL, body=body.encode(), encoding="utf-8", request=Request(SHELL, meta=meta))
    assert [r.url for r in spider.parse_document(response) if isinstance(r, Request) and r.meta.get("hash_route")] == []
