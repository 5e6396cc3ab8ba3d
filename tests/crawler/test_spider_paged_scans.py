"""The spider on a frozen report printed as pictures over a paged article (DedeCMS ``623.html``, ``623_2.html``,
``623_3.html``: each page one picture of a page of the report, no text): it fetches the further pages, then
every page's picture, and yields one item, the pages and their pictures bundled in order; so for a report scanned
onto one page (its pages' pictures in its article), never an item a picture."""

from __future__ import annotations

import email

import pytest
import scrapy
from scrapy.crawler import Crawler
from scrapy.http import HtmlResponse, Response
from scrapy.settings import Settings

from crawler.items import ReportDocument
from crawler.siteconfig import Site
from crawler.spiders.reports import ReportsSpider
from tests.crawler.helpers import FILES, document_meta, file_response

PAGE = "http://zjj.nanchuan.gov.cn/a/xxgk/ndbg/2025/0116/623.html"
FURTHER = [PAGE.replace(".html", "_2.html"), PAGE.replace(".html", "_3.html")]
FILE_OF = {PAGE: "detail_paged_scans.html", FURTHER[0]: "detail_paged_scans_1.html",
           FURTHER[1]: "detail_paged_scans_2.html"}
SCANS = [f"http://zjj.nanchuan.gov.cn/uploads/allimg/250116/1-25011609341{n}.jpg" for n in range(3)]
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
# a report scanned onto one page: its pages' pictures in its article, no text, no file linked
ONE_PAGE = "http://www.nanchuan.gov.cn/zwgk/ndbg/t20230210_556677.html"
ONE_PAGE_SCANS = [f"http://www.nanchuan.gov.cn/zwgk/ndbg/W020230210556677_{n}.jpg" for n in (1, 2, 3)]


@pytest.fixture
def spider() -> ReportsSpider:
    site = Site("nanchuan", "南川市人民政府", ("http://www.nanchuan.gov.cn/",), allowed_domains=("nanchuan.gov.cn",))
    return ReportsSpider.from_crawler(Crawler(ReportsSpider, Settings({"REPORT_PICTURES_MAX": 12})), site=site)


def _answer(request: scrapy.Request) -> Response:
    if request.url in FILE_OF:
        return HtmlResponse(request.url, body=(FILES / FILE_OF[request.url]).read_bytes(), request=request,
                            headers={"Content-Type": "text/html; charset=utf-8"})
    return Response(request.url, body=PNG + request.url.encode(), request=request,
                    headers={"Content-Type": "image/jpeg"})


def _fetch_all(spider, name: str = FILE_OF[PAGE], url: str = PAGE) -> tuple[ReportDocument, list[str]]:
    asked = []
    [result] = list(spider.parse_document(file_response(name, url, document_meta())))
    while isinstance(result, scrapy.Request):
        asked.append(result.url)
        [result] = result.callback(_answer(result))
    return result, asked


def test_every_page_and_its_picture_is_fetched_in_order(spider):
    assert _fetch_all(spider)[1] == [*FURTHER, *SCANS]


def test_the_report_is_one_bundle_of_its_pages_and_their_pictures_in_order(spider):
    item, _ = _fetch_all(spider)
    parts = email.message_from_bytes(item.body).get_payload()
    assert (item.final_url, item.content_type) == (PAGE, "multipart/related")
    assert [p["Content-Location"] for p in parts] == [PAGE, *FURTHER, *SCANS]


def test_a_scan_on_one_page_is_one_bundle_of_the_page_and_its_pictures_in_order(spider):
    item, asked = _fetch_all(spider, "detail_scanned_images.html", ONE_PAGE)
    parts = email.message_from_bytes(item.body).get_payload()
    assert asked == ONE_PAGE_SCANS
    assert (item.final_url, item.content_type, item.verdict) == (ONE_PAGE, "multipart/related", "report")
    assert [p["Content-Location"] for p in parts] == [ONE_PAGE, *ONE_PAGE_SCANS]
