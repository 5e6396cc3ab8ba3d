"""Pages that say a document is gone while answering 200 (``crawler.documents.gone``): read as an absence, as a 404 is,
and never as a report's next version."""

from __future__ import annotations

import tracemalloc

import lxml.html
import pytest
from scrapy.http import HtmlResponse, Request

from crawler.documents.gone import gone_reason
from crawler.documents.validators import JsonValidatorStore
from crawler.items import ReportDocument
from tests.crawler.helpers import FILES, document_meta, file_response, portal_crawl
from tests.crawler.county_site import AGENCY, county_site, list_reports, report_path
from tests.crawler.portal import Host, HostServer, Look, Page

URL = "http://www.zhoukou.gov.cn/zwgk/ndbg/202401/t20240120_88.html"
REPORT_PAGE = Look("", seed=5).article("周口市人民政府2023年政府信息公开工作年度报告", "周口市人民政府", 2023)


def _root(name: str):
    return lxml.html.fromstring((FILES / name).read_bytes())


def test_a_page_of_the_site_saying_the_information_was_deleted_is_gone():
    assert gone_reason(_root("soft404_deleted.html"), URL, URL) == "页面显示：信息已删除"


def test_a_server_error_page_titled_not_found_is_gone():
    assert gone_reason(_root("soft404_title.html"), URL, URL) == "页面显示：页面不存在"


@pytest.mark.parametrize("body, reason", [
    ("<script>var missing = '页面不存在';</script><style>.a{}</style><p>通知</p>", None),
    ("<noscript>请开启脚本</noscript>对不起，<!-- 页面不存在 --><b>该信息</b>已删除<script>x</script>。", "页面显示：信息已删除"),
    ("<p>对不起，<!-- 注 -->该信息已删除</p>", "页面显示：信息已删除"),
])
def test_only_the_shown_text_says_a_page_is_gone(body, reason):
    root = lxml.html.fromstring(f"<html><head><title>南渚市人民政府</title></head><body>{body}</body></html>")
    assert gone_reason(root, URL, URL) == reason


def test_a_long_page_is_read_only_as_far_as_an_error_page_may_go():
    # the whole shown text of every page answering a document request was gathered, joined and split to learn
    # it was longer than an error page's: a tenth of the crawl's time on a site of report pages
    root = lxml.html.fromstring("<html><body>" + "<p>政府信息 公开</p>" * 100_000 + "</body></html>")
    tracemalloc.start()
    try:
        assert gone_reason(root, URL, URL) is None
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 100_000


def test_a_document_sent_on_to_the_home_page_is_gone():
    home = "http://www.zhoukou.gov.cn/index.html"
    assert gone_reason(lxml.html.fromstring(REPORT_PAGE), URL, home) == f"转到首页：{home}"


def test_a_document_sent_on_to_its_new_address_is_not_gone():
    moved = URL.replace("t20240120_88", "t20240301_91")
    assert gone_reason(lxml.html.fromstring(REPORT_PAGE), URL, moved) is None


def test_a_report_whose_table_names_the_row_information_does_not_exist_is_not_gone():
    # table 三's 不予公开/无法提供 rows of older templates are worded 信息不存在: a report says so, at length
    page = REPORT_PAGE.replace(b"</body>", "<p>（四）无法提供 信息不存在 0</p></body>".encode())
    assert gone_reason(lxml.html.fromstring(page), URL, URL) is None


def test_the_spider_yields_a_gone_document_as_an_absence_without_its_page(spider):
    response = file_response("soft404_deleted.html", URL, document_meta(revisit=True))
    [item] = list(spider.parse_document(response))
    assert (item.status, item.gone, item.body, item.revisit) == (200, "页面显示：信息已删除", b"", True)
    assert item.absent


def test_a_gone_document_is_forgotten_by_the_validator_store(tmp_path):
    store = JsonValidatorStore(tmp_path / "validators.json")
    store.item_scraped(ReportDocument("zhoukou", URL, URL, 200, {"etag": '"a1"'}, b"<html></html>"))
    assert store.known_urls("zhoukou") == [URL]
    store.item_scraped(ReportDocument("zhoukou", URL, URL, 200, {}, b"", gone="页面显示：信息已删除"))
    assert store.known_urls("zhoukou") == []


def test_a_redirect_to_the_home_page_is_read_from_the_first_address_requested(spider):
    home = "http://www.zhoukou.gov.cn/"
    request = Request(home, meta={**document_meta(revisit=True), "redirect_urls": [URL]})
    [item] = list(spider.parse_document(HtmlResponse(home, body=REPORT_PAGE, request=request,
                                                     headers={"Content-Type": "text/html; charset=utf-8"})))
    assert (item.url, item.gone) == (URL, f"转到首页：{home}")


def test_a_report_its_cms_deleted_is_found_gone_on_the_next_crawl(tmp_path):
    """Over HTTP: two reports are archived; the CMS then drops one from the list and answers its address with
    200 and a page saying it was deleted. The next crawl revisits it and yields an absence."""
    host = Host()
    county_site(host, (2023, 2022))
    server = HostServer("127.0.0.1", host)
    try:
        portal_crawl("linchuan", AGENCY, server.base, tmp_path)
        (tmp_path / "items.jsonl").unlink()   # the feed of the first crawl; the site's state stays
        list_reports(host, (2022,))
        host.pages[report_path(2023)] = Page((FILES / "soft404_deleted.html").read_bytes())
        _, second = portal_crawl("linchuan", AGENCY, server.base, tmp_path)
    finally:
        server.close()
    deleted = server.base + report_path(2023)
    assert [(i["status"], i["revisit"], i["gone"]) for i in second if i["url"] == deleted] == \
        [(200, True, "页面显示：信息已删除")]
