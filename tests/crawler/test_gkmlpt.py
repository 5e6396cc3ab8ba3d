"""广东's gkmlpt pages: each catalog linked as a hash route is read as its list API, by the site id the page's
script names; a page linking none reads its catalogs from the platform's tree answer (crawler.scripted.gkmlpt)."""

from __future__ import annotations

import lxml.html
import scrapy

from crawler.pages.links import answer_links
from crawler.scripted.gkmlpt import MAX_CATALOGS, TREE_NAME, catalog_links, platform_sid, tree_items
from tests.crawler.helpers import FILES, file_response, list_meta

INDEX = "http://www.zhoukou.gov.cn/gkmlpt/index"
API_2059 = "http://www.zhoukou.gov.cn/gkmlpt/api/all/2059?page=1&sid=757"


def _root(name: str = "gkmlpt_hash_catalogs.html"):
    return lxml.html.fromstring((FILES / name).read_text(encoding="utf-8"))


def test_each_hash_route_catalog_is_its_list_api_named_as_the_route():
    links = {link.url: link.text for link in catalog_links(_root(), INDEX, platform_sid(_root(), INDEX))}
    assert links == {API_2059: "政府信息公开年报",
                     "http://www.zhoukou.gov.cn/gkmlpt/api/all/2101?page=1&sid=757": "政策文件"}


def test_only_a_gkmlpt_page_naming_its_site_id_is_read():
    assert platform_sid(_root(), INDEX) == "757"
    assert platform_sid(_root(), "http://www.zhoukou.gov.cn/xxgk/index.html") is None
    bare = lxml.html.fromstring('<html><body><a href="#2059">政府信息公开年报</a><script>var n = 1;</script></body></html>')
    assert platform_sid(bare, INDEX) is None


def test_the_spider_asks_the_annual_report_catalogs_list(spider):
    requests = [r for r in spider.parse_page(file_response("gkmlpt_hash_catalogs.html", INDEX, list_meta("page")))
                if isinstance(r, scrapy.Request)]
    assert API_2059 in {r.url for r in requests}


def test_catalogs_read_are_bounded():
    menu = "".join(f'<a href="#{n}">目录{n}</a>' for n in range(MAX_CATALOGS * 3))
    root = lxml.html.fromstring(f"<html><body>{menu}<script>var SID = '1';</script></body></html>")
    assert len(catalog_links(root, INDEX, "1")) == MAX_CATALOGS


TREE_INDEX = "http://www.beilan.gov.cn/gkmlpt/index"
TREE_API = "http://www.beilan.gov.cn/gkmlpt/api/tree?sid=7652"


def test_a_page_linking_no_catalog_links_the_platforms_tree():
    root = _root("gkmlpt_tree_catalogs.html")
    assert [(link.url, link.text) for link in catalog_links(root, TREE_INDEX, platform_sid(root, TREE_INDEX))] == \
        [(TREE_API, TREE_NAME)]


def test_each_catalog_of_the_tree_answer_is_its_list_api_named_by_the_tree():
    text = (FILES / "gkmlpt_tree.json").read_text(encoding="utf-8")
    links = {link.url: link.text for link in answer_links(text, TREE_API, tree_items(TREE_API))}
    assert links == {f"http://www.beilan.gov.cn/gkmlpt/api/all/{c}?page=1&sid=7652": name for c, name in
                     ((2060, "政府信息公开指南"), (2059, "政府信息公开年报"), (2101, "政策文件"), (2102, "规范性文件"))}


def test_only_a_tree_answer_naming_its_site_gives_catalog_lists():
    assert tree_items("http://www.beilan.gov.cn/gkmlpt/api/tree") == ()
    assert tree_items("http://www.beilan.gov.cn/gkmlpt/api/all/2059?page=1&sid=7652") == ()
