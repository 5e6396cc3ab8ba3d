"""Single-page applications whose code is in bundled script files: which files of a shell are fetched
(crawler.bundles), and the spider's way from the shell through its bundle to the API."""

from __future__ import annotations

import json

import scrapy
from scrapy.http import Request, TextResponse

from crawler.bundles import shell_scripts
from tests.crawler.helpers import FILES, file_response

SHELL = "http://www.zhoukou.gov.cn/zwgk/nb/"
BUNDLE = "http://www.zhoukou.gov.cn/zwgk/nb/static/js/app.3f2a1c9e.js"


def _root(name: str, url: str):
    return file_response(name, url).selector.root


# -- which script files are a shell's own ----------------------------------------------------------------

def test_a_vue_cli_shells_own_bundle_is_fetched_not_its_vendors_nor_another_hosts():
    assert shell_scripts(_root("spa_shell_vue_cli.html", SHELL), SHELL) == [BUNDLE]


def test_a_vite_shells_module_is_fetched_not_its_vendor_preload():
    url = "http://www.zhoukou.gov.cn/gk/nb/"
    assert shell_scripts(_root("spa_shell_vite.html", url), url) == [
        "http://www.zhoukou.gov.cn/gk/nb/assets/index.7c9d2e4f.js"]


def test_a_page_with_content_in_its_mount_point_is_no_shell():
    # column_vue_axios.html: the Vue app's template is written in the page, and so is its script.
    url = "http://www.zhoukou.gov.cn/xxgk/nb.html"
    assert shell_scripts(_root("column_vue_axios.html", url), url) == []


# -- the spider: shell, bundle, API ----------------------------------------------------------------------

def _shell_requests(spider) -> list[scrapy.Request]:
    meta = {"role": "page", "hops": 2, "chain": 0, "subsite": 0, "link_text": "政府信息公开年报"}
    return [r for r in spider.parse_page(file_response("spa_shell_vue_cli.html", SHELL, meta))
            if isinstance(r, scrapy.Request)]


def test_a_column_shell_has_its_bundle_fetched(spider):
    bundles = [r for r in _shell_requests(spider) if r.meta.get("role") == "bundle"]
    assert [(r.url, r.meta["shell"]) for r in bundles] == [(BUNDLE, SHELL)]


def test_a_bundle_asks_the_api_for_the_shells_list(spider):
    request = next(r for r in _shell_requests(spider) if r.meta.get("role") == "bundle")
    response = TextResponse(url=BUNDLE, body=(FILES / "bundle_webpack_app.js").read_bytes(), encoding="utf-8",
                            headers={"Content-Type": "application/javascript"},
                            request=Request(BUNDLE, meta=request.meta))
    post = next(spider.parse_bundle(response))
    assert (post.url, json.loads(post.body), post.meta["list_of"], post.meta["api"]["item_urls"]) == (
        "http://www.zhoukou.gov.cn/prod-api/cms/content/list", {"pageNum": 1, "pageSize": 10, "categoryId": "gknb"},
        SHELL, [["/zwgk/content/", "id", ".html"]])


def test_a_shell_not_called_a_column_has_no_bundle_fetched(spider):
    meta = {"role": "page", "hops": 2, "chain": 0, "subsite": 0, "link_text": "互动交流"}
    response = file_response("spa_shell_vite.html", "http://www.zhoukou.gov.cn/hdjl/", meta)
    response = response.replace(body=response.body.replace("年度报告".encode(), "留言".encode()))
    requests = [r for r in spider.parse_page(response) if isinstance(r, scrapy.Request)]
    assert [r for r in requests if r.meta.get("role") == "bundle"] == []
