"""Reports a page shows without holding them (crawler.shown): a viewer's file linked from a list. Frozen pages in
tests/files/."""

from __future__ import annotations

import scrapy

from tests.crawler.helpers import file_response, list_meta

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
