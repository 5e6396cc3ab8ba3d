"""The spider on a frozen report page whose tables are pictures: it fetches them one after another and
yields one item, the page bundled with them; a picture that fails is left out."""

from __future__ import annotations

import email

import pytest
import scrapy
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.settings import Settings
from scrapy.statscollectors import MemoryStatsCollector
from twisted.python.failure import Failure

from crawler.items import ReportDocument
from crawler.siteconfig import Site
from crawler.spiders.reports import ReportsSpider
from tests.crawler.helpers import document_meta, file_response

PAGE = "http://www.zhoukou.gov.cn/zwgk/ndbg/202501/t20250124_1345678.html"
PICTURES = ["http://www.zhoukou.gov.cn/zwgk/ndbg/202501/W020250124593812345678.png",
            "http://www.zhoukou.gov.cn/uploads/2025/01/24/a5f3c0e1.png",
            "http://file.zhoukou.gov.cn/uploads/2025/01/b7e2d4c9.jpg",
            "http://www.zhoukou.gov.cn/uploads/2025/01/24/e8f9a0b1.png"]
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _spider(pictures_max: int = 12) -> ReportsSpider:
    """A spider made by Scrapy's crawler, with the picture settings."""
    site = Site("zhoukou", "周口市人民政府", ("http://www.zhoukou.gov.cn/",), allowed_domains=("zhoukou.gov.cn",))
    settings = Settings({"REPORT_PICTURES_MAX": pictures_max, "REPORT_PICTURE_MAXSIZE": 1000})
    crawler = Crawler(ReportsSpider, settings)
    crawler.stats = MemoryStatsCollector(crawler)   # where a failed picture is counted
    return ReportsSpider.from_crawler(crawler, site=site)


@pytest.fixture
def spider() -> ReportsSpider:
    return _spider()


def _page(spider) -> list:
    return list(spider.parse_document(file_response("detail_picture_tables.html", PAGE, document_meta())))


def _answer(request: scrapy.Request, body: bytes = PNG, content_type: bytes = b"image/png") -> Response:
    return Response(request.url, body=body, headers={"Content-Type": content_type}, request=request)


def _failure(request: scrapy.Request) -> Failure:
    failure = Failure(ConnectionRefusedError("refused"))
    failure.request = request
    return failure


def _fetch_all(spider, answer) -> ReportDocument:
    """Follow the chain from the page to its item, answering each picture request with ``answer(request)``."""
    [result] = _page(spider)
    while isinstance(result, scrapy.Request):
        outcome = answer(result)
        [result] = (spider.on_picture_error(outcome) if isinstance(outcome, Failure)
                    else spider.parse_picture(outcome))
    return result


def test_the_page_asks_for_its_first_picture_and_yields_nothing_yet(spider):
    assert [r.url for r in _page(spider)] == PICTURES[:1]


def test_a_picture_request_is_never_dropped_as_a_duplicate(spider):
    assert _page(spider)[0].dont_filter


def test_a_picture_request_is_limited_to_the_picture_size(spider):
    assert _page(spider)[0].meta["download_maxsize"] == 1000


def test_at_most_report_pictures_max_are_fetched():
    item = _fetch_all(_spider(pictures_max=2), _answer)
    assert len(email.message_from_bytes(item.body).get_payload()) == 1 + 2


def test_a_picture_asks_for_the_next_one(spider):
    [first] = _page(spider)
    assert [r.url for r in spider.parse_picture(_answer(first))] == PICTURES[1:2]


def test_the_last_picture_yields_the_page_as_one_bundle(spider):
    assert _fetch_all(spider, _answer).content_type == "multipart/related"


def test_the_bundle_holds_every_picture_under_the_url_the_page_names(spider):
    item = _fetch_all(spider, _answer)
    names = [part["Content-Location"] for part in email.message_from_bytes(item.body).get_payload()]
    assert names == [PAGE, *PICTURES]


def test_the_bundled_item_keeps_the_page_url(spider):
    assert _fetch_all(spider, _answer).final_url == PAGE


def test_the_bundled_item_keeps_the_agency_the_page_names(spider):
    assert _fetch_all(spider, _answer).agency == "周口市生态环境局"


def test_a_failed_picture_is_left_out(spider):
    item = _fetch_all(spider, lambda r: _failure(r) if r.url == PICTURES[1] else _answer(r))
    names = [part["Content-Location"] for part in email.message_from_bytes(item.body).get_payload()]
    assert names == [PAGE, PICTURES[0], *PICTURES[2:]]


def test_an_error_page_answered_as_a_picture_is_left_out(spider):
    item = _fetch_all(spider, lambda r: _answer(r, b"<html>404</html>", b"text/html")
                      if r.url == PICTURES[0] else _answer(r))
    names = [part["Content-Location"] for part in email.message_from_bytes(item.body).get_payload()]
    assert names == [PAGE, *PICTURES[1:]]


def test_a_page_whose_pictures_all_fail_is_yielded_as_html(spider):
    assert _fetch_all(spider, _failure).content_type == "text/html"


def test_a_page_whose_pictures_all_fail_keeps_its_own_bytes(spider):
    assert _fetch_all(spider, _failure).body == file_response("detail_picture_tables.html", PAGE).body

