"""The spider on a frozen list page whose links call functions of the site's script file (tests/files/): the file
asked before the page is read, the page read once it answered, no more files than the crawl's bound."""

from __future__ import annotations

import scrapy
from scrapy.http import HtmlResponse, TextResponse

from crawler.pages.sitescripts import MAX_PER_CRAWL, MAX_SCRIPT_BYTES
from tests.crawler.helpers import FILES, file_response

PAGE = "http://www.zhoukou.gov.cn/xxgk/ndbg/index.html"
SCRIPT = "http://www.zhoukou.gov.cn/js/common.js?v=20240118"
REPORT = "http://www.zhoukou.gov.cn/xxgk/ndbg/art/10824.html"


def _urls(results) -> list[str]:
    return [r.url for r in results if isinstance(r, scrapy.Request)]


def _page(spider) -> list[scrapy.Request]:
    return [r for r in spider.parse_page(file_response("list_site_script_calls.html", PAGE,
                                                       {"role": "page", "hops": 1})) if isinstance(r, scrapy.Request)]


def test_a_page_calling_functions_of_its_script_file_asks_the_file_first(spider):
    assert _urls(_page(spider)) == [SCRIPT]


def test_the_page_is_read_once_its_script_file_answered(spider):
    [asked] = _page(spider)
    script = TextResponse(SCRIPT, body=(FILES / "site_script_common.js").read_bytes(), encoding="utf-8",
                          request=asked)
    assert REPORT in _urls(spider.parse_site_script(script))


def test_past_the_crawls_bound_of_script_files_a_page_is_read_without_them(spider):
    spider._scripts_asked = MAX_PER_CRAWL
    assert SCRIPT not in _urls(_page(spider))


def test_a_script_file_is_read_no_further_than_its_bound(spider):
    [asked] = _page(spider)
    assert asked.meta["download_maxsize"] == MAX_SCRIPT_BYTES


def test_a_fragment_a_function_of_the_sites_script_file_loads_calls_that_files_functions(spider):
    [asked] = [r for r in spider.parse_page(file_response("list_site_script_year_tabs.html", PAGE,
                                                           {"role": "page", "hops": 1})) if isinstance(r, scrapy.Request)]
    script = TextResponse(asked.url, body=(FILES / "site_script_year_tabs.js").read_bytes(), encoding="utf-8",
                          request=asked)
    [year] = [r for r in spider.parse_site_script(script) if r.url.endswith("/xxgk/ndbg/2023.html")]
    fragment = file_response("fragment_site_script_year.html", year.url, year.meta,
                             {"Content-Type": "text/html; charset=utf-8"})
    assert "http://www.zhoukou.gov.cn/xxgk/ndbg/art/10823.html" in _urls(spider.parse_page(fragment))


def test_a_page_needing_a_script_file_already_asked_waits_for_its_answer_and_is_read_with_it(spider):
    # many lists of one template arrive together, each needing the same file: the frontier refuses its second fetch
    [asked] = _page(spider)
    other = "http://www.zhoukou.gov.cn/xxgk/ndbg/index_1.html"
    body = (FILES / "list_site_script_calls.html").read_bytes().replace(b"goUrl(10824)", b"goUrl(20824)")
    page = HtmlResponse(other, body=body, encoding="utf-8", request=scrapy.Request(other, meta={"role": "page", "hops": 1}))
    assert _urls(spider.parse_page(page)) == []
    script = TextResponse(SCRIPT, body=(FILES / "site_script_common.js").read_bytes(), encoding="utf-8",
                          request=asked)
    urls = _urls(spider.parse_site_script(script))
    assert REPORT in urls and "http://www.zhoukou.gov.cn/xxgk/ndbg/art/20824.html" in urls


TREE_PAGE = "http://www.zhoukou.gov.cn/xxgk/index.html"
TREE_SCRIPT = "http://www.zhoukou.gov.cn/xxgk/js/deptTree.js"


def test_a_box_no_inline_script_fills_asks_the_script_file_drawing_it_and_its_tree_is_read(spider):
    # a 集约化 platform's home: an empty <ul id="deptTree" class="ztree">, no inline script; its deptTree.js hands
    # the answer of a JSONP request to zTree.init
    [asked] = [r for r in spider.parse_page(file_response("platform_unit_tree.html", TREE_PAGE,
                                                           {"role": "page", "hops": 1})) if isinstance(r, scrapy.Request)]
    assert asked.url == TREE_SCRIPT
    script = TextResponse(TREE_SCRIPT, body=(FILES / "platform_unit_tree.js").read_bytes(), encoding="utf-8",
                          request=asked)
    assert any(url.startswith("http://www.zhoukou.gov.cn/xxgk/api/deptTree?siteCode=lsx&callback=")
               for url in _urls(spider.parse_site_script(script)))
