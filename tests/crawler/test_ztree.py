"""Column trees zTree loads a branch at a time, asked as the page's setting says (crawler.scripted.ztree): inline frozen
setting and answers of a 人社 信息公开目录."""

from __future__ import annotations

import json
import pickle

import pytest
import scrapy
from scrapy.http import HtmlResponse, Request, TextResponse

from crawler.scripted.ztree import MAX_TREES, AsyncTrees, loaded_trees
from crawler.spiders.reports import ReportsSpider
from tests.crawler.helpers import file_response, list_meta

PAGE = "http://www.zhoukou.gov.cn/rsj/xxgk/index.html"
TREE = "http://www.zhoukou.gov.cn/rsj/xxgk/tree.do"
SETTING = ('var setting = {async: {enable: true, url: "/rsj/xxgk/tree.do", autoParam: ["id=channelId", "level=lv"],'
           ' otherParam: {"siteId": "rsj", type: "gk"}}, callback: {onClick: open}};'
           ' $.fn.zTree.init($("#tree"), setting);')
ROOTS = [{"id": "5", "name": "法定主动公开内容", "isParent": True},
         {"id": "6", "name": "政府信息公开指南", "isParent": False, "url": "/rsj/xxgk/guide.html"}]


def _page() -> HtmlResponse:
    body = f'<html><head><title>信息公开目录</title></head><body><ul id="tree" class="ztree"></ul><script>{SETTING}</script></body></html>'
    return HtmlResponse(url=PAGE, body=body.encode(), encoding="utf-8",
                        request=Request(PAGE, meta={"role": "page", "hops": 1, "link_text": "信息公开目录"}))


def _answer(url: str, nodes: list) -> TextResponse:
    return TextResponse(url=url, body=json.dumps(nodes, ensure_ascii=False).encode(), encoding="utf-8",
                        headers={"Content-Type": "application/json"},
                        request=Request(url, meta={"role": "page", "hops": 2, "link_text": ""}))


def _urls(results) -> set[str]:
    return {r.url for r in results if isinstance(r, scrapy.Request)}


def test_the_first_request_sends_the_other_parameters(spider):
    assert f"{TREE}?siteId=rsj&type=gk" in _urls(spider.parse_page(_page()))


def test_a_closed_branch_is_asked_by_the_parameters_the_setting_names(spider):
    list(spider.parse_page(_page()))
    urls = _urls(spider.parse_page(_answer(f"{TREE}?siteId=rsj&type=gk", ROOTS)))
    assert f"{TREE}?channelId=5&lv=0&siteId=rsj&type=gk" in urls


def test_the_tree_and_its_branches_are_asked_as_the_rest_of_the_page_that_set_it_up(spider):
    """Marked a catalogue, they are asked whichever of the sub-site's pages came first: a column found before the
    tree's answer arrived dropped them as exploring, and portal_d lost the city's reports at concurrency 8 and 16."""
    first = {r.url: r for r in spider.parse_page(_page()) if isinstance(r, scrapy.Request)}
    assert first[f"{TREE}?siteId=rsj&type=gk"].meta.get("catalogue")
    branches = {r.url: r for r in spider.parse_page(_answer(f"{TREE}?siteId=rsj&type=gk", ROOTS))
                if isinstance(r, scrapy.Request)}
    assert branches[f"{TREE}?channelId=5&lv=0&siteId=rsj&type=gk"].meta.get("catalogue")
    assert not branches["http://www.zhoukou.gov.cn/rsj/xxgk/guide.html"].meta.get("catalogue")


def test_a_branch_below_is_one_level_deeper(spider):
    list(spider.parse_page(_page()))
    nodes = [{"id": "51", "name": "机构职能", "isParent": True}]
    urls = _urls(spider.parse_page(_answer(f"{TREE}?channelId=5&lv=0&siteId=rsj&type=gk", nodes)))
    assert f"{TREE}?channelId=51&lv=1&siteId=rsj&type=gk" in urls


def test_a_tree_of_no_setting_is_asked_by_id(spider):
    assert f"{TREE}?id=5" in _urls(spider.parse_page(_answer(TREE, ROOTS)))


def test_an_array_of_other_parameters_is_read_as_names_and_values():
    code = SETTING.replace('{"siteId": "rsj", type: "gk"}', '["siteId", "rsj", "type", "gk"]')
    [tree] = AsyncTrees().read([code], PAGE)
    assert tree.other == (("siteId", "rsj"), ("type", "gk"))


def test_the_trees_kept_are_bounded():
    trees = AsyncTrees()
    codes = [SETTING.replace("/rsj/xxgk/tree.do", f"/t{k}/tree.do") for k in range(MAX_TREES + 5)]
    trees.read(codes, PAGE)
    assert trees.branches(f"http://www.zhoukou.gov.cn/t{MAX_TREES + 1}/tree.do") is None
    assert trees.branches("http://www.zhoukou.gov.cn/t0/tree.do") is not None


def test_a_resumed_crawl_asks_a_branch_as_the_setting_read_before_it_was_interrupted(spider):
    """Under JOBDIR a branch request queued before an interruption is answered in the resumed crawl, whose
    spider never saw the page that set the tree up: the setting is kept in the spider's saved state."""
    list(spider.parse_page(_page()))
    spider.state = {}
    spider._save_state("shutdown")
    resumed = ReportsSpider(site=spider.site)
    resumed.state = pickle.loads(pickle.dumps(spider.state))   # as Scrapy's SpiderState extension keeps it
    resumed._restore_state()
    urls = _urls(resumed.parse_page(_answer(f"{TREE}?siteId=rsj&type=gk", ROOTS)))
    assert f"{TREE}?channelId=5&lv=0&siteId=rsj&type=gk" in urls


def test_a_tree_drawn_whole_from_an_answer_its_script_asks_is_asked_with_the_scripts_data(spider):
    # a platform's 信息公开目录 of one department: $.getJSON('/xxgk/catalog.json', {deptId: …}) handed to zTree.init
    page = "http://www.zhoukou.gov.cn/xxgk/catalog.html?deptId=1002"
    response = file_response("catalog_tree_loaded_as_json.html", page, list_meta("page"))
    asked = _urls(spider.parse_page(response))
    assert "http://www.zhoukou.gov.cn/xxgk/catalog.json?deptId=1002&siteId=nzxxgk" in asked
    assert not any("visit.do" in url for url in asked)   # the page's other request draws no tree


def test_a_scripts_requests_drawing_no_tree_are_no_links():
    code = ("$.getJSON('/xxgk/visit.do', {page: 'catalog'}, function (n) { $('#count').text(n.count); });"
            " $.fn.zTree.init($('#t'), setting, zNodes); $.get('/xxgk/stat.do', {id: 1});")
    assert loaded_trees(code, PAGE) == [] and loaded_trees(code[:90], PAGE) == []


def test_a_trees_request_is_read_in_a_bounded_window():
    code = "$.getJSON('/xxgk/catalog.json', {deptId: '1'}, function (n) {" + " " * 600 + "$.fn.zTree.init($('#t'), s, n); });"
    assert loaded_trees(code, PAGE) == []


def test_an_async_trees_script_is_asked_branch_by_branch_never_whole():
    assert loaded_trees(SETTING + " $.get('/rsj/xxgk/tree.do', {id: 1});", PAGE) == []


@pytest.mark.parametrize(("code", "asked"), [
    ("$.ajax({url: '/xxgk/tree.do', type: 'GET', data: {deptId: 2}, success: function (res) {"
     " $.fn.zTree.init($('#t'), setting, res.data); }});", "http://www.zhoukou.gov.cn/xxgk/tree.do?deptId=2"),
    ("$.get('/xxgk/tree.do', {deptId: 3}, res => { $.fn.zTree.init($('#t'), setting, res.list); });",
     "http://www.zhoukou.gov.cn/xxgk/tree.do?deptId=3"),
    ("$.get('/xxgk/tree.do', {deptId: 3}, res => { $.fn.zTree.init($('#t'), setting, zNodes); });", None)])
def test_a_trees_request_is_the_one_whose_callback_hands_the_tree_its_answer(code, asked):
    assert loaded_trees(code, PAGE) == ([asked] if asked else [])
