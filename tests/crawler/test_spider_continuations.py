"""The spider on a frozen report its CMS split into three pages: it fetches the further pages one after
another and yields one item, the article's pages bundled in order, which gxparse reads whole."""

from __future__ import annotations

import email

import pytest
import scrapy
from scrapy.crawler import Crawler
from scrapy.http import HtmlResponse
from scrapy.settings import Settings
from scrapy.statscollectors import MemoryStatsCollector
from twisted.python.failure import Failure

from crawler.items import ReportDocument
from crawler.siteconfig import Site
from crawler.spiders.reports import ReportsSpider
from gxparse import parse_document
from simsite.figures import Agency, report_series
from tests.crawler.helpers import FILES, document_meta, file_response

PAGE = "http://www.zhoukou.gov.cn/zwgk/ndbg/202501/t20250124_1345679.html"
FURTHER = [PAGE.replace(".html", "_1.html"), PAGE.replace(".html", "_2.html")]
FILE_OF = {PAGE: "detail_paged_article.html", FURTHER[0]: "detail_paged_article_1.html",
           FURTHER[1]: "detail_paged_article_2.html"}
AGENCY = "周口市人民政府办公室"   # the figures of its 2024 report are simsite's (tests/files: make_paged)


@pytest.fixture
def spider() -> ReportsSpider:
    site = Site("zhoukou", "周口市人民政府", ("http://www.zhoukou.gov.cn/",), allowed_domains=("zhoukou.gov.cn",))
    crawler = Crawler(ReportsSpider, Settings({"REPORT_PICTURES_MAX": 12}))
    crawler.stats = MemoryStatsCollector(crawler)   # where a failed page is counted
    return ReportsSpider.from_crawler(crawler, site=site)


def _answer(request: scrapy.Request) -> HtmlResponse:
    return HtmlResponse(request.url, body=(FILES / FILE_OF[request.url]).read_bytes(), request=request,
                        headers={"Content-Type": "text/html; charset=utf-8", "ETag": '"a1"'})


def _failure(request: scrapy.Request) -> Failure:
    failure = Failure(ConnectionRefusedError("refused"))
    failure.request = request
    return failure


def _fetch_all(spider, answer=_answer) -> ReportDocument:
    [result] = list(spider.parse_document(file_response(FILE_OF[PAGE], PAGE, document_meta())))
    while isinstance(result, scrapy.Request):
        outcome = answer(result)
        [result] = (spider.on_continuation_error(outcome) if isinstance(outcome, Failure)
                    else spider.parse_continuation(outcome))
    return result


def _names(item: ReportDocument) -> list[str]:
    return [part["Content-Location"] for part in email.message_from_bytes(item.body).get_payload()]


def test_the_first_page_asks_for_the_second(spider):
    assert [r.url for r in spider.parse_document(file_response(FILE_OF[PAGE], PAGE, document_meta()))] == FURTHER[:1]


def test_a_further_page_request_is_never_dropped_as_a_duplicate(spider):
    [request] = spider.parse_document(file_response(FILE_OF[PAGE], PAGE, document_meta()))
    assert request.dont_filter and request.meta["role"] == "continuation"


def test_a_further_page_may_be_no_larger_than_what_the_article_may_still_hold(spider, monkeypatch):
    monkeypatch.setattr("crawler.spiders.reportparts.MAX_ARTICLE_BYTES", 10_000)
    [request] = spider.parse_document(file_response(FILE_OF[PAGE], PAGE, document_meta()))
    assert request.meta["download_maxsize"] == 10_000 - len((FILES / FILE_OF[PAGE]).read_bytes())


def test_an_article_stops_asking_for_pages_once_it_holds_its_limit(spider, monkeypatch):
    monkeypatch.setattr("crawler.spiders.reportparts.MAX_ARTICLE_BYTES", 6_000)
    assert _names(_fetch_all(spider)) == [PAGE, FURTHER[0]]   # 2,971 + 4,851 bytes: no room left for the third


def test_the_article_is_one_item_of_its_pages_in_order(spider):
    assert _names(_fetch_all(spider)) == [PAGE, *FURTHER]


def test_the_item_keeps_the_first_pages_url(spider):
    assert _fetch_all(spider).final_url == PAGE


def test_the_article_carries_no_validators_so_the_next_crawl_fetches_it_whole(spider):
    [first] = spider.parse_document(file_response(FILE_OF[PAGE], PAGE, document_meta(), headers={"ETag": '"p1"'}))
    [item] = spider.parse_continuation(_answer(first))
    while isinstance(item, scrapy.Request):
        [item] = spider.parse_continuation(_answer(item))
    assert "etag" not in item.headers


def test_a_further_page_that_fails_is_left_out(spider):
    item = _fetch_all(spider, lambda r: _failure(r) if r.url == FURTHER[0] else _answer(r))
    assert _names(item) == [PAGE, FURTHER[1]]


def test_gxparse_reads_every_figure_of_the_bundled_article(spider):
    report = parse_document(_fetch_all(spider).body, PAGE).to_dict()
    truth = report_series(Agency(AGENCY, AGENCY, "department"), 17)[2024]
    assert [report[t] for t in ("s2", "s3", "s4")] == [truth[t] for t in ("s2", "s3", "s4")]
    assert [f["rule"] for f in report["findings"] if f["severity"] == "error"] == []
