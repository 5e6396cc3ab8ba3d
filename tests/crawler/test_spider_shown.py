"""Reports a page shows without holding them (crawler.shown): a viewer's file linked from a list, a file behind the
page's download function. Frozen pages in tests/files/."""

from __future__ import annotations

import scrapy

from tests.crawler.helpers import document_meta, file_response, list_meta

SITE = "http://www.zhoukou.gov.cn"


def _requests(results) -> list[scrapy.Request]:
    return [r for r in results if isinstance(r, scrapy.Request)]


def test_a_lists_links_to_a_pdf_viewer_request_the_file_it_shows(spider):
    page = SITE + "/fgw/xxgk/ndbg/index.html"
    out = _requests(spider.parse_page(file_response("list_pdf_viewer_links.html", page, list_meta())))
    documents = {r.url: r.meta["verdict"] for r in out + spider._held.release_all() if r.meta["role"] == "document"}
    assert documents == {SITE + "/fgw/upload/2025/01/nb2024.pdf": "report",
                         SITE + "/fgw/upload/2024/01/nb2023.pdf": "report",
                         SITE + "/fgw/art/2023/nb2022.html": "report"}


def test_a_file_the_pages_download_function_fetches_is_the_reports_attachment(spider):
    page = SITE + "/jyj/art/2025/8812.html"
    requests = _requests(spider.parse_document(file_response("detail_download_function.html", page, document_meta())))
    assert [(r.url, r.meta["verdict"]) for r in requests] == [(SITE + "/jyj/common/download.do?fileId=88121", "report")]
